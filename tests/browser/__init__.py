"""Browser tests: headless Chromium against a built site.

A package, so that its module names (conftest, test_catalogue) do not clash with those in tests/.
"""
