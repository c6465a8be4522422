#include "SessionRecorder.h"

#include "game/GamificationEngine.h"
#include "session/Session.h"
#include "store/HistoryStore.h"

#include <QDir>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace foxreload {

SessionRecorder::SessionRecorder(
    Session* session, HistoryStore* store, GamificationEngine* engine, const QString& kind, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_store(store)
    , m_engine(engine)
{
    SessionRecord record;
    record.kind = kind;
    if (session) {
        const Config& config = session->config();
        m_projectRoot = config.projectRoot;
        record.projectRoot = config.projectRoot;
        record.configFile = config.sourceFile;
        record.serverCommand = (QStringList { config.server.command } + config.server.args).join(u' ');
    }
    if (m_store)
        m_sessionId = m_store->beginSession(record);
    if (!session)
        return;
    // The plan's row is written after the reload has been started: a store that waits for a
    // lock must not hold the reload back.
    connect(session, &Session::planned, this, [this](const ReloadPlan& plan) {
        if (m_plannedBatches.isEmpty())
            QTimer::singleShot(0, this, &SessionRecorder::writePlannedBatches);
        m_plannedBatches.append({ plan, QDateTime::currentDateTimeUtc() });
    });
    connect(&session->batcher(), &ChangeBatcher::batchSkipped, this, &SessionRecorder::recordSkippedBatch);
    connect(
        &session->orchestrator(), &ReloadOrchestrator::reloadFinished, this, &SessionRecorder::recordReload);
    connect(&session->orchestrator(), &ReloadOrchestrator::crashLoopDetected, this,
        [this] { m_crashLooping = true; });
    connect(session, &Session::finished, this, &SessionRecorder::finish);
}

SessionRecorder::~SessionRecorder()
{
    finish();
}

void SessionRecorder::writePlannedBatches()
{
    const QList<PlannedBatch> batches = std::exchange(m_plannedBatches, {});
    for (const PlannedBatch& batch : batches)
        recordPlan(batch.plan, batch.atUtc);
}

void SessionRecorder::finish()
{
    if (m_finished || !m_store)
        return;
    writePlannedBatches();
    m_finished = true;
    m_store->endSession(m_sessionId, QDateTime::currentDateTimeUtc());
}

void SessionRecorder::recordPlan(const ReloadPlan& plan, const QDateTime& atUtc)
{
    if (!m_store)
        return;
    BatchRecord batch;
    batch.sessionId = m_sessionId;
    batch.batchId = plan.batchId;
    batch.atUtc = atUtc;
    batch.strategy = plan.strategy;
    batch.fileCount = int(plan.files.size());
    for (const auto& file : plan.files) {
        if (batch.files.size() >= BatchRecord::kMaxFilesPerBatch)
            break;
        batch.files.append(fileEventKindName(file.kind) + u' ' + file.relativePath);
    }
    m_store->recordBatch(batch);
}

void SessionRecorder::recordSkippedBatch(const ChangeBatch& changes)
{
    if (!m_store)
        return;
    BatchRecord batch;
    batch.sessionId = m_sessionId;
    batch.batchId = changes.id;
    batch.atUtc = QDateTime::currentDateTimeUtc();
    batch.contentIdentical = true;
    batch.rawEventCount = changes.rawEventCount;
    batch.fileCount = int(changes.events.size()) + int(changes.unchangedPaths.size());
    const QDir root(m_projectRoot);
    for (const auto& event : changes.events) {
        if (batch.files.size() >= BatchRecord::kMaxFilesPerBatch)
            break;
        const QString path = m_projectRoot.isEmpty() ? event.path : root.relativeFilePath(event.path);
        batch.files.append(fileEventKindName(event.kind) + u' ' + path);
    }
    m_store->recordBatch(batch);
}

void SessionRecorder::recordReload(const ReloadResult& result)
{
    if (result.trigger == ReloadTrigger::FileChange)
        m_crashLooping = false; // the orchestrator gives a crash loop another chance on an edit
    writePlannedBatches(); // rows in the order things happened
    qint64 rowId = 0;
    if (m_store)
        rowId = m_store->recordReload(ReloadRecord::fromResult(m_sessionId, result));
    if (!m_engine)
        return;
    ReloadContext context;
    context.crashLooping = m_session ? m_session->orchestrator().isCrashLooping() : m_crashLooping;
    context.reloadRowId = rowId;
    context.sessionId = m_sessionId;
    m_engine->handleReload(result, context);
}

} // namespace foxreload
