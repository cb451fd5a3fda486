#!/usr/bin/env bash
# Authoring aid: for every flavour of one exercise, scaffolds the starter and the reference solution into
# a temp folder with the CLI (the same code the extension uses) and checks both. The starter must fail
# and the solution must pass. Needs `npm run build` first.
#   bash scripts/tryExercise.sh <exercise-id>
set -uo pipefail
id=${1:?usage: bash scripts/tryExercise.sh <exercise-id>}
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/dist/cli.js"
manifest="$root/roadmaps/exercises/$id/exercise.json"
[ -f "$manifest" ] || { echo "no exercise $id" >&2; exit 2; }
[ -f "$cli" ] || { echo "run npm run build first" >&2; exit 2; }
work=$(mktemp -d)
ok=0
for flavour in $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).flavours.join(" "))' "$manifest"); do
  node "$cli" scaffold "$id" "$work/$flavour/starter" --flavour="$flavour" > /dev/null || exit 2
  node "$cli" scaffold "$id" "$work/$flavour/solution" --flavour="$flavour" --solution > /dev/null || exit 2
  echo "== $flavour starter ($work/$flavour/starter)"; node "$cli" check "$work/$flavour/starter"; s=$?
  echo "== $flavour solution ($work/$flavour/solution)"; node "$cli" check "$work/$flavour/solution"; p=$?
  echo "$flavour: starter exit $s (must be 1), solution exit $p (must be 0)"
  { [ $s -eq 1 ] && [ $p -eq 0 ]; } || ok=1
done
exit $ok
