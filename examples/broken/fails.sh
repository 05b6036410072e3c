#!/bin/sh
# Fails the way a provider does when its tracker is unreachable.
echo "could not reach the tracker at tracker.invalid: connection refused" >&2
exit 2
