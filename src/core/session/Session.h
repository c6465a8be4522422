#pragma once

#include "analyze/ChangeAnalyzer.h"
#include "analyze/ChangeBatcher.h"
#include "config/Config.h"
#include "graph/ImportGraph.h"
#include "server/ReloadOrchestrator.h"
#include "watch/FileWatcher.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace foxreload {

// One FoxReload session: the pipeline from file watcher to server, wired up.
//   FileWatcher → ChangeBatcher → ChangeAnalyzer → ReloadOrchestrator → server
// The CLI, the proxy and the GUI all drive a Session and listen to its stages'
// signals; none of them re-implements a step of the pipeline.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(const Config& config, QObject* parent = nullptr);
    ~Session() override;

    // Hashes the watched files on a thread of its own (so that a GUI stays responsive), then
    // arms the watches and starts the server; started() follows. The watches wait for the
    // hashes so that no change can fall between a file's hash and its watch.
    void start();
    // More of FoxReload's own files that must never count as a change (a log file given on
    // the command line); the database and the trust store are added by the constructor.
    // Before start().
    void addOwnFiles(const QStringList& absolutePaths);
    // FoxReload's own files for this config: the history database with its -wal, -shm and
    // -journal companions, and the trust store with its lock.
    static QStringList ownFiles(const Config& config);
    // Stops the server gracefully; finished() follows (at once while start() still hashes).
    void shutdown();

    // Called with every plan before it is emitted and submitted, to change it by what was
    // learned from earlier reloads (StrategyLearner); empty: plans go as analysed.
    void setPlanAdjuster(std::function<void(ReloadPlan&)> adjuster) { m_planAdjuster = std::move(adjuster); }

    // While paused, changes are still seen but held; resume() submits them as one reload.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }

    const Config& config() const { return m_config; }
    FileWatcher& watcher() { return m_watcher; }
    ChangeBatcher& batcher() { return m_batcher; }
    ChangeAnalyzer& analyzer() { return m_analyzer; }
    ReloadOrchestrator& orchestrator() { return m_orchestrator; }
    WatchStats watchStats() const { return m_watcher.stats(); }

    // Hashes the watched files once so that the first save without edits is recognised.
    static constexpr int kMaxPrimedFiles = 5000;
    // The same walk lists the modules the import graph reads (a walk of its own, off this
    // thread, when that one stopped at its cap).
    static constexpr int kMaxGraphModules = 50000;
    // Null until the graph is built (and always with watch.follow_imports off).
    const ImportGraph* importGraph() const { return m_graph.get(); }

Q_SIGNALS:
    void watching(const foxreload::WatchStats& stats);
    // After start(): the watches are armed (watching false: none of the watch paths could be
    // watched) and the server is starting.
    void started(bool watching);
    // Every batch with real changes, analysed (strategy may be none).
    void planned(const foxreload::ReloadPlan& plan);
    void pausedChanged(bool paused);
    void warning(const QString& message);
    void finished();
    // The import graph is built: from here on helpers follow their importers.
    void importGraphReady(int modules, int imports);

private:
    void onBatch(const ChangeBatch& batch);
    // Off the session's thread: hashes what the watches will see and lists the modules.
    struct Primed
    {
        ContentHashCache hashes;
        QStringList modules; // for the import graph
        bool complete = false; // the walk saw every file
    };
    static Primed primeContentHashes(const QStringList& paths, const PathFilter& filter);
    void onPrimed();
    void startImportGraph(const QStringList& modules, bool complete);
    void onImportGraphBuilt();
    void emitGraphWarnings();

    Config m_config;
    std::shared_ptr<PathFilter> m_filter;
    FileWatcher m_watcher;
    ChangeBatcher m_batcher;
    ChangeAnalyzer m_analyzer;
    ReloadOrchestrator m_orchestrator;
    QList<ReloadPlan> m_held;
    std::function<void(ReloadPlan&)> m_planAdjuster;
    std::unique_ptr<ImportGraph> m_graph;
    std::unique_ptr<ImportGraph> m_builtGraph; // written by the build thread, taken when it finishes
    std::unique_ptr<QThread> m_graphBuild;
    std::unique_ptr<QThread> m_startup; // primes m_primed
    Primed m_primed;
    bool m_shutdownRequested = false;
    QList<FileEvent> m_eventsDuringGraphBuild;
    Clock::time_point m_pausedAt;
    bool m_paused = false;
};

} // namespace foxreload
