#!/usr/bin/env bash
# Configures and builds everything into build/ (binary: build/chancery). Two jobs at most: the
# Beast translation unit alone needs ~1 GB and ~50 s.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j "${JOBS:-2}"
