// Helpers of tst_faults_watch: the events of a `foxreload run --json`, parsed once each; a
// system-wide inotify knob lowered for a moment and always restored; bursts of files on a
// thread of their own.
#pragma once

#include "MemoryProbes.h"
#include "common/CliProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <atomic>
#include <functional>
#include <thread>
#include <unistd.h>

namespace foxreload::test::watchfaults {

using namespace Qt::StringLiterals;

inline const QString kFixtures = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures");
constexpr int kStartMs = 30000;
constexpr int kBurstMs = 90000; // a 10,000-file phase on a busy 2-core machine
// What "nothing more happens" waits for: longer than watch.max_wait_ms (1 s) plus the polling
// backend's interval (1 s), so a batch that was still to come would have come.
constexpr int kSettleMs = 2500;

inline bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

inline int readKnob(const QString& path)
{
    QFile file(path);
    bool ok = false;
    const int value = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt(&ok) : -1;
    return ok ? value : -1;
}

inline bool writeKnob(const QString& path, int value)
{
    QFile file(path);
    const QByteArray text = QByteArray::number(value) + '\n';
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.flush();
}

// Lowers a system-wide inotify knob and puts the old value back however the test ends.
class KnobGuard
{
public:
    explicit KnobGuard(QString path)
        : m_path(std::move(path))
        , m_old(readKnob(m_path))
    { }
    ~KnobGuard() { restore(); }
    KnobGuard(const KnobGuard&) = delete;
    KnobGuard& operator=(const KnobGuard&) = delete;

    // Why it cannot be lowered here, or an empty string when it was.
    QString lower(int value)
    {
        if (::geteuid() != 0)
            return u"needs root to write %1"_s.arg(m_path);
        if (m_old < 0)
            return u"cannot read %1"_s.arg(m_path);
        if (!writeKnob(m_path, value))
            return u"%1 is not writable here (a container?)"_s.arg(m_path);
        m_lowered = true;
        return {};
    }
    void restore()
    {
        if (m_lowered && writeKnob(m_path, m_old))
            m_lowered = false;
        if (m_lowered)
            qWarning("could not restore %s to %d", qPrintable(m_path), m_old);
    }
    int oldValue() const { return m_old; }

private:
    QString m_path;
    int m_old;
    bool m_lowered = false;
};

// The JSON events of a run, parsed once each (a burst's batch line holds 10,000 paths).
class EventLog
{
public:
    explicit EventLog(const CliProcess& run)
        : m_run(run)
    { }
    qsizetype mark()
    {
        update();
        return m_events.size();
    }
    QList<QJsonObject> since(qsizetype from, QStringView type)
    {
        update();
        QList<QJsonObject> found;
        for (qsizetype i = from; i < m_events.size(); ++i) {
            if (m_events.at(i).value("event"_L1).toString() == type)
                found.append(m_events.at(i));
        }
        return found;
    }
    int count(qsizetype from, QStringView type, const std::function<bool(const QJsonObject&)>& test = {})
    {
        int n = 0;
        for (const QJsonObject& event : since(from, type))
            n += !test || test(event);
        return n;
    }
    // The files (not directories) the batches since `from` report with this kind.
    QSet<QString> paths(qsizetype from, QStringView kind)
    {
        QSet<QString> found;
        for (const QJsonObject& batch : since(from, u"batch"))
            for (const QJsonValue& file : batch.value("files"_L1).toArray()) {
                const QJsonObject entry = file.toObject();
                if (entry.value("kind"_L1).toString() == kind && !entry.contains("dir"_L1))
                    found.insert(entry.value("path"_L1).toString());
            }
        return found;
    }
    // Restarts caused by edits, started and finished.
    int reloadsStarted(qsizetype from) { return count(from, u"reload_started", isFileChange); }
    int reloadsFinished(qsizetype from) { return count(from, u"reload_finished", isFileChange); }
    bool settled(qsizetype from) { return reloadsStarted(from) == reloadsFinished(from); }
    // What happened since `from`, for a failure's message (long batches cut short).
    QString tail(qsizetype from)
    {
        update();
        QStringList texts;
        for (qsizetype i = from; i < m_events.size(); ++i)
            texts.append(
                QString::fromUtf8(QJsonDocument(m_events.at(i)).toJson(QJsonDocument::Compact).left(300)));
        return texts.join(u'\n') + u'\n' + m_run.stderrText().right(2000);
    }
    QString warnings()
    {
        QStringList texts;
        for (const QJsonObject& warning : since(0, u"warning"))
            texts.append(warning.value("message"_L1).toString());
        return texts.join(u'\n');
    }

    static bool isFileChange(const QJsonObject& event)
    {
        return event.value("trigger"_L1).toString() == "file_change"_L1;
    }

private:
    void update()
    {
        const QStringList& lines = m_run.lines();
        for (; m_parsed < lines.size(); ++m_parsed) {
            const QJsonObject object = QJsonDocument::fromJson(lines.at(m_parsed).toUtf8()).object();
            if (!object.isEmpty())
                m_events.append(object);
        }
    }

    const CliProcess& m_run;
    QList<QJsonObject> m_events;
    qsizetype m_parsed = 0;
};

// Runs a job on a thread of its own, so that the test's event loop keeps reading FoxReload's
// output meanwhile (a full stdout pipe would stall FoxReload and change what is tested).
class Background
{
public:
    explicit Background(std::function<bool()> job)
        : m_thread([this, job = std::move(job)] {
            m_ok = job();
            m_done = true;
        })
    { }
    ~Background() { m_thread.join(); }
    bool done() const { return m_done; }
    bool ok() const { return m_ok; }

private:
    std::atomic<bool> m_done { false };
    std::atomic<bool> m_ok { false };
    std::thread m_thread;
};

inline QString burstFile(int index, int perDirectory)
{
    return u"burst/d%1/f%2.txt"_s.arg(index / perDirectory, 3, 10, QChar(u'0'))
        .arg(index % perDirectory, 3, 10, QChar(u'0'));
}

inline bool writeBurst(const QString& root, int files, int perDirectory, const QByteArray& version)
{
    for (int i = 0; i < files; ++i) {
        const QString path = root + u'/' + burstFile(i, perDirectory);
        if (i % perDirectory == 0 && !QDir().mkpath(QFileInfo(path).path()))
            return false;
        if (!writeFile(path, version + ' ' + QByteArray::number(i) + '\n'))
            return false;
    }
    return true;
}

inline QSet<QString> burstPaths(int files, int perDirectory)
{
    QSet<QString> paths;
    for (int i = 0; i < files; ++i)
        paths.insert(burstFile(i, perDirectory));
    return paths;
}

inline QStringList runArguments(
    const QString& backend, const QString& root, const QString& home, const QStringList& options = {})
{
    return QStringList { u"run"_s, u"--json"_s, u"--no-game"_s, u"--backend"_s, backend, u"--db"_s,
        home + u"/history.sqlite"_s, u"--watch"_s, root }
    + options + QStringList { u"--"_s, u"python3"_s, kFixtures + u"/minimal_server.py"_s };
}

inline bool isStartup(const QJsonObject& event)
{
    return event.value("trigger"_L1).toString() == "startup"_L1;
}

inline QString missing(const QSet<QString>& expected, const QSet<QString>& seen)
{
    const QSet<QString> lost = expected - seen;
    return u"%1 of %2 paths not reported (e.g. %3)"_s.arg(lost.size())
        .arg(expected.size())
        .arg(lost.isEmpty() ? QString() : *lost.cbegin());
}

} // namespace foxreload::test::watchfaults
