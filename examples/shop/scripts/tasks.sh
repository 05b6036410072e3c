#!/bin/sh
# Prints the shop's tasks in the grouped form of the provider contract.
# Arguments arrive as environment variables: args.team is TASKDECK_ARG_TEAM.
team="${TASKDECK_ARG_TEAM:-everyone}"
cat <<JSON
{
  "groups": [
    { "id": "PBI-12", "title": "Faster checkout for $team", "status": "InProgress", "is_current": true,
      "tasks": [
        { "id": "12-1", "title": "Cache the basket totals", "status": "Done", "assignee": "ana" },
        { "id": "12-2", "title": "One-page payment form", "status": "InProgress", "assignee": "raj",
          "labels": ["frontend"], "priority": 1 },
        { "id": "12-3", "title": "Load test the payment API", "status": "Blocked" }
      ] },
    { "id": "PBI-13", "title": "Gift cards", "status": "Agreed",
      "tasks": [
        { "id": "13-1", "title": "Decide on a card provider", "status": "Review" },
        { "id": "13-2", "title": "Store card balances", "status": "Proposed" }
      ] }
  ],
  "current_pbi_id": "PBI-12",
  "current_pbi_title": "Faster checkout for $team"
}
JSON
