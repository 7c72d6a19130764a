#!/usr/bin/env bash
# The Action's run step (action.yml): `howto test` with the Action's inputs, JUnit and JSON reports under
# $RUNNER_TEMP/howto-reports, GitHub annotations and job summary (howto writes them when GITHUB_ACTIONS is
# set), and the counts and report paths as step outputs. Exits with howto's exit code.
set -uo pipefail
binary=${HOWTO_BINARY:?the Get howto step sets HOWTO_BINARY}
reports="${RUNNER_TEMP:?}/howto-reports${INPUT_SHARD:+-${INPUT_SHARD//\//-of-}}"
mkdir -p "$reports"
cd "${INPUT_WORKING_DIRECTORY:-.}" || exit 2
read -r -a paths <<< "${INPUT_PATHS:-content}"
read -r -a extra <<< "${INPUT_ARGS:-}"
arguments=(test "${paths[@]}" --vault "${INPUT_VAULT:-mock}" --report "junit:$reports/junit.xml" --report "json:$reports/report.json")
[[ -n ${INPUT_SHARD:-} ]] && arguments+=(--shard "$INPUT_SHARD")
arguments+=("${extra[@]}")
"$binary" "${arguments[@]}"
code=$?
count() { # verdict: how many how-tos the JSON report counts with it (0 without a report)
    [[ -f $reports/report.json ]] || { echo 0; return; }
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["summary"].get(sys.argv[2], 0))' "$reports/report.json" "$1"
}
{
    echo "passed=$(count passed)"
    echo "failed=$(count failed)"
    echo "not-runnable=$(count not-runnable)"
    echo "json-report=$reports/report.json"
    echo "junit-report=$reports/junit.xml"
} >> "${GITHUB_OUTPUT:?}"
exit "$code"
