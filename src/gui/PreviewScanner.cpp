#include "PreviewScanner.h"

#include "match/Glob.h"
#include "match/PathFilter.h"

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
    QStringList stack { dir };
    while (!stack.isEmpty()) {
        if (*entries >= PreviewScanner::kMaxEntries || (cancel && cancel->load())) {
            result->capped = true;
            return;
        }
        const QFileInfoList children
            = QDir(stack.takeLast())
                  .entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const auto& child : children) {
            ++*entries;
            if (child.isDir() && !child.isSymLink())
                stack.append(child.absoluteFilePath());
            else if (child.isFile())
                ++result->excludedFiles;
        }
    }
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
        QStringList stack { path };
        while (!stack.isEmpty()) {
            if (entries >= kMaxEntries || (cancel && cancel->load())) {
                result.capped = true;
                return result;
            }
            const QString dir = stack.takeLast();
            if (seen.contains(dir))
                continue;
            seen.insert(dir);
            const QFileInfoList children = QDir(dir).entryInfoList(
                QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
            for (const auto& child : children) {
                ++entries;
                const QString childPath = QDir::cleanPath(child.absoluteFilePath());
                if (child.isDir() && !child.isSymLink()) {
                    if (filter.isExcluded(childPath, true)) {
                        ++result.excludedDirectories;
                        countAll(childPath, &result, &entries, cancel);
                    } else {
                        stack.append(childPath);
                    }
                } else if (child.isFile()) {
                    if (seen.contains(childPath))
                        continue;
                    seen.insert(childPath);
                    if (filter.isExcluded(childPath, false))
                        ++result.excludedFiles;
                    else
                        ++result.watchedFiles;
                }
            }
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
