#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, run and test. Idempotent: installs
# only what is missing, and needs root (or sudo) only then. Both README commands start here.
set -euo pipefail

packages=(
  # build
  cmake g++ ninja-build pkg-config
  # the stack
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev
  libsqlite3-dev nlohmann-json3-dev libcairo2-dev
  libsodium-dev  # judges' PINs, hashed with crypto_pwhash_str (scoring/judges.cpp)
  libqrencode-dev  # QR codes for service links
  libgraphviz-dev  # process maps laid out by Graphviz's dot (kiosk/figures)
  libcsv-dev  # the innovation bank's CSV (content/bank.cpp)
  libeigen3-dev  # least squares for the judge-corrected ranking (scoring/ranking)
  libcpp-httplib-dev  # the hub and the kiosks' sync over the fair's LAN
  libavahi-client-dev avahi-daemon  # the hub announces itself with DNS-SD (_showcase-kiosk._tcp)
  libpango1.0-dev  # the winners' report and certificates: Bengali set by Pango into Cairo PDFs
  fonts-noto-core
  # tests: doctest, a virtual X server with Mesa's software OpenGL, OCR of screenshots
  doctest-dev xvfb xauth libgl1-mesa-dri tesseract-ocr tesseract-ocr-eng tesseract-ocr-ben
  zbar-tools  # reads the QR codes back from screenshots
  dbus-daemon  # dnssd_tests run avahi-daemon on a private system bus of their own
  sqlite3  # the judging UI tests hold the database's write lock from another program
  poppler-utils qpdf  # the report's tests read PDFs back (pdftotext, pdftoppm, pdffonts, qpdf --check)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deploy/setup.sh: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
