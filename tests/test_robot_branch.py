"""The issue robot never overwrites people: the shell of .github/workflows/issue-to-pr.yml, run offline.

Each test makes a repository with a made-up history (the robot's commits, a maintainer's, GitHub's merge
of the default branch), clones it as `actions/checkout` with `fetch-depth: 0` does, and runs the `run:`
blocks of the workflow's own steps with bash against it: the event payload is the issue-edited payload
in tests/fixtures/events/ (issue 23, default branch `main`), and `gh` is a fake that answers with
recorded pull requests and logs its calls. Before, the robot force-pushed `praktijk/issue-N` on every
edit, over whatever a maintainer had pushed or reviewed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "issue-to-pr.yml"
EVENT = ROOT / "tests" / "fixtures" / "events" / "issues-edited.json"
ROBOT = "41898282+github-actions[bot]@users.noreply.github.com"
MAINTAINER = "an.redacteur@example.org"
GITHUB_WEB = "noreply@github.com"
BRANCH = "praktijk/issue-23"

FAKE_GH = """#!/usr/bin/env bash
# A fake gh: logs its arguments; `gh pr list --head B [--jq F]` prints the recorded pull requests of B.
printf '%s\\n' "$*" >> "$FAKE_GH_LOG"
[ "$1 $2" = "pr list" ] || exit 0
head="" filter="."
while [ $# -gt 0 ]; do
  case $1 in --head) head=$2; shift;; --jq) filter=$2; shift;; esac
  shift
done
jq -c --arg b "$head" '.[$b] // []' "$FAKE_GH_PULLS" | jq -r "$filter"
"""


def step(job: str, name: str) -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"][job]["steps"]
    found: dict[str, Any] = next(s for s in steps if s.get("name") == name)
    return found


def git(cwd: Path, *args: str, email: str = ROBOT, check: bool = True) -> str:
    name = "github-actions[bot]" if email == ROBOT else email.split("@")[0]
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(done.stdout + done.stderr)
    return done.stdout.strip()


class Repository:
    """A bare `origin` with a default branch `main` holding the robot's script, and a working clone."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.origin = root / "origin.git"
        self.work = root / "work"
        git(root, "init", "--quiet", "--bare", "--initial-branch=main", str(self.origin))
        git(root, "clone", "--quiet", str(self.origin), str(self.work))
        (self.work / "scripts").mkdir()
        if (ROOT / "scripts" / "robot_branch.sh").exists():  # not before the robot looked
            shutil.copy2(ROOT / "scripts" / "robot_branch.sh", self.work / "scripts" / "robot_branch.sh")
        (self.work / "scripts" / ".keep").write_text("", encoding="utf-8")
        (self.work / "practices").mkdir()
        (self.work / "practices" / "bestaand.yml").write_text("title: Bestaand\n", encoding="utf-8")
        git(self.work, "add", ".", email=MAINTAINER)
        git(self.work, "commit", "--quiet", "-m", "Begin", email=MAINTAINER)
        git(self.work, "push", "--quiet", "origin", "HEAD:refs/heads/main", email=MAINTAINER)

    def commit_on(self, branch: str, email: str, name: str, parent: str = "origin/main") -> str:
        """Add a commit by `email` to `branch` on origin (made from `parent` when the branch is new)."""
        git(self.work, "fetch", "--quiet", "origin")
        exists = git(self.work, "ls-remote", "--heads", "origin", branch)
        git(self.work, "switch", "--quiet", "--force-create", "tmp", f"origin/{branch}" if exists else parent)
        (self.work / "practices" / f"{name}.yml").write_text(f"title: {name}\n", encoding="utf-8")
        git(self.work, "add", ".", email=email)
        git(self.work, "commit", "--quiet", "-m", name, email=email)
        git(self.work, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", email=email)
        return git(self.work, "rev-parse", "HEAD")

    def merge_main_into(self, branch: str) -> None:
        """What GitHub's "Update branch" button does: a merge commit by GitHub, authored by a maintainer."""
        git(self.work, "fetch", "--quiet", "origin")
        git(self.work, "switch", "--quiet", "--force-create", "tmp", "origin/main")
        (self.work / "practices" / "later.yml").write_text("title: Later\n", encoding="utf-8")
        git(self.work, "add", ".", email=MAINTAINER)
        git(self.work, "commit", "--quiet", "-m", "Later", email=MAINTAINER)
        git(self.work, "push", "--quiet", "origin", "HEAD:refs/heads/main", email=MAINTAINER)
        git(self.work, "switch", "--quiet", "--force-create", "tmp", f"origin/{branch}")
        env_email = GITHUB_WEB
        git(self.work, "merge", "--quiet", "--no-ff", "-m", "Merge main", "origin/main", email=env_email)
        git(self.work, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", email=env_email)

    def checkout(self) -> Path:
        """A clone as actions/checkout with fetch-depth 0 leaves it: every branch as origin/*."""
        target = self.root / "checkout"
        shutil.rmtree(target, ignore_errors=True)
        git(self.root, "clone", "--quiet", str(self.origin), str(target))
        return target


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    return Repository(tmp_path)


def run_step(
    job: str, name: str, cwd: Path, tmp_path: Path, pulls: dict[str, Any], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run a step's `run:` block as the runner does (bash -e -o pipefail), with the fake gh first on
    PATH; return the process and what it wrote to $GITHUB_OUTPUT."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "pulls.json").write_text(json.dumps(pulls), encoding="utf-8")
    output = tmp_path / "github-output"
    output.write_text("", encoding="utf-8")
    found = step(job, name)
    full_env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_EVENT_PATH": str(EVENT),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_SERVER_URL": "https://github.com",
        "RUNNER_TEMP": str(tmp_path),
        "FAKE_GH_PULLS": str(tmp_path / "pulls.json"),
        "FAKE_GH_LOG": str(tmp_path / "gh.log"),
        "ROBOT_NAME": "github-actions[bot]",
        "ROBOT_EMAIL": ROBOT,
        **env,
    }
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", found["run"]],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )
    outputs = dict(
        line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    return done, outputs


def choose(repo: Repository, tmp_path: Path, pulls: dict[str, Any] | None = None) -> dict[str, str]:
    done, outputs = run_step("propose", "Choose the branch", repo.checkout(), tmp_path, pulls or {}, {})
    assert done.returncode == 0, done.stderr
    return outputs


def note(reason: str, branch: str) -> str:
    return (
        f"De robot overschrijft de branch `{BRANCH}` niet: {reason}. Je aangepaste voorstel staat daarom in "
        f"de branch `{branch}`."
    )


EXPRESSIONS = {
    "github.event.issue.number": "23",
    "github.event.repository.default_branch": "main",
    "github.repository": "kennisbank-integratie/kennisbank",
    "secrets.GITHUB_TOKEN": "geen-echt-token",
    "secrets.KB_ROBOT_TOKEN || secrets.GITHUB_TOKEN": "geen-echt-token",
    "secrets.KB_ROBOT_TOKEN != ''": "false",
    # The payload's issue carries the label praktijk-voorstel, not leervraag-voorstel.
    "contains(github.event.issue.labels.*.name, 'leervraag-voorstel') && 'leervraag' || 'praktijk'": "praktijk",
}
"""What the few `${{ }}` expressions of the propose job stand for in this run (no KB_ROBOT_TOKEN)."""


def run_job(job: str, checkout: Path, tmp_path: Path, pulls: dict[str, Any]) -> list[str]:
    """Every `run:` step of a job in order, as the runner would: job and step `env:` with their
    expressions filled in (step outputs from earlier steps), `if:` on env, stop at the first failure.
    Returns the names of the steps that ran. The `uses:` steps are what the test set up itself."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    outputs: dict[str, dict[str, str]] = {}

    def value(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            expression = match.group(1).strip()
            if expression.startswith("steps."):
                _, step_id, _, key = expression.split(".")
                return outputs.get(step_id, {}).get(key, "")
            return EXPRESSIONS[expression]

        return re.sub(r"\$\{\{(.+?)\}\}", one, str(text))

    job_env = {key: value(text) for key, text in workflow["jobs"][job].get("env", {}).items()}
    ran = []
    for found in workflow["jobs"][job]["steps"]:
        if "run" not in found:
            continue
        env = {**job_env, **{key: value(text) for key, text in found.get("env", {}).items()}}
        condition = found.get("if")
        if condition and not _holds(condition, env):
            continue
        done, written = run_step(job, found["name"], checkout, tmp_path, pulls, env)
        assert done.returncode == 0, f"{found['name']}: {done.stderr}"
        outputs[found.get("id", "")] = written
        ran.append(found["name"])
    return ran


def _holds(condition: str, env: dict[str, str]) -> bool:
    """The `if:` forms the job uses: `env.NAME != 'text'` and `env.NAME == 'text'`."""
    match = re.fullmatch(r"env\.(\w+) (==|!=) '(.*)'", condition.strip())
    assert match, f"an if: this test cannot read: {condition}"
    equal = env.get(match.group(1), "") == match.group(3)
    return equal if match.group(2) == "==" else not equal


def test_an_edit_after_a_maintainers_commit_leaves_it_and_proposes_beside_it(
    repo: Repository, tmp_path: Path
) -> None:
    """The whole propose job, as the workflow has it, on an edited issue whose branch a maintainer
    completed: the maintainer's commit stays, the new conversion goes to a branch of its own."""
    repo.commit_on(BRANCH, ROBOT, "voorstel")
    kept = repo.commit_on(BRANCH, MAINTAINER, "aanvulling")
    checkout = repo.checkout()
    # What the convert job hands over: the new record as a patch, and the pull request's texts.
    proposal = tmp_path / "voorstel"
    proposal.mkdir()
    git(checkout, "switch", "--quiet", "--detach")
    (checkout / "practices" / "taalcafe.yml").write_text("title: Taalcafé\n", encoding="utf-8")
    git(checkout, "add", "practices")
    (proposal / "records.patch").write_text(
        git(checkout, "diff", "--cached", "--binary") + "\n", encoding="utf-8"
    )
    git(checkout, "reset", "--quiet", "--hard")
    git(checkout, "switch", "--quiet", "main")
    (proposal / "pr-titel.txt").write_text("Praktijk: Taalcafé", encoding="utf-8")
    (proposal / "pr-tekst.md").write_text("Closes #23\n", encoding="utf-8")
    run_job("propose", checkout, tmp_path, {BRANCH: [{"state": "OPEN", "reviews": []}]})
    assert git(repo.work, "ls-remote", "origin", f"refs/heads/{BRANCH}").split()[0] == kept
    new = git(repo.work, "ls-remote", "origin", f"refs/heads/{BRANCH}-2")
    assert new, "the new conversion is on a branch of its own"
    assert (
        git(repo.origin, "log", "-1", "--format=%ae %s", new.split()[0])
        == f"{ROBOT} Voorstel uit issue #23 ({BRANCH}-2)"
    )
    calls = (tmp_path / "gh.log").read_text(encoding="utf-8")
    assert f"pr create --base main --head {BRANCH}-2 " in calls
    assert f"workflow run pull-request.yml --ref {BRANCH}-2" in calls


def test_a_new_issue_gets_its_own_branch(repo: Repository, tmp_path: Path) -> None:
    assert choose(repo, tmp_path) == {"branch": BRANCH, "lease": "", "note": ""}


def test_the_robots_own_branch_is_updated_in_place(repo: Repository, tmp_path: Path) -> None:
    head = repo.commit_on(BRANCH, ROBOT, "voorstel")
    open_unreviewed = {BRANCH: [{"state": "OPEN", "reviews": []}]}
    assert choose(repo, tmp_path, open_unreviewed) == {"branch": BRANCH, "lease": head, "note": ""}


@pytest.mark.parametrize(
    ("history", "pulls", "reason"),
    [
        ("maintainer", [{"state": "OPEN", "reviews": []}], "er staat een commit van iemand anders op"),
        ("merge", [{"state": "OPEN", "reviews": []}], "er staat een commit van iemand anders op"),
        (
            "robot",
            [{"state": "OPEN", "reviews": [{"author": {"login": "redacteur"}, "state": "COMMENTED"}]}],
            "de pull request ervan is al nagelezen",
        ),
        ("robot", [{"state": "CLOSED", "reviews": []}], "de pull request ervan is gesloten"),
    ],
    ids=["a maintainer's commit", "GitHub's merge of main", "a review", "a closed pull request"],
)
def test_a_branch_people_worked_on_is_left_alone_and_the_issue_is_told(
    repo: Repository, tmp_path: Path, history: str, pulls: list[dict[str, Any]], reason: str
) -> None:
    repo.commit_on(BRANCH, ROBOT, "voorstel")
    if history == "maintainer":
        repo.commit_on(BRANCH, MAINTAINER, "aanvulling")
    elif history == "merge":
        repo.merge_main_into(BRANCH)
    chosen = choose(repo, tmp_path, {BRANCH: pulls})
    assert chosen == {"branch": f"{BRANCH}-2", "lease": "", "note": note(reason, f"{BRANCH}-2")}


def test_the_next_branch_is_reused_while_untouched_and_skipped_once_touched(
    repo: Repository, tmp_path: Path
) -> None:
    repo.commit_on(BRANCH, MAINTAINER, "aanvulling")
    second = repo.commit_on(f"{BRANCH}-2", ROBOT, "voorstel-2")
    reason = "er staat een commit van iemand anders op"
    assert choose(repo, tmp_path) == {
        "branch": f"{BRANCH}-2",
        "lease": second,
        "note": note(reason, f"{BRANCH}-2"),
    }
    repo.commit_on(f"{BRANCH}-2", MAINTAINER, "aanvulling-2")
    assert choose(repo, tmp_path) == {
        "branch": f"{BRANCH}-3",
        "lease": "",
        "note": note(reason, f"{BRANCH}-3"),
    }


def test_an_event_without_a_plain_issue_number_stops_the_choice(repo: Repository, tmp_path: Path) -> None:
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    event["issue"]["number"] = "23; rm -rf /"
    forged = tmp_path / "event.json"
    forged.write_text(json.dumps(event), encoding="utf-8")
    done, outputs = run_step(
        "propose", "Choose the branch", repo.checkout(), tmp_path, {}, {"GITHUB_EVENT_PATH": str(forged)}
    )
    assert done.returncode != 0 and "branch" not in outputs


def test_the_push_never_overwrites_a_commit_made_after_the_choice(repo: Repository, tmp_path: Path) -> None:
    seen = repo.commit_on(BRANCH, ROBOT, "voorstel")
    checkout = repo.checkout()
    chosen = choose(repo, tmp_path)
    assert chosen["lease"] == seen
    # A maintainer pushes while the robot converts; then the robot pushes its fresh conversion.
    late = repo.commit_on(BRANCH, MAINTAINER, "net-op-tijd")
    git(checkout, "switch", "--quiet", "--create", chosen["branch"])
    (checkout / "practices" / "nieuw.yml").write_text("title: Nieuw\n", encoding="utf-8")
    git(checkout, "add", ".")
    git(checkout, "commit", "--quiet", "-m", "Praktijk voorgesteld in issue #23")
    push_env = {"TOKEN": "geen-echt-token", "BRANCH": chosen["branch"], "LEASE": chosen["lease"]}
    done, _ = run_step("propose", "Push the branch", checkout, tmp_path, {}, push_env)
    assert done.returncode != 0 and "stale info" in done.stderr
    assert git(repo.work, "ls-remote", "origin", f"refs/heads/{BRANCH}").split()[0] == late
    # Without the late commit, the same push replaces the robot's own branch.
    git(checkout, "push", "--quiet", "--force", "origin", f"{seen}:refs/heads/{BRANCH}")
    done, _ = run_step("propose", "Push the branch", checkout, tmp_path, {}, push_env)
    assert done.returncode == 0, done.stderr
    assert git(repo.work, "ls-remote", "origin", f"refs/heads/{BRANCH}").split()[0] == git(
        checkout, "rev-parse", "HEAD"
    )


def test_a_new_branch_is_pushed_only_if_nobody_made_it_meanwhile(repo: Repository, tmp_path: Path) -> None:
    checkout = repo.checkout()
    chosen = choose(repo, tmp_path)
    assert chosen["lease"] == ""
    repo.commit_on(BRANCH, MAINTAINER, "eerst")
    git(checkout, "switch", "--quiet", "--create", chosen["branch"])
    push_env = {"TOKEN": "geen-echt-token", "BRANCH": chosen["branch"], "LEASE": ""}
    done, _ = run_step("propose", "Push the branch", checkout, tmp_path, {}, push_env)
    assert done.returncode != 0


def test_the_comment_on_the_issue_says_where_the_proposal_went(tmp_path: Path) -> None:
    (tmp_path / "voorstel").mkdir()
    (tmp_path / "voorstel" / "verslag.md").write_text(
        "### Je praktijk is omgezet en gecontroleerd\n", encoding="utf-8"
    )
    told = note("er staat een commit van iemand anders op", f"{BRANCH}-2")
    env = {
        "CONVERT": "success",
        "PROPOSE": "success",
        "PR_URL": "https://github.com/kennisbank-integratie/kennisbank/pull/31",
        "BRANCH_NOTE": told,
        "ISSUE_NUMBER": "23",
        "RUN_URL": "https://github.com/kennisbank-integratie/kennisbank/actions/runs/1",
    }
    done, _ = run_step("report", "Post the result on the issue", tmp_path, tmp_path, {}, env)
    assert done.returncode == 0, done.stderr
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert f"\n{told}\n\nHet voorstel staat klaar in {env['PR_URL']}.\n" in comment
    assert "issue comment 23 --body-file comment.md" in (tmp_path / "gh.log").read_text(encoding="utf-8")


def test_the_pull_request_gets_its_checks_with_or_without_a_robot_token() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["propose"]
    assert job["env"]["HAS_ROBOT_TOKEN"] == "${{ secrets.KB_ROBOT_TOKEN != '' }}"
    push = step("propose", "Push the branch")
    assert push["env"]["TOKEN"] == "${{ secrets.KB_ROBOT_TOKEN || secrets.GITHUB_TOKEN }}"
    assert '--force-with-lease="refs/heads/$BRANCH:$LEASE"' in push["run"] and "--force " not in push["run"]
    checks = step("propose", "Run the pull request's checks on the branch")
    assert checks["if"] == "env.HAS_ROBOT_TOKEN != 'true'"
    assert checks["run"] == 'gh workflow run pull-request.yml --ref "$BRANCH"'
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "actions": "write"}
    pull_request = yaml.safe_load(
        (ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    )
    assert "workflow_dispatch" in pull_request[True], "the fallback starts the Pull request workflow"
