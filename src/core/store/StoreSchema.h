#pragma once

#include <QStringList>

class QTimeZone;

namespace foxreload {
class StoreConnection;
}

namespace foxreload::storeschema {

// The history schema as a list of versions: version 1 is created by its own
// statements, every later version by a migration from the one before. A new
// database runs them all, so the migrations are exercised on every install.

QStringList version1();
// Statements that take a database from `version - 1` to `version`.
QStringList migrationTo(int version);

constexpr int kLatestVersion = 7;

// Takes the open database from its version to kLatestVersion in one transaction (another
// process may have done it meanwhile). Version 1 had no local days: they are derived in
// `zone`; version 5 had no players: its rows become `localPlayer`'s. False, with the
// connection's lastError() saying why, when it cannot.
bool migrate(StoreConnection& db, const QTimeZone& zone, const QString& localPlayer);

} // namespace foxreload::storeschema
