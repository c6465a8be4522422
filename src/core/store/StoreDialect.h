#pragma once

#include <QString>
#include <QStringList>

class QSqlError;

namespace foxreload::storedialect {

// The history's SQL is written once, in SQLite's words; this is where PostgreSQL's differ.
// StoreConnection runs every statement through it (translations are cached per statement).

enum class Backend { Sqlite, Postgres };

// Why a statement failed, as the hold queue needs to know it.
enum class ErrorKind {
    Transient, // may pass later (damaged, read-only, full, I/O, permissions)
    Busy, // another connection holds a lock the statement needs
    Permanent, // because of what it writes (a constraint, a type): will fail again
    Lost, // the connection is gone: reconnect before anything else
};

ErrorKind classify(Backend backend, const QSqlError& error);

// The statements PostgreSQL runs for one statement of the SQLite subset FoxReload writes
// (StoreSchema.cpp lists it). SQLite's statement is returned as it is.
QStringList translate(Backend backend, const QString& sql);

// The table an "INSERT INTO t…" writes, empty for any other statement.
QString insertTable(const QString& sql);

} // namespace foxreload::storedialect
