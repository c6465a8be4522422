#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real desktop app:
# a private copy of examples/reynard-server, a virtual X display (Xvfb) with a
# tray host (trayer), a few real edits, and `import -window root` (ImageMagick).
#
#   docs/screenshots/take-screenshots.sh [BUILD_DIR]     (default: build)
#
# Needs: xvfb-run, dbus-run-session, trayer, xdotool, imagemagick (scripts/dev.sh deps).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$(cd "${1:-$here/build}" && pwd)
out="$here/docs/screenshots"
foxreload="$build_dir/src/foxreload"
[[ -x $foxreload ]] || { echo "no $foxreload: build first (scripts/dev.sh build)" >&2; exit 1; }

if [[ -z ${FOXRELOAD_SCREENSHOT_INNER:-} ]]; then
  export FOXRELOAD_SCREENSHOT_INNER=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$build_dir"
fi

work=$(mktemp -d)
app_pid=
trayer_pid=
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [[ -n $trayer_pid ]] && kill "$trayer_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private home: settings, trust store, history and the instance socket stay in $work.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/runtime TMPDIR=$work
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= PYTHONDONTWRITEBYTECODE=1 QT_QPA_PLATFORM=xcb
project=$work/reynard-server
cp -r "$here/examples/reynard-server" "$project"
find "$project" -name __pycache__ -prune -exec rm -rf {} +
cd "$project"
"$foxreload" trust .foxreload.yaml >/dev/null

trayer --edge top --align right --widthtype request --height 24 --SetDockType true \
  --transparent true --tint 0x303030 --alpha 0 >/dev/null 2>&1 &
trayer_pid=$!
sleep 1
xsetroot -solid '#3b4252' 2>/dev/null || true

"$foxreload" gui --config .foxreload.yaml >"$work/app.log" 2>&1 &
app_pid=$!

window=
for _ in $(seq 1 100); do
  window=$(xdotool search --name '^FoxReload — ' 2>/dev/null | head -1) && [[ -n $window ]] && break
  sleep 0.2
done
[[ -n $window ]] || { cat "$work/app.log" >&2; echo "the dashboard did not appear" >&2; exit 1; }
# No window manager: place the dashboard below the tray bar and make it fill the screen.
xdotool windowmove "$window" 0 26 windowsize "$window" 1280 774
sleep 3

edit() { # file text: append a line the way an editor saves (a new file, renamed over)
  cp "$1" "$1.tmp" && printf '%s\n' "$2" >>"$1.tmp" && mv "$1.tmp" "$1"
}
shot() { import -window root "$out/$1"; echo "wrote docs/screenshots/$1"; }

# A few days' worth of work, compressed: tool edits (hot reload), a service edit
# (service restart), the entry point (full restart), one broken tool and its fix.
for i in 1 2 3; do edit tools/weather.py "# tweak $i"; sleep 1.5; done
edit services/cache.py "# cache tuning"; sleep 2
edit tools/word_count.py "# count better"; sleep 1.5
edit main.py "# entry point touched"; sleep 3
cp tools/fox_fact.py "$work/fox_fact.py"
edit tools/fox_fact.py "def broken(:"; sleep 3
cp "$work/fox_fact.py" tools/fox_fact.py.tmp && mv tools/fox_fact.py.tmp tools/fox_fact.py; sleep 3
edit tools/echo.py "# polish"; sleep 1.5
sleep 6 # let the last balloon fade (the example allows 10 reloads a minute: the next one is the 9th)

# The tray notification: a reload, and the balloon it shows next to the fox.
edit tools/weather.py "# one more"
sleep 1.2
import -window root -crop 560x150+720+0 "$out/tray-notification.png"
echo "wrote docs/screenshots/tray-notification.png"
shot dashboard.png
sleep 7

xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key --window "$window" alt+p; sleep 1.5
shot dashboard-progress.png
xdotool key --window "$window" alt+e; sleep 1.5
shot dashboard-events.png
xdotool key --window "$window" alt+o; sleep 1

# The settings dialog, through the running instance (as the .desktop action does).
"$foxreload" gui --settings >/dev/null 2>&1
dialog=
for _ in $(seq 1 50); do
  dialog=$(xdotool search --name '^FoxReload Settings' 2>/dev/null | head -1) && [[ -n $dialog ]] && break
  sleep 0.2
done
[[ -n $dialog ]] || { echo "the settings dialog did not appear" >&2; exit 1; }
xdotool windowmove "$dialog" 200 90 windowsize "$dialog" 880 600
sleep 1
shot settings.png
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
xdotool key --window "$dialog" alt+w; sleep 0.5
xdotool key --window "$dialog" alt+t; sleep 0.3
xdotool type --window "$dialog" --delay 20 "services/cache.py"; sleep 2
shot settings-watching.png
xdotool key --window "$dialog" alt+u; sleep 1
shot settings-rules.png
xdotool key --window "$dialog" Escape; sleep 0.5
