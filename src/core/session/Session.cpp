#include "Session.h"

#include "SessionLog.h"
#include "config/TrustStore.h"
#include "store/HistoryStore.h"
#include "watch/TreeWalk.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// The files below the watched paths (up to 1 MiB each), read and pruned as the watcher reads
// and prunes the tree (walkTree); visit returns false to stop. True when the walk was complete.
template<typename Visit>
bool walkWatchedFiles(const QStringList& paths, const PathFilter& filter, Visit visit)
{
    for (const auto& root : paths) {
        if (QFileInfo(root).isFile()) {
            if (!visit(root))
                return false;
            continue;
        }
        const bool complete = walkTree(root, &filter, [&visit](const WalkEntry& entry) {
            if (entry.excluded || entry.isDirectory)
                return WalkStep::Continue;
            // A regular file (or a link to one): never a FIFO or a device, whose read would block.
            const QFileInfo file(entry.path);
            if (!file.isFile() || file.size() > 1024 * 1024)
                return WalkStep::Continue;
            return visit(entry.path) ? WalkStep::Continue : WalkStep::Stop;
        });
        if (!complete)
            return false;
    }
    return true;
}

} // namespace

Session::Session(const Config& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_filter(std::make_shared<PathFilter>(
          config.projectRoot, config.watch.exclude, config.watch.respectGitignore))
    , m_batcher(std::chrono::milliseconds(config.watch.debounceMs),
          std::chrono::milliseconds(config.watch.maxWaitMs))
    , m_analyzer(config.projectRoot, config.rules, config.defaultStrategy)
    , m_orchestrator(config)
{
    // With the database or the trust store inside a watched tree, FoxReload's own writes
    // would otherwise reload the server, which writes the history, which reloads it again.
    m_filter->addOwnFiles(ownFiles(config));
    m_watcher.setBackend(FileWatcher::backendFromName(config.watch.backend).value_or(WatchBackendKind::Auto));
    m_watcher.setPollInterval(config.watch.pollIntervalMs);
    m_batcher.setSettleTime(std::chrono::milliseconds(config.watch.settleMs));

    connect(&m_watcher, &FileWatcher::changed, &m_batcher, &ChangeBatcher::addEvent);
    connect(&m_watcher, &FileWatcher::warning, this, &Session::warning);
    connect(&m_batcher, &ChangeBatcher::batchReady, this, &Session::onBatch);
    connect(&m_orchestrator, &ReloadOrchestrator::hotReloadUnsupported, this,
        [this] { m_analyzer.setHotReloadUnsupported(true); });
    connect(&m_orchestrator, &ReloadOrchestrator::shutdownComplete, this, &Session::finished);
}

Session::~Session()
{
    if (m_startup)
        m_startup->wait();
    if (m_graphBuild)
        m_graphBuild->wait();
}

QStringList Session::ownFiles(const Config& config)
{
    QStringList files;
    if (!config.database.contains(u"://"_s)) { // a server database (postgresql://) has no local files
        const QString database = HistoryStore::resolvePath(config.database);
        for (const auto suffix : { u"", u"-wal", u"-shm", u"-journal" })
            files.append(database + suffix);
    }
    const QString trustStore = TrustStore::defaultStoreFile();
    files << trustStore << trustStore + u".lock"_s;
    return files;
}

void Session::addOwnFiles(const QStringList& absolutePaths)
{
    m_filter->addOwnFiles(absolutePaths);
}

void Session::start()
{
    for (const auto& message : m_filter->errors() + m_analyzer.errors())
        Q_EMIT warning(message);

    // Until onPrimed() nothing on this thread touches m_filter, which the thread reads.
    m_startup.reset(QThread::create([this, paths = m_config.watch.paths, filter = m_filter] {
        m_primed = primeContentHashes(paths, *filter);
    }));
    connect(m_startup.get(), &QThread::finished, this, &Session::onPrimed);
    m_startup->start();
}

void Session::onPrimed()
{
    m_startup->wait(); // finished() comes just before the thread has quite ended
    m_startup.reset();
    Primed primed = std::exchange(m_primed, {});
    if (m_shutdownRequested)
        return;
    m_batcher.hashes().adopt(std::move(primed.hashes));
    if (m_config.watch.followImports)
        startImportGraph(primed.modules, primed.complete);

    QList<WatchRoot> roots;
    for (const auto& path : std::as_const(m_config.watch.paths))
        roots.append(WatchRoot { path, m_filter });
    const bool watching = m_watcher.start(roots);
    m_batcher.setWriteClosesReported(m_watcher.reportsWriteClose()); // known once a backend runs
    qCInfo(lcSession) << "watching" << roots.size() << "paths:" << m_watcher.stats().files << "files";
    Q_EMIT this->watching(m_watcher.stats());
    m_orchestrator.start();
    Q_EMIT started(watching);
}

void Session::shutdown()
{
    if (m_startup) { // still hashing: no watch is armed and no server runs yet
        if (!std::exchange(m_shutdownRequested, true))
            QMetaObject::invokeMethod(this, &Session::finished, Qt::QueuedConnection);
        return;
    }
    m_shutdownRequested = true;
    m_watcher.stop();
    m_orchestrator.shutdown();
}

void Session::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_pausedAt = Clock::now();
    Q_EMIT pausedChanged(true);
}

void Session::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT pausedChanged(false);
    const auto now = Clock::now();
    auto held = std::exchange(m_held, {});
    for (auto& plan : held) {
        plan.held += now - std::max(m_pausedAt, plan.detectedAt);
        m_orchestrator.submit(plan);
    }
}

void Session::onBatch(const ChangeBatch& batch)
{
    // An edited .gitignore changes what is excluded from here on.
    const bool ignoreRulesChanged = std::any_of(batch.events.cbegin(), batch.events.cend(),
        [](const FileEvent& event) { return event.path.endsWith(u"/.gitignore"_s); });
    if (ignoreRulesChanged && m_config.watch.respectGitignore)
        m_filter->reloadIgnoreFiles();

    // The graph first: an import added in this batch counts for this batch.
    if (m_graph) {
        m_graph->update(batch.events);
        emitGraphWarnings();
    } else if (m_graphBuild) {
        m_eventsDuringGraphBuild += batch.events;
    }
    ReloadPlan plan = m_analyzer.analyze(batch);
    if (m_planAdjuster)
        m_planAdjuster(plan);
    Q_EMIT planned(plan);
    if (plan.strategy == ReloadStrategy::None)
        return;
    if (m_paused)
        m_held.append(plan);
    else
        m_orchestrator.submit(plan);
}

Session::Primed Session::primeContentHashes(const QStringList& paths, const PathFilter& filter)
{
    Primed primed;
    int files = 0;
    primed.complete = walkWatchedFiles(paths, filter, [&](const QString& path) {
        primed.hashes.prime(path);
        if (ImportGraph::isModulePath(path))
            primed.modules.append(path);
        return ++files < kMaxPrimedFiles;
    });
    qCDebug(lcSession) << "primed content hashes of" << files << "files";
    return primed;
}

void Session::startImportGraph(const QStringList& modules, bool complete)
{
    // Reading every module is file I/O: a thread of its own, so that neither the GUI nor the
    // first reload waits for it. Until it is done, helpers take the default strategy. When the
    // start-up walk stopped at its cap, the thread walks the rest with a filter of its own.
    m_graphBuild.reset(
        QThread::create([this, root = m_config.projectRoot, watch = m_config.watch, modules, complete] {
            QStringList files = modules;
            if (!complete) {
                const PathFilter filter(root, watch.exclude, watch.respectGitignore);
                files.clear();
                walkWatchedFiles(watch.paths, filter, [&files](const QString& path) {
                    if (ImportGraph::isModulePath(path))
                        files.append(path);
                    return files.size() < kMaxGraphModules;
                });
            }
            auto graph = std::make_unique<ImportGraph>(root);
            graph->build(files);
            m_builtGraph = std::move(graph);
        }));
    connect(m_graphBuild.get(), &QThread::finished, this, &Session::onImportGraphBuilt);
    m_graphBuild->start(QThread::LowPriority);
}

void Session::onImportGraphBuilt()
{
    m_graphBuild->wait(); // finished() comes just before the thread has quite ended
    m_graphBuild.reset();
    m_graph = std::move(m_builtGraph);
    if (!m_graph)
        return;
    if (!m_eventsDuringGraphBuild.isEmpty())
        m_graph->update(std::exchange(m_eventsDuringGraphBuild, {}));
    m_analyzer.setImportGraph(m_graph.get());
    qCInfo(lcSession) << "import graph:" << m_graph->moduleCount() << "modules," << m_graph->edgeCount()
                      << "imports";
    emitGraphWarnings();
    Q_EMIT importGraphReady(int(m_graph->moduleCount()), int(m_graph->edgeCount()));
}

void Session::emitGraphWarnings()
{
    for (const QString& message : m_graph->takeWarnings())
        Q_EMIT warning(message);
}

} // namespace foxreload
