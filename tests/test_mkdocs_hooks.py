"""The MkDocs hook keeps compiled templates between builds, and recompiles an edited one."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "kb_mkdocs_hooks", ROOT / "macros" / "adapters" / "mkdocs_hooks.py"
)
assert _spec is not None and _spec.loader is not None
hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hooks)


def _environment(templates: dict[str, str], cache: Any) -> tuple[jinja2.Environment, list[str]]:
    """A fresh environment, as MkDocs makes one per build, that records what it compiles."""
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.bytecode_cache = cache
    compiled: list[str] = []
    compile_source = env.compile

    def counting(source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(name))
        return compile_source(source, name, *args, **kwargs)

    env.compile = counting  # type: ignore[method-assign]
    return env, compiled


def test_the_site_config_loads_the_hook() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert any(plugin.endswith("mkdocs_hooks.py") for plugin in config.hooks)


def test_a_second_build_reuses_the_compiled_template() -> None:
    cache = hooks.MemoryBytecodeCache()
    first, compiled_first = _environment({"page.html": "Hallo {{ naam }}"}, cache)
    assert first.get_template("page.html").render(naam="Mechelen") == "Hallo Mechelen"
    second, compiled_second = _environment({"page.html": "Hallo {{ naam }}"}, cache)
    assert second.get_template("page.html").render(naam="Gent") == "Hallo Gent"
    assert compiled_first == ["page.html"] and compiled_second == []


def test_an_edited_template_is_compiled_again() -> None:
    cache = hooks.MemoryBytecodeCache()
    _environment({"page.html": "Oud"}, cache)[0].get_template("page.html")
    edited, compiled = _environment({"page.html": "Nieuw"}, cache)
    assert edited.get_template("page.html").render() == "Nieuw"
    assert compiled == ["page.html"]


def test_on_env_gives_every_build_the_same_bytecode_cache_and_a_theme_cache_of_its_own() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    envs = [config.theme.get_env(), config.theme.get_env()]
    assert [hooks.on_env(env, config, None).bytecode_cache for env in envs] == [hooks.CACHE, hooks.CACHE]
    first, second = (env.globals["kb_theme"] for env in envs)
    assert first is not second
    # Material's own partial under theme/, beside the override of the same name.
    assert "theme/partials/nav.html" in envs[0].list_templates()
    assert (
        envs[0].get_template("partials/nav.html").filename
        != envs[0].get_template("theme/partials/nav.html").filename
    )


def test_under_serve_a_full_build_of_invalid_records_shows_the_last_good_site_and_the_problems(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """A full build under serve (an edit outside the records, say) while the records have an error:
    the pages are the last good records' pages, and the build's state holds the problems."""
    import shutil

    from mkdocs.structure.files import Files

    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests" / "fixtures" / "records", records)
    monkeypatch.setenv("KB_RECORDS_DIR", str(records))
    monkeypatch.setenv("KB_TODAY", "2025-01-15")

    def config() -> Any:
        return load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))

    first = config()
    # MkDocs loads the hook once per process and runs its events through the plugin collection.
    loaded = first.plugins["macros/adapters/mkdocs_hooks.py"]
    monkeypatch.setattr(loaded, "SESSION", loaded.ServeSession())
    first.plugins.on_startup(command="serve", dirty=False)
    first.plugins.on_files(Files([]), config=first)
    practice = records / "taalcafe-beekveld.yml"
    good = practice.read_text(encoding="utf-8")
    practice.write_text(
        good.replace("title: Taalcafé Beekveld", "titel: Taalcafé Beekveld", 1), encoding="utf-8"
    )
    again = config()
    files = again.plugins.on_files(Files([]), config=again)
    page = files.get_file_from_path("praktijken/taalcafe-beekveld.md")
    assert page is not None and page.page is not None
    assert page.page.structure.title == "Taalcafé Beekveld", "the last good version of the page"
    problems = loaded.state_of(again).problems
    assert problems and all("taalcafe-beekveld.yml" in p.format(records) for p in problems)
