#!/usr/bin/env python3
"""A Taskdeck provider that turns a tracker's JSON export into the provider contract.

It reads the export named by args.export (TASKDECK_ARG_EXPORT), groups the items by milestone in
the order they first appear, puts items without a milestone in a last group "No milestone", and
marks the milestone named by args.milestone (TASKDECK_ARG_MILESTONE) as the current one.
Only the standard library is used.
"""

import json
import os
import sys


def fail(message):
    """Explains the problem on stderr, where Taskdeck shows it, and ends the run as failed."""
    print(f"export-tasks.py: {message}", file=sys.stderr)
    sys.exit(1)


def read_export(path):
    try:
        with open(path, encoding="utf-8") as export:
            data = json.load(export)
    except FileNotFoundError:
        fail(f"there is no export '{path}' in {os.getcwd()}; export it again or set args.export")
    except json.JSONDecodeError as error:
        fail(f"'{path}' is not valid JSON: {error}")

    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        fail(f"'{path}' has no list of 'items', each an object")
    return items


def to_task(item):
    """One export item as a contract task: id, title and status, then what the item has."""
    for field in ("key", "summary", "state"):
        if item.get(field) in (None, ""):
            fail(f"an item has no '{field}': {json.dumps(item)[:80]}")

    task = {"id": item["key"], "title": item["summary"], "status": item["state"]}
    optional = {
        "assignee": item.get("owner"),
        "labels": item.get("tags") or None,
        "priority": item.get("rank"),
        "url": item.get("link"),
        "created": item.get("opened"),
        "updated": item.get("changed"),
    }
    task.update({key: value for key, value in optional.items() if value is not None})

    # 'file' must name something inside the project; only point at specs that exist.
    spec = item.get("spec")
    if spec and os.path.isfile(spec):
        task["file"] = spec
    return task


def main():
    items = read_export(os.environ.get("TASKDECK_ARG_EXPORT", "tracker-export.json"))
    current = os.environ.get("TASKDECK_ARG_MILESTONE", "")

    groups = {}
    loose = []
    for item in items:
        milestone = item.get("milestone")
        if not milestone:
            loose.append(to_task(item))
            continue
        if milestone not in groups:
            groups[milestone] = {
                "id": milestone,
                "title": f"Milestone {milestone}",
                "is_current": milestone == current,
                "tasks": [],
            }
        groups[milestone]["tasks"].append(to_task(item))

    result = list(groups.values())
    if loose:
        result.append({"id": "none", "title": "No milestone", "tasks": loose})

    # Only the JSON goes to stdout; anything else would make it unreadable.
    json.dump({"groups": result}, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
