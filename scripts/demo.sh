#!/usr/bin/env bash
# README command 1: install, build, create ./data-dev with the cica-2021 demo (first run only;
# the demo users' passwords are printed then), and serve it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
data="${CHANCERY_DATA:-data-dev}"
if [ ! -f "$data/chancery.sqlite" ]; then
  build/chancery init --data "$data" --demo cica-2021
else
  echo "Using existing $data (delete it to start over with new demo passwords)."
fi
exec build/chancery serve --data "$data" --listen "${CHANCERY_LISTEN:-127.0.0.1:8080}"
