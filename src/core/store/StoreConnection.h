#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>

class QSqlError;

namespace foxreload {

// One connection to the history database, and everything about it that is SQLite's:
// the driver, the pragmas set at connect, the error codes a failed statement carries,
// and how a transaction takes the write lock. The queries above it are plain SQL, so a
// second backend replaces this class (and StoreSchema's DDL), not the queries.
//
// Not thread-safe: use it from the thread that created it.
class StoreConnection
{
public:
    StoreConnection() = default;
    ~StoreConnection();
    StoreConnection(const StoreConnection&) = delete;
    StoreConnection& operator=(const StoreConnection&) = delete;

    // Creates the file and its directory, connects, reads the schema version (the first
    // access, which fails on a damaged file) and sets WAL and the pragmas.
    bool open(const QString& path, int busyTimeoutMs);
    void close();
    bool isOpen() const { return !m_name.isEmpty(); }

    // How long a statement waits for another connection's lock.
    bool setBusyTimeout(int ms);
    int userVersion() const;
    bool setUserVersion(int version);
    // Moves whenever another connection commits.
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

    QString lastError() const { return m_lastError; }
    void setLastError(const QString& error) { m_lastError = error; }
    // The last failed statement failed because of what it writes: it will fail again.
    bool lastErrorPermanent() const { return m_lastErrorPermanent; }
    // The last failed statement met another connection's lock.
    bool lastErrorBusy() const { return m_lastErrorBusy; }

private:
    void noteError(const QSqlError& error);

    QString m_name; // unique Qt Sql connection name, empty when not connected
    mutable QString m_lastError;
    bool m_lastErrorPermanent = false;
    bool m_lastErrorBusy = false;
    QHash<QString, QSqlQuery> m_statements; // prepared writes, by SQL
    int m_transactionDepth = 0;
};

} // namespace foxreload
