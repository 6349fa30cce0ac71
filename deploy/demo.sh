#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk fullscreen on the built-in demo fair.
# Extra arguments go to the kiosk, e.g. deploy/demo.sh --windowed 1280x800
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=OFF >/dev/null
cmake --build build
exec build/kiosk/kiosk "$@"
