#!/usr/bin/env bash
# A Taskdeck provider that reads a markdown to-do list and prints its tasks as the provider
# contract's JSON. It needs nothing beyond POSIX tools (tr, sed, awk): no jq.
#
#   ## Heading        starts a group
#   - [ ] Title       a task to do           - [~] Title   a task in progress
#   - [x] Title       a finished task        - [-] Title   a task given up
#   ... @name         a trailing @name is the task's assignee
#
# Argument (args in .taskdeck.yaml, here as TASKDECK_ARG_FILE): the list, default TODO.md.
set -eu

todo="${TASKDECK_ARG_FILE:-TODO.md}"
if [ ! -f "$todo" ]; then
  # stderr is shown to the user when the run fails; stdout is only for the JSON.
  echo "todo-tasks.sh: there is no file '$todo' in $PWD; create it or set args.file" >&2
  exit 1
fi

# Makes text safe inside a JSON string: backslashes and double quotes escaped.
json_escape() {
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

# 'file' must be a path inside the project; leave it out when the list lives elsewhere.
case "$todo" in
  /* | ../* | */../*) file="" ;;
  *) file=$(printf '%s' "$todo" | json_escape) ;;
esac

# Tabs become spaces and other control characters go, then every line is escaped, so the awk
# program below only has to arrange the pieces.
tr '\t' ' ' < "$todo" | tr -d '\000-\010\013-\037' | json_escape | awk -v file="$file" '
  function add_group(title) {
    groups++
    group_title[groups] = title
    group_tasks[groups] = ""
  }

  /^## / {
    title = substr($0, 4)
    sub(/^ +/, "", title)
    sub(/ +$/, "", title)
    add_group(title)
    next
  }

  /^[-*] \[[ xX~-]\] / {
    if (groups == 0) {
      add_group("Inbox")
    }

    mark = substr($0, 4, 1)
    status = "todo"
    if (mark == "x" || mark == "X") status = "done"
    if (mark == "~") status = "doing"
    if (mark == "-") status = "cancelled"

    title = substr($0, 7)
    assignee = ""
    if (match(title, / @[A-Za-z0-9_.-]+$/)) {
      assignee = substr(title, RSTART + 2)
      title = substr(title, 1, RSTART - 1)
    }
    sub(/ +$/, "", title)

    # The first group with work in progress is the current one.
    if (status == "doing" && current == 0) {
      current = groups
    }

    tasks++
    task = "{\"id\": \"T-" tasks "\", \"title\": \"" title "\", \"status\": \"" status "\""
    if (assignee != "") task = task ", \"assignee\": \"" assignee "\""
    if (file != "") task = task ", \"file\": \"" file "\""
    task = task "}"
    group_tasks[groups] = group_tasks[groups] (group_tasks[groups] == "" ? "" : ",\n      ") task
  }

  END {
    print "{\"groups\": ["
    for (g = 1; g <= groups; g++) {
      printf "  {\"id\": \"%s\", \"title\": \"%s\", \"is_current\": %s,\n", \
        group_title[g], group_title[g], (g == current ? "true" : "false")
      printf "    \"tasks\": [\n      %s]}%s\n", group_tasks[g], (g < groups ? "," : "")
    }
    print "]}"
  }'
