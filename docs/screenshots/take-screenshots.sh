#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real desktop app, on a desktop a
# user could have: a virtual X display (Xvfb) with a window manager (openbox), a tray
# host (trayer) and a notification daemon (dunst) on a private session bus.
#
#   docs/screenshots/take-screenshots.sh [BUILD_DIR]     (default: build)
#
# Four looks: English and German, each light and dark. The dark one is the desktop's
# own dark theme as Qt reads it (the GTK platform theme with Adwaita:dark), not a
# palette of the app's. Every shot is a private copy of examples/reynard-server that
# is edited for real. Needs (scripts/dev.sh deps installs them): xvfb-run,
# dbus-run-session, openbox, trayer, dunst, xdotool, imagemagick, qt6-gtk-platformtheme.
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
pids=()
app_pid=
cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

export LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 QT_QPA_PLATFORM=xcb
xsetroot -solid '#3b4252' 2>/dev/null || true
openbox --config-file /dev/null >/dev/null 2>&1 &
pids+=($!)
trayer --edge top --align right --widthtype request --height 24 --SetDockType true \
  --transparent true --tint 0x303030 --alpha 0 >/dev/null 2>&1 &
pids+=($!)
cat >"$work/dunstrc" <<'EOF'
[global]
    origin = top-right
    offset = 10x34
    width = 420
    font = DejaVu Sans 10
    frame_width = 1
    format = "<b>%s</b>\n%b"
    icon_position = left
    max_icon_size = 48
[urgency_low]
    timeout = 30
[urgency_normal]
    timeout = 30
[urgency_critical]
    timeout = 0
EOF
dunst -config "$work/dunstrc" >/dev/null 2>&1 &
pids+=($!)
sleep 1

shot() { import -window root "$out/$1"; echo "wrote docs/screenshots/$1"; }
edit() { # file text: append a line the way an editor saves (a new file, renamed over)
  cp "$1" "$1.tmp" && printf '%s\n' "$2" >>"$1.tmp" && mv "$1.tmp" "$1"
}
find_window() { # title regex → window id, waiting for it
  local id=
  for _ in $(seq 1 100); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) && [[ -n $id ]] && break
    sleep 0.2
  done
  [[ -n $id ]] || { echo "no window '$1' appeared" >&2; cat "$work/app.log" >&2; exit 1; }
  echo "$id"
}
key() { xdotool windowactivate --sync "$1" 2>/dev/null || true; xdotool key --clearmodifiers "${@:2}"; }

# start_app LANGUAGE THEME [args…]: a fresh private home per look, so each starts as a new user.
start_app() {
  local language=$1 theme=$2
  shift 2
  local home="$work/home-$language-$theme"
  mkdir -p "$home"
  export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache
  export XDG_RUNTIME_DIR=$home/runtime
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  export LANGUAGE=$language
  # Dates and numbers follow the locale, as on a German desktop (Qt has its own locale data).
  if [[ $language == de ]]; then export LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8; else export LC_ALL=C.UTF-8 LANG=C.UTF-8; fi
  if [[ $theme == dark ]]; then
    export QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark
  else
    export QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita
  fi
  "$foxreload" gui "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
  dunstctl close-all 2>/dev/null || true
}

# look LANGUAGE THEME SUFFIX: the dashboard after a few real edits, its tabs, the settings.
look() {
  local language=$1 theme=$2 suffix=$3
  local project="$work/$language-$theme/reynard-server"
  mkdir -p "$(dirname "$project")"
  cp -r "$here/examples/reynard-server" "$project"
  find "$project" -name __pycache__ -prune -exec rm -rf {} +

  # First start: nothing yet, the welcome page.
  start_app "$language" "$theme"
  local window
  window=$(find_window '^FoxReload')
  xdotool windowmove "$window" 0 26 windowsize "$window" 1280 774
  sleep 2
  shot "welcome$suffix.png"
  stop_app

  # A project the user trusts the first time it starts: opened on it, the app asks at once;
  # the prompt's own "Trust and Start" (Alt+S) answers.
  start_app "$language" "$theme" --config "$project/.foxreload.yaml"
  window=$(find_window 'reynard-server')
  xdotool windowmove "$window" 0 26 windowsize "$window" 1280 774
  sleep 2
  local prompt
  prompt=$(find_window 'Trust|Vertrauen')
  sleep 1
  [[ -z $suffix || $suffix == -de ]] && shot "trust-prompt$suffix.png"
  key "$prompt" alt+s
  sleep 3

  # A few days' worth of work, compressed: tool edits (hot reload), a service edit
  # (service restart), the entry point (full restart), one broken tool and its fix.
  cd "$project"
  for i in 1 2 3; do edit tools/weather.py "# tweak $i"; sleep 1.2; done
  edit services/cache.py "# cache tuning"; sleep 1.5
  edit tools/word_count.py "# count better"; sleep 1.2
  edit main.py "# entry point touched"; sleep 2.5
  cp tools/fox_fact.py "$work/fox_fact.py"
  edit tools/fox_fact.py "def broken(:"; sleep 2.5
  if [[ -z $suffix ]]; then
    shot tray-notification-failure.png
  fi
  cp "$work/fox_fact.py" tools/fox_fact.py.tmp && mv tools/fox_fact.py.tmp tools/fox_fact.py; sleep 2.5
  dunstctl close-all 2>/dev/null || true
  edit tools/echo.py "# polish"; sleep 2.5
  cd "$here"
  shot "dashboard$suffix.png"
  dunstctl close-all 2>/dev/null || true

  key "$window" alt+p; sleep 1.5
  shot "dashboard-progress$suffix.png"
  key "$window" alt+e; sleep 1.5
  [[ -z $suffix ]] && shot dashboard-events.png
  if [[ -z $suffix ]]; then # the Learned tab, by mouse: the fifth tab
    xdotool mousemove 394 157 click 1; sleep 1
    shot dashboard-learned.png
  fi
  key "$window" alt+o; sleep 0.5

  # The tray menu: a right click on the fox, the only icon in trayer's bar at the top right.
  if [[ -z $suffix ]]; then
    xdotool mousemove 1268 12 click 3
    sleep 1
    shot tray-menu.png
    xdotool key Escape
    sleep 0.5
  fi

  # The settings dialog: Ctrl+, on the dashboard.
  key "$window" ctrl+comma
  local dialog
  dialog=$(find_window 'Settings|Einstellungen')
  sleep 1
  shot "settings$suffix.png"
  if [[ -z $suffix ]]; then
    key "$dialog" alt+w; sleep 0.5
    key "$dialog" alt+t; sleep 0.3
    xdotool type --delay 20 "services/cache.py"; sleep 2
    xdotool key Tab
    shot settings-watching.png
    key "$dialog" alt+u; sleep 1
    shot settings-rules.png
  fi
  key "$dialog" Escape; sleep 0.5
  stop_app
}

look en light ""
look en dark "-dark"
look de light "-de"
look de dark "-de-dark"
