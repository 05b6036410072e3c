#!/bin/sh
# The flat form of the contract: a "tasks" list and no groups.
cat <<'JSON'
{"tasks": [
  {"id": "N-1", "title": "Write the release notes", "status": "todo"},
  {"id": "N-2", "title": "Reply to the design review", "status": "wip"},
  {"id": "N-3", "title": "Drop the old importer", "status": "wontfix"},
  {"id": "N-4", "title": "Rename the config keys", "status": "done"}
]}
JSON
