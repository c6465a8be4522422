"""Source trees to watch: N files, about 100 per directory, in two directory levels (like a
real project), plus a node_modules-like tree of the same size that the watchers exclude."""

import os
import time

FILES_PER_DIR = 100
DIRS_PER_GROUP = 32


class Tree:
    def __init__(self, root, files, excluded_files, dirs):
        self.root = root
        self.files = files  # paths of watched files, in creation order
        self.excluded_files = excluded_files
        self.dirs = dirs  # watched leaf directories, in creation order

    @property
    def excluded_root(self):
        return os.path.join(self.root, "node_modules")


def _fill(base, count, leaf_name, file_name, body):
    paths, dirs = [], []
    directories = (count + FILES_PER_DIR - 1) // FILES_PER_DIR
    made = 0
    for d in range(directories):
        group = os.path.join(base, f"g{d // DIRS_PER_GROUP:03d}")
        leaf = os.path.join(group, leaf_name.format(d))
        os.makedirs(leaf, exist_ok=True)
        dirs.append(leaf)
        for f in range(min(FILES_PER_DIR, count - made)):
            path = os.path.join(leaf, file_name.format(f))
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.write(fd, body)
            os.close(fd)
            paths.append(path)
            made += 1
    return paths, dirs


def make_tree(root, count):
    """root/src/gNNN/modNNNN/fNN.py (watched) and root/node_modules/gNNN/pkgNNNN/fNN.js (excluded)."""
    body = b"def value():\n    return 42\n"
    files, dirs = _fill(os.path.join(root, "src"), count, "mod{:05d}", "f{:02d}.py", body)
    excluded, _ = _fill(os.path.join(root, "node_modules"), count, "pkg{:05d}", "f{:02d}.js",
                        b"module.exports = 42;\n")
    return Tree(root, files, excluded, dirs)


def directory_count(tree):
    """The directories a watcher of `tree` watches (the excluded tree aside): the root, src/, the
    groups and the leaves; None for a tree only known by its root."""
    if not tree.dirs:
        return None
    return 2 + len({os.path.dirname(leaf) for leaf in tree.dirs}) + len(tree.dirs)


def existing_tree(root):
    """A tree make_tree() built before (kept with --keep, or by hand): only its root and
    excluded root are known, which is all a start-up measurement needs."""
    return Tree(root, [], [], [])


def append_line(path, text=b"x\n"):
    """One edit as a program saves a file in place: open, write, close. Returns
    (ns before open, ns just after close)."""
    before = time.monotonic_ns()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, text)
    os.close(fd)
    return before, time.monotonic_ns()
