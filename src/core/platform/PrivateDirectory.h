#pragma once

#include <QString>

namespace foxreload::ipc {

// Makes `path` a directory only the current user can enter, fit to hold a socket that
// accepts commands: created with mode 0700 when missing; when it exists it must be a real
// directory (not a symbolic link, which could point anywhere) owned by the effective user,
// and looser permissions are narrowed to 0700 through a descriptor opened without following
// links, so nothing planted at the path can redirect that chmod onto someone's files.
// Returns false with the reason in *error otherwise; the path is then left as it was.
bool ensurePrivateDirectory(const QString& path, QString* error);

// A stale socket at `path` (its process is gone) is removed; any other kind of file there
// (a regular file, a symbolic link, a directory, a FIFO) is not ours to delete: false, with why.
// A missing path is fine.
bool clearStaleSocket(const QString& path, QString* error);

} // namespace foxreload::ipc
