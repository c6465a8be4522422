// HistoryStore's offline hold queue: every write goes through writeOrHold(). When the
// database is damaged, read-only or locked, writes wait in memory, in order, and a timer
// retries them; the user hears about an outage once.

#include "HistoryStore.h"
#include "StoreLog.h"
#include "common/DatabaseLocation.h"

#include <QMetaMethod>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

qint64 HistoryStore::writeOrHold(const QString& what, const QList<Statement>& statements, WriteResult result)
{
    if (canWriteNow()) {
        qint64 value = 0;
        if (run(statements, result, &value)) {
            Q_EMIT changed();
            return value;
        }
        if (dropIfPermanent(what))
            return 0;
        writeFailed();
    }
    hold(PendingWrite { what, statements });
    return 0;
}

bool HistoryStore::run(const QList<Statement>& statements, WriteResult result, qint64* value)
{
    auto runOne = [this, result, value](const Statement& statement) {
        int rows = 0;
        if (!m_db.execute(statement.sql, statement.values, result == WriteResult::InsertId ? value : nullptr,
                result == WriteResult::RowsAffected ? &rows : nullptr))
            return false;
        if (result == WriteResult::RowsAffected)
            *value = rows;
        return true;
    };
    if (statements.size() == 1)
        return runOne(statements.first());
    return m_db.transaction([&] { return std::all_of(statements.cbegin(), statements.cend(), runOne); });
}

void HistoryStore::hold(PendingWrite write)
{
    if (int(m_pending.size()) >= kMaxPendingWrites) {
        m_pending.pop_front();
        if (m_droppedWrites++ % 1000 == 0)
            qCWarning(lcStore) << "history database unavailable for long:" << m_droppedWrites
                               << "oldest held events dropped";
    }
    qCDebug(lcStore).noquote() << "holding" << write.what << "in memory";
    m_pending.push_back(std::move(write));
    if (!m_retryTimer.isActive())
        m_retryTimer.start(m_retryInterval);
}

bool HistoryStore::dropIfPermanent(const QString& what)
{
    if (!m_db.lastErrorPermanent())
        return false;
    qCWarning(lcStore).noquote() << "history: a" << what << "was not recorded:" << m_db.lastError();
    return true;
}

bool HistoryStore::retryPending()
{
    if (m_path.isEmpty())
        return false;
    // A retry runs during a session: it must not hold a reload up the way opening may.
    if (!m_available && !tryConnect(m_busyTimeoutMs)) {
        qCDebug(lcStore).noquote() << "history database still unavailable:" << m_db.lastError();
        m_retryTimer.start(m_retryInterval);
        return false;
    }
    const qsizetype count = qsizetype(m_pending.size());
    if (count > 0) {
        const bool written = m_db.transaction([this] {
            for (const auto& write : m_pending) {
                qint64 ignored = 0;
                // A write that fails is left out (attempt()); the rest still commits.
                if (!m_db.attempt([&] { return run(write.statements, WriteResult::InsertId, &ignored); })
                    && !dropIfPermanent(write.what))
                    return false;
            }
            return true;
        });
        if (!written) {
            writeFailed();
            return false;
        }
        m_pending.clear();
    }
    const bool wasLocked = m_lockedSince.isValid();
    m_lockedSince.invalidate();
    if (!m_available || wasLocked) {
        if (m_warned || !m_available)
            qCInfo(lcStore).noquote() << "history database" << redactedDatabase(m_path)
                                      << "is writable again;" << count << "held events written";
        m_warned = false;
    }
    if (!m_available) {
        m_available = true;
        Q_EMIT availabilityChanged(true);
    }
    if (count > 0)
        Q_EMIT changed();
    return true;
}

void HistoryStore::reportOutage(const QString& message)
{
    if (m_warned)
        return;
    m_warned = true;
    // Whoever listens shows it (the CLI on its console); the log is the fallback.
    if (isSignalConnected(QMetaMethod::fromSignal(&HistoryStore::warning)))
        qCInfo(lcStore).noquote() << message;
    else
        qCWarning(lcStore).noquote() << message;
    Q_EMIT warning(message);
}

void HistoryStore::setUnavailable(const QString& error)
{
    const bool was = m_available;
    m_available = false;
    m_db.setLastError(error);
    m_lockedSince.invalidate();
    reportOutage(u"history database %1: %2 — reloads go on without XP; events are kept in memory until the "
                 u"database can be written"_s.arg(redactedDatabase(m_path), error));
    if (was)
        Q_EMIT availabilityChanged(false);
    if (!m_path.isEmpty() && !m_retryTimer.isActive())
        m_retryTimer.start(m_retryInterval);
}

void HistoryStore::writeFailed()
{
    if (m_db.lastErrorBusy())
        waitOutLock();
    else
        setUnavailable(m_db.lastError());
}

void HistoryStore::waitOutLock()
{
    if (!m_lockedSince.isValid()) {
        m_lockedSince.start();
        m_lockRetries = 0;
    } else if (m_lockedSince.elapsed() >= kLockWarnAfterMs) {
        reportOutage(u"history database %1 is locked by another program (%2) — reloads go on; events are "
                     u"kept in memory and written when the lock is released"_s.arg(
                         redactedDatabase(m_path), m_db.lastError()));
    }
    // 100 ms, 200 ms, … up to the retry interval: a second FoxReload's write is over long
    // before the first retry, another program's lock is not polled for.
    const int delay = std::min(m_retryInterval, kLockFirstRetryMs << std::min(m_lockRetries++, 8));
    m_retryTimer.start(delay);
}

} // namespace foxreload
