#!/usr/bin/env bash
# Two gunicorn servers behind Debian's nginx on loopback, sharing PostgreSQL, Redis and one
# upload folder: shows that a session, an upload and the login throttle work across both.
#
#   createdb -h 127.0.0.1 -U postgres daihoi_smoke
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_smoke \
#   REDIS_URL=redis://127.0.0.1:6379/3 deploy/smoke_two_servers.sh
#
# Needs nginx (apt-get install nginx-light). Everything listens on 127.0.0.1 only, on free
# ports, with a generated nginx configuration in a temporary folder; all is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m daihoi.ops.smoke "$@"
