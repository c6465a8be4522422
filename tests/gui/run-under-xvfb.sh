#!/usr/bin/env bash
# Runs the desktop app's tests (ctest label "gui") on a virtual X display with a
# session bus, the way CI does, so that the tray test sees a real tray:
#
#   tests/gui/run-under-xvfb.sh [BUILD_DIR] [extra ctest args...]
#
# Needs xvfb-run and dbus-run-session (packages xvfb, dbus-x11) and trayer; without
# them the tray test skips and says why, the others run on the offscreen platform.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-$here/build}
shift || true
runner=(ctest --test-dir "$build_dir" -L gui --output-on-failure "$@")
if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "${runner[@]}"
fi
echo "run-under-xvfb.sh: xvfb-run or dbus-run-session missing; the tray test will skip" >&2
exec "${runner[@]}"
