#!/usr/bin/env bash
# FoxReload's one entry point for a fresh Debian 12 machine (run as root, or with sudo).
#
#   scripts/dev.sh demo    install what is needed, build, start FoxReload on the example server
#   scripts/dev.sh test    install what is needed, build, run the whole test suite
#   scripts/dev.sh deps    only install the packages
#   scripts/dev.sh build   only build (build/ with warnings as errors)
#
# Environment: BUILD_DIR (default build), JOBS (default: nproc), SANITIZE=1 adds an
# AddressSanitizer/UBSan pass to `test` (CI=true turns it on), SKIP_DEPS=1 skips apt/npm.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}

log() { printf '\033[1m🦊 %s\033[0m\n' "$*" >&2; }

apt_packages=(
  build-essential cmake ninja-build pkg-config ccache clang-format
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev libgl1-mesa-dev libyaml-cpp-dev libyaml-dev
  qt6-httpserver-dev qt6-websockets-dev curl
  python3 inotify-tools sqlite3 postgresql prometheus g++-mingw-w64-x86-64-posix
  xvfb xauth x11-utils imagemagick trayer dunst dbus-x11 libnotify-bin xdotool openbox qt6-gtk-platformtheme
  desktop-file-utils appstream dpkg-dev file groff-base zsh fish
)

install_deps() {
  if [[ ${SKIP_DEPS:-0} == 1 ]]; then return; fi
  local missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    log "installing ${#missing[@]} packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if [[ ! -d tests/mcp-clients/node_modules ]] || [[ tests/mcp-clients/package-lock.json -nt tests/mcp-clients/node_modules ]]; then
    log "installing the pinned MCP SDK, Inspector and server-everything (npm ci)"
    (cd tests/mcp-clients && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

configure_and_build() {
  local dir=$1; shift
  log "building in $dir"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOXRELOAD_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

check_format() {
  log "checking clang-format"
  local bad=()
  while IFS= read -r f; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find src tests -name '*.cpp' -o -name '*.h')
  if ((${#bad[@]})); then
    printf 'not formatted per .clang-format: %s\n' "${bad[@]}" >&2
    return 1
  fi
}

# GUI tests want a display, a tray host and a session bus; the test runner starts them itself.
run_ctest() {
  local dir=$1; shift
  local runner=(ctest --test-dir "$dir" --output-on-failure --timeout 900 "$@")
  if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "${runner[@]}"
  else
    "${runner[@]}"
  fi
}

cmd=${1:-}
case "$cmd" in
  deps)
    install_deps ;;
  build)
    install_deps
    configure_and_build "$build_dir" ;;
  demo)
    install_deps
    configure_and_build "$build_dir"
    example=examples/reynard-server
    "$build_dir/src/foxreload" trust "$example/.foxreload.yaml" >/dev/null
    log "starting FoxReload on $example — edit a file in $example/tools and watch it reload (Ctrl-C stops)"
    # The desktop app where a display exists; the same session headless everywhere else.
    exec "$build_dir/src/foxreload" gui --config "$example/.foxreload.yaml" ;;
  test)
    install_deps
    check_format
    configure_and_build "$build_dir"
    BUILD_DIR=$build_dir JOBS=$jobs bash scripts/windows-syntax-check.sh
    log "running the test suite"
    run_ctest "$build_dir" -j "$jobs"
    if [[ ${SANITIZE:-${CI:-false}} == 1 || ${SANITIZE:-${CI:-false}} == true ]]; then
      configure_and_build "$build_dir-asan" -DFOXRELOAD_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
      log "running the test suite under AddressSanitizer/UBSan"
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ctest "$build_dir-asan" -LE slow -j "$jobs"
    fi
    log "all tests passed" ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
