#!/usr/bin/env bash
# Times `taskdeck list --json` as a whole process against `xargs -P` running the same provider
# scripts, for the refresh engine's speed goals. Usage: bench/engine.sh [runs]   (default 3 runs)
# TASKDECK=/path/to/taskdeck times another build (a native one, say) instead of the JIT Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}

if [ -z "${TASKDECK:-}" ]; then
  dotnet build -c Release src/Taskdeck.Cli -v quiet -nologo >/dev/null
fi
taskdeck=${TASKDECK:-$PWD/src/Taskdeck.Cli/bin/Release/net10.0/taskdeck}
work=$(mktemp -d /tmp/taskdeck-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"

# make_projects NAME COUNT SCRIPT_BODY: COUNT projects whose provider is the script, installed in
# the user's providers folder (as a user would for a shared script: it needs no trust).
make_projects() {
  local name=$1 count=$2 body=$3
  local provider="$XDG_CONFIG_HOME/taskdeck/providers/bench-$name"
  mkdir -p "$work/$name" "$(dirname "$provider")"
  printf '#!/bin/sh\n%s\n' "$body" > "$provider"
  chmod +x "$provider"
  for i in $(seq -w 1 "$count"); do
    mkdir -p "$work/$name/p$i"
    printf 'tasks:\n  provider: bench-%s\n' "$name" > "$work/$name/p$i/.taskdeck.yaml"
  done
}

# median_ms CMD...: runs the command $runs times and prints the median wall time in ms.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

xargs_run() { # NAME PARALLELISM: run every project's provider in its folder, like taskdeck does
  local name=$1 parallel=$2
  ls -d "$work/$name"/p* | xargs -P "$parallel" -I{} sh -c 'cd "$1" && "$2" >/dev/null' _ {} \
    "$XDG_CONFIG_HOME/taskdeck/providers/bench-$name"
}

echo "start-up: taskdeck --help: $(median_ms "$taskdeck" --help) ms"

make_projects sleepy 24 "sleep 0.5; echo '{\"tasks\":[]}'"
echo "24 x sleep 0.5s, -j 4 (ideal 3000 ms):"
echo "  xargs -P4:     $(median_ms xargs_run sleepy 4) ms"
echo "  taskdeck -j 4: $(median_ms "$taskdeck" list --json --no-cache -j 4 "$work"/sleepy/p*) ms"

make_projects tiny 500 "echo '{\"tasks\":[]}'"
echo "500 x print only, -j 8:"
echo "  xargs -P8:     $(median_ms xargs_run tiny 8) ms"
echo "  taskdeck -j 8: $(median_ms "$taskdeck" list --json --no-cache -j 8 "$work"/tiny/p*) ms"

make_projects hanging 20 "sleep 987654"
echo "20 x hang, timeout 1s, -j 4 (ideal 5000 ms):"
echo "  taskdeck -j 4: $(median_ms "$taskdeck" list --json --no-cache -j 4 --timeout 1s "$work"/hanging/p*) ms"
left=$(pgrep -f "sleep 987654" | wc -l || true)
echo "  processes left behind: $left"

tasks=$(python3 -c 'import json; print(json.dumps({"tasks": [{"id": f"T-{i}", "title": f"Task number {i} with a title of typical length", "status": ["todo", "doing", "done"][i % 3], "assignee": "ana", "labels": ["core", "ui"]} for i in range(200)]}))')
printf '%s\n' "$tasks" > "$work/tasks200.json"
make_projects big 1000 "cat '$work/tasks200.json'"
echo "1000 projects x 200 tasks, list --json, -j 8:"
/usr/bin/time -f "  wall %e s, peak RSS %M KiB" "$taskdeck" list --json --no-cache -j 8 "$work"/big/p* > "$work/big.json"
echo "  output: $(wc -c < "$work/big.json") bytes"
