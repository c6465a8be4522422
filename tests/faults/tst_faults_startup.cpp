// Fault: the server command cannot be started (not on PATH, no such file, not executable).
// Promise: `run` and `proxy` say what could not be started and where it was looked for, and exit
// non-zero within a second; the proxy first answers the client's initialize with a JSON-RPC error
// that says the same (docs/reliability.md).

#include "common/CliProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
constexpr int kPromisedMs = 1000;

const QByteArray kInitialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{)"
                               R"("protocolVersion":"2025-06-18","capabilities":{},)"
                               R"("clientInfo":{"name":"tst_faults_startup","version":"1"}}})"
                               "\n";
} // namespace

class TestFaultsStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingServerFailsFast_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QStringList>("expected"); // parts of the message
        for (const QString& command : { u"run"_s, u"proxy"_s }) {
            QTest::addRow("%s, not on PATH", qPrintable(command))
                << command << u"foxreload-no-such-server"_s
                << QStringList { u"cannot start server"_s, u"'foxreload-no-such-server'"_s,
                       u"not found on PATH"_s, u"PATH="_s };
            QTest::addRow("%s, no such file", qPrintable(command))
                << command << u"./bin/no-such-server"_s
                << QStringList { u"cannot start server"_s, u"'./bin/no-such-server'"_s,
                       u"no such file or directory"_s, u"(in "_s };
            QTest::addRow("%s, not executable", qPrintable(command))
                << command << u"./server.py"_s
                << QStringList { u"cannot start server"_s, u"'./server.py'"_s, u"not an executable file"_s };
        }
    }

    void missingServerFailsFast()
    {
        QFETCH(QString, command);
        QFETCH(QString, server);
        QFETCH(QStringList, expected);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString project = home.filePath(u"project"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QFile script(project + u"/server.py"_s); // exists, but without the x bit
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("print('never run')\n");
        script.close();

        CliProcess cli;
        cli.setEnvironment(isolatedEnvironment(home.path()));
        cli.setWorkingDirectory(project);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(cli.start({ command, u"--no-game"_s, u"--db"_s, home.filePath(u"history.sqlite"_s),
            u"--watch"_s, project + u"/src"_s, u"--"_s, server }));
        if (command == u"proxy"_s)
            cli.process().write(kInitialize);
        // Today's failure mode is waiting for ever: allow far more than the promise, then measure.
        QVERIFY2(cli.waitForFinished(10000), qPrintable(u"still running after 10 s:\n"_s + cli.allOutput()));
        const qint64 elapsed = clock.elapsed();

        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() != 0, qPrintable(cli.allOutput()));
        for (const QString& part : std::as_const(expected))
            QVERIFY2(cli.stderrText().contains(part),
                qPrintable(u"missing \"%1\" in:\n%2"_s.arg(part, cli.allOutput())));
        QVERIFY2(elapsed < kPromisedMs, qPrintable(u"took %1 ms"_s.arg(elapsed)));

        if (command == u"proxy"_s) {
            // The client is told why instead of timing out: an error answer to its initialize.
            QCOMPARE(cli.lines().size(), 1);
            const QJsonObject answer = QJsonDocument::fromJson(cli.lines().first().toUtf8()).object();
            QCOMPARE(answer.value("id"_L1).toInt(), 1);
            const QString message = answer.value("error"_L1).toObject().value("message"_L1).toString();
            for (const QString& part : std::as_const(expected))
                QVERIFY2(message.contains(part), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultsStartup)
#include "tst_faults_startup.moc"
