// `server.transport: http` end to end: the real binary starts an MCP server that listens on
// Streamable HTTP (our stdlib fixture, and the official server-everything), on a port picked
// for each server generation, and talks to it over HTTP — for `foxreload run` and for
// `foxreload proxy` with a stdio client in front. Also the handshake's failure messages.

#include "ProxyDriver.h"
#include "common/CliProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 30000;

QString fixture(const QString& name)
{
    return QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures/") + name;
}

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

// A project whose server is the HTTP fixture: its tools come from tools.txt (the watched file),
// and it records what it was asked in events.log ("<pid> listen <port>", "<pid> POST initialize", …).
class HttpProject
{
public:
    explicit HttpProject(const QMap<QString, QString>& env = {}, const QString& serverExtra = {})
    {
        writeFile(u"tools.txt"_s, "extra_tool\n");
        QString environment = u"{HTTP_FIXTURE_TOOLS_FILE: tools.txt, HTTP_FIXTURE_EVENTS_FILE: events.log, "
                              u"FIXTURE_PID_FILE: server.pid"_s;
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            environment += u", %1: \"%2\""_s.arg(it.key(), it.value());
        environment += u'}';
        writeFile(u".foxreload.yaml"_s,
            u"server:\n  command: python3\n  args: [\"%1\"]\n  transport: http\n  shutdown_grace_ms: 300\n"
            u"  env: %2\n%3watch: {paths: [tools.txt], debounce_ms: 20}\n"_s
                .arg(fixture(u"http_server.py"_s), environment, serverExtra)
                .toUtf8());
    }

    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString home() const { return m_dir.filePath(u"home"_s); }

    void writeFile(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }
    void appendTool(const QString& name) const
    {
        QFile file(path(u"tools.txt"_s));
        QVERIFY(file.open(QIODevice::Append));
        file.write(name.toUtf8() + '\n');
    }

    QStringList events() const
    {
        QFile file(path(u"events.log"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    bool hasEvent(qint64 pid, const QString& what) const
    {
        const QString prefix = QString::number(pid) + u' ' + what;
        for (const QString& line : events()) {
            if (line.startsWith(prefix))
                return true;
        }
        return false;
    }
    int portOf(qint64 pid) const
    {
        static const QRegularExpression listen(u"^(\\d+) listen (\\d+)$"_s);
        for (const QString& line : events()) {
            const auto match = listen.match(line);
            if (match.hasMatch() && match.captured(1).toLongLong() == pid)
                return match.captured(2).toInt();
        }
        return 0;
    }
    QStringList runArguments() const
    {
        return { u"run"_s, u"--trust"_s, u"--no-game"_s, u"--json"_s, u"--db"_s, path(u"history.sqlite"_s),
            u"--config"_s, path(u".foxreload.yaml"_s) };
    }

private:
    QTemporaryDir m_dir;
};

// The official server-everything (npm ci in tests/mcp-clients); it reads PORT in streamableHttp mode.
QString serverEverythingPath()
{
    const QString path
        = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/mcp-clients/node_modules/.bin/mcp-server-everything");
    return QFileInfo::exists(path) && !QStandardPaths::findExecutable(u"node"_s).isEmpty() ? path : QString();
}

int toolCount(const QJsonObject& answer)
{
    return int(answer.value("result"_L1).toObject().value("tools"_L1).toArray().size());
}

QList<QJsonObject> finishedReloads(const CliProcess& cli)
{
    return cli.events(u"reload_finished"_s);
}

// `foxreload proxy --json` prints its events on stderr, one JSON object a line.
QList<QJsonObject> stderrEvents(const ProxyDriver& proxy, const QString& type)
{
    QList<QJsonObject> found;
    for (const QByteArray& line : proxy.stderrText().split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value("event"_L1).toString() == type)
            found.append(object);
    }
    return found;
}
} // namespace

class TestHttpBehind : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is needed for the fixture servers");
        QVERIFY(m_home.isValid());
    }

    void runRestartsOnANewPort_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("getStream");
        QTest::newRow("answers as SSE streams") << QString() << QString() << true;
        QTest::newRow("answers as JSON bodies") << u"HTTP_FIXTURE_ANSWER"_s << u"json"_s << true;
        QTest::newRow("no GET stream (405)") << u"HTTP_FIXTURE_NO_GET"_s << u"1"_s << false;
        // Connections are refused for 1.5 s after the process started: retried, not failed.
        QTest::newRow("listens late") << u"HTTP_FIXTURE_LISTEN_DELAY_MS"_s << u"1500"_s << true;
    }

    void runRestartsOnANewPort()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(bool, getStream);
        QMap<QString, QString> env;
        if (!variable.isEmpty())
            env.insert(variable, value);
        HttpProject project(env);
        QVERIFY(project.isValid());

        CliProcess cli;
        cli.setEnvironment(isolatedEnvironment(project.home()));
        cli.setWorkingDirectory(project.root());
        QVERIFY(cli.start(project.runArguments()));
        QTRY_VERIFY2_WITH_TIMEOUT(finishedReloads(cli).size() == 1, qPrintable(cli.allOutput()), kTimeout);
        const QJsonObject startup = finishedReloads(cli).first();
        QCOMPARE(startup.value("outcome"_L1).toString(), u"success"_s);
        QCOMPARE(startup.value("tools"_L1).toInt(), 2); // whoami + extra_tool, listed over HTTP
        const qint64 firstPid = startup.value("pid"_L1).toInteger();
        const int firstPort = project.portOf(firstPid);
        QVERIFY2(firstPort > 0, qPrintable(project.events().join(u'\n')));
        QVERIFY(project.hasEvent(firstPid, u"POST initialize"_s));
        QVERIFY(project.hasEvent(firstPid, u"POST notifications/initialized"_s));
        QVERIFY(project.hasEvent(firstPid, u"POST tools/list"_s));
        if (getStream)
            QTRY_VERIFY_WITH_TIMEOUT(project.hasEvent(firstPid, u"GET"_s), kTimeout);
        else
            QTRY_VERIFY_WITH_TIMEOUT(project.hasEvent(firstPid, u"GET 405"_s), kTimeout);
        // An HTTP server's stdout is its log: shown as server output, not taken for JSON-RPC.
        const QString listening = u"listening on http://127.0.0.1:%1/mcp"_s.arg(firstPort);
        QTRY_VERIFY2_WITH_TIMEOUT(
            cli.countEvents(u"server_stderr"_s,
                [&](const QJsonObject& e) { return e.value("message"_L1).toString().contains(listening); })
                == 1,
            qPrintable(cli.allOutput()), kTimeout);

        // An edit: a new generation on a new port takes over, the old one's session is ended and it is gone.
        project.appendTool(u"another"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(finishedReloads(cli).size() == 2, qPrintable(cli.allOutput()), kTimeout);
        const QJsonObject restart = finishedReloads(cli).last();
        QCOMPARE(restart.value("outcome"_L1).toString(), u"success"_s);
        QCOMPARE(restart.value("tools"_L1).toInt(), 3);
        QCOMPARE(restart.value("toolsAdded"_L1).toArray(), QJsonArray { u"another"_s });
        const qint64 secondPid = restart.value("pid"_L1).toInteger();
        QVERIFY(secondPid != firstPid);
        const int secondPort = project.portOf(secondPid);
        QVERIFY(secondPort > 0);
        QVERIFY2(secondPort != firstPort, qPrintable(project.events().join(u'\n')));
        QTRY_VERIFY_WITH_TIMEOUT(project.hasEvent(firstPid, u"DELETE"_s), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(firstPid), kTimeout);

        cli.terminate();
        QVERIFY(cli.waitForFinished(kTimeout));
        QVERIFY(project.hasEvent(secondPid, u"DELETE"_s));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(secondPid), kTimeout);
        QVERIFY2(!cli.allOutput().contains(u"invalid"_s), qPrintable(cli.allOutput()));
    }

    void proxyKeepsTheClientsSession_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("SSE answers") << u"HTTP_FIXTURE_ANSWER"_s << u"sse"_s;
        QTest::newRow("JSON answers") << u"HTTP_FIXTURE_ANSWER"_s << u"json"_s;
        // Each tools/call's stream ends before its answer; a GET with Last-Event-ID fetches it.
        QTest::newRow("streams resumed") << u"HTTP_FIXTURE_DROP_STREAM"_s << u"1"_s;
    }

    void proxyKeepsTheClientsSession()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        HttpProject project({ { variable, value } });
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start({ u"--trust"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s, project.path(u"h.sqlite"_s),
                        u"--config"_s, project.path(u".foxreload.yaml"_s) },
            project.root());
        QVERIFY(proxy.waitForStarted());

        const QJsonObject result = proxy.initialize();
        QCOMPARE(result.value("serverInfo"_L1).toObject().value("name"_L1).toString(), u"http_server"_s);
        proxy.request(1, u"tools/list"_s);
        QCOMPARE(toolCount(proxy.answer(1, kTimeout)), 2);
        proxy.callTool(2, u"whoami"_s);
        const QString first = resultText(proxy.answer(2, kTimeout));
        const qint64 firstPid = first.section(u' ', 2, 2).toLongLong(); // "whoami: pid N port P session S"
        const int firstPort = project.portOf(firstPid);
        QVERIFY2(firstPort > 0 && first.contains(u"port %1 "_s.arg(firstPort)), qPrintable(first));

        project.appendTool(u"another"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(!proxy.messages(u"notifications/tools/list_changed"_s).isEmpty(),
            proxy.stderrText().constData(), kTimeout);
        proxy.callTool(3, u"whoami"_s);
        const QString second = resultText(proxy.answer(3, kTimeout));
        const qint64 secondPid = second.section(u' ', 2, 2).toLongLong();
        QVERIFY2(secondPid != firstPid && secondPid > 0, qPrintable(second));
        const int secondPort = project.portOf(secondPid);
        QVERIFY2(secondPort > 0 && secondPort != firstPort && second.contains(u"port %1 "_s.arg(secondPort)),
            qPrintable(second));
        proxy.request(4, u"tools/list"_s);
        QCOMPARE(toolCount(proxy.answer(4, kTimeout)), 3);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(firstPid), kTimeout);
        QVERIFY(project.hasEvent(firstPid, u"DELETE"_s));
        if (variable == u"HTTP_FIXTURE_DROP_STREAM"_s) {
            QVERIFY(project.hasEvent(firstPid, u"GET resume found"_s));
            QVERIFY(project.hasEvent(secondPid, u"GET resume found"_s));
        }
        // The client saw JSON-RPC only, and its own ids.
        for (const QByteArray& line : proxy.rawLines())
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());

        proxy.process().closeWriteChannel();
        QVERIFY(proxy.process().waitForFinished(kTimeout));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(secondPid), kTimeout);
    }

    void modernRequestsCarryTheirHeaders()
    {
        // A 2026-07-28 request passed through: its version, method and name go in headers too
        // (streamable-http §Request Metadata); a name that is not plain ASCII in base64.
        HttpProject project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.home());
        proxy.start({ u"--trust"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s, project.path(u"h.sqlite"_s),
                        u"--config"_s, project.path(u".foxreload.yaml"_s) },
            project.root());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy.initialize().isEmpty());
        const QJsonObject meta { { "io.modelcontextprotocol/protocolVersion"_L1, u"2026-07-28"_s },
            { "io.modelcontextprotocol/clientCapabilities"_L1, QJsonObject {} } };
        proxy.request(1, u"tools/call"_s, { { "name"_L1, u"whoami"_s }, { "_meta"_L1, meta } });
        QVERIFY(!proxy.answer(1, kTimeout).isEmpty());
        proxy.request(2, u"tools/call"_s, { { "name"_L1, u"Füchsin"_s }, { "_meta"_L1, meta } });
        QVERIFY(!proxy.answer(2, kTimeout).isEmpty());
        proxy.request(3, u"tools/list"_s);
        QVERIFY(!proxy.answer(3, kTimeout).isEmpty());
        const QStringList headers = project.events().filter(u" headers "_s);
        const QString encoded = QString::fromLatin1(u"Füchsin"_s.toUtf8().toBase64());
        QCOMPARE(headers.size(), 2); // the 2025-era requests get none
        QVERIFY2(
            headers.at(0).endsWith(u"headers tools/call whoami 2026-07-28"_s), qPrintable(headers.at(0)));
        QVERIFY2(headers.at(1).endsWith(u"headers tools/call =?base64?%1?= 2026-07-28"_s.arg(encoded)),
            qPrintable(headers.at(1)));
    }

    void httpErrorsAndCrashes()
    {
        HttpProject project;
        QVERIFY(project.isValid());
        project.writeFile(u"tools.txt"_s, "fail500\ncrash\n");
        ProxyDriver proxy(project.home());
        proxy.start({ u"--trust"_s, u"--no-game"_s, u"--no-socket"_s, u"--db"_s, project.path(u"h.sqlite"_s),
                        u"--config"_s, project.path(u".foxreload.yaml"_s) },
            project.root());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy.initialize().isEmpty());
        proxy.callTool(1, u"whoami"_s);
        const qint64 firstPid = resultText(proxy.answer(1, kTimeout)).section(u' ', 2, 2).toLongLong();
        QVERIFY(firstPid > 0);

        // An HTTP error is the request's answer, at once: nobody waits for a timeout.
        QElapsedTimer clock;
        clock.start();
        proxy.callTool(2, u"fail500"_s);
        const QJsonObject failed = proxy.answer(2, kTimeout);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        const QString message = failed.value("error"_L1).toObject().value("message"_L1).toString();
        QVERIFY2(message.contains(u"HTTP 500"_s) && message.contains(u"the tool broke"_s),
            qPrintable(QString::fromUtf8(QJsonDocument(failed).toJson())));

        // The server dies in the middle of a request: the request is answered, the server is
        // started again (on a new port) and the client's session goes on.
        proxy.callTool(3, u"crash"_s);
        const QJsonObject interrupted = proxy.answer(3, kTimeout);
        QVERIFY2(interrupted.contains("error"_L1),
            qPrintable(QString::fromUtf8(QJsonDocument(interrupted).toJson())));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(firstPid), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(project.events().filter(u" listen "_s).size() == 2, kTimeout);
        proxy.callTool(4, u"whoami"_s);
        const QString after = resultText(proxy.answer(4, kTimeout));
        const qint64 secondPid = after.section(u' ', 2, 2).toLongLong();
        QVERIFY2(secondPid > 0 && secondPid != firstPid, qPrintable(after));
        QVERIFY(project.portOf(secondPid) != project.portOf(firstPid));
    }

    void serverEverythingRun()
    {
        const QString everything = serverEverythingPath();
        if (everything.isEmpty())
            QSKIP("tests/mcp-clients/node_modules is missing: run npm ci in tests/mcp-clients");
        QTemporaryDir project;
        QVERIFY(project.isValid());
        QFile trigger(project.filePath(u"trigger.txt"_s));
        QVERIFY(trigger.open(QIODevice::WriteOnly));
        trigger.write("0\n");
        trigger.close();

        CliProcess cli;
        cli.setEnvironment(isolatedEnvironment(project.filePath(u"home"_s)));
        cli.setWorkingDirectory(project.path());
        QVERIFY(cli.start(
            { u"run"_s, u"--no-game"_s, u"--json"_s, u"--db"_s, project.filePath(u"h.sqlite"_s), u"--watch"_s,
                trigger.fileName(), u"--transport"_s, u"http"_s, u"--"_s, everything, u"streamableHttp"_s }));
        QTRY_VERIFY2_WITH_TIMEOUT(finishedReloads(cli).size() == 1, qPrintable(cli.allOutput()), kTimeout);
        const QJsonObject startup = finishedReloads(cli).first();
        QCOMPARE(startup.value("outcome"_L1).toString(), u"success"_s);
        QVERIFY2(startup.value("tools"_L1).toInt() >= 5, qPrintable(cli.allOutput()));
        const qint64 firstPid = startup.value("pid"_L1).toInteger();

        QVERIFY(trigger.open(QIODevice::WriteOnly | QIODevice::Truncate));
        trigger.write("1\n");
        trigger.close();
        QTRY_VERIFY2_WITH_TIMEOUT(finishedReloads(cli).size() == 2, qPrintable(cli.allOutput()), kTimeout);
        const QJsonObject restart = finishedReloads(cli).last();
        QCOMPARE(restart.value("outcome"_L1).toString(), u"success"_s);
        QCOMPARE(restart.value("tools"_L1).toInt(), startup.value("tools"_L1).toInt());
        QVERIFY(restart.value("pid"_L1).toInteger() != firstPid);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(firstPid), kTimeout);
        cli.terminate();
        QVERIFY(cli.waitForFinished(kTimeout));
        QTRY_VERIFY_WITH_TIMEOUT(processGone(restart.value("pid"_L1).toInteger()), kTimeout);
    }

    void serverEverything()
    {
        const QString everything = serverEverythingPath();
        if (everything.isEmpty())
            QSKIP("tests/mcp-clients/node_modules is missing: run npm ci in tests/mcp-clients");
        QTemporaryDir project;
        QVERIFY(project.isValid());
        QFile trigger(project.filePath(u"trigger.txt"_s));
        QVERIFY(trigger.open(QIODevice::WriteOnly));
        trigger.write("0\n");
        trigger.close();

        ProxyDriver proxy(project.filePath(u"home"_s));
        proxy.start(
            { u"--no-game"_s, u"--no-socket"_s, u"--json"_s, u"--db"_s, project.filePath(u"h.sqlite"_s),
                u"--watch"_s, trigger.fileName(), u"--transport"_s, u"http"_s, u"--url"_s,
                u"http://127.0.0.1:{port}/mcp"_s, u"--"_s, everything, u"streamableHttp"_s },
            project.path());
        QVERIFY(proxy.waitForStarted());
        const QJsonObject result = proxy.initialize();
        QVERIFY2(!result.isEmpty(), proxy.stderrText().constData());
        proxy.request(1, u"tools/list"_s);
        const QJsonObject listed = proxy.answer(1, kTimeout);
        QStringList names;
        for (const auto& tool : listed.value("result"_L1).toObject().value("tools"_L1).toArray())
            names.append(tool.toObject().value("name"_L1).toString());
        QVERIFY2(names.contains(u"echo"_s), qPrintable(names.join(u',')));
        proxy.callTool(2, u"echo"_s, { { "message"_L1, u"over http"_s } });
        QVERIFY2(
            resultText(proxy.answer(2, kTimeout)).contains(u"over http"_s), proxy.stderrText().constData());
        QTRY_VERIFY_WITH_TIMEOUT(stderrEvents(proxy, u"reload_finished"_s).size() == 1, kTimeout);
        const qint64 firstPid = stderrEvents(proxy, u"reload_finished"_s).first().value("pid"_L1).toInteger();

        QVERIFY(trigger.open(QIODevice::WriteOnly | QIODevice::Truncate));
        trigger.write("1\n");
        trigger.close();
        QTRY_VERIFY2_WITH_TIMEOUT(
            stderrEvents(proxy, u"reload_finished"_s).size() == 2, proxy.stderrText().constData(), kTimeout);
        const QJsonObject restart = stderrEvents(proxy, u"reload_finished"_s).last();
        QCOMPARE(restart.value("outcome"_L1).toString(), u"success"_s);
        QVERIFY(restart.value("pid"_L1).toInteger() != firstPid);
        proxy.callTool(3, u"echo"_s, { { "message"_L1, u"after the restart"_s } });
        QVERIFY2(resultText(proxy.answer(3, kTimeout)).contains(u"after the restart"_s),
            proxy.stderrText().constData());
        QTRY_VERIFY_WITH_TIMEOUT(processGone(firstPid), kTimeout);
    }

    void handshakeFailures_data()
    {
        QTest::addColumn<QString>("yaml"); // the server section's body
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("withinMs");
        QTest::newRow("stdio server that never answers")
            << u"  command: python3\n  args: [\"%1\"]\n  ready_timeout_ms: 1500\n"_s.arg(
                   fixture(u"silent_server.py"_s))
            << QStringList { u"the server did not complete the MCP handshake: initialize was not answered "
                             u"within 1500 ms"_s }
            << 6000;
        QTest::newRow("HTTP server that never listens")
            << u"  command: python3\n  args: [\"%1\"]\n  transport: http\n  ready_timeout_ms: 2000\n"
               u"  env: {HTTP_FIXTURE_NEVER_LISTEN: \"1\", FIXTURE_PID_FILE: server.pid}\n"_s.arg(
                   fixture(u"http_server.py"_s))
            << QStringList { u"no HTTP server answered at http://127.0.0.1:"_s,
                   u"(last error: Connection refused)"_s, u"server.transport is http"_s, u"PORT"_s }
            << 6500;
    }

    void handshakeFailures()
    {
        QFETCH(QString, yaml);
        QFETCH(QStringList, expected);
        QFETCH(int, withinMs);
        QTemporaryDir project;
        QVERIFY(project.isValid());
        QFile config(project.filePath(u".foxreload.yaml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write((u"server:\n"_s + yaml + u"watch: {paths: [.]}\n"_s).toUtf8());
        config.close();

        CliProcess cli;
        cli.setEnvironment(isolatedEnvironment(project.filePath(u"home"_s)));
        cli.setWorkingDirectory(project.path());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(cli.start({ u"run"_s, u"--trust"_s, u"--no-game"_s, u"--json"_s, u"--db"_s,
            project.filePath(u"h.sqlite"_s), u"--config"_s, config.fileName() }));
        QTRY_VERIFY2_WITH_TIMEOUT(
            finishedReloads(cli).size() == 1, qPrintable(cli.allOutput()), withinMs + 10000);
        QVERIFY2(clock.elapsed() < withinMs, qPrintable(QString::number(clock.elapsed())));
        const QJsonObject failed = finishedReloads(cli).first();
        QCOMPARE(failed.value("outcome"_L1).toString(), u"failed"_s);
        const QString error = failed.value("error"_L1).toString();
        for (const QString& part : expected)
            QVERIFY2(error.contains(part), qPrintable(error));
        QVERIFY2(!error.contains(u"initialize initialize"_s), qPrintable(error));
        if (QFile pidFile(project.filePath(u"server.pid"_s)); pidFile.open(QIODevice::ReadOnly)) {
            const qint64 pid = pidFile.readAll().trimmed().toLongLong();
            QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), kTimeout); // the failed generation was killed
        }
        cli.terminate();
        QVERIFY(cli.waitForFinished(kTimeout));
    }

    void nonJsonStdoutIsReportedOnce()
    {
        // A stdio server that prints a line that is not JSON-RPC: one line in the proxy's text output.
        QTemporaryDir project;
        QVERIFY(project.isValid());
        ProxyDriver proxy(project.filePath(u"home"_s));
        proxy.start(
            { u"--no-game"_s, u"--no-socket"_s, u"--db"_s, project.filePath(u"h.sqlite"_s), u"--watch"_s,
                project.path(), u"--"_s, u"sh"_s, u"-c"_s,
                u"echo 'hello, not json'; exec python3 \"%1\""_s.arg(fixture(u"minimal_server.py"_s)) },
            project.path());
        QVERIFY(proxy.waitForStarted());
        QVERIFY(!proxy.initialize().isEmpty());
        proxy.request(1, u"tools/list"_s);
        QVERIFY(!proxy.answer(1, kTimeout).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(proxy.stderrText().contains("hello, not json"), kTimeout);
        QTest::qWait(200); // a second report would follow at once
        QCOMPARE(proxy.stderrText().count("hello, not json"), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpBehind)
#include "tst_httpbehind.moc"
