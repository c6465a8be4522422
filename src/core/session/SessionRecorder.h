#pragma once

#include "common/ReloadPlan.h"
#include "common/ReloadResult.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace foxreload {

class GamificationEngine;
class HistoryStore;
class Session;

// Records a Session into the HistoryStore (session, batches, reloads) and feeds
// its reload results to the GamificationEngine. Used by `foxreload run`, the
// proxy and the desktop app alike. It only listens; it never steers the session.
// The engine is optional: without one (gamification off) history is still kept.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    // `kind`: "run", "proxy", "gui". Starts the session record now.
    SessionRecorder(Session* session, HistoryStore* store, GamificationEngine* engine, const QString& kind,
        QObject* parent = nullptr);
    ~SessionRecorder() override; // ends the session record if finish() was not called

    qint64 sessionId() const { return m_sessionId; }
    // Ends the session record (also done on Session::finished).
    void finish();

    // The recorder's inputs, public so that a driver without a Session (tests, a
    // replay) can feed it directly.
    void recordPlan(const ReloadPlan& plan, const QDateTime& atUtc = QDateTime::currentDateTimeUtc());
    void recordSkippedBatch(const ChangeBatch& batch);
    void recordReload(const ReloadResult& result);

private:
    struct PlannedBatch
    {
        ReloadPlan plan;
        QDateTime atUtc;
    };
    void writePlannedBatches();

    QPointer<Session> m_session;
    QPointer<HistoryStore> m_store;
    QPointer<GamificationEngine> m_engine;
    QString m_projectRoot;
    qint64 m_sessionId = 0;
    bool m_crashLooping = false;
    bool m_finished = false;
    QList<PlannedBatch> m_plannedBatches; // seen, written once the reload they start is under way
};

} // namespace foxreload
