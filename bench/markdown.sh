#!/usr/bin/env bash
# Times `taskdeck list --json` as a whole process on a generated markdown backlog of 60 items with
# 4 tasks each (the issue's target: well under half a second), beside the same command on an empty
# backlog, so the difference is what reading the backlog costs, start-up work included.
# Wall time on a busy machine waits for the CPU; CPU time (user + sys) says more there.
# Usage: bench/markdown.sh [RUNS]   (SKIP_BUILD=1 to reuse the last Release build; TASKDECK=path
# times another build such as the native one)
set -euo pipefail

runs="${1:-15}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release "$repo/src/Taskdeck.Cli" -v quiet -nologo >/dev/null
  dotnet build -c Release "$repo/bench/Taskdeck.Benchmarks" -v quiet -nologo >/dev/null
fi

taskdeck="${TASKDECK:-$repo/src/Taskdeck.Cli/bin/Release/net10.0/taskdeck}"
generate() {
  dotnet "$repo/bench/Taskdeck.Benchmarks/bin/Release/net10.0/Taskdeck.Benchmarks.dll" generate "$@"
}
generate "$work/backlog" 60 4
generate "$work/empty" 0 0

# Keep Taskdeck's own files out of the real home.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"

measure() {
  local project="$1" label="$2"
  # One run to fill the OS file cache; it is not counted.
  "$taskdeck" list --json --no-cache "$project" >/dev/null
  local walls=() cpus=() TIMEFORMAT='%R %U %S' line wall user sys
  for _ in $(seq "$runs"); do
    line=$({ time "$taskdeck" list --json --no-cache "$project" >/dev/null; } 2>&1)
    read -r wall user sys <<<"$line"
    walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  local wall_sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
  local cpu_sorted=($(printf '%s\n' "${cpus[@]}" | sort -n))
  local mid=$(( runs / 2 ))
  printf '%-28s wall: min %4d ms, median %4d ms   cpu: min %4d ms, median %4d ms\n' \
    "$label" "${wall_sorted[0]}" "${wall_sorted[$mid]}" "${cpu_sorted[0]}" "${cpu_sorted[$mid]}"
}

echo "taskdeck list --json --no-cache, $runs runs each ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)):"
measure "$work/empty" "empty backlog"
measure "$work/backlog" "60 items x 4 tasks"
