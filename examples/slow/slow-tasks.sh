#!/bin/sh
# Takes two seconds, like a provider that asks a slow server.
sleep 2
echo '{"tasks": [{"id": "S-1", "title": "Answer after a pause", "status": "Working"}]}'
