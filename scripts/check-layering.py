#!/usr/bin/env python3
"""Checks the layering against what the build links (the tst_layering ctest).

Every `#include "folder/Header.h"` in a library or a test must name a header that a library
exposes (cmake/Layering.cmake), and that library must be the includer itself or one it links,
directly or through others. The build enforces the same rule for the files it compiles; this
check also reads the files of the other operating systems (a `_win.cpp` next to a `_unix.cpp`)
and says in one list what is wrong, with the link that is missing.

Usage: check-layering.py <build>/layering.json
       check-layering.py --self-test   (a made-up tree: a violation is found, a link clears it)
Exit status: 0 clean, 1 violations, 2 bad input.
"""

import json
import re
import sys
import tempfile
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
SOURCE_SUFFIXES = {".h", ".cpp", ".mm"}


def header_key(header: Path, core_dir: Path, src_dir: Path) -> str:
    """How other files include the header: relative to src/core, else to src."""
    for root in (core_dir, src_dir):
        try:
            return header.relative_to(root).as_posix()
        except ValueError:
            continue
    return ""


def load(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    core_dir, src_dir = Path(data["core_dir"]), Path(data["src_dir"])
    targets = data["targets"]
    owner = {}  # "server/ServerProcess.h" -> foxreload_server
    for name, target in targets.items():
        if not target["exposes"]:
            continue
        for source in target["sources"]:
            if source.endswith(".h"):
                key = header_key(Path(source), core_dir, src_dir)
                if key:
                    owner[key] = name
    return core_dir, src_dir, targets, owner


def reachable(targets, name):
    """The target and everything it links, transitively."""
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in targets:
            continue
        seen.add(current)
        todo.extend(targets[current]["links"])
    return seen


def resolve_locally(include, file, own_dirs):
    """The file an include names in the includer's folder or the target's own include directories."""
    for folder in [file.parent, *own_dirs]:
        candidate = (folder / include).resolve()
        if candidate.is_file():
            return candidate
    return None


def files_of(targets, name, claimed):
    """The target's sources, plus the other OS's files beside its exposed ones that no target
    claims (a Linux build never lists ParentWatch_win.cpp, but it belongs to the platform stage)."""
    files = {Path(s) for s in targets[name]["sources"]}
    if targets[name]["exposes"]:
        for folder in {f.parent for f in files}:
            for candidate in folder.iterdir():
                if candidate.suffix in SOURCE_SUFFIXES and str(candidate) not in claimed:
                    files.add(candidate)
    return sorted(files)


def check(path: Path):
    core_dir, src_dir, targets, owner = load(path)
    folders = {key.rsplit("/", 1)[0] for key in owner}
    claimed = {s for t in targets.values() for s in t["sources"]}
    violations = []
    for name in sorted(targets):
        allowed = reachable(targets, name)
        own_dirs = [Path(d) for d in targets[name].get("include_dirs", [])]
        todo = list(files_of(targets, name, claimed))
        seen = set(todo)
        while todo:
            file = todo.pop(0)
            try:
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for match in INCLUDE.finditer(text):
                include = match.group(1)
                local = resolve_locally(include, file, own_dirs)
                if local:
                    # A helper header of the target's own (tests/common/...): its includes count too.
                    if local not in seen and str(local) not in claimed:
                        seen.add(local)
                        todo.append(local)
                    continue
                if "/" not in include:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                provider = owner.get(include)
                if provider is None:
                    if include.rsplit("/", 1)[0] in folders:
                        violations.append(f"{file}:{line}: {name} includes \"{include}\", which no "
                                          "library exposes (is the header in its CMakeLists SOURCES?)")
                    continue
                if provider not in allowed:
                    violations.append(f"{file}:{line}: {name} includes \"{include}\" of {provider} "
                                      f"but does not link it")
    return violations


def self_test():
    """A watch stage that includes a server header: flagged until watch links server."""
    with tempfile.TemporaryDirectory() as tmp:
        core = Path(tmp, "src", "core")
        for folder, text in (("server", ""), ("watch", '#include "server/Server.h"\n')):
            (core / folder).mkdir(parents=True)
            (core / folder / (folder.capitalize() + ".h")).write_text(text, encoding="utf-8")

        def run(watch_links):
            targets = {name: {"exposes": True, "links": links, "include_dirs": [],
                              "sources": [str(core / name / (name.capitalize() + ".h"))]}
                       for name, links in (("server", []), ("watch", watch_links))}
            layering = Path(tmp, "layering.json")
            layering.write_text(json.dumps({"core_dir": str(core), "src_dir": str(core.parent),
                                            "targets": targets}), encoding="utf-8")
            return check(layering)

        unlinked, linked = run([]), run(["server"])
    if len(unlinked) != 1 or "does not link" not in unlinked[0] or linked:
        print(f"check-layering: self-test failed: {unlinked} / {linked}")
        return 1
    print("check-layering: self-test passed (1 violation without the link, 0 with it)")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        violations = check(Path(argv[1]))
    except (OSError, ValueError, KeyError) as error:
        print(f"check-layering: cannot read {argv[1]}: {error}", file=sys.stderr)
        return 2
    for violation in violations:
        print(violation)
    print(f"check-layering: {len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
