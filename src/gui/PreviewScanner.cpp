#include "PreviewScanner.h"

#include "match/Glob.h"
#include "match/PathFilter.h"
#include "watch/TreeWalk.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// Counts every file below an excluded directory (they are what the user keeps out).
void countAll(const QString& dir, PreviewResult* result, qint64* entries, const std::atomic_bool* cancel)
{
    walkTree(dir, nullptr, [&](const WalkEntry& entry) {
        if (*entries >= PreviewScanner::kMaxEntries || (cancel && cancel->load())) {
            result->capped = true;
            return WalkStep::Stop;
        }
        ++*entries;
        if (!entry.isDirectory && QFileInfo(entry.path).isFile())
            ++result->excludedFiles;
        return WalkStep::Continue;
    });
}

} // namespace

PreviewScanner::PreviewScanner(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<PreviewResult>();
}

PreviewScanner::~PreviewScanner()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QThread* thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

PreviewResult PreviewScanner::count(const QString& projectRoot, const QStringList& watchPaths,
    const QStringList& excludes, bool respectGitignore, const std::atomic_bool* cancel)
{
    PreviewResult result;
    // Broken patterns are left out here and reported once in the result: handing them to the
    // filter would log each one again on every scan, that is on every keystroke in the dialog.
    QStringList validExcludes;
    for (const auto& pattern : excludes) {
        QString error;
        if (Glob::compile(pattern, &error))
            validExcludes.append(pattern);
        else
            result.patternErrors.append(u"pattern \""_s + pattern + u"\": "_s + error);
    }
    const PathFilter filter(QDir::cleanPath(projectRoot), validExcludes, respectGitignore);
    qint64 entries = 0;
    QSet<QString> seen; // overlapping watch paths count once
    for (const auto& watchPath : watchPaths) {
        const QString path = QDir::cleanPath(QDir(projectRoot).absoluteFilePath(watchPath));
        const QFileInfo info(path);
        if (!info.exists()) {
            result.missingPaths.append(watchPath);
            continue;
        }
        if (info.isFile()) {
            if (seen.contains(path))
                continue;
            seen.insert(path);
            if (filter.isExcluded(path, false))
                ++result.excludedFiles;
            else
                ++result.watchedFiles;
            continue;
        }
        if (seen.contains(path))
            continue; // inside a watch path counted before
        seen.insert(path);
        const bool complete = walkTree(path, &filter, [&](const WalkEntry& entry) {
            if (entries >= kMaxEntries || (cancel && cancel->load()))
                return WalkStep::Stop;
            ++entries;
            if (entry.isDirectory && entry.excluded) {
                ++result.excludedDirectories;
                countAll(entry.path, &result, &entries, cancel);
                return result.capped ? WalkStep::Stop : WalkStep::Continue;
            }
            if (entry.isDirectory) {
                if (seen.contains(entry.path))
                    return WalkStep::Skip; // a watch path of its own, counted before
                seen.insert(entry.path);
                return WalkStep::Continue;
            }
            if (!QFileInfo(entry.path).isFile() || seen.contains(entry.path))
                return WalkStep::Continue;
            seen.insert(entry.path);
            ++(entry.excluded ? result.excludedFiles : result.watchedFiles);
            return WalkStep::Continue;
        });
        if (!complete) {
            result.capped = true;
            return result;
        }
    }
    return result;
}

void PreviewScanner::setDeferred(bool deferred)
{
    m_deferred = deferred;
    if (!deferred && m_deferredScan)
        std::exchange(m_deferredScan, {})();
}

void PreviewScanner::scan(const QString& projectRoot, const QStringList& watchPaths,
    const QStringList& excludes, bool respectGitignore)
{
    if (m_deferred) {
        m_deferredScan = [this, projectRoot, watchPaths, excludes, respectGitignore] {
            scan(projectRoot, watchPaths, excludes, respectGitignore);
        };
        return;
    }
    if (m_cancel)
        m_cancel->store(true); // the running walk is out of date
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    ++m_running;
    auto cancel = m_cancel;
    QThread* thread
        = QThread::create([this, generation, cancel, projectRoot, watchPaths, excludes, respectGitignore] {
              const PreviewResult result
                  = count(projectRoot, watchPaths, excludes, respectGitignore, cancel.get());
              // The scanner outlives its threads (its destructor waits), so posting to it is safe.
              QMetaObject::invokeMethod(
                  this,
                  [this, generation, result] {
                      --m_running;
                      if (generation == m_generation)
                          Q_EMIT finished(result);
                  },
                  Qt::QueuedConnection);
          });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
}

} // namespace foxreload::gui
