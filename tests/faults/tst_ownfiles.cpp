// Issue 10, hole 5: FoxReload reloaded itself. With its history database (and its -wal,
// -shm, -journal), its trust store or the proxy's log inside the watched tree, its own
// writes must produce no events: ~10 s of a real `foxreload run` with no edit give zero
// batches and exactly one server start. An edit afterwards is still seen (the test can fail).
#include "common/CliProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using foxreload::test::CliProcess;

namespace {

constexpr int kQuietMs = 10000;
const QString kFixtures = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures");

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

bool isStartup(const QJsonObject& event)
{
    return event.value("trigger"_L1).toString() == "startup"_L1;
}

} // namespace

class OwnFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownWritesProduceNoEvents_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("inotify") << u"inotify"_s;
        QTest::newRow("polling") << u"polling"_s;
    }
    void ownWritesProduceNoEvents()
    {
        QFETCH(QString, backend);
        // The watched tree holds everything FoxReload writes: its data directory (trust
        // store, default history) and the --db database.
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        const QString root = QDir(tree.path()).canonicalPath();
        QVERIFY(writeFile(root + u"/main.py"_s, "x = 1\n"));
        CliProcess run;
        run.setEnvironment(foxreload::test::isolatedEnvironment(root));
        run.setWorkingDirectory(root);
        // Gamification on: XP is written to the history on every reload, too.
        QVERIFY(run.start({ u"run"_s, u"--json"_s, u"--backend"_s, backend, u"--debounce"_s, u"20"_s,
            u"--db"_s, root + u"/history.sqlite"_s, u"--watch"_s, root, u"--"_s, u"python3"_s,
            kFixtures + u"/minimal_server.py"_s }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            run.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(run.allOutput()), 30000);
        QTest::qWait(kQuietMs);
        QVERIFY2(QFile::exists(root + u"/history.sqlite"_s), "the database was never written in the tree");
        QCOMPARE(run.countEvents(u"batch"_s), 0);
        QCOMPARE(run.countEvents(u"batch_skipped"_s), 0);
        QCOMPARE(run.countEvents(u"plan"_s), 0);
        // One server start: the startup reload, and nothing after it.
        QCOMPARE(run.countEvents(u"reload_started"_s), 1);
        QCOMPARE(run.countEvents(u"reload_started"_s, isStartup), 1);
        QCOMPARE(run.countEvents(u"reload_finished"_s), 1);

        // The watcher is alive: a real edit is a batch and a reload.
        QVERIFY(writeFile(root + u"/main.py"_s, "x = 2\n"));
        QTRY_VERIFY2_WITH_TIMEOUT(run.countEvents(u"batch"_s) >= 1, qPrintable(run.allOutput()), 20000);
        for (const QJsonObject& batch : run.events(u"batch"_s))
            QVERIFY2(!QJsonDocument(batch).toJson().contains("history.sqlite"), qPrintable(run.allOutput()));
        run.terminate();
        QVERIFY(run.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(OwnFilesTest)
#include "tst_ownfiles.moc"
