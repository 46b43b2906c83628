"""A click on the catalogue's "Toon meer" and "Toon alle", and waiting for what it changes."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from playwright.sync_api import Locator


def click_until(button: Locator, done: Callable[[float], None]) -> None:
    """Click `button`, then wait until `done` (an `expect(...)` given its timeout in ms) holds.

    Twice on 2026-12-06, with two test workers on the two cores, a click on these buttons left the
    list as it was, for a reason not found: the list's own handler acts at once, and 25 clicks on a
    throttled CPU beside three busy loops never missed. So a click without effect after 5 s is made
    once more, with a warning that shows in the test run's summary, and the test fails only if that
    one has no effect either.
    """
    button.click()
    try:
        done(5_000)
    except AssertionError:
        warnings.warn(f"a click on {button} took effect only when made again", stacklevel=2)
        button.click()
        done(10_000)
