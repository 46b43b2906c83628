"""CI configuration: the workflows are valid, pinned, and run the same commands a developer runs.

Cheap checks that keep .github/, .ci/run and the Makefile from drifting apart, and that a broken
record is annotated on its file and line in a pull request.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


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


def test_every_action_is_pinned_to_an_exact_version() -> None:
    for file in sorted(WORKFLOWS.glob("*.yml")):
        for job_name, job in workflow(file.name)["jobs"].items():
            for step in job["steps"]:
                if "uses" in step:
                    assert PINNED.match(step["uses"]), (
                        f"{file.name}: {job_name}: {step['uses']} is not pinned"
                    )


def test_pull_requests_validate_before_testing_building_and_link_checking() -> None:
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow["on"]
    order = steps(flow, "check")
    positions = [
        first_step(order, needle)
        for needle in (
            "actions/checkout",
            "make setup",
            "make validate",
            ".ci/run",
            "make build",
            "scripts/linkcheck.py site",
            "actions/upload-artifact",
        )
    ]
    assert positions == sorted(positions), f"steps out of order: {positions}"
    assert order[positions[-1]]["with"]["path"].rstrip("/") == "site"


def test_the_workflow_commands_are_the_makefile_and_ci_entry_commands() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    prerequisites, recipe = make_recipe("test")
    assert "setup" in prerequisites and "browsers" in prerequisites
    assert any("scripts/validate.py" in line for line in recipe)
    assert any("pytest" in line for line in recipe)
    _, build = make_recipe("build")
    assert any("mkdocs build --strict" in line for line in build), build
    _, browsers = make_recipe("browsers")
    assert any("apt-get install -y --no-install-recommends chromium" in line for line in browsers)


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


def test_a_broken_record_is_annotated_on_its_file_and_line(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(ROOT / "practices", records)
    broken = sorted((records / "sources").glob("*.yml"))[0]
    lines = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    key = next(index for index, line in enumerate(lines) if re.match(r"[a-z_]+:", line))
    lines.insert(key + 1, lines[key])  # the first top-level key twice: a duplicate key
    broken.write_text("".join(lines), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "records"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    patterns = matchers()
    annotated = [m for line in done.stdout.splitlines() if (m := patterns["kb-validate-error"].match(line))]
    assert annotated, done.stdout
    assert all((tmp_path / m.group(1)).is_file() and int(m.group(2)) >= 1 for m in annotated)
    assert any(
        m.group(1) == f"records/sources/{broken.name}" and m.group(2) == str(key + 2) for m in annotated
    )
    assert not any(patterns["kb-validate-warning"].match(line) for line in done.stdout.splitlines())


def test_the_matchers_tell_the_validators_errors_from_its_warnings(tmp_path: Path) -> None:
    """Real lines of scripts/validate.py: an error, warnings with and without a field, a stray file."""
    from records_folder import PRACTICE, minimal_records, write_record

    records = minimal_records(tmp_path / "records")
    write_record(
        records,
        "taalcafe.yml",
        PRACTICE.replace("title: Taalcafé", "title: Taalcafé #2 in de bib")
        .replace("last_reviewed: 2026-10-01", "last_reviewed: 2020-01-01")
        .replace("city: teststad", "city: teststat"),
    )
    write_record(records, "notities.txt", "Nog uit te zoeken\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "records"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
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


@pytest.mark.parametrize(("field", "vocabulary"), [("themas", "themes"), ("stadsgrootte", "size-classes")])
def test_the_issue_form_offers_the_vocabulary(field: str, vocabulary: str) -> None:
    form = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "praktijk-voorstellen.yml").read_text("utf-8")
    )
    dropdown = next(item for item in form["body"] if item.get("id") == field)
    terms = yaml.safe_load((ROOT / "practices" / "vocabulary" / f"{vocabulary}.yml").read_text("utf-8"))
    assert dropdown["attributes"]["options"] == [term["label"] for term in terms["terms"]]


def test_the_issue_template_config_and_pull_request_template_exist() -> None:
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 3
