#!/usr/bin/env bash
# README command 2: install, build, and run every test (unit, contract, end-to-end) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j "${JOBS:-2}" "$@"
