// `foxreload proxy --listen`: the stdio client that started the proxy and HTTP clients share
// one reloaded server, and an HTTP session lives on across a full restart as the stdio one does.
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(u"__pycache__"_s))
            continue;
        const QString target = to + u'/' + QDir(from).relativeFilePath(file);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

} // namespace

class TestHttpFrontProxy : public QObject
{
    Q_OBJECT
private:
    // The stdio client's side: one line out, the answer with that id back.
    QJsonObject call(QProcess& proxy, QByteArray& stdoutBuffer, const QByteArray& line, const QByteArray& id)
    {
        proxy.write(line + '\n');
        QJsonObject answer;
        const bool got = QTest::qWaitFor(
            [&] {
                stdoutBuffer += proxy.readAllStandardOutput();
                qsizetype end;
                while ((end = stdoutBuffer.indexOf('\n')) >= 0) {
                    const QJsonObject message = QJsonDocument::fromJson(stdoutBuffer.left(end)).object();
                    stdoutBuffer.remove(0, end + 1);
                    if (QJsonDocument(QJsonObject { { u"id"_s, message.value(u"id"_s) } })
                            .toJson(QJsonDocument::Compact)
                        == "{\"id\":" + id + "}") {
                        answer = message;
                        return true;
                    }
                }
                return false;
            },
            30000);
        return got ? answer : QJsonObject {};
    }

private Q_SLOTS:
    void httpSessionSurvivesARestart()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(u"reynard"_s);
        QVERIFY(copyTree(QStringLiteral(FOXRELOAD_SOURCE_DIR "/examples/reynard-server"), project));
        QFile::remove(project + u"/.foxreload.yaml"_s); // every change a full restart, no trust needed

        QProcess proxy;
        proxy.setWorkingDirectory(project);
        proxy.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            { u"proxy"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s,
                dir.filePath(u"h.sqlite"_s), u"--watch"_s, project, u"--"_s, u"python3"_s,
                project + u"/main.py"_s });
        QVERIFY(proxy.waitForStarted());
        QByteArray stderrText;
        QString url;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         stderrText += proxy.readAllStandardError();
                         const auto match
                             = QRegularExpression(u"MCP over HTTP at (http://127\\.0\\.0\\.1:\\d+/mcp)"_s)
                                   .match(QString::fromUtf8(stderrText));
                         url = match.captured(1);
                         return match.hasMatch();
                     },
                     20000),
            stderrText.constData());

        // The stdio client opens the session with the server.
        QByteArray out;
        const QJsonObject init = call(proxy, out,
            R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"stdio","version":"1"}}})",
            "1");
        QVERIFY2(init.contains(u"result"_s), stderrText.constData());
        proxy.write(R"({"jsonrpc":"2.0","method":"notifications/initialized"})"
                    "\n");

        // An HTTP client joins, works, and waits while the server restarts.
        QProcess http;
        http.start(u"python3"_s,
            { QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/integration/httpfront_proxy_client.py"), url });
        QVERIFY(http.waitForStarted());
        QByteArray httpOut;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         httpOut += http.readAllStandardOutput();
                         return httpOut.contains('\n') || http.state() == QProcess::NotRunning;
                     },
                     30000),
            http.readAllStandardError().constData());
        const QJsonObject before = QJsonDocument::fromJson(httpOut.left(httpOut.indexOf('\n'))).object();
        QVERIFY2(
            before[u"phase"_s] == u"before"_s, QByteArray(httpOut + http.readAllStandardError()).constData());
        QCOMPARE(before[u"echo"_s].toString(), u"before"_s);
        const int firstPid = before[u"pid"_s].toInt();

        // The stdio client sees the same server.
        const auto pidOverStdio = [&](const QByteArray& id) {
            const QJsonObject answer = call(proxy, out,
                R"({"jsonrpc":"2.0","id":)" + id
                    + R"(,"method":"tools/call","params":{"name":"server_status","arguments":{}}})",
                id);
            const QString text = answer[u"result"_s][u"content"_s][0][u"text"_s].toString();
            return QJsonDocument::fromJson(text.toUtf8()).object()[u"pid"_s].toInt();
        };
        QCOMPARE(pidOverStdio("2"), firstPid);

        // A full restart (main.py edited).
        QFile main(project + u"/main.py"_s);
        QVERIFY(main.open(QIODevice::Append));
        main.write("\n# edited by tst_httpfront_proxy\n");
        main.close();
        int id = 3;
        QVERIFY2(QTest::qWaitFor([&] { return pidOverStdio(QByteArray::number(id++)) != firstPid; }, 30000),
            stderrText.constData());

        // The HTTP client goes on in the session it had.
        http.write("go\n");
        QVERIFY(QTest::qWaitFor([&] { return http.state() == QProcess::NotRunning; }, 30000));
        httpOut += http.readAllStandardOutput();
        const QJsonObject after = QJsonDocument::fromJson(httpOut.split('\n').value(1)).object();
        QVERIFY2(
            after[u"phase"_s] == u"after"_s, QByteArray(httpOut + http.readAllStandardError()).constData());
        QCOMPARE(after[u"session"_s], before[u"session"_s]);
        QCOMPARE(after[u"status"_s].toInt(), 200);
        QCOMPARE(after[u"echo"_s].toString(), u"after"_s);
        QVERIFY(after[u"pid"_s].toInt() != firstPid);

        // The stdio client leaving ends the proxy, and the server with it.
        proxy.closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return proxy.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(proxy.exitCode(), 0);
    }

    // From a terminal (here: stdin from /dev/null) there is no stdio client: HTTP only, until stopped.
    // The address comes from --listen, or from the config's proxy.listen.
    void httpOnly_data()
    {
        QTest::addColumn<bool>("fromConfig");
        QTest::newRow("--listen") << false;
        QTest::newRow("proxy.listen") << true;
    }
    void httpOnly()
    {
        QFETCH(bool, fromConfig);
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(u"reynard"_s);
        QVERIFY(copyTree(QStringLiteral(FOXRELOAD_SOURCE_DIR "/examples/reynard-server"), project));
        const QString config = project + u"/.foxreload.yaml"_s;
        QStringList arguments { u"proxy"_s, u"--json"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s,
            dir.filePath(u"h.sqlite"_s) };
        if (fromConfig) {
            QFile file(config);
            QVERIFY(file.open(QIODevice::Append));
            file.write("\nproxy:\n  listen: \"127.0.0.1:0\"\n");
            file.close();
            arguments += { u"--config"_s, config, u"--trust"_s };
        } else {
            QFile::remove(config);
            arguments += { u"--listen"_s, u"127.0.0.1:0"_s, u"--watch"_s, project, u"--"_s, u"python3"_s,
                project + u"/main.py"_s };
        }
        QProcess proxy;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s)); // a trust store of its own
        proxy.setProcessEnvironment(env);
        proxy.setStandardInputFile(QProcess::nullDevice());
        proxy.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        QVERIFY(proxy.waitForStarted());
        QByteArray stderrText;
        QJsonObject listening;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         stderrText += proxy.readAllStandardError();
                         for (const QByteArray& line : stderrText.split('\n')) {
                             const QJsonObject event = QJsonDocument::fromJson(line).object();
                             if (event[u"event"_s] == u"http_listening"_s)
                                 listening = event;
                         }
                         return !listening.isEmpty() || proxy.state() == QProcess::NotRunning;
                     },
                     20000),
            stderrText.constData());
        QVERIFY2(!listening.isEmpty(), stderrText.constData());
        QCOMPARE(listening[u"stdio_client"_s].toBool(), false);

        // Two HTTP clients one after the other: the first opens the server's session, the
        // second is answered from it; EOF on stdin ended nothing.
        for (int round = 0; round < 2; ++round) {
            QProcess http;
            http.start(u"python3"_s,
                { QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/integration/httpfront_proxy_client.py"),
                    listening[u"url"_s].toString() });
            QVERIFY(http.waitForStarted());
            http.write("go\n");
            QVERIFY(QTest::qWaitFor([&] { return http.state() == QProcess::NotRunning; }, 30000));
            const QByteArray out = http.readAllStandardOutput();
            QVERIFY2(http.exitCode() == 0, http.readAllStandardError().constData());
            const QJsonObject after = QJsonDocument::fromJson(out.split('\n').value(1)).object();
            QCOMPARE(after[u"echo"_s].toString(), u"after"_s);
        }
        QCOMPARE(proxy.state(), QProcess::Running);
        proxy.terminate();
        QVERIFY(QTest::qWaitFor([&] { return proxy.state() == QProcess::NotRunning; }, 30000));
        QCOMPARE(proxy.exitCode(), 143);
    }
};

QTEST_GUILESS_MAIN(TestHttpFrontProxy)
#include "tst_httpfront_proxy.moc"
