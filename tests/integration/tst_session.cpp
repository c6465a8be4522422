// A whole Session (watcher → batcher → analyzer → orchestrator) against the example
// server, edited for real: what the durations of a reload say.

#include "common/ExampleProject.h"
#include "session/Session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

Q_DECLARE_METATYPE(foxreload::ReloadResult)

namespace {
constexpr int kReadyTimeout = 20000;

Config hotReloadConfig(const ExampleProject& project)
{
    Config config = project.config();
    Rule tools;
    tools.match = u"tools/**/*.py"_s;
    tools.strategy = ReloadStrategy::HotReload;
    config.rules = { tools };
    config.watch.paths = { project.path(u"tools"_s) };
    return config;
}

void stop(Session& session)
{
    QSignalSpy done(&session, &Session::finished);
    session.shutdown();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
}

ReloadResult lastResult(const QSignalSpy& spy)
{
    return spy.last().first().value<ReloadResult>();
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ReloadResult>();
        QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(),
            "python3 is needed for the example server");
    }

    // Pause, edit, wait, resume: the reload took milliseconds, and the time it was
    // held back is reported on its own — not as its duration, not as its wait.
    void pausedTimeIsNotPartOfTheReload_data()
    {
        QTest::addColumn<int>("pausedMs");
        QTest::addColumn<bool>("editBeforePause");
        QTest::newRow("edit while paused, 1.5 s") << 1500 << false;
        QTest::newRow("edit while paused, 3 s") << 3000 << false;
        QTest::newRow("batch still open at pause, 1.5 s") << 1500 << true;
    }
    void pausedTimeIsNotPartOfTheReload()
    {
        QFETCH(int, pausedMs);
        QFETCH(bool, editBeforePause);
        ExampleProject project;
        QVERIFY(project.isValid());
        Session session(hotReloadConfig(project));
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        QSignalSpy planned(&session, &Session::planned);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);

        const QString tool = project.path(u"tools/echo.py"_s);
        if (editBeforePause) {
            // The batch is still open (the event loop has not run since the write) when the pause comes.
            QVERIFY(appendToFile(tool, "\n# edited before the pause\n"));
            session.pause();
        } else {
            session.pause();
            QVERIFY(appendToFile(tool, "\n# edited while paused\n"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(planned.size(), 1, 10000);
        QElapsedTimer paused;
        paused.start();
        QTest::qWait(pausedMs);
        QCOMPARE(finished.size(), 1); // nothing ran while paused
        session.resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);

        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.performed, ReloadStrategy::HotReload);
        QVERIFY2(result.heldMs >= pausedMs - 200, qPrintable(u"held %1 ms"_s.arg(result.heldMs)));
        QVERIFY2(result.heldMs <= paused.elapsed() + 500, qPrintable(u"held %1 ms"_s.arg(result.heldMs)));
        // A hot reload of the example takes milliseconds; 1 s is generous for a loaded CI machine.
        QVERIFY2(result.startToReadyMs >= 0 && result.startToReadyMs < 1000,
            qPrintable(u"reload took %1 ms"_s.arg(result.startToReadyMs)));
        QVERIFY2(result.detectToStartMs >= 0 && result.detectToStartMs < 1000,
            qPrintable(u"waited %1 ms"_s.arg(result.detectToStartMs)));
        QCOMPARE(result.totalMs, result.detectToStartMs + result.startToReadyMs);

        stop(session);
    }

    void unpausedReloadHoldsNothing()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        Config config = hotReloadConfig(project);
        config.watch.debounceMs = 3000; // long, so that a save closed by the settle rule shows
        config.watch.maxWaitMs = 6000;
        Session session(config);
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# edited\n"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kReadyTimeout);
        const ReloadResult result = lastResult(finished);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.heldMs, 0);
        // The wait is the batch window (and a little scheduling), not more: with a watcher that
        // reports write-closes (inotify) the settle time, as the session wired it; else the quiet window.
        const QString waited = u"waited %1 ms"_s.arg(result.detectToStartMs);
        if (session.watcher().reportsWriteClose()) {
            QCOMPARE(session.batcher().settleWindow(), std::chrono::milliseconds(config.watch.settleMs));
            QVERIFY2(result.detectToStartMs >= config.watch.settleMs - 1, qPrintable(waited));
            QVERIFY2(result.detectToStartMs < config.watch.debounceMs - 5, qPrintable(waited));
        } else {
            QVERIFY2(result.detectToStartMs >= config.watch.debounceMs - 5, qPrintable(waited));
        }
        stop(session);
    }

    // start() returns at once: the hashes are taken on a thread of their own, and only then
    // are the watches armed, so a save that changes nothing is known as such from the start.
    void startHashesBeforeItWatches()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        Session session(hotReloadConfig(project));
        QSignalSpy started(&session, &Session::started);
        QSignalSpy watching(&session, &Session::watching);
        QSignalSpy planned(&session, &Session::planned);
        QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
        session.start();
        QCOMPARE(started.size(), 0); // nothing armed before the event loop runs
        QCOMPARE(watching.size(), 0);
        QCOMPARE(session.orchestrator().state(), ReloadOrchestrator::State::Stopped);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kReadyTimeout);
        QCOMPARE(started.first().first().toBool(), true);
        QCOMPARE(watching.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kReadyTimeout);

        // echo.py saved without an edit, weather.py edited, in one batch: only weather.py counts.
        const QString echo = project.path(u"tools/echo.py"_s);
        QVERIFY(writeFile(echo, readFile(echo)));
        QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# edited\n"));
        QTRY_COMPARE_WITH_TIMEOUT(planned.size(), 1, kReadyTimeout);
        const auto plan = planned.first().first().value<ReloadPlan>();
        QCOMPARE(plan.reasons.size(), 1);
        QVERIFY2(plan.reasons.first().contains(u"weather.py modified"_s), qPrintable(plan.reasons.first()));
        stop(session);
    }

    void shutdownWhileStartingStartsNoServer()
    {
        ExampleProject project;
        QVERIFY(project.isValid());
        Session session(hotReloadConfig(project));
        QSignalSpy started(&session, &Session::started);
        QSignalSpy created(&session.orchestrator(), &ReloadOrchestrator::serverCreated);
        QSignalSpy done(&session, &Session::finished);
        session.start();
        session.shutdown();
        session.shutdown(); // a second request changes nothing
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        // The hashing thread ends on its own; what it finds must not arm anything.
        QTest::qWait(500);
        QCOMPARE(started.size(), 0);
        QCOMPARE(created.size(), 0);
        QCOMPARE(done.size(), 1);
        QVERIFY(!session.watcher().isActive());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
