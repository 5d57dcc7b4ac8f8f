#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running devzero needs.
# Idempotent: packages already present are left alone; safe to run again.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  # the hardening build: clang with ASan/UBSan/libFuzzer runtimes, llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm
  # Qt 6 (Widgets, Sql, Test, Charts, Svg, PrintSupport) and run-time plugins
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins
  qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  # C libraries behind the adapters
  libsqlite3-dev sqlite3 libgit2-dev libcmark-dev cmark
  # tests: a real bash and tmux for the shell hook, fonts for offscreen rendering,
  # pdftotext to read the PDF report's text
  bash tmux fonts-dejavu-core xauth chromium poppler-utils
  # packaging: man page, .deb (shlibdeps), validators; unshare hides the trees in the install test
  help2man dpkg-dev file desktop-file-utils appstream util-linux
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
