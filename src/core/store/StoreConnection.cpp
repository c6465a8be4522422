#include "StoreConnection.h"

#include "StoreLog.h"
#include "common/DatabaseLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

std::atomic<quint64> g_connectionCounter { 0 };

// The database's own words ("database is locked"), not QSqlError::text()'s glue of them with
// the driver's ("… Unable to fetch row").
QString errorText(const QSqlError& error)
{
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.driverText().trimmed() : database;
}

// Serializes writers of one PostgreSQL database the way SQLite's write lock does, so that a
// migration or a multi-row write never meets another one half-way ("Fox" in ASCII).
constexpr qint64 kWriteLockKey = 0x466f78;

QString newConnectionName()
{
    return u"foxreload-history-%1-%2"_s.arg(QCoreApplication::applicationPid())
        .arg(g_connectionCounter.fetch_add(1) + 1);
}

} // namespace

StoreConnection::~StoreConnection()
{
    close();
}

bool StoreConnection::open(const QString& location, int busyTimeoutMs)
{
    close();
    m_lastError.clear();
    m_translations.clear();
    m_tablesWithIdKnown = false;
    if (isDatabaseUrl(location)) {
        m_backend = storedialect::Backend::Postgres;
        return openPostgres(location, busyTimeoutMs);
    }
    m_backend = storedialect::Backend::Sqlite;
    return openSqlite(location, busyTimeoutMs);
}

bool StoreConnection::openSqlite(const QString& path, int busyTimeoutMs)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory)) {
        m_lastError = u"cannot create the directory %1"_s.arg(directory);
        return false;
    }
    m_name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open())
            m_lastError = errorText(db.lastError());
    }
    if (!QSqlDatabase::database(m_name, false).isOpen())
        return closeAfterFailedOpen();
    // Reading the schema version is the first real access: it fails on a damaged file.
    QSqlQuery version = select(u"PRAGMA user_version"_s);
    if (!version.next())
        return false;
    version.finish();
    {
        QSqlQuery mode = select(u"PRAGMA journal_mode=WAL"_s);
        if (mode.next() && mode.value(0).toString() != u"wal"_s)
            qCInfo(lcStore).noquote() << path << "stays in journal mode" << mode.value(0).toString();
    }
    if (!execute(u"PRAGMA synchronous=NORMAL"_s))
        return false;
    // SQLite's default page cache (2 MiB) fills up over thousands of inserts and reads as a
    // leak in a long session; the kernel's file cache serves the pages just as well.
    return execute(u"PRAGMA cache_size=-256"_s);
}

bool StoreConnection::openPostgres(const QString& url, int busyTimeoutMs)
{
    const std::optional<PostgresUrl> parsed = PostgresUrl::parse(url);
    if (!parsed) {
        m_lastError = u"not a PostgreSQL URL (postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE)"_s;
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        m_lastError = u"Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"_s;
        return false;
    }
    m_name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setDatabaseName(parsed->database);
        if (!parsed->host.isEmpty())
            db.setHostName(parsed->host);
        if (parsed->port > 0)
            db.setPort(parsed->port);
        if (!parsed->user.isEmpty())
            db.setUserName(parsed->user);
        // Without one, libpq reads PGPASSWORD or ~/.pgpass.
        if (!parsed->password.isEmpty())
            db.setPassword(parsed->password);
        // A server that stops answering (a dropped network, not a refused connection) must not
        // hold a write for TCP's own minutes: unacknowledged data gives up after 3 s and the
        // writes are held like any other outage's.
        QStringList options { u"connect_timeout=%1"_s.arg(std::max(2, (busyTimeoutMs + 999) / 1000)),
            u"tcp_user_timeout=3000"_s, u"keepalives=1"_s, u"keepalives_idle=30"_s,
            u"application_name=foxreload"_s };
        if (!parsed->options.isEmpty())
            options.append(parsed->options);
        db.setConnectOptions(options.join(u';'));
        if (!db.open())
            m_lastError = errorText(db.lastError());
    }
    if (!QSqlDatabase::database(m_name, false).isOpen())
        return closeAfterFailedOpen();
    // The server's notices ("… does not exist, skipping" of every migration) are no news.
    if (!execute(u"SET client_min_messages = warning"_s))
        return false;
    // SQLite keeps the version in its header; here it is a table of one row.
    return setBusyTimeout(busyTimeoutMs) && transaction([this] {
        return execute(u"CREATE TABLE IF NOT EXISTS foxreload_schema (version INTEGER NOT NULL)"_s)
            && execute(u"INSERT INTO foxreload_schema(version) SELECT 0"
                       u" WHERE NOT EXISTS (SELECT 1 FROM foxreload_schema)"_s);
    });
}

bool StoreConnection::closeAfterFailedOpen()
{
    // Not connected is not open: nothing may run a statement on it (and overwrite the error).
    const QString error = m_lastError.isEmpty() ? u"cannot connect"_s : m_lastError;
    close();
    m_lastError = error;
    return false;
}

void StoreConnection::close()
{
    if (m_name.isEmpty())
        return;
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
    m_transactionDepth = 0;
}

bool StoreConnection::setBusyTimeout(int ms)
{
    if (isShared())
        return execute(u"SET lock_timeout = %1"_s.arg(ms));
    return execute(u"PRAGMA busy_timeout=%1"_s.arg(ms));
}

int StoreConnection::userVersion() const
{
    if (isShared())
        return int(selectNumber(u"SELECT version FROM foxreload_schema"_s));
    return int(selectNumber(u"PRAGMA user_version"_s));
}

bool StoreConnection::setUserVersion(int version)
{
    if (isShared())
        return execute(u"UPDATE foxreload_schema SET version = ?"_s, { version });
    return execute(u"PRAGMA user_version=%1"_s.arg(version));
}

qint64 StoreConnection::dataVersion() const
{
    if (isShared())
        // The next transaction id moves whenever a transaction writes (reads take none).
        return selectNumber(u"SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"_s);
    return selectNumber(u"PRAGMA data_version"_s);
}

void StoreConnection::noteError(const QSqlError& error)
{
    m_lastError = errorText(error);
    const storedialect::ErrorKind kind = storedialect::classify(m_backend, error);
    m_lastErrorPermanent = kind == storedialect::ErrorKind::Permanent;
    m_lastErrorBusy = kind == storedialect::ErrorKind::Busy;
}

const QStringList& StoreConnection::translated(const QString& sql) const
{
    auto it = m_translations.constFind(sql);
    if (it == m_translations.constEnd())
        it = m_translations.insert(sql, storedialect::translate(m_backend, sql));
    return it.value();
}

QString StoreConnection::withReturningId(const QString& sql) const
{
    const QString table = storedialect::insertTable(sql);
    if (table.isEmpty())
        return sql;
    if (!m_tablesWithIdKnown) {
        m_tablesWithId.clear();
        QSqlQuery query = select(u"SELECT table_name FROM information_schema.columns"
                                 u" WHERE table_schema = current_schema() AND column_name = 'id'"_s);
        while (query.next())
            m_tablesWithId.append(query.value(0).toString());
        m_tablesWithIdKnown = true;
    }
    return m_tablesWithId.contains(table) ? sql + u" RETURNING id"_s : sql;
}

bool StoreConnection::execute(
    const QString& sql, const QVariantList& values, qint64* insertId, int* rowsAffected)
{
    m_lastErrorPermanent = false;
    m_lastErrorBusy = false;
    if (m_name.isEmpty()) {
        m_lastError = u"not open"_s;
        return false;
    }
    const QStringList& statements = translated(sql);
    for (const QString& statement : statements) {
        if (!executeOne(statement, values, insertId, rowsAffected))
            return false;
    }
    return true;
}

bool StoreConnection::executeOne(
    const QString& translatedSql, const QVariantList& values, qint64* insertId, int* rowsAffected)
{
    QString sql = translatedSql;
    if (isShared()) {
        static const QRegularExpression ddl(
            u"^\\s*(CREATE|ALTER|DROP)\\b"_s, QRegularExpression::CaseInsensitiveOption);
        if (ddl.match(sql).hasMatch())
            m_tablesWithIdKnown = false;
        // QPSQL prepares on the server, which takes no DDL, SET or BEGIN: those run as they are.
        if (values.isEmpty() && !insertId) {
            QSqlQuery query(QSqlDatabase::database(m_name, false));
            if (!query.exec(sql)) {
                noteError(query.lastError());
                return false;
            }
            if (rowsAffected)
                *rowsAffected = query.numRowsAffected();
            return true;
        }
        if (insertId)
            sql = withReturningId(sql);
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.prepare(sql)) {
            noteError(query.lastError());
            return false;
        }
        it = m_statements.insert(sql, query);
    }
    QSqlQuery& query = it.value();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        noteError(query.lastError());
        m_statements.erase(it);
        return false;
    }
    if (insertId && isShared())
        *insertId = query.next() ? query.value(0).toLongLong() : 0;
    else if (insertId)
        *insertId = query.lastInsertId().toLongLong();
    if (rowsAffected)
        *rowsAffected = query.numRowsAffected();
    query.finish();
    return true;
}

QSqlQuery StoreConnection::select(const QString& sql, const QVariantList& values) const
{
    if (m_name.isEmpty())
        return QSqlQuery();
    const QStringList& statements = translated(sql);
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    query.setForwardOnly(true);
    if (isShared() && values.isEmpty()) {
        if (!query.exec(statements.constFirst())) {
            m_lastError = errorText(query.lastError());
            qCDebug(lcStore).noquote() << "query failed:" << m_lastError << sql;
            return QSqlQuery();
        }
        return query;
    }
    if (!query.prepare(statements.constFirst())) {
        m_lastError = errorText(query.lastError());
        qCDebug(lcStore).noquote() << "query failed:" << m_lastError << sql;
        return QSqlQuery();
    }
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        m_lastError = errorText(query.lastError());
        qCDebug(lcStore).noquote() << "query failed:" << m_lastError << sql;
        return QSqlQuery();
    }
    return query;
}

qint64 StoreConnection::selectNumber(const QString& sql, const QVariantList& values) const
{
    QSqlQuery query = select(sql, values);
    return query.next() ? query.value(0).toLongLong() : 0;
}

bool StoreConnection::transaction(const std::function<bool()>& body)
{
    if (m_transactionDepth > 0)
        return body();
    // IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
    // second writer never fails half-way through with an unrecoverable BUSY. PostgreSQL's
    // writers take one advisory lock for it (waiting up to lock_timeout).
    if (!execute(isShared() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return false;
    if (isShared() && !execute(u"SELECT pg_advisory_xact_lock(?)"_s, { kWriteLockKey }))
        return rollbackKeepingError();
    ++m_transactionDepth;
    const bool ok = body();
    --m_transactionDepth;
    if (ok && execute(u"COMMIT"_s))
        return true;
    return rollbackKeepingError();
}

bool StoreConnection::attempt(const std::function<bool()>& body)
{
    if (!isShared() || m_transactionDepth == 0)
        return body();
    if (!execute(u"SAVEPOINT attempt"_s))
        return false;
    if (body())
        return execute(u"RELEASE SAVEPOINT attempt"_s);
    return rollbackKeepingError(u"ROLLBACK TO SAVEPOINT attempt"_s);
}

bool StoreConnection::rollbackKeepingError(const QString& rollback)
{
    const QString error = m_lastError;
    const bool permanent = m_lastErrorPermanent;
    const bool busy = m_lastErrorBusy;
    execute(rollback);
    m_lastError = error;
    m_lastErrorPermanent = permanent;
    m_lastErrorBusy = busy;
    return false;
}

} // namespace foxreload
