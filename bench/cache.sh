#!/usr/bin/env bash
# Whole-process start-up from the persistent cache: generates PROJECTS projects (default 1,000),
# each with a tiny project-local provider script, fills the cache with one run, then times
# `taskdeck list --json` over all of them while every result is fresh. `taskdeck --help` and
# `taskdeck cache path` are timed too, to show how much of it is the runtime starting.
#
# Usage: bench/cache.sh   (env: PROJECTS=1000, RUNS=7, KEEP=1 keeps the work folder, TASKDECK=path
#                         times another build such as the native one, R2R=1 also
#                         times a ReadyToRun publish of the same code, as a release would ship it)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
projects=${PROJECTS:-1000}
runs=${RUNS:-7}
work=$(mktemp -d "${TMPDIR:-/tmp}/taskdeck-bench.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; fi

echo "building Release…" >&2
dotnet build "$root/src/Taskdeck.Cli" -c Release -nologo -v quiet >/dev/null
taskdeck="${TASKDECK:-$root/src/Taskdeck.Cli/bin/Release/net10.0/taskdeck}"

export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export NO_COLOR=1

echo "generating $projects projects in $work…" >&2
mkdir -p "$XDG_CONFIG_HOME/taskdeck"
cat >"$XDG_CONFIG_HOME/taskdeck/config.yaml" <<YAML
projects:
  - $work/projects/*
tasks:
  concurrency: 8
YAML
for ((i = 0; i < projects; i++)); do
  dir="$work/projects/p$(printf '%04d' "$i")"
  mkdir -p "$dir"
  printf 'tasks:\n  provider: ./tasks.sh\n  interval: 1h\n' >"$dir/.taskdeck.yaml"
  cat >"$dir/tasks.sh" <<SH
#!/bin/sh
cat <<'JSON'
{"groups":[{"id":"PBI-$i","title":"Backlog item $i","status":"InProgress","tasks":[
 {"id":"$i-1","title":"Define the types","status":"Done","assignee":"ana","labels":["core"]},
 {"id":"$i-2","title":"Write the parser","status":"InProgress","priority":1},
 {"id":"$i-3","title":"Wire the command","status":"Proposed"},
 {"id":"$i-4","title":"Document it","status":"Proposed","file":"docs/$i-4.md"},
 {"id":"$i-5","title":"Review","status":"Review"}]}]}
JSON
SH
  chmod +x "$dir/tasks.sh"
done

# The scripts are project-local, so they run only once trusted, as a user would do first.
echo "trusting the projects…" >&2
"$taskdeck" trust --yes "$work"/projects/* >/dev/null

echo "filling the cache (runs every provider once)…" >&2
fill_start=$(date +%s%N)
"$taskdeck" list --json >/dev/null
fill_ms=$(( ($(date +%s%N) - fill_start) / 1000000 ))

# Prints wall-clock "min / median / max" and the median CPU time (user + sys, all threads) of
# RUNS runs of the given command. CPU time says more than wall time on a busy machine.
time_runs() {
  local walls=() cpus=() TIMEFORMAT='%R %U %S' line
  for ((r = 0; r < runs; r++)); do
    line=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    read -r real user sys <<<"$line"
    walls+=("$(awk -v t="$real" 'BEGIN { printf "%d", t * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "min %d ms, median %d ms, max %d ms", v[1], v[int((NR + 1) / 2)], v[NR] }')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%d ms", v[int((NR + 1) / 2)] }')
  echo "$wall; CPU median $cpu"
}

# One untimed run each, so the OS file cache is warm for all of them alike.
"$taskdeck" list --json >/dev/null
"$taskdeck" --help >/dev/null

fresh=$("$taskdeck" list --json | grep -c '"fromCache": true' || true)
echo "load average before timing: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "projects: $projects (fresh from cache in one check run: $fresh); filling the cache took $fill_ms ms"
echo "cache file: $(du -h "$XDG_CACHE_HOME/taskdeck/cache.db" | cut -f1)"
echo "taskdeck list --json (all fresh): $(time_runs "$taskdeck" list --json)"
echo "taskdeck --help (start-up only): $(time_runs "$taskdeck" --help)"
echo "taskdeck cache path (start-up + config): $(time_runs "$taskdeck" cache path)"

if [[ -n "${R2R:-}" ]]; then
  echo "publishing ReadyToRun…" >&2
  dotnet publish "$root/src/Taskdeck.Cli" -c Release -r linux-x64 --self-contained false -p:PublishAot=false \
    -p:PublishReadyToRun=true -o "$work/r2r" -nologo -v quiet >/dev/null
  "$work/r2r/taskdeck" list --json >/dev/null
  echo "ReadyToRun: taskdeck list --json (all fresh): $(time_runs "$work/r2r/taskdeck" list --json)"
  echo "ReadyToRun: taskdeck --help (start-up only): $(time_runs "$work/r2r/taskdeck" --help)"
fi
