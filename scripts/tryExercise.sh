#!/usr/bin/env bash
# Authoring aid: scaffolds an exercise's starter and its solution into a temp folder, installs their
# dependencies and runs the tests. The starter must fail and the solution must pass.
#   bash scripts/tryExercise.sh <exercise-id>
set -uo pipefail
id=$1
src="$(cd "$(dirname "$0")/.." && pwd)/roadmaps/exercises/$id"
[ -f "$src/exercise.json" ] || { echo "no exercise $id" >&2; exit 2; }
work=$(mktemp -d)
render() { # copy template (and overlay) with the four placeholders filled in
  local out=$1; shift
  for d in "$@"; do (cd "$d" && find . -type f) | while read -r f; do
    mkdir -p "$out/$(dirname "$f")"
    sed -e "s/{{exerciseId}}/$id/g" -e "s/{{exerciseTitle}}/$id/g" -e "s/{{topicTitle}}/topic/g" -e "s/{{topicId}}/topic/g" "$d/$f" > "$out/$f"
  done; done
}
run() {
  (cd "$1" && npm install --no-audit --no-fund --loglevel=error > install.log 2>&1 || { cat install.log; exit 99; }
   timeout 120 node --test test/*.test.js)
}
render "$work/starter" "$src/template"
render "$work/solution" "$src/template" "$src/solution"
echo "== starter ($work/starter)"; run "$work/starter"; s=$?
echo "== solution ($work/solution)"; run "$work/solution"; p=$?
echo "starter exit $s (must be non-zero), solution exit $p (must be 0)"
[ $s -ne 0 ] && [ $s -ne 99 ] && [ $p -eq 0 ]
