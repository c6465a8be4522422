// HistoryStore: opening the database, its settings, and noticing other processes' writes.

#include "HistoryStore.h"

#include "StoreLog.h"
#include "common/DatabaseLocation.h"
#include "platform/SystemInfo.h"

#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace foxreload {

HistoryStore::HistoryStore(QObject* parent)
    : QObject(parent)
    , m_player(platform::loginName())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HistoryStore::retryPending);
    connect(&m_externalTimer, &QTimer::timeout, this, [this] {
        // data_version moves only when another connection commits.
        const qint64 version = m_db.dataVersion();
        if (m_dataVersion >= 0 && version != m_dataVersion)
            Q_EMIT changed();
        m_dataVersion = version;
    });
}

HistoryStore::~HistoryStore()
{
    if (!m_pending.empty() && !m_path.isEmpty()) {
        m_warned = true; // a last try, not a new outage to report
        m_busyTimeoutMs = kOpenBusyTimeoutMs; // no reload waits any more: a lock may be waited out
        if (m_db.isOpen())
            m_db.setBusyTimeout(m_busyTimeoutMs);
        retryPending();
    }
    if (!m_pending.empty())
        qCWarning(lcStore).noquote() << "history database" << redactedDatabase(m_path)
                                     << "could not be written;" << m_pending.size()
                                     << "events were not saved";
    m_db.close();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

QString HistoryStore::resolvePath(const QString& configured)
{
    if (isDatabaseUrl(configured))
        return configured;
    if (!configured.isEmpty())
        return QFileInfo(configured).absoluteFilePath();
    const QString shared = qEnvironmentVariable("FOXRELOAD_DATABASE_URL");
    return shared.isEmpty() ? defaultPath() : resolvePath(shared);
}

bool HistoryStore::open(const QString& path)
{
    close();
    m_path = path;
    m_warned = false;
    if (!tryConnect(kOpenBusyTimeoutMs)) {
        setUnavailable(m_db.lastError());
        return false;
    }
    m_available = true;
    ++m_learnedLocalChanges; // another file, or the same one changed while it was closed
    Q_EMIT availabilityChanged(true);
    maybeApplyRetention(QDateTime::currentDateTimeUtc());
    return true;
}

void HistoryStore::close()
{
    m_retryTimer.stop();
    m_db.close();
    if (m_available) {
        m_available = false;
        Q_EMIT availabilityChanged(false);
    }
}

bool HistoryStore::tryConnect(int busyTimeoutMs)
{
    if (!m_db.open(m_path, busyTimeoutMs) || !storeschema::migrate(m_db, m_zone, m_player))
        return false;
    // Rewriting the version is a cheap write: it tells a read-only file apart now,
    // not at the first reload.
    if (!m_db.setUserVersion(kSchemaVersion))
        return false;
    // On the leaderboard from the start, with the team configured now.
    if (!m_db.execute(u"INSERT INTO players(name, team, xp, seen_ms) VALUES (?, ?, 0, ?)"
                      u" ON CONFLICT(name) DO UPDATE SET team = excluded.team, seen_ms = excluded.seen_ms"_s,
            { m_player, m_team, QDateTime::currentMSecsSinceEpoch() }))
        return false;
    // From here on writes happen during reloads: a lock is waited out by retrying, not here.
    if (!m_db.setBusyTimeout(m_busyTimeoutMs))
        return false;
    qCDebug(lcStore).noquote() << "history database" << redactedDatabase(m_path) << "open, schema"
                               << kSchemaVersion;
    return true;
}

int HistoryStore::schemaVersion() const
{
    return m_db.userVersion();
}

void HistoryStore::setPlayer(const QString& name, const QString& team)
{
    m_player = name.trimmed().isEmpty() ? platform::loginName() : name.trimmed();
    // Never null: Qt binds a null QString as NULL, and the column is NOT NULL.
    m_team = team.trimmed().isEmpty() ? u""_s : team.trimmed();
}

void HistoryStore::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
}

void HistoryStore::setRetryInterval(int ms)
{
    m_retryInterval = ms;
}

void HistoryStore::setRetention(const RetentionSettings& retention)
{
    m_retention = retention;
}

void HistoryStore::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = ms;
}

void HistoryStore::watchExternalChanges(int intervalMs)
{
    if (intervalMs <= 0) {
        m_externalTimer.stop();
        return;
    }
    m_dataVersion = m_db.dataVersion();
    m_externalTimer.start(intervalMs);
}

QDate HistoryStore::localDay(const QDateTime& utc) const
{
    return utc.toTimeZone(m_zone).date();
}

} // namespace foxreload
