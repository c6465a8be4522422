#pragma once

#include <QStringList>

namespace foxreload::storeschema {

// The history schema as a list of versions: version 1 is created by its own
// statements, every later version by a migration from the one before. A new
// database runs them all, so the migrations are exercised on every install.

QStringList version1();
// Statements that take a database from `version - 1` to `version`.
QStringList migrationTo(int version);

} // namespace foxreload::storeschema
