#pragma once

#include "analyze/ReloadPlan.h"
#include "server/ReloadResult.h"

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
    void recordPlan(const ReloadPlan& plan);
    void recordSkippedBatch(const ChangeBatch& batch);
    void recordReload(const ReloadResult& result);

private:
    QPointer<Session> m_session;
    QPointer<HistoryStore> m_store;
    QPointer<GamificationEngine> m_engine;
    QString m_projectRoot;
    qint64 m_sessionId = 0;
    bool m_crashLooping = false;
    bool m_finished = false;
};

} // namespace foxreload
