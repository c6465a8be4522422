#pragma once

#include <QByteArray>
#include <QString>

namespace foxreload {

// Changing a file the user owns (their .foxreload.yaml, an MCP client's config): a copy of
// the old bytes first, then the new bytes atomically, so that a crash or a full disk leaves
// either the old file or the new one, never half of each.

// Copies `path` to the first free name of path.bak, path.bak.1, path.bak.2, ... (an older
// backup is never overwritten) and returns that name; empty and *error when the copy failed.
QString backUpFile(const QString& path, QString* error);

// Writes `contents` to `path` through a temporary file renamed over it. A symbolic link is
// followed and its target replaced (the link stays a link); permissions are kept.
bool replaceFileContents(const QString& path, const QByteArray& contents, QString* error);

} // namespace foxreload
