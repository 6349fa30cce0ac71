#!/usr/bin/env bash
# Prints the kiosk's peak resident memory while a visitor browses a generated 500-innovation pack
# with 1000 pictures (target: under 150 MB). Usage: bench/browse_memory.sh [BUILD_DIR]
set -euo pipefail
build=$(realpath "${1:-build}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/tools/make_pack" "$work/pack" --innovations 500 >/dev/null
{
  echo "goto home"
  echo "drag 960 900 960 200 200"
  echo "wait 1500"
  # Every 10th innovation, scrolled to its pictures, and the lists between.
  n=0
  for file in "$work"/pack/innovations/*.json; do
    n=$((n + 1))
    [ $((n % 10)) -eq 0 ] || continue
    echo "goto innovation/$(basename "$file" .json)"
    echo "drag 960 900 960 150 150"
    echo "drag 960 900 960 150 150"
    echo "drag 960 900 960 150 150"
    echo "wait 800"
  done
  # Every office's and category's list (the fair's own id is the first in fair.json).
  for id in $(grep -o '"id": *"[^"]*"' "$work/pack/fair.json" | sed 's/.*"\([^"]*\)"$/\1/' | tail -n +2); do
    case "$id" in
      office-*) echo "goto office/$id" ;;
      *) echo "goto category/$id" ;;
    esac
  done
  echo "wait 500"
  echo "quit"
} > "$work/script.txt"

start=$(date +%s.%N)
output=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$build/kiosk/kiosk" --windowed 1920x1080 --db "$work/kiosk.db" \
  --content "$work/pack" --script "$work/script.txt" --shots "$work/shots" 2>&1)
end=$(date +%s.%N)
echo "$output" | grep "script done"
echo "browsed 50 innovations (scrolled to their pictures) and every list in $(( ${end%.*} - ${start%.*} )) s"
echo "target: peak memory under 150 MB"
