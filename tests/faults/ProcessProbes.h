#pragma once

// Looking at processes and at the history database from the outside, as the fault tests of
// tst_faults_process do: what runs, how much CPU it used, what a session left in SQLite.

#include <QFile>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace foxreload::test {

using namespace Qt::StringLiterals;

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A zombie counts as gone: it runs nothing, and its parent (or init) reaps it.
inline bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

// utime + stime of a process, in seconds.
inline double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

inline QList<qint64> readPids(const QString& path)
{
    QFile file(path);
    QList<qint64> pids;
    if (!file.open(QIODevice::ReadOnly))
        return pids;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (const qint64 pid = line.trimmed().toLongLong(); pid > 0)
            pids.append(pid);
    }
    return pids;
}

inline QString survivors(const QList<qint64>& pids)
{
    QStringList alive;
    for (const qint64 pid : pids) {
        if (!processGone(pid))
            alive.append(QString::number(pid));
    }
    return alive.join(u", "_s);
}

// A failing test must not leave its fixtures running for the rest of the suite.
struct KillOnExit
{
    QList<qint64> pids;
    ~KillOnExit()
    {
        for (const qint64 pid : std::as_const(pids)) {
            if (!processGone(pid))
                ::kill(pid_t(pid), SIGKILL);
        }
    }
};

inline int countLines(const QStringList& lines, const QString& text)
{
    return int(std::count_if(
        lines.cbegin(), lines.cend(), [&](const QString& line) { return line.contains(text); }));
}

struct SessionRow
{
    qint64 id = 0;
    QString kind;
    qint64 startedMs = 0;
    QVariant endedMs;
    int reloads = 0;
};

// What the history database holds, read with SQLite directly: the sessions and their reloads.
inline QList<SessionRow> readSessions(const QString& path)
{
    QList<SessionRow> rows;
    const QString connection = u"tst_faults_process_"_s + QString::number(quintptr(&rows));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(u"SELECT s.id, s.kind, s.started_ms, s.ended_ms,"
                       u" (SELECT COUNT(*) FROM reloads r WHERE r.session_id = s.id)"
                       u" FROM sessions s ORDER BY s.id"_s);
            while (query.next())
                rows.append({ query.value(0).toLongLong(), query.value(1).toString(),
                    query.value(2).toLongLong(), query.value(3), query.value(4).toInt() });
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

inline QString describeSessions(const QList<SessionRow>& rows)
{
    QStringList parts;
    for (const auto& row : rows)
        parts.append(u"#%1 %2 started %3 ended %4, %5 reloads"_s.arg(row.id)
                         .arg(row.kind)
                         .arg(row.startedMs)
                         .arg(row.endedMs.isNull() ? u"never"_s : row.endedMs.toString())
                         .arg(row.reloads));
    return parts.join(u"; "_s);
}

} // namespace foxreload::test
