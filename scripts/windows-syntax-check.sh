#!/usr/bin/env bash
# Windows syntax check: every source file a Windows build of FoxReload compiles must pass
# MinGW-w64's g++ in syntax-only mode against Qt 6's headers (Debian's, the host's), so code that
# would not build on Windows (a POSIX call outside src/core/platform, a missing *_win.cpp) fails
# here, on Linux, before anyone tries MSVC. It cannot prove that the Windows code works.
#
#   scripts/windows-syntax-check.sh            (BUILD_DIR, default build: a configured Linux tree)
#
# How the file list is made: a second tree, $BUILD_DIR-wincheck, is configured (never built) with
# -DFOXRELOAD_TARGET_OS=Windows (cmake/Platform.cmake picks the *_win.cpp files instead of
# *_unix/*_linux.cpp; the inotify backend is left out) and -DFOXRELOAD_BUILD_TESTS=OFF; its
# compile_commands.json lists every file and its flags. The code generators' output (ui_*.h,
# mocs_compilation.cpp) is taken from the Linux tree, whose *_autogen targets the script runs:
# a Windows tree cannot generate before its libraries are built, and moc/uic output does not
# depend on the OS. So run it after a Linux configure (scripts/dev.sh test does, after its build).
#
# The flags each file is checked with (taken from compile_commands.json, then changed):
#   x86_64-w64-mingw32-g++-posix -std=c++20 -fsyntax-only   the compiler; it defines _WIN32, so
#                                          Qt's headers take their Q_OS_WIN branches
#   -D... -I... from CMake                 the project's own definitions and include folders
#                                          (*_autogen/include of the Linux tree)
#   -isystem /usr/include/x86_64-linux-gnu/qt6[/QtModule]   Qt's headers, as CMake lists them
#   -isystem .../mkspecs/win32-g++         instead of mkspecs/linux-g++ (qplatformdefs.h)
#   -isystem $CHECK_DIR/wincheck-include   a private copy of the yaml-cpp and libyaml headers:
#                                          never -I/usr/include itself, whose glibc headers
#                                          would hide every missing POSIX function
#   -DUNICODE -D_UNICODE -DWIN32 -DWIN64   what Qt's CMake sets for Windows targets
#   -D_WIN32_WINNT=0x0A00 -DWINVER=0x0A00  Windows 10, Qt 6's minimum
#   the project's warning flags and -Werror as in the Linux build; -fPIC is dropped
# Files run in parallel (JOBS, default nproc) with xargs -P; any error fails the script, which
# prints each failing file's first errors. Then the macOS files (*_mac.cpp) go through the host
# g++ (-Dst_mtimespec=st_mtim: glibc's name for Apple's field), the nearest check possible here.
# Last, it lists, as a warning (an error with STRICT=1), files outside src/core/platform that
# include a POSIX header MSVC does not have (MinGW ships some of them, MSVC none).
#
# Needs: g++-mingw-w64-x86-64-posix (scripts/dev.sh installs it), python3, cmake, ninja.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
build_dir=${BUILD_DIR:-build}
check_dir=${CHECK_DIR:-$build_dir-wincheck}
jobs=${JOBS:-$(nproc)}
compiler=${MINGW_CXX:-x86_64-w64-mingw32-g++-posix}

log() { printf '\033[1m🦊 %s\033[0m\n' "$*" >&2; }

command -v "$compiler" >/dev/null || { echo "windows-syntax-check: $compiler is missing (apt-get install g++-mingw-w64-x86-64-posix)" >&2; exit 2; }
start=$(date +%s)

log "configuring $check_dir for the Windows file set"
cmake -S . -B "$check_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOXRELOAD_WERROR=ON \
  -DFOXRELOAD_TARGET_OS=Windows -DFOXRELOAD_BUILD_TESTS=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# Generated files (ui_*.h, the moc output) come from the Linux build: a Windows tree's code
# generators cannot run before its libraries are built, and their output does not depend on the OS.
[[ -f $build_dir/build.ninja ]] || { echo "windows-syntax-check: $build_dir is not a configured build tree" >&2; exit 2; }
# Only those of targets a Windows build has (not the tests').
autogen_targets() { ninja -C "$1" -t targets all | sed -n 's|^\([A-Za-z0-9_]*_autogen\): phony$|\1|p' | sort -u; }
mapfile -t autogen < <(comm -12 <(autogen_targets "$build_dir") <(autogen_targets "$check_dir"))
if ((${#autogen[@]})); then
  generated=$(ninja -C "$build_dir" -j "$jobs" "${autogen[@]}" 2>&1) || {
    printf '%s\n' "$generated" | tail -30 >&2
    echo "windows-syntax-check: the code generators failed in $build_dir" >&2
    exit 1
  }
fi

include_dir=$check_dir/wincheck-include
rm -rf "$include_dir" && mkdir -p "$include_dir"
yaml_cpp=${YAML_CPP_INCLUDE:-/usr/include/yaml-cpp}
libyaml=${LIBYAML_HEADER:-/usr/include/yaml.h}
cp -r "$yaml_cpp" "$include_dir/yaml-cpp"
[[ -f $libyaml ]] && cp "$libyaml" "$include_dir/"

commands=$check_dir/wincheck-commands.txt
python3 - "$check_dir/compile_commands.json" "$compiler" "$include_dir" "$(cd "$check_dir" && pwd)" "$(cd "$build_dir" && pwd)" >"$commands" <<'EOF'
import json, os, shlex, sys
database, compiler, include_dir, check_dir, build_dir = sys.argv[1:6]
def generated(path):  # a file of the Windows tree's code generators: the Linux build's copy
    return build_dir + path[len(check_dir):] if path.startswith(check_dir + '/') else path
extra = ['-DUNICODE', '-D_UNICODE', '-DWIN32', '-DWIN64', '-D_WIN32_WINNT=0x0A00', '-DWINVER=0x0A00']
for entry in json.load(open(database)):
    arguments = entry.get('arguments') or shlex.split(entry['command'])
    flags = []
    it = iter(arguments[1:])
    for argument in it:
        if argument in ('-o', '-MF', '-MT', '-c'):
            next(it, None)
        elif argument == '-isystem':
            flags += ['-isystem', next(it).replace('/mkspecs/linux-g++', '/mkspecs/win32-g++')]
        elif argument.startswith('-I'):
            flags.append('-I' + generated(argument[2:]))
        elif argument.startswith(('-D', '-std=', '-W')):
            flags.append(argument)
    flags += ['-isystem', include_dir] + extra
    source = generated(entry['file'])
    if not os.path.exists(source):
        sys.exit(f'windows-syntax-check: {source} is missing: build {build_dir} first')
    print(shlex.join([compiler, '-fsyntax-only'] + flags + [source]))
EOF
count=$(wc -l <"$commands")
log "checking $count files with $compiler, $jobs at a time"

failures=$check_dir/wincheck-failures
rm -rf "$failures" && mkdir -p "$failures"
export failures
# Each command's last word is its file; a failure leaves that file's messages behind.
tr '\n' '\0' <"$commands" | xargs -0 -P "$jobs" -n 1 sh -c '
  set -f; eval "set -- $1"; file=$(eval "echo \${$#}")
  out=$("$@" 2>&1) || { printf "%s\n%s\n" "$file" "$out" >"$failures/$(echo "$file" | tr / _).log"; }
' check

failed=$(find "$failures" -name '*.log' | wc -l)
seconds=$(($(date +%s) - start))
if ((failed)); then
  for f in "$failures"/*.log; do
    printf '\n\033[1m%s\033[0m\n' "$(head -1 "$f")" >&2
    tail -n +2 "$f" | grep -E 'error|required from' | head -8 >&2
  done
  log "Windows syntax check: $failed of $count files fail (${seconds}s)"
  exit 1
fi

# macOS cannot be compiled for here; its files (*_mac.cpp, with the *_unix.cpp they complete) are
# at least run through the host compiler, glibc's st_mtim standing in for Apple's st_mtimespec.
mapfile -t mac_files < <(git ls-files 'src/*_mac.cpp')
if ((${#mac_files[@]})); then
  mac_out=$(for f in "${mac_files[@]}"; do
    c++ -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Dst_mtimespec=st_mtim -DQT_NO_KEYWORDS \
      -Isrc/core -isystem /usr/include/x86_64-linux-gnu/qt6 -isystem /usr/include/x86_64-linux-gnu/qt6/QtCore \
      "$f" 2>&1 || echo "FAILED: $f"
  done)
  if grep -q FAILED <<<"$mac_out"; then
    printf '%s\n' "$mac_out" >&2
    log "macOS files: host compiler check failed"
    exit 1
  fi
  log "macOS files: ${#mac_files[@]} pass the host compiler"
fi

# MSVC has none of these; MinGW's copies would let them slip through the compile above.
posix='#include <(unistd|poll|dirent|pwd|grp|dlfcn|termios)\.h>|#include <sys/(uio|wait|socket|resource|prctl|signalfd|inotify|syscall|mman|un)\.h>'
# The inotify backend's files (src/core/watch/Inotify*) are built on Linux only (watch/CMakeLists.txt).
mapfile -t leaks < <(git ls-files 'src/*.cpp' 'src/*.h' | grep -Ev '^src/core/platform/|_(unix|linux|mac)\.cpp$|/Inotify[A-Za-z]*\.' \
  | xargs grep -lE "$posix" 2>/dev/null || true)
if ((${#leaks[@]})); then
  printf 'windows-syntax-check: POSIX headers MSVC lacks, outside the platform layer:\n' >&2
  printf '  %s\n' "${leaks[@]}" >&2
  [[ ${STRICT:-0} == 1 ]] && exit 1
fi
log "Windows syntax check: all $count files pass (${seconds}s)"
