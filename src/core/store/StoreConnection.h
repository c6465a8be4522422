#pragma once

#include "StoreDialect.h"

#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlError;

namespace foxreload {

// One connection to the history database, and everything about it that depends on the
// backend: SQLite (a file) or PostgreSQL (a postgresql:// URL, Qt's QPSQL driver). It opens
// and sets up the connection, keeps the schema version, takes the write lock, classifies
// errors and runs every statement through StoreDialect, so the queries above it and the
// migrations are written once, in SQLite's words.
//
// Not thread-safe: use it from the thread that created it.
class StoreConnection
{
public:
    StoreConnection() = default;
    ~StoreConnection();
    StoreConnection(const StoreConnection&) = delete;
    StoreConnection& operator=(const StoreConnection&) = delete;

    // SQLite: creates the file and its directory, connects, reads the schema version (the
    // first access, which fails on a damaged file) and sets WAL and the pragmas.
    // PostgreSQL (`location` a postgresql:// URL): connects, waiting up to `busyTimeoutMs`
    // (at least 2 s, libpq's least) for the server, and creates the version table.
    bool open(const QString& location, int busyTimeoutMs);
    void close();
    bool isOpen() const { return !m_name.isEmpty(); }
    bool isShared() const { return m_backend == storedialect::Backend::Postgres; }

    // How long a statement waits for another connection's lock.
    bool setBusyTimeout(int ms);
    int userVersion() const;
    bool setUserVersion(int version);
    // Moves whenever another connection commits (PostgreSQL: whenever any connection, this
    // one too, writes anything on the server).
    qint64 dataVersion() const;

    // A write through a cached prepared statement; `insertId`/`rowsAffected` when given.
    bool execute(const QString& sql, const QVariantList& values = {}, qint64* insertId = nullptr,
        int* rowsAffected = nullptr);
    // A forward-only read; an inactive query when it failed (lastError() says why).
    QSqlQuery select(const QString& sql, const QVariantList& values = {}) const;
    qint64 selectNumber(const QString& sql, const QVariantList& values = {}) const;
    // Runs `body` in one write transaction that holds the write lock from its start
    // (nested calls join the outer one). False, rolled back, when `body` or the commit fails.
    bool transaction(const std::function<bool()>& body);
    // Runs `body` inside a transaction so that, when it fails, the transaction goes on
    // without it (PostgreSQL ends a transaction at its first error; SQLite does not).
    bool attempt(const std::function<bool()>& body);

    QString lastError() const { return m_lastError; }
    void setLastError(const QString& error) { m_lastError = error; }
    // The last failed statement failed because of what it writes: it will fail again.
    bool lastErrorPermanent() const { return m_lastErrorPermanent; }
    // The last failed statement met another connection's lock.
    bool lastErrorBusy() const { return m_lastErrorBusy; }

private:
    bool openSqlite(const QString& path, int busyTimeoutMs);
    bool openPostgres(const QString& url, int busyTimeoutMs);
    bool closeAfterFailedOpen();
    void noteError(const QSqlError& error);
    // The statements `sql` is on this backend (cached).
    const QStringList& translated(const QString& sql) const;
    // PostgreSQL's new row id comes back through RETURNING, for tables that have an id.
    QString withReturningId(const QString& sql) const;
    // Rolls back (the transaction, or to a savepoint) and keeps the error that led to it.
    bool rollbackKeepingError(const QString& rollback = QStringLiteral("ROLLBACK"));
    bool executeOne(const QString& sql, const QVariantList& values, qint64* insertId, int* rowsAffected);

    QString m_name; // unique Qt Sql connection name, empty when not connected
    mutable QString m_lastError;
    bool m_lastErrorPermanent = false;
    bool m_lastErrorBusy = false;
    QHash<QString, QSqlQuery> m_statements; // prepared writes, by SQL
    storedialect::Backend m_backend = storedialect::Backend::Sqlite;
    mutable QHash<QString, QStringList> m_translations;
    mutable QStringList m_tablesWithId; // PostgreSQL; looked up again after DDL
    mutable bool m_tablesWithIdKnown = false;
    int m_transactionDepth = 0;
};

} // namespace foxreload
