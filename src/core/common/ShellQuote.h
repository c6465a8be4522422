#pragma once

#include <QString>
#include <QStringList>

namespace foxreload {

// A word as a user would type it into a POSIX shell: unchanged when it has nothing the
// shell would interpret, otherwise in single quotes.
QString shellQuote(const QString& word);

// The command line as a user would type it into a POSIX shell.
QString shellCommandLine(const QString& command, const QStringList& args);

} // namespace foxreload
