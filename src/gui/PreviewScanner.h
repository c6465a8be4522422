#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace foxreload::gui {

struct PreviewResult
{
    qint64 watchedFiles = 0; // files the watcher would see
    qint64 excludedFiles = 0; // files the excludes (or .gitignore) keep out
    qint64 excludedDirectories = 0; // directories pruned as a whole
    bool capped = false; // the walk stopped at kMaxEntries: the numbers are lower bounds
    QStringList missingPaths; // watch paths that do not exist
    QStringList patternErrors; // invalid exclude patterns
};

// Counts what a set of watch paths and excludes would watch, walking the tree
// with the same PathFilter the watcher uses, in a worker thread so that the
// settings dialog stays responsive on a big tree. A new scan supersedes the
// running one; only the newest result is reported.
class PreviewScanner : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxEntries = 200000;

    explicit PreviewScanner(QObject* parent = nullptr);
    ~PreviewScanner() override;

    void scan(const QString& projectRoot, const QStringList& watchPaths, const QStringList& excludes,
        bool respectGitignore);
    bool isScanning() const { return m_running > 0; }
    // While FoxReload is over its resource budget (src/core/resources) a scan waits; the newest
    // one asked for runs when the deferral is lifted.
    void setDeferred(bool deferred);
    bool isDeferred() const { return m_deferred; }

    // The walk itself, synchronous (the worker runs this).
    static PreviewResult count(const QString& projectRoot, const QStringList& watchPaths,
        const QStringList& excludes, bool respectGitignore, const std::atomic_bool* cancel = nullptr);

Q_SIGNALS:
    void finished(const foxreload::gui::PreviewResult& result);

private:
    bool m_deferred = false;
    std::function<void()> m_deferredScan;
    quint64 m_generation = 0;
    int m_running = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QThread*> m_threads;
};

} // namespace foxreload::gui

Q_DECLARE_METATYPE(foxreload::gui::PreviewResult)
