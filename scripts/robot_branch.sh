#!/usr/bin/env bash
# Which branch the issue robot (.github/workflows/issue-to-pr.yml) may push a converted practice to,
# so that it never overwrites what a person did.
#
# The robot's branch for issue N is praktijk/issue-N (or leervraag/issue-N: $BRANCH_PREFIX). It may update that branch only while every commit
# on it (beyond the default branch) is the robot's own, by author and committer, and no pull request
# from it has a review or was closed; otherwise it takes the first of praktijk/issue-N-2, -3, ... that
# is free or equally untouched, and says so in Dutch. The push uses the branch's commit seen here as
# its lease (`git push --force-with-lease`), so a commit pushed after this check is never overwritten.
#
# Reads the issue number and the default branch from the event payload ($GITHUB_EVENT_PATH), the
# branches from the checkout's remote-tracking refs (check out with `fetch-depth: 0`), and the pull
# requests with `gh`. Env: ROBOT_EMAIL, the e-mail address of the robot's commits. Prints, for
# $GITHUB_OUTPUT: `branch=`, `lease=` (the commit to replace; empty for a new branch) and `note=` (one
# Dutch line for the issue comment; empty when the robot uses praktijk/issue-N).
# Runs no project code and installs nothing: bash, git, jq and gh, as on GitHub's runners.
# tests/test_robot_branch.py runs it against a recorded payload, a made-up history and a fake `gh`.
set -euo pipefail

MAX_BRANCHES=20
robot_email=${ROBOT_EMAIL:?ROBOT_EMAIL is the e-mail address of the robot\'s commits}
event=${GITHUB_EVENT_PATH:?GITHUB_EVENT_PATH is the event payload}
issue=$(jq -er '.issue.number | tostring | select(test("^[0-9]+$"))' "$event")
base=$(jq -er '.repository.default_branch | select(test("^[A-Za-z0-9._/-]+$"))' "$event")
prefix=${BRANCH_PREFIX:-praktijk}
case $prefix in praktijk | leervraag) ;; *) echo "::error::BRANCH_PREFIX is praktijk or leervraag" >&2; exit 1 ;; esac
first="$prefix/issue-$issue"

# Why a person's work is on `branch` (empty: nobody's but the robot's). $1: branch, $2: its commit.
touched_by_people() {
  local branch=$1 commit=$2 others pulls reviewed closed
  others=$(git log --format='%ae %ce' "refs/remotes/origin/$base..$commit" \
    | awk -v robot="$robot_email" '$1 != robot || $2 != robot' | head -n 1)
  if [ -n "$others" ]; then
    echo "er staat een commit van iemand anders op"
    return
  fi
  pulls=$(gh pr list --head "$branch" --state all --json state,reviews)
  reviewed=$(jq '[.[].reviews | length] | add // 0' <<<"$pulls")
  if [ "$reviewed" -gt 0 ]; then
    echo "de pull request ervan is al nagelezen"
    return
  fi
  closed=$(jq '[.[] | select(.state != "OPEN")] | length' <<<"$pulls")
  if [ "$closed" -gt 0 ]; then
    echo "de pull request ervan is gesloten"
  fi
}

first_reason=""
for number in $(seq 1 "$MAX_BRANCHES"); do
  branch=$first
  [ "$number" -gt 1 ] && branch="$first-$number"
  commit=$(git rev-parse --quiet --verify "refs/remotes/origin/$branch^{commit}" || true)
  reason=""
  if [ -n "$commit" ]; then
    reason=$(touched_by_people "$branch" "$commit")
  fi
  if [ -z "$reason" ]; then
    echo "branch=$branch"
    echo "lease=$commit"
    if [ "$number" -gt 1 ]; then
      echo "note=De robot overschrijft de branch \`$first\` niet: $first_reason. Je aangepaste voorstel staat daarom in de branch \`$branch\`."
    else
      echo "note="
    fi
    exit 0
  fi
  [ -z "$first_reason" ] && first_reason=$reason
done
echo "::error::every branch from $first to $first-$MAX_BRANCHES holds work of people" >&2
exit 1
