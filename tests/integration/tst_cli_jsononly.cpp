// `--json` means JSON lines only: whatever goes wrong (a server that prints text on stdout, one
// that cannot start, a config with warnings, a refused HTTP request, the end of a proxy), every
// line FoxReload writes on stdout and stderr is one JSON object with an `event`. And a path means
// the same in every event: `batch`, `plan` and `reload_finished` name a file relative to the
// project root, also when it lies outside it.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// A server that answers MCP but also prints text on stdout, before and after its handshake.
const QByteArray kChattyServer = R"(import json, sys
print("hello, I am not JSON", flush=True)
for line in sys.stdin:
    m = json.loads(line)
    if m.get("method") == "initialize":
        print(json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": {"protocolVersion": "2025-11-25",
              "capabilities": {"tools": {}}, "serverInfo": {"name": "chatty", "version": "1"}}}), flush=True)
        print("another line that is no JSON", flush=True)
    elif m.get("method") == "tools/list":
        print(json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": {"tools": []}}), flush=True)
    elif "id" in m:
        print(json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": {}}), flush=True)
)";

QProcessEnvironment isolated(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, home);
    return env;
}

// Every line that is not a JSON object with an `event`, "" when there is none.
QString nonJsonLines(const QByteArray& text)
{
    QStringList bad;
    for (const QByteArray& line : text.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()
            || !document.object().contains(u"event"_s))
            bad += QString::fromUtf8(line);
    }
    return bad.join(u'\n');
}

QList<QJsonObject> eventsOf(const QByteArray& text, const QString& type)
{
    QList<QJsonObject> found;
    for (const QByteArray& line : text.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event[u"event"_s] == type)
            found += event;
    }
    return found;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class TestCliJsonOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is not installed");
    }

    void runWritesJsonOnly_data()
    {
        QTest::addColumn<QString>("server"); // "chatty", "missing"
        QTest::addColumn<QByteArray>("config"); // "" for none
        QTest::addColumn<QString>("expectEvent");
        QTest::newRow("text on the server's stdout") << u"chatty"_s << QByteArray() << u"reload_finished"_s;
        QTest::newRow("a server that cannot start") << u"missing"_s << QByteArray() << u"reload_finished"_s;
        // The loader warns that the command does not exist (yet); then it cannot start.
        QTest::newRow("a config with a warning")
            << u"missing"_s << QByteArray("server:\n  command: ./no-such-server.sh\n")
            << u"reload_finished"_s;
        // Refused before anything runs: the error is an event on stderr, stdout stays empty.
        QTest::newRow("a config that cannot be read")
            << u"chatty"_s << QByteArray("server:\n  command: python3\n  args: [server.py\n") << u"error"_s;
    }
    void runWritesJsonOnly()
    {
        QFETCH(QString, server);
        QFETCH(QByteArray, config);
        QFETCH(QString, expectEvent);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kChattyServer));
        QStringList arguments { u"run"_s, u"--json"_s, u"--no-game"_s, u"--db"_s,
            dir.filePath(u"h.sqlite"_s) };
        if (!config.isEmpty()) {
            QVERIFY(writeFile(dir.filePath(u".foxreload.yaml"_s), config));
            arguments += { u"--config"_s, dir.filePath(u".foxreload.yaml"_s), u"--trust"_s };
        } else {
            arguments += { u"--watch"_s, dir.path(), u"--"_s };
            arguments += server == u"missing"_s ? QStringList { dir.filePath(u"no-such-server"_s) }
                                                : QStringList { u"python3"_s, dir.filePath(u"server.py"_s) };
        }
        QProcess run;
        run.setWorkingDirectory(dir.path());
        run.setProcessEnvironment(isolated(dir.path()));
        run.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        QVERIFY(run.waitForStarted());
        QByteArray out, err;
        const auto read = [&] {
            out += run.readAllStandardOutput();
            err += run.readAllStandardError();
        };
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         read();
                         return !eventsOf(out + err, expectEvent).isEmpty()
                             || run.state() == QProcess::NotRunning;
                     },
                     30000),
            QByteArray(out + err).constData());
        if (server == u"chatty"_s)
            QTest::qWait(300); // the line printed after the handshake
        if (run.state() != QProcess::NotRunning) {
            ::kill(pid_t(run.processId()), SIGTERM);
            QVERIFY(run.waitForFinished(20000));
        }
        read();
        QVERIFY2(!eventsOf(expectEvent == u"error"_s ? err : out, expectEvent).isEmpty(),
            QByteArray(out + err).constData());
        const QString bad = nonJsonLines(out) + nonJsonLines(err);
        QVERIFY2(bad.isEmpty(), qPrintable(u"text lines in --json mode:\n"_s + bad));
    }

    // The proxy: text on the server's stdout, an HTTP request refused (a log message), the end.
    void proxyWritesJsonOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"server.py"_s), kChattyServer));
        QProcess proxy;
        proxy.setWorkingDirectory(dir.path());
        proxy.setProcessEnvironment(isolated(dir.path()));
        proxy.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            { u"proxy"_s, u"--json"_s, u"--no-game"_s, u"--no-socket"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                u"--db"_s, dir.filePath(u"h.sqlite"_s), u"--watch"_s, dir.path(), u"--"_s, u"python3"_s,
                dir.filePath(u"server.py"_s) });
        QVERIFY(proxy.waitForStarted());
        proxy.write(
            R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})"
            "\n");
        QByteArray out, err;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += proxy.readAllStandardOutput();
                         err += proxy.readAllStandardError();
                         return out.contains("\"id\":1") && !eventsOf(err, u"http_listening"_s).isEmpty();
                     },
                     30000),
            err.constData());
        const QUrl url(eventsOf(err, u"http_listening"_s).value(0)[u"url"_s].toString());
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, quint16(url.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("POST /mcp HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
                     "Content-Length: 2\r\n\r\n{}");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n\r\n");
            },
            10000));
        QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());
        QTRY_VERIFY_WITH_TIMEOUT((err += proxy.readAllStandardError()).contains("evil.example"), 10000);
        proxy.closeWriteChannel(); // the client leaves: the proxy stops and says how it went
        QVERIFY(proxy.waitForFinished(30000));
        err += proxy.readAllStandardError();
        const QString bad = nonJsonLines(err);
        QVERIFY2(bad.isEmpty(), qPrintable(u"text lines in --json mode:\n"_s + bad));
        QCOMPARE(eventsOf(err, u"server_garbage"_s).size(), 2); // each text line once
        const QList<QJsonObject> logs = eventsOf(err, u"log"_s);
        QVERIFY2(
            std::any_of(logs.cbegin(), logs.cend(),
                [](const QJsonObject& e) { return e[u"message"_s].toString().contains(u"evil.example"_s); }),
            err.constData());
        QVERIFY2(!eventsOf(err, u"info"_s).isEmpty(), err.constData()); // "proxy done: …"
    }

    // batch, plan and reload_finished name a changed file the same way: relative to the project
    // root (here the working directory), "../…" for a watched directory outside it.
    void pathsAgreeAcrossEvents_data()
    {
        QTest::addColumn<bool>("outsideRoot");
        QTest::newRow("inside the root") << false;
        QTest::newRow("outside the root") << true;
    }
    void pathsAgreeAcrossEvents()
    {
        QFETCH(bool, outsideRoot);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(u"project"_s);
        const QString watched = outsideRoot ? dir.filePath(u"elsewhere"_s) : root + u"/src"_s;
        QVERIFY(QDir().mkpath(root) && QDir().mkpath(watched));
        QVERIFY(writeFile(root + u"/server.py"_s, kChattyServer));
        QVERIFY(writeFile(watched + u"/tool.py"_s, "x = 1\n"));
        QProcess run;
        run.setWorkingDirectory(root);
        run.setProcessEnvironment(isolated(dir.path()));
        run.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            { u"run"_s, u"--json"_s, u"--no-game"_s, u"--db"_s, dir.filePath(u"h.sqlite"_s), u"--watch"_s,
                watched, u"--"_s, u"python3"_s, root + u"/server.py"_s });
        QVERIFY(run.waitForStarted());
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += run.readAllStandardOutput();
                         return eventsOf(out, u"reload_finished"_s).size() == 1;
                     },
                     30000),
            out.constData());
        QVERIFY(writeFile(watched + u"/tool.py"_s, "x = 2\n"));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += run.readAllStandardOutput();
                         return eventsOf(out, u"reload_finished"_s).size() == 2;
                     },
                     30000),
            out.constData());
        ::kill(pid_t(run.processId()), SIGTERM);
        QVERIFY(run.waitForFinished(20000));

        const QString expected = QDir(root).relativeFilePath(watched + u"/tool.py"_s);
        QCOMPARE(expected.startsWith(u"../"_s), outsideRoot);
        const QJsonObject batch = eventsOf(out, u"batch"_s).value(0);
        const QJsonObject plan = eventsOf(out, u"plan"_s).value(0);
        const QJsonObject finished = eventsOf(out, u"reload_finished"_s).value(1);
        QCOMPARE(batch[u"files"_s][0][u"path"_s].toString(), expected);
        QCOMPARE(plan[u"files"_s][0][u"path"_s].toString(), expected);
        QCOMPARE(finished[u"files"_s][0].toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestCliJsonOnly)
#include "tst_cli_jsononly.moc"
