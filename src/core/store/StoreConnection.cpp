#include "StoreConnection.h"

#include "StoreLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>

#include <atomic>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

std::atomic<quint64> g_connectionCounter { 0 };

// SQLite's own words ("database is locked"), not QSqlError::text()'s glue of them with the
// driver's ("… Unable to fetch row").
QString errorText(const QSqlError& error)
{
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.driverText().trimmed() : database;
}

int primaryErrorCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // extended codes keep it in the low byte
    return ok ? code : -1;
}

// A write that fails because of what it writes (a constraint, a type) will fail again.
// Everything else (busy, locked, read-only, damaged, full, I/O) may pass later.
bool isPermanentError(const QSqlError& error)
{
    constexpr int kConstraint = 19, kMismatch = 20, kRange = 25, kTooBig = 18;
    const int code = primaryErrorCode(error);
    return code == kConstraint || code == kMismatch || code == kRange || code == kTooBig;
}

// SQLITE_BUSY / SQLITE_LOCKED: another connection holds a lock the statement needs.
bool isLockError(const QSqlError& error)
{
    constexpr int kBusy = 5, kLocked = 6;
    const int code = primaryErrorCode(error);
    return code == kBusy || code == kLocked;
}

} // namespace

StoreConnection::~StoreConnection()
{
    close();
}

bool StoreConnection::open(const QString& path, int busyTimeoutMs)
{
    close();
    const QString directory = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(directory)) {
        m_lastError = u"cannot create the directory %1"_s.arg(directory);
        return false;
    }
    m_name = u"foxreload-history-%1-%2"_s.arg(QCoreApplication::applicationPid())
                 .arg(g_connectionCounter.fetch_add(1) + 1);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open()) {
            m_lastError = errorText(db.lastError());
            return false;
        }
    }
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
    return execute(u"PRAGMA busy_timeout=%1"_s.arg(ms));
}

int StoreConnection::userVersion() const
{
    return int(selectNumber(u"PRAGMA user_version"_s));
}

bool StoreConnection::setUserVersion(int version)
{
    return execute(u"PRAGMA user_version=%1"_s.arg(version));
}

qint64 StoreConnection::dataVersion() const
{
    return selectNumber(u"PRAGMA data_version"_s);
}

void StoreConnection::noteError(const QSqlError& error)
{
    m_lastError = errorText(error);
    m_lastErrorPermanent = isPermanentError(error);
    m_lastErrorBusy = isLockError(error);
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
    if (insertId)
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
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
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
    // second writer never fails half-way through with an unrecoverable BUSY.
    if (!execute(u"BEGIN IMMEDIATE"_s))
        return false;
    ++m_transactionDepth;
    const bool ok = body();
    --m_transactionDepth;
    if (ok && execute(u"COMMIT"_s))
        return true;
    const QString error = m_lastError;
    const bool permanent = m_lastErrorPermanent;
    const bool busy = m_lastErrorBusy;
    execute(u"ROLLBACK"_s);
    m_lastError = error;
    m_lastErrorPermanent = permanent;
    m_lastErrorBusy = busy;
    return false;
}

} // namespace foxreload
