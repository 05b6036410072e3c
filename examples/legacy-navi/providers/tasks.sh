#!/usr/bin/env bash
# A navi-style provider: reads its arguments as NAVI_TASK_ARG_*.
label="${NAVI_TASK_ARG_LABEL:-none}"
printf '{"tasks": [{"id": "L-1", "title": "Port the %s fixes", "status": "in_progress", "labels": ["%s"]}]}\n' "$label" "$label"
