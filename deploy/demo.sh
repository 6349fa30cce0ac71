#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk fullscreen on the built-in demo fair.
# Extra arguments go to the kiosk, e.g. deploy/demo.sh --windowed 1280x800
# The demo keeps its own database (build/demo-fair.db) with the demo fair's four judges
# (assets/demo-fair/judges.csv, PINs 1111 to 4444) and the organiser's PIN 0000, so trying
# judging never touches a real fair's database.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_TESTS=OFF >/dev/null
cmake --build build
db=build/demo-fair.db
if [ ! -e "$db" ]; then
  build/kiosk/kiosk judges import assets/demo-fair/judges.csv --db "$db"
  build/kiosk/kiosk organiser set-pin --pin 0000 --db "$db"
fi
exec build/kiosk/kiosk --db "$db" "$@"
