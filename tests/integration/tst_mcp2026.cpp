// MCP 2026-07-28 through `foxreload proxy`, with the official SDKs as they are pinned in
// tests/mcp-clients: the v2 client (@modelcontextprotocol/client 2.4.0) pinned to 2026-07-28 and
// in auto mode, and the v1 client (@modelcontextprotocol/sdk 1.32.2), against the v2 dual-era
// server fixture (sdk2-server.mjs), a legacy-only server (server-everything) and the fixture in
// --modern-only mode; listen streams and resource subscriptions across a server restart; the
// auto-mode probe copy leaving nothing behind; FoxReload's own client (`foxreload run`) against
// a server that speaks only 2026-07-28.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 60000;

QString clientsDir()
{
    return QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/mcp-clients");
}

bool haveNodeClients()
{
    return !QStandardPaths::findExecutable(u"node"_s).isEmpty()
        && QFileInfo::exists(clientsDir() + u"/node_modules/@modelcontextprotocol/client/package.json"_s)
        && QFileInfo::exists(clientsDir() + u"/node_modules/@modelcontextprotocol/sdk/package.json"_s);
}

// The processes whose command line mentions `marker` (a test's private directory).
QList<qint64> processesMentioning(const QString& marker)
{
    QList<qint64> pids;
    const QByteArray needle = marker.toUtf8();
    const auto entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const auto& entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(needle))
            pids.append(pid);
    }
    return pids;
}

// One run of a node client (sdk2-client.mjs or sdk-client.mjs); its stdout is one JSON object a line.
class NodeClient
{
public:
    NodeClient(const QString& home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QDir().mkpath(home + u"/run"_s);
        QFile::setPermissions(
            home + u"/run"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(u"XDG_RUNTIME_DIR"_s, home + u"/run"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] {
            m_buffer += m_process.readAllStandardOutput();
            qsizetype newline;
            while ((newline = m_buffer.indexOf('\n')) >= 0) {
                const QByteArray line = m_buffer.left(newline);
                m_buffer.remove(0, newline + 1);
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                if (!object.isEmpty())
                    m_lines.append(object);
            }
        });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
            [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~NodeClient()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void start(const QString& script, const QStringList& arguments, const QString& cwd)
    {
        m_process.setWorkingDirectory(cwd);
        m_process.start(u"node"_s, QStringList { clientsDir() + u'/' + script } + arguments);
    }
    bool finish(int timeoutMs = kTimeout) { return m_process.waitForFinished(timeoutMs); }
    int exitCode() const { return m_process.exitCode(); }
    QProcess& process() { return m_process; }

    QList<QJsonObject> lines(const QString& type) const
    {
        QList<QJsonObject> found;
        for (const auto& line : m_lines) {
            if (line.value("type"_L1).toString() == type)
                found.append(line);
        }
        return found;
    }
    QJsonObject first(const QString& type) const
    {
        const auto found = lines(type);
        return found.isEmpty() ? QJsonObject {} : found.first();
    }
    QList<QJsonObject> notifications(const QString& method) const
    {
        QList<QJsonObject> found;
        for (const auto& line : lines(u"notification"_s)) {
            if (line.value("method"_L1).toString() == method)
                found.append(line);
        }
        return found;
    }
    QString transcript() const
    {
        QStringList out;
        for (const auto& line : m_lines)
            out.append(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
        return out.join(u'\n') + u"\n--- stderr (tail) ---\n"_s + QString::fromUtf8(m_stderr.right(4000));
    }

private:
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_stderr;
    QList<QJsonObject> m_lines;
};

// A private project directory: tools/ (watched; every tools/*.json is a tool of sdk2-server.mjs),
// note.txt (the resource fixture://note, not watched) and home/ for FoxReload's XDG directories.
class Project
{
public:
    Project()
    {
        QDir(m_dir.path()).mkpath(u"tools"_s);
        write(u"note.txt"_s, "first note\n");
    }
    bool isValid() const { return m_dir.isValid(); }
    QString root() const { return m_dir.path(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString home() const { return m_dir.filePath(u"home"_s); }
    void write(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }
    void addTool(const QString& name) const
    {
        write(u"tools/%1.json"_s.arg(name),
            u"{\"name\":\"%1\",\"description\":\"added\",\"inputSchema\":{\"type\":\"object\"},\"reply\":\"%"
            u"1 "
            u"ok\"}"_s.arg(name)
                .toUtf8());
    }

    // `foxreload proxy … -- SERVER…` as the command a stdio client starts.
    QStringList proxyCommand(const QStringList& server) const
    {
        return QStringList { u"--"_s, QStringLiteral(FOXRELOAD_EXECUTABLE), u"proxy"_s, u"--watch"_s,
            path(u"tools"_s), u"--debounce"_s, u"50"_s, u"--trust"_s, u"--no-game"_s, u"--no-socket"_s,
            u"--db"_s, path(u"history.sqlite"_s), u"--"_s }
        + server;
    }
    QStringList sdk2Server(const QStringList& extra = {}) const
    {
        return QStringList { u"node"_s, clientsDir() + u"/sdk2-server.mjs"_s, u"--tools-dir"_s,
            path(u"tools"_s), u"--resource-file"_s, path(u"note.txt"_s) }
        + extra;
    }
    QStringList legacyServer() const
    {
        return { u"node"_s,
            clientsDir() + u"/node_modules/@modelcontextprotocol/server-everything/dist/index.js"_s,
            u"stdio"_s };
    }

private:
    QTemporaryDir m_dir;
};

// `foxreload proxy --listen 127.0.0.1:0 --json … -- SERVER…` for HTTP clients only (no stdio
// client); its stderr (events, and the proxy's debug lines when asked for) is kept.
class ListeningProxy
{
public:
    ListeningProxy(const Project& project, const QStringList& server, bool debugLog = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, project.path(u"home/data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, project.path(u"home/config"_s));
        if (debugLog)
            env.insert(u"QT_LOGGING_RULES"_s, u"foxreload.proxy.debug=true"_s);
        m_process.setProcessEnvironment(env);
        m_process.setWorkingDirectory(project.root());
        m_process.setStandardInputFile(QProcess::nullDevice());
        QStringList arguments = project.proxyCommand(server);
        arguments.removeFirst(); // the "--" a stdio client's command line starts with
        arguments.removeFirst(); // the binary
        arguments.insert(1, u"--json"_s);
        arguments.insert(1, u"127.0.0.1:0"_s);
        arguments.insert(1, u"--listen"_s);
        m_process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
    }
    ~ListeningProxy()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The URL from the http_listening event, once it came (empty while it has not).
    QString url()
    {
        if (m_url.isEmpty()) {
            for (const QByteArray& line : stderrText().split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value("event"_L1) == "http_listening"_L1)
                    m_url = event.value("url"_L1).toString();
            }
        }
        return m_url;
    }
    const QByteArray& stderrText()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }
    int count(QByteArrayView text) { return int(stderrText().count(text)); }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_stderr;
    QString m_url;
};

} // namespace

class TestMcp2026 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!haveNodeClients())
            QSKIP("node or tests/mcp-clients/node_modules is missing (npm ci in tests/mcp-clients)");
    }

    void eras_data();
    void eras();
    void httpFront_data();
    void httpFront();
    void listenOverHttpFront_data();
    void listenOverHttpFront();
    void listenSurvivesRestart();
    void probeCopyLeavesNothing();
    void legacyClientModernOnlyServer();
    void ownClientModernOnlyServer();
};

void TestMcp2026::eras_data()
{
    QTest::addColumn<QString>("client"); // v2-pinned, v2-auto, v1
    QTest::addColumn<QString>("server"); // dual (sdk2-server.mjs), legacy (server-everything)
    QTest::addColumn<QString>("era"); // what the client must end up speaking
    QTest::addColumn<QString>("tool");

    QTest::newRow("v2 pinned → v2 dual-era") << u"v2-pinned"_s << u"dual"_s << u"modern"_s << u"address"_s;
    QTest::newRow("v2 auto → v2 dual-era") << u"v2-auto"_s << u"dual"_s << u"modern"_s << u"address"_s;
    QTest::newRow("v2 pinned → legacy (bridged)")
        << u"v2-pinned"_s << u"legacy"_s << u"modern"_s << u"echo"_s;
    QTest::newRow("v2 auto → legacy (bridged)") << u"v2-auto"_s << u"legacy"_s << u"modern"_s << u"echo"_s;
    QTest::newRow("v1 → v2 dual-era") << u"v1"_s << u"dual"_s << u"legacy"_s << u"address"_s;
    QTest::newRow("v1 → legacy") << u"v1"_s << u"legacy"_s << u"legacy"_s << u"echo"_s;
}

// A connection, the tool list and a call, in every era mix the spec's versioning allows (and the
// one it does not, modern-only client → legacy server, which FoxReload bridges).
void TestMcp2026::eras()
{
    QFETCH(QString, client);
    QFETCH(QString, server);
    QFETCH(QString, era);
    QFETCH(QString, tool);
    Project project;
    QVERIFY(project.isValid());
    NodeClient node(project.home());
    const QStringList serverCommand = server == "dual"_L1 ? project.sdk2Server() : project.legacyServer();
    const QJsonObject args = tool == "address"_L1
        ? QJsonObject { { "zip"_L1, u"1"_s }, { "street"_L1, u"s"_s }, { "city"_L1, u"c"_s } }
        : QJsonObject { { "message"_L1, u"hello"_s } };
    QStringList arguments { u"--list"_s, u"--call"_s, tool, u"--args"_s,
        QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)), u"--quiet-server"_s };
    if (client != "v1"_L1)
        arguments += { u"--version"_s, client == "v2-auto"_L1 ? u"auto"_s : u"2026-07-28"_s };
    node.start(client == "v1"_L1 ? u"sdk-client.mjs"_s : u"sdk2-client.mjs"_s,
        arguments + project.proxyCommand(serverCommand), project.root());
    QVERIFY2(node.finish(), qPrintable(node.transcript()));
    QVERIFY2(node.exitCode() == 0, qPrintable(node.transcript()));
    const QJsonObject connected = node.first(u"connected"_s);
    if (client != "v1"_L1)
        QCOMPARE(connected.value("era"_L1).toString(), era);
    else
        QCOMPARE(connected.value("protocolVersion"_L1).toString(), u"2025-11-25"_s);
    qInfo().noquote() << QTest::currentDataTag() << "connected in"
                      << connected.value("connectMs"_L1).toDouble() << "ms, protocol"
                      << connected.value("protocolVersion"_L1).toString();
    QVERIFY2(
        node.first(u"tools"_s).value("names"_L1).toArray().contains(tool), qPrintable(node.transcript()));
    const QJsonObject call = node.first(u"call"_s);
    QVERIFY2(call.value("ok"_L1).toBool(), qPrintable(node.transcript()));
    if (tool == "address"_L1)
        QVERIFY2(call.value("text"_L1).toString().startsWith(u"s, 1 c"_s), qPrintable(node.transcript()));
    else
        QVERIFY2(call.value("text"_L1).toString().contains(u"hello"_s), qPrintable(node.transcript()));
}

void TestMcp2026::httpFront_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("server");
    QTest::newRow("v2 pinned → v2 dual-era") << u"2026-07-28"_s << u"dual"_s;
    QTest::newRow("v2 auto → v2 dual-era") << u"auto"_s << u"dual"_s;
    QTest::newRow("v2 pinned → legacy (bridged)") << u"2026-07-28"_s << u"legacy"_s;
}

// The same through `foxreload proxy --listen` (Streamable HTTP in front, no stdio client): the
// front hands a 2026-07-28 POST to the proxy's modern path; the v2 client probes in place.
void TestMcp2026::httpFront()
{
    QFETCH(QString, version);
    QFETCH(QString, server);
    Project project;
    QVERIFY(project.isValid());
    ListeningProxy proxy(project, server == "dual"_L1 ? project.sdk2Server() : project.legacyServer());
    QVERIFY(proxy.process().waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(!proxy.url().isEmpty() || proxy.process().state() == QProcess::NotRunning,
        proxy.stderrText().constData(), 20000);
    const QString url = proxy.url();
    QVERIFY2(!url.isEmpty(), proxy.stderrText().constData());
    for (int round = 0; round < 2; ++round) { // the second client finds the session open
        NodeClient node(project.home());
        node.start(u"sdk2-client.mjs"_s,
            { u"--version"_s, version, u"--list"_s, u"--call"_s, u"echo"_s, u"--args"_s,
                u"{\"message\":\"hello\"}"_s, u"--url"_s, url },
            project.root());
        QVERIFY2(node.finish(), qPrintable(node.transcript()));
        QVERIFY2(node.exitCode() == 0, qPrintable(node.transcript()));
        QCOMPARE(node.first(u"connected"_s).value("era"_L1).toString(), u"modern"_s);
        QVERIFY2(node.first(u"call"_s).value("text"_L1).toString().contains(u"hello"_s),
            qPrintable(node.transcript()));
    }
    proxy.process().terminate();
    QVERIFY(proxy.process().waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(project.root()).isEmpty(), 5000);
}

// Two v2 clients through `foxreload proxy --listen`, each with its own subscriptions/listen POST
// (both ids are "listen:0", each in its own client): each stream gets its acknowledgment, an
// edit that restarts the server puts exactly one tools/list_changed on each, tagged with that
// client's id, and a resource update reaches only the stream that asked for it. When one client
// closes its stream (its SSE response), the proxy cancels that listen on the server and stops
// carrying it: the next restart re-opens only the other one, and only the other one hears of it.
void TestMcp2026::listenOverHttpFront_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("v2 pinned") << u"2026-07-28"_s;
    QTest::newRow("v2 auto") << u"auto"_s;
}

void TestMcp2026::listenOverHttpFront()
{
    QFETCH(QString, version);
    Project project;
    QVERIFY(project.isValid());
    ListeningProxy proxy(project, project.sdk2Server(), true);
    QVERIFY(proxy.process().waitForStarted());
    QTRY_VERIFY2_WITH_TIMEOUT(!proxy.url().isEmpty() || proxy.process().state() == QProcess::NotRunning,
        proxy.stderrText().constData(), 20000);
    QVERIFY2(!proxy.url().isEmpty(), proxy.stderrText().constData());
    const auto startClient = [&](NodeClient& node, const QString& subscribe, int seconds) {
        node.start(u"sdk2-client.mjs"_s,
            { u"--version"_s, version, u"--subscribe"_s, subscribe, u"--loop"_s, u"--call"_s, u"echo"_s,
                u"--args"_s, u"{\"message\":\"m{seq}\"}"_s, u"--interval-ms"_s, u"200"_s, u"--duration-s"_s,
                QString::number(seconds), u"--url"_s, proxy.url() },
            project.root());
    };
    NodeClient shortLived(project.home());
    NodeClient longLived(project.home());
    startClient(shortLived, u"tools"_s, 10);
    startClient(longLived, u"tools,resource:fixture://note"_s, 22);
    for (NodeClient* node : { &shortLived, &longLived }) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            !node->lines(u"subscription"_s).isEmpty() || !node->lines(u"error"_s).isEmpty(),
            qPrintable(node->transcript()), kTimeout);
        QVERIFY2(node->lines(u"error"_s).isEmpty(), qPrintable(node->transcript()));
        QCOMPARE(node->first(u"connected"_s).value("era"_L1).toString(), u"modern"_s);
        QVERIFY2(node->first(u"subscription"_s)
                     .value("honored"_L1)
                     .toObject()
                     .value("toolsListChanged"_L1)
                     .toBool(),
            qPrintable(node->transcript()));
    }
    project.addTool(u"fresh"_s); // a watched file: FoxReload restarts the server
    for (NodeClient* node : { &shortLived, &longLived })
        QTRY_VERIFY2_WITH_TIMEOUT(!node->notifications(u"notifications/tools/list_changed"_s).isEmpty(),
            qPrintable(node->transcript() + QString::fromUtf8(proxy.stderrText())), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.count("2 listen stream(s) opened again"), 1, 10000);
    // Only the stream that asked for the resource hears of it (not watched: no restart).
    project.write(u"note.txt"_s, "second note\n");
    QTRY_VERIFY2_WITH_TIMEOUT(!longLived.notifications(u"notifications/resources/updated"_s).isEmpty(),
        qPrintable(longLived.transcript()), 30000);
    QTest::qWait(300);
    QCOMPARE(shortLived.notifications(u"notifications/resources/updated"_s).size(), 0);
    const QJsonObject updated = longLived.notifications(u"notifications/resources/updated"_s).first();
    QCOMPARE(updated.value("params"_L1)
                 .toObject()
                 .value("_meta"_L1)
                 .toObject()
                 .value("io.modelcontextprotocol/subscriptionId"_L1)
                 .toString(),
        u"listen:0"_s);

    // The short-lived client ends: it closes its listen stream, then its session.
    QVERIFY2(shortLived.finish(), qPrintable(shortLived.transcript()));
    QVERIFY2(shortLived.exitCode() == 0, qPrintable(shortLived.transcript()));
    QTRY_COMPARE_WITH_TIMEOUT(proxy.count("client closed listen stream"), 1, 10000);
    project.addTool(u"fresher"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(longLived.notifications(u"notifications/tools/list_changed"_s).size() >= 2,
        qPrintable(longLived.transcript() + QString::fromUtf8(proxy.stderrText())), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.count("1 listen stream(s) opened again"), 1, 10000);
    QTest::qWait(500); // a stray second notification would come now
    QCOMPARE(longLived.notifications(u"notifications/tools/list_changed"_s).size(), 2);

    const auto checkOwnStream = [](const NodeClient& node, int expected) {
        const auto changes = node.notifications(u"notifications/tools/list_changed"_s);
        QCOMPARE(changes.size(), expected);
        for (const QJsonObject& change : changes) {
            const QJsonObject meta = change.value("params"_L1).toObject().value("_meta"_L1).toObject();
            QCOMPARE(meta.value("io.modelcontextprotocol/subscriptionId"_L1).toString(), u"listen:0"_s);
        }
        const QJsonObject summary = node.first(u"summary"_s);
        QCOMPARE(summary.value("errors"_L1).toInt(), 0);
        QVERIFY(summary.value("ok"_L1).toInt() > 0);
        // Only the client's own close ends its stream: no graceful or remote end across restarts.
        QCOMPARE(summary.value("subscriptionsClosed"_L1).toObject(), (QJsonObject { { "local"_L1, 1 } }));
    };
    checkOwnStream(shortLived, 1);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(longLived.finish(), qPrintable(longLived.transcript()));
    QVERIFY2(longLived.exitCode() == 0, qPrintable(longLived.transcript()));
    checkOwnStream(longLived, 2);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(proxy.count("client closed listen stream"), 2, 10000);
    proxy.process().terminate();
    QVERIFY(proxy.process().waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(project.root()).isEmpty(), 5000);
}

// A v2 client pinned to 2026-07-28 keeps one listen stream (tool list + a resource) while the
// server is restarted by an edit: exactly one tools/list_changed reaches it, on its stream, and
// the resource subscription holds on the new generation (an edit of the resource is reported).
void TestMcp2026::listenSurvivesRestart()
{
    Project project;
    QVERIFY(project.isValid());
    NodeClient node(project.home());
    node.start(u"sdk2-client.mjs"_s,
        QStringList { u"--version"_s, u"2026-07-28"_s, u"--subscribe"_s, u"tools,resource:fixture://note"_s,
            u"--loop"_s, u"--call"_s, u"echo"_s, u"--args"_s, u"{\"message\":\"m{seq}\"}"_s,
            u"--interval-ms"_s, u"100"_s, u"--duration-s"_s, u"14"_s, u"--quiet-server"_s }
            + project.proxyCommand(project.sdk2Server()),
        project.root());
    QTRY_VERIFY_WITH_TIMEOUT(!node.lines(u"subscription"_s).isEmpty(), kTimeout);
    QVERIFY2(
        node.first(u"connected"_s).value("era"_L1).toString() == "modern"_L1, qPrintable(node.transcript()));
    QTest::qWait(500);
    project.addTool(u"fresh"_s); // a watched file: FoxReload restarts the server
    QTRY_VERIFY2_WITH_TIMEOUT(!node.notifications(u"notifications/tools/list_changed"_s).isEmpty(),
        qPrintable(node.transcript()), 30000);
    QTest::qWait(500);
    project.write(u"note.txt"_s, "second note\n"); // not watched: only the new server's subscription sees it
    QTRY_VERIFY2_WITH_TIMEOUT(!node.notifications(u"notifications/resources/updated"_s).isEmpty(),
        qPrintable(node.transcript()), 30000);
    QVERIFY2(node.finish(), qPrintable(node.transcript()));
    QVERIFY2(node.exitCode() == 0, qPrintable(node.transcript()));
    QCOMPARE(node.notifications(u"notifications/tools/list_changed"_s).size(), 1);
    // (node's fs.watch may report one write twice: the server may send two; none is lost.)
    QVERIFY(!node.notifications(u"notifications/resources/updated"_s).isEmpty());
    // Both reach the client on its own stream: tagged with the id of its listen request.
    for (const auto& method :
        { u"notifications/tools/list_changed"_s, u"notifications/resources/updated"_s }) {
        const QJsonObject meta
            = node.notifications(method).first().value("params"_L1).toObject().value("_meta"_L1).toObject();
        QCOMPARE(meta.value("io.modelcontextprotocol/subscriptionId"_L1).toString(), u"listen:0"_s);
    }
    const QJsonObject summary = node.first(u"summary"_s);
    QCOMPARE(summary.value("errors"_L1).toInt(), 0);
    // Only the client's own close ends the stream: no graceful or remote end across the restart.
    QCOMPARE(summary.value("subscriptionsClosed"_L1).toObject(), (QJsonObject { { "local"_L1, 1 } }));
}

// The v2 client in auto mode probes a short-lived copy of `foxreload proxy` with server/discover,
// then ends it with EOF and SIGTERM (SIGKILL a second later): the copy must answer quickly and
// take its server with it.
void TestMcp2026::probeCopyLeavesNothing()
{
    Project project;
    QVERIFY(project.isValid());
    NodeClient node(project.home());
    node.start(u"sdk2-client.mjs"_s,
        QStringList { u"--version"_s, u"auto"_s, u"--list"_s, u"--quiet-server"_s }
            + project.proxyCommand(project.sdk2Server()),
        project.root());
    QVERIFY2(node.finish(), qPrintable(node.transcript()));
    QVERIFY2(node.exitCode() == 0, qPrintable(node.transcript()));
    const QJsonObject connected = node.first(u"connected"_s);
    QCOMPARE(connected.value("era"_L1).toString(), u"modern"_s);
    qInfo() << "auto mode connected (probe copy + session copy) in"
            << connected.value("connectMs"_L1).toDouble() << "ms";
    QVERIFY2(connected.value("connectMs"_L1).toDouble() < 15000, qPrintable(node.transcript()));
    // Everything both copies started mentions the project directory on its command line.
    QTRY_VERIFY_WITH_TIMEOUT(processesMentioning(project.root()).isEmpty(), 5000);
}

// A 2025-era client and a server that speaks only 2026-07-28: the spec's matrix says this fails;
// it fails at once, with the server's versions named.
void TestMcp2026::legacyClientModernOnlyServer()
{
    Project project;
    QVERIFY(project.isValid());
    NodeClient node(project.home());
    QElapsedTimer clock;
    clock.start();
    node.start(u"sdk-client.mjs"_s,
        QStringList { u"--list"_s, u"--quiet-server"_s }
            + project.proxyCommand(project.sdk2Server({ u"--modern-only"_s })),
        project.root());
    QVERIFY2(node.finish(), qPrintable(node.transcript()));
    QCOMPARE(node.exitCode(), 1);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(node.transcript()));
    QVERIFY2(node.transcript().contains(u"2026-07-28"_s), qPrintable(node.transcript()));
}

// FoxReload's own client: readiness (server/discover when initialize is refused) and tools/list
// with the _meta envelope, against a server that speaks only 2026-07-28; a restart keeps working.
void TestMcp2026::ownClientModernOnlyServer()
{
    Project project;
    QVERIFY(project.isValid());
    QProcess run;
    run.setWorkingDirectory(project.root());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, project.path(u"home/data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, project.path(u"home/config"_s));
    run.setProcessEnvironment(env);
    QByteArray out;
    QObject::connect(&run, &QProcess::readyReadStandardOutput, [&] { out += run.readAllStandardOutput(); });
    run.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
        QStringList { u"run"_s, u"--json"_s, u"--watch"_s, project.path(u"tools"_s), u"--debounce"_s, u"50"_s,
            u"--trust"_s, u"--no-game"_s, u"--db"_s, project.path(u"history.sqlite"_s), u"--"_s }
            + project.sdk2Server({ u"--modern-only"_s }));
    QList<QJsonObject> finished;
    const auto readFinished = [&] {
        finished.clear();
        for (const auto& line : out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value("event"_L1) == "reload_finished"_L1)
                finished.append(event);
        }
        return int(finished.size());
    };
    QTRY_VERIFY2_WITH_TIMEOUT(readFinished() >= 1, out.constData(), kTimeout);
    QCOMPARE(finished.first().value("outcome"_L1).toString(), u"success"_s);
    QVERIFY2(finished.first().value("tools"_L1).toInt() >= 4, out.constData()); // echo, address, slow, bump
    project.addTool(u"fresh"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(readFinished() >= 2, out.constData(), kTimeout);
    QCOMPARE(finished.at(1).value("outcome"_L1).toString(), u"success"_s);
    // The new server's tools/list (with the _meta envelope) was read and compared.
    QCOMPARE(finished.at(1).value("toolsAdded"_L1).toArray(), QJsonArray { u"fresh"_s });
    run.terminate();
    QVERIFY(run.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestMcp2026)
#include "tst_mcp2026.moc"
