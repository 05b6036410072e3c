#!/usr/bin/env bash
# Start-up as users meet it, native build and JIT build side by side in the same run:
#   - `taskdeck list --json` over 50 projects whose results are all fresh in the persistent cache;
#   - the dashboard over the same projects, from start until its first frame shows them, timed in
#     a real terminal (tmux) by polling the screen until the first project's row is there.
#
# Usage: bench/startup.sh [RUNS]   (default 20; NATIVE=/path/to/taskdeck skips the native build,
#                                   PROJECTS=50 changes the number of projects)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
projects=${PROJECTS:-50}
work=$(mktemp -d "${TMPDIR:-/tmp}/taskdeck-startup.XXXXXX")
socket="taskdeck-startup-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building the JIT Release build and the native build…" >&2
dotnet build "$repo/src/Taskdeck.Cli" -c Release -nologo -v quiet >/dev/null
jit="$repo/src/Taskdeck.Cli/bin/Release/net10.0/taskdeck"
if [ -z "${NATIVE:-}" ]; then
  "$repo/install.sh" --prefix "$work/native" >/dev/null
  native="$work/native/bin/taskdeck"
else
  native=$NATIVE
fi

export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME/taskdeck/providers"
provider="$XDG_CONFIG_HOME/taskdeck/providers/startup-bench"
cat >"$provider" <<'SH'
#!/bin/sh
name=$(basename "$PWD")
cat <<JSON
{"groups":[{"id":"G-1","title":"Current work of $name","status":"InProgress","tasks":[
 {"id":"$name-1","title":"Define the types","status":"Done","assignee":"ana","labels":["core"]},
 {"id":"$name-2","title":"Write the parser","status":"InProgress","priority":1},
 {"id":"$name-3","title":"Wire the command","status":"Proposed"},
 {"id":"$name-4","title":"Review","status":"Review"}]}]}
JSON
SH
chmod +x "$provider"
dirs=()
for i in $(seq -w 1 "$projects"); do
  mkdir -p "$work/projects/p$i"
  printf 'tasks:\n  provider: startup-bench\n  interval: 1h\n' >"$work/projects/p$i/.taskdeck.yaml"
  dirs+=("$work/projects/p$i")
done
"$jit" list --json "${dirs[@]}" >/dev/null
fresh=$("$native" list --json "${dirs[@]}" | grep -c '"fromCache": true' || true)
echo "$projects projects, $fresh fresh from the cache; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# mean_ms CMD...: the mean wall time of $runs runs, after two unmeasured ones.
mean_ms() {
  "$@" >/dev/null 2>&1 || true
  "$@" >/dev/null 2>&1 || true
  local total=0 start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    total=$((total + end - start))
  done
  echo $((total / runs / 1000))
}

# first_frame_us PROGRAM: the median time from starting the dashboard in a tmux pane until the pane
# shows the first project's row, over $runs runs (each then quits with q).
first_frame_us() {
  local program=$1 times=() start end
  tmux -L "$socket" kill-server 2>/dev/null || true
  tmux -L "$socket" -f /dev/null new-session -d -s bench -x 120 -y 40 "sleep 100000"
  tmux -L "$socket" set-option -g remain-on-exit on
  for _ in $(seq $((runs + 2))); do
    start=$(date +%s%N)
    tmux -L "$socket" respawn-pane -k -t bench "$program ${dirs[*]}"
    until tmux -L "$socket" capture-pane -p -t bench | grep -q "▾ p01 "; do :; done
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    tmux -L "$socket" send-keys -t bench q
    until [ "$(tmux -L "$socket" display-message -p -t bench '#{pane_dead}')" = 1 ]; do :; done
  done
  tmux -L "$socket" kill-server
  # The first two runs warm the file cache and are left out.
  printf '%s\n' "${times[@]:2}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

list_native=$(mean_ms "$native" list --json "${dirs[@]}")
list_jit=$(mean_ms "$jit" list --json "${dirs[@]}")
echo "list --json, $projects fresh cached projects (mean of $runs):"
echo "  native $(ms "$list_native") ms, JIT $(ms "$list_jit") ms, JIT/native $(ratio "$list_jit" "$list_native")x"

help_native=$(mean_ms "$native" --help)
help_jit=$(mean_ms "$jit" --help)
echo "--help, start-up alone (mean of $runs):"
echo "  native $(ms "$help_native") ms, JIT $(ms "$help_jit") ms"

# The floor of this way of measuring: a program that prints the same row at once.
printf '#!/bin/sh\nprintf "  \342\226\276 p01 at once\\n"\nexec sleep 0.3\n' >"$work/instant"
chmod +x "$work/instant"
frame_floor=$(first_frame_us "$work/instant")
frame_native=$(first_frame_us "$native")
frame_jit=$(first_frame_us "$jit")
echo "dashboard, start to first frame with $projects cached projects (median of $runs, tmux polling):"
echo "  native $(ms "$frame_native") ms, JIT $(ms "$frame_jit") ms, JIT/native $(ratio "$frame_jit" "$frame_native")x"
echo "  (the same measurement of a program that prints the row at once: $(ms "$frame_floor") ms)"
