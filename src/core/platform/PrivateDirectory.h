#pragma once

#include <QString>

namespace foxreload::platform {

// Makes `path` a directory only the current user can enter, fit to hold a socket that
// accepts commands. Unix (PrivateDirectory_unix.cpp): created with mode 0700 when missing; when it exists it
// must be a real directory (not a symbolic link, which could point anywhere) owned by the effective user, and
// looser permissions are narrowed to 0700 through a descriptor opened without following links, so nothing
// planted at the path can redirect that chmod onto someone's files. Returns false with the reason in *error
// otherwise; the path is then left as it was. Windows (PrivateDirectory_win.cpp): the directory is created
// when missing and must not be a reparse point (a junction could point anywhere); it is given a protected
// DACL that grants the current user alone full access (no inheritance from a shared parent).
bool ensurePrivateDirectory(const QString& path, QString* error);

// A stale socket at `path` (its process is gone) is removed; any other kind of file there
// (a regular file, a symbolic link, a directory, a FIFO) is not ours to delete: false, with why.
// A missing path is fine. Windows: local sockets are named pipes, not files: nothing to clear (an
// entry file registerLocalServer() left is rewritten by the next one).
bool clearStaleSocket(const QString& path, QString* error);

// Makes a QLocalServer listening at `path` (in a directory ensurePrivateDirectory() made) findable
// by listing that directory, as the desktop app lists running sessions. Unix: the socket is a
// file there already; nothing to do. Windows: QLocalServer listens on a named pipe
// (\\.\pipe\<path>), which is no file: an empty file is written at `path` as the entry. Only this
// user can write in that directory, so only this user's sessions are listed. False with why in
// *error when the entry cannot be written.
bool registerLocalServer(const QString& path, QString* error);
// Removes the entry (Unix: the socket file, should QLocalServer have left it). Missing is fine.
void unregisterLocalServer(const QString& path);

} // namespace foxreload::platform
