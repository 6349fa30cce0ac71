#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite (UI tests included,
# under Xvfb with Mesa's software OpenGL), with compiler warnings as errors. .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=ON -DKIOSK_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build
cd build
ctest --output-on-failure -j2 "$@"
