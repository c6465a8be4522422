// ServerGeneration::prepare: what one server generation is started with, for each transport.
#include "server/ServerChannel.h"
#include "server/ServerChannelFactory.h"
#include "server/ServerGeneration.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {
// Hands out the ports it is given, or fails.
class FakeTransports : public ServerChannelFactory
{
public:
    explicit FakeTransports(quint16 port)
        : m_port(port)
    { }
    quint16 pickFreePort(QString* error) override
    {
        if (m_port == 0)
            *error = u"no free TCP port on 127.0.0.1: out of ports"_s;
        return m_port;
    }
    std::unique_ptr<ServerChannel> createHttpChannel(const QUrl&, int) override { return nullptr; }
    void closeChannel(ServerChannel*, std::function<void()> done) override { done(); }

private:
    quint16 m_port;
};
} // namespace

class TestServerGeneration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prepare_data();
    void prepare();
};

void TestServerGeneration::prepare_data()
{
    QTest::addColumn<int>("transport"); // 0 stdio, 1 http
    QTest::addColumn<int>("freePort"); // -1: no factory, 0: the factory finds none
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("configuredUrl");
    QTest::addColumn<QString>("userPort"); // server.env.PORT, empty: not set
    QTest::addColumn<QStringList>("expectedArgs");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedEnvPort"); // "<unset>" when absent
    QTest::addColumn<QString>("expectedError");

    const QString defaultUrl = u"http://127.0.0.1:{port}/mcp"_s;
    QTest::newRow("stdio: nothing changes, not even {port}")
        << 0 << 40123 << QStringList { u"main.py"_s, u"{port}"_s } << defaultUrl << QString()
        << QStringList { u"main.py"_s, u"{port}"_s } << QString() << u"<unset>"_s << QString();
    QTest::newRow("http: {port} in args and url, PORT set")
        << 1 << 40123 << QStringList { u"server.js"_s, u"--port={port}"_s, u"{port}"_s } << defaultUrl
        << QString() << QStringList { u"server.js"_s, u"--port=40123"_s, u"40123"_s }
        << u"http://127.0.0.1:40123/mcp"_s << u"40123"_s << QString();
    QTest::newRow("http: another path and host")
        << 1 << 5000 << QStringList {} << u"http://localhost:{port}/v1/rpc"_s << QString() << QStringList {}
        << u"http://localhost:5000/v1/rpc"_s << u"5000"_s << QString();
    QTest::newRow("http: the user's own PORT wins")
        << 1 << 40123 << QStringList {} << defaultUrl << u"8080"_s << QStringList {}
        << u"http://127.0.0.1:40123/mcp"_s << u"8080"_s << QString();
    QTest::newRow("http: PORT: {port} in env")
        << 1 << 40123 << QStringList {} << defaultUrl << u"{port}"_s << QStringList {}
        << u"http://127.0.0.1:40123/mcp"_s << u"40123"_s << QString();
    QTest::newRow("http without an HTTP transport")
        << 1 << -1 << QStringList {} << defaultUrl << QString() << QStringList {} << QString() << u"<unset>"_s
        << u"no HTTP transport"_s;
    QTest::newRow("http: no free port") << 1 << 0 << QStringList {} << defaultUrl << QString()
                                        << QStringList {} << QString() << u"<unset>"_s << u"out of ports"_s;
}

void TestServerGeneration::prepare()
{
    QFETCH(int, transport);
    QFETCH(int, freePort);
    QFETCH(QStringList, args);
    QFETCH(QString, configuredUrl);
    QFETCH(QString, userPort);
    QFETCH(QStringList, expectedArgs);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedEnvPort);
    QFETCH(QString, expectedError);

    ServerSettings settings;
    settings.command = u"node"_s;
    settings.args = args;
    settings.url = configuredUrl;
    settings.transport = transport == 1 ? ServerTransport::Http : ServerTransport::Stdio;
    settings.env.insert(u"OTHER"_s, u"keep {port}"_s);
    if (!userPort.isEmpty())
        settings.env.insert(u"PORT"_s, userPort);
    FakeTransports transports(quint16(std::max(0, freePort)));

    const ServerGeneration generation
        = ServerGeneration::prepare(settings, freePort < 0 ? nullptr : &transports);
    if (!expectedError.isEmpty()) {
        QVERIFY2(generation.error.contains(expectedError), qPrintable(generation.error));
        return;
    }
    QVERIFY2(generation.error.isEmpty(), qPrintable(generation.error));
    QCOMPARE(generation.settings.args, expectedArgs);
    QCOMPARE(generation.url.toString(), expectedUrl);
    QCOMPARE(generation.settings.env.value(u"PORT"_s, u"<unset>"_s), expectedEnvPort);
    QCOMPARE(generation.port, transport == 1 ? quint16(freePort) : quint16(0));
    QCOMPARE(generation.settings.env.value(u"OTHER"_s),
        transport == 1 ? u"keep %1"_s.arg(freePort) : u"keep {port}"_s);
    QCOMPARE(generation.settings.command, u"node"_s);
}

QTEST_GUILESS_MAIN(TestServerGeneration)
#include "tst_servergeneration.moc"
