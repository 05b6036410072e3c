#!/usr/bin/env bash
# Times `taskdeck list --json` as a whole process on a generated markdown backlog of 60 items with
# 4 tasks each (the issue's target: well under half a second).
# Usage: bench/markdown.sh [RUNS]   (SKIP_BUILD=1 to reuse the last Release build)
set -euo pipefail

runs="${1:-15}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build -c Release "$repo/src/Taskdeck.Cli" -v quiet -nologo >/dev/null
  dotnet build -c Release "$repo/bench/Taskdeck.Benchmarks" -v quiet -nologo >/dev/null
fi

taskdeck="$repo/src/Taskdeck.Cli/bin/Release/net10.0/taskdeck"
dotnet "$repo/bench/Taskdeck.Benchmarks/bin/Release/net10.0/Taskdeck.Benchmarks.dll" \
  generate "$work/backlog" 60 4

# Keep Taskdeck's own files out of the real home.
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"

# One run to fill the OS file cache; it is not counted.
"$taskdeck" list --json --no-cache "$work/backlog" >"$work/out.json"
groups=$(grep -c '"id": "PBI-' "$work/out.json" || true)

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$taskdeck" list --json --no-cache "$work/backlog" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done

sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "taskdeck list --json, 60 items x 4 tasks ($groups groups), $runs runs:"
echo "  min ${sorted[0]} ms, median ${sorted[$(( runs / 2 ))]} ms, max ${sorted[$(( runs - 1 ))]} ms"
