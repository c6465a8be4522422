// Fault: the history database cannot be written — locked by another program (at start or in the
// middle of a session), damaged, on a read-only file system, on a full disk.
// Promise: reloads go on at full speed (a store fault never delays a reload by more than the
// write busy timeout, 50 ms, once per outage); one warning names the file and SQLite's own words;
// what could not be written is kept in memory and written once the database can be written
// again; a damaged or read-only file is never changed (docs/reliability.md).
#include "common/CliProcess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using foxreload::test::CliProcess;

namespace {

const QString kFixtures = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures");

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

// A second program holding SQLite's write lock (BEGIN EXCLUSIVE) until release() or its end.
class Locker
{
public:
    bool lock(const QString& database)
    {
        m_process.start(u"python3"_s,
            { u"-c"_s,
                u"import sqlite3, sys\n"
                u"c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)\n"
                u"c.execute('BEGIN EXCLUSIVE')\n"
                u"print('locked', flush=True)\n"
                u"sys.stdin.readline()\n"
                u"c.execute('COMMIT')\n"_s,
                database });
        if (!m_process.waitForStarted(10000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(10000))
                return false;
        }
        return m_process.readLine().trimmed() == "locked";
    }
    void release()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("\n");
        m_process.closeWriteChannel();
        m_process.waitForFinished(10000);
    }
    ~Locker() { release(); }

private:
    QProcess m_process;
};

// What the lock tests catch is a reload waiting out the 2 s open timeout; the slowest of a
// few reloads varies by up to ~700 ms on a loaded two-core machine under the sanitizers.
constexpr qint64 kLockWaitMargin = 1000;

qint64 countRows(const QString& database, const QString& table)
{
    QProcess query;
    query.start(u"python3"_s,
        { u"-c"_s,
            u"import sqlite3, sys\n"
            u"c = sqlite3.connect(sys.argv[1], timeout=10)\n"
            u"print(c.execute('SELECT COUNT(*) FROM ' + sys.argv[2]).fetchone()[0])\n"_s,
            database, table });
    if (!query.waitForFinished(20000) || query.exitCode() != 0)
        return -1;
    return query.readAllStandardOutput().trimmed().toLongLong();
}

// A file system mounted for one test and unmounted however the test ends (root only).
class Mount
{
public:
    bool mount(const QStringList& arguments, const QString& target)
    {
        m_target = target;
        m_mounted = QProcess::execute(u"mount"_s, arguments) == 0;
        return m_mounted;
    }
    ~Mount()
    {
        if (m_mounted)
            QProcess::execute(u"umount"_s, { u"-l"_s, m_target });
    }

private:
    QString m_target;
    bool m_mounted = false;
};

// A `foxreload run --json` with gamification on (XP is written on every reload), serving the
// minimal fixture; every edit of main.py is a full restart.
class Project
{
public:
    bool start(const QString& database)
    {
        if (!m_dir.isValid())
            return false;
        m_root = QDir(m_dir.path()).canonicalPath();
        if (!writeFile(m_root + u"/main.py"_s, "x = 0\n") || !QDir().mkpath(m_root + u"/.home"_s))
            return false;
        run.setEnvironment(foxreload::test::isolatedEnvironment(m_root + u"/.home"_s));
        run.setWorkingDirectory(m_root);
        return run.start({ u"run"_s, u"--json"_s, u"--debounce"_s, u"20"_s, u"--db"_s, database, u"--watch"_s,
            m_root + u"/main.py"_s, u"--"_s, u"python3"_s, kFixtures + u"/minimal_server.py"_s });
    }
    QString root() const { return m_root; }
    int reloads() const { return run.countEvents(u"reload_finished"_s); }
    int warnings() const { return run.countEvents(u"warning"_s); }
    QString firstWarning() const
    {
        const QList<QJsonObject> warnings = run.events(u"warning"_s);
        return warnings.isEmpty() ? QString() : warnings.first().value("message"_L1).toString();
    }
    // Edits main.py and returns how long the reload took to be reported, or -1.
    qint64 editAndWait()
    {
        const int before = reloads();
        QElapsedTimer clock;
        clock.start();
        if (!writeFile(m_root + u"/main.py"_s, u"x = %1\n"_s.arg(++m_edits).toUtf8()))
            return -1;
        while (reloads() == before && clock.elapsed() < 20000)
            QTest::qWait(5);
        return reloads() > before ? clock.elapsed() : -1;
    }

    CliProcess run;

private:
    QTemporaryDir m_dir;
    QString m_root;
    int m_edits = 0;
};

} // namespace

class FaultsDbTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QProcess::execute(u"python3"_s, { u"-c"_s, u"import sqlite3"_s }) != 0)
            QSKIP("python3 with its sqlite3 module is needed to hold a lock from another program");
    }

    // Before the fix one reload waited 2.1–2.6 s for the lock, with no warning.
    void lockInTheMiddleOfASessionDelaysNoReload()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString database = data.filePath(u"history.sqlite"_s);
        Project project;
        QVERIFY(project.start(database));
        QTRY_VERIFY2_WITH_TIMEOUT(project.reloads() == 1, qPrintable(project.run.allOutput()), 30000);

        qint64 unlockedMs = 0; // the slowest of three reloads with nothing locked
        for (int i = 0; i < 3; ++i) {
            const qint64 ms = project.editAndWait();
            QVERIFY2(ms >= 0, qPrintable(project.run.allOutput()));
            unlockedMs = std::max(unlockedMs, ms);
        }
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 4, 10000);

        Locker locker;
        QVERIFY(locker.lock(database));
        qint64 lockedMs = 0;
        for (int i = 0; i < 3; ++i) {
            const qint64 ms = project.editAndWait();
            QVERIFY2(ms >= 0, qPrintable(project.run.allOutput()));
            lockedMs = std::max(lockedMs, ms);
        }
        qInfo("slowest reload, edit to report: %lld ms unlocked, %lld ms while locked", unlockedMs, lockedMs);
        QVERIFY2(lockedMs <= unlockedMs + kLockWaitMargin,
            qPrintable(
                u"a locked database delayed a reload: %1 ms against %2 ms"_s.arg(lockedMs).arg(unlockedMs)));
        // The lock outlasts a second FoxReload's write: the user is told, once, in SQLite's words.
        QTRY_VERIFY2_WITH_TIMEOUT(project.warnings() == 1, qPrintable(project.run.allOutput()), 10000);
        const QString warning = project.firstWarning();
        QVERIFY2(
            warning.contains(database) && warning.contains(u"database is locked"_s), qPrintable(warning));
        QVERIFY2(!warning.contains(u"Unable to"_s), qPrintable(warning));
        QCOMPARE(countRows(database, u"reloads"_s), 4); // readers are not blocked in WAL mode

        locker.release();
        // Nothing was lost: the held reloads (and their XP) arrive once the lock is gone.
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 7, 20000);
        QVERIFY(countRows(database, u"xp_events"_s) > 0);
        QVERIFY(project.editAndWait() >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 8, 10000);
        QCOMPARE(project.warnings(), 1);
        project.run.terminate();
        QVERIFY(project.run.waitForFinished(20000));
    }

    void lockAtStartIsWaitedOut()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString database = data.filePath(u"history.sqlite"_s);
        qint64 unlockedMs = 0; // the slowest of three reloads with nothing locked
        {
            Project first; // creates the database with its schema
            QVERIFY(first.start(database));
            QTRY_VERIFY_WITH_TIMEOUT(first.reloads() == 1, 30000);
            for (int i = 0; i < 3; ++i)
                unlockedMs = std::max(unlockedMs, first.editAndWait());
            first.run.terminate();
            QVERIFY(first.run.waitForFinished(20000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 4, 10000);
        Locker locker;
        QVERIFY(locker.lock(database));
        Project project;
        QVERIFY(project.start(database));
        QTRY_VERIFY2_WITH_TIMEOUT(project.reloads() == 1, qPrintable(project.run.allOutput()), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(project.warnings() == 1, qPrintable(project.run.allOutput()), 10000);
        QVERIFY2(
            project.firstWarning().contains(u"database is locked"_s), qPrintable(project.firstWarning()));
        // Reconnecting is tried every 5 s while the session goes on: it must not hold a reload up
        // (opening may wait 2 s for a lock; a retry must not). Edits spread over more than one retry.
        qint64 lockedMs = 0;
        for (int i = 0; i < 6; ++i) {
            const qint64 ms = project.editAndWait();
            QVERIFY2(ms >= 0, qPrintable(project.run.allOutput()));
            lockedMs = std::max(lockedMs, ms);
            QTest::qWait(700);
        }
        qInfo("slowest reload, edit to report: %lld ms unlocked, %lld ms locked since the start", unlockedMs,
            lockedMs);
        QVERIFY2(lockedMs <= unlockedMs + kLockWaitMargin,
            qPrintable(
                u"a locked database delayed a reload: %1 ms against %2 ms"_s.arg(lockedMs).arg(unlockedMs)));
        locker.release();
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 11, 30000);
        project.run.terminate();
        QVERIFY(project.run.waitForFinished(20000));
    }

    // A file that is not a database is the user's, whatever it is: reported, never changed.
    void damagedFileIsLeftAlone()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString database = data.filePath(u"history.sqlite"_s);
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 7919) % 251));
        QVERIFY(writeFile(database, garbage));
        const QByteArray before = sha256(database);
        Project project;
        QVERIFY(project.start(database));
        QTRY_VERIFY2_WITH_TIMEOUT(project.reloads() == 1, qPrintable(project.run.allOutput()), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(project.warnings() == 1, qPrintable(project.run.allOutput()), 10000);
        QVERIFY2(
            project.firstWarning().contains(database) && project.firstWarning().contains(u"not a database"_s),
            qPrintable(project.firstWarning()));
        QVERIFY(project.editAndWait() >= 0);
        project.run.terminate();
        QVERIFY(project.run.waitForFinished(20000));
        QCOMPARE(sha256(database), before);
        QVERIFY(!QFile::exists(database + u"-wal"_s));
    }

    void readOnlyFileSystemIsReported()
    {
        if (::geteuid() != 0)
            QSKIP("a read-only bind mount needs root");
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString dir = data.filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString database = dir + u"/history.sqlite"_s;
        {
            Project first;
            QVERIFY(first.start(database));
            QTRY_VERIFY_WITH_TIMEOUT(first.reloads() == 1, 30000);
            first.run.terminate();
            QVERIFY(first.run.waitForFinished(20000));
        }
        const QByteArray before = sha256(database);
        Mount bind;
        if (!bind.mount({ u"--bind"_s, dir, dir }, dir)
            || QProcess::execute(u"mount"_s, { u"-o"_s, u"remount,ro,bind"_s, dir }) != 0)
            QSKIP("this machine does not allow a read-only bind mount (a container without CAP_SYS_ADMIN?)");
        Project project;
        QVERIFY(project.start(database));
        QTRY_VERIFY2_WITH_TIMEOUT(project.reloads() == 1, qPrintable(project.run.allOutput()), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(project.warnings() == 1, qPrintable(project.run.allOutput()), 10000);
        QVERIFY2(project.firstWarning().contains(database), qPrintable(project.firstWarning()));
        QVERIFY(project.editAndWait() >= 0);
        project.run.terminate();
        QVERIFY(project.run.waitForFinished(20000));
        QCOMPARE(sha256(database), before);
    }

    void fullDiskHoldsWritesUntilThereIsRoom()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tiny tmpfs needs root");
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const QString dir = data.filePath(u"small"_s);
        QVERIFY(QDir().mkpath(dir));
        Mount tmpfs;
        if (!tmpfs.mount({ u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"tmpfs"_s, dir }, dir))
            QSKIP("this machine does not allow mounting a tmpfs (a container without CAP_SYS_ADMIN?)");
        const QString database = dir + u"/history.sqlite"_s;
        Project project;
        QVERIFY(project.start(database));
        QTRY_VERIFY2_WITH_TIMEOUT(project.reloads() == 1, qPrintable(project.run.allOutput()), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), 1, 10000);
        // Fill what is left of the file system.
        const QString filler = dir + u"/filler"_s;
        {
            QFile file(filler);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (file.write(block) == block.size() && file.flush()) { }
        }
        for (int i = 0; i < 20 && project.warnings() == 0; ++i)
            QVERIFY2(project.editAndWait() >= 0, qPrintable(project.run.allOutput()));
        QTRY_VERIFY2_WITH_TIMEOUT(project.warnings() == 1, qPrintable(project.run.allOutput()), 10000);
        QVERIFY2(project.firstWarning().contains(u"full"_s), qPrintable(project.firstWarning()));
        const int reloads = project.reloads();
        QVERIFY(QFile::remove(filler));
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, u"reloads"_s), qint64(reloads), 30000);
        project.run.terminate();
        QVERIFY(project.run.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(FaultsDbTest)
#include "tst_faults_db.moc"
