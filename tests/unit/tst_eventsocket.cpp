// The event socket without a session: where it lives, who may open it, the hello,
// events to every reader, commands and their answers, stale sockets, cleanup.

#include "ipc/EventClient.h"
#include "ipc/EventServer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestEventSocket : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(
            m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void socketIsPerUserAndPerProcess()
    {
        QCOMPARE(EventServer::socketDirectory(), m_runtime.path() + u"/foxreload"_s);
        EventServer server;
        QString error;
        QVERIFY2(server.listen(&error), qPrintable(error));
        QCOMPARE(server.socketPath(), EventServer::socketPathFor(QCoreApplication::applicationPid()));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(EventServer::socketDirectory()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        QCOMPARE(::stat(QFile::encodeName(server.socketPath()).constData(), &info), 0);
        QVERIFY(S_ISSOCK(info.st_mode));
        QCOMPARE(info.st_mode & 0077, 0u); // nobody but the owner

        const auto sessions = EventClient::runningSessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().pid, QCoreApplication::applicationPid());
    }

    void helloThenEventsToEveryReader()
    {
        EventServer server;
        server.setHelloProvider([] {
            return QJsonObject { { "mode"_L1, u"proxy"_s }, { "project"_L1, u"/p"_s } };
        });
        QString error;
        QVERIFY(server.listen(&error));

        EventClient first;
        EventClient second;
        QSignalSpy hello1(&first, &EventClient::helloReceived);
        QSignalSpy hello2(&second, &EventClient::helloReceived);
        QSignalSpy events1(&first, &EventClient::eventReceived);
        QSignalSpy events2(&second, &EventClient::eventReceived);
        first.connectTo(server.socketPath());
        second.connectTo(server.socketPath());
        QTRY_COMPARE_WITH_TIMEOUT(hello1.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(hello2.size(), 1, 5000);
        const QJsonObject hello = first.hello();
        QCOMPARE(hello.value("event"_L1).toString(), u"hello"_s);
        QCOMPARE(hello.value("protocol"_L1).toInt(), EventServer::kProtocolVersion);
        QCOMPARE(hello.value("pid"_L1).toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(hello.value("mode"_L1).toString(), u"proxy"_s);
        QCOMPARE(hello.value("socket"_L1).toString(), server.socketPath());
        QVERIFY(!hello.value("time"_L1).toString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 2, 5000);

        server.broadcast({ { "event"_L1, u"reload_finished"_s }, { "id"_L1, 1 } });
        server.broadcast({ { "event"_L1, u"list_changed"_s }, { "list"_L1, u"tools"_s } });
        QTRY_COMPARE_WITH_TIMEOUT(events1.size(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(events2.size(), 2, 5000);
        QCOMPARE(events1[0].first().toJsonObject().value("event"_L1).toString(), u"reload_finished"_s);
        QCOMPARE(events1[1].first().toJsonObject().value("list"_L1).toString(), u"tools"_s);

        second.disconnectFrom();
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 1, 5000);
        server.broadcast({ { "event"_L1, u"warning"_s } });
        QTRY_COMPARE_WITH_TIMEOUT(events1.size(), 3, 5000);
    }

    void commandsAreAnswered_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("command");
        QTest::newRow("restart") << QByteArray(R"({"command":"restart","id":7})") << true << u"restart"_s;
        QTest::newRow("pause") << QByteArray(R"({"command":"pause"})") << true << u"pause"_s;
        QTest::newRow("unknown") << QByteArray(R"({"command":"jump"})") << false << u"jump"_s;
        QTest::newRow("not json") << QByteArray("restart please") << false << QString {};
        QTest::newRow("no command") << QByteArray(R"({"cmd":"restart"})") << false << QString {};
    }
    void commandsAreAnswered()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(QString, command);
        EventServer server;
        QStringList handled;
        server.setCommandHandler(
            [&handled](const QString& name, const QJsonObject&) -> std::optional<QString> {
                if (name != "restart"_L1 && name != "pause"_L1 && name != "resume"_L1)
                    return u"unknown command \"%1\""_s.arg(name);
                handled.append(name);
                return std::nullopt;
            });
        QString error;
        QVERIFY(server.listen(&error));

        QLocalSocket socket;
        socket.connectToServer(server.socketPath());
        QVERIFY(socket.waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(socket.canReadLine() || socket.waitForReadyRead(50), 5000);
        QVERIFY(socket.readLine().contains("\"hello\""));
        socket.write(line + '\n');
        socket.flush();
        QTRY_VERIFY_WITH_TIMEOUT(socket.canReadLine() || socket.waitForReadyRead(50), 5000);
        const QJsonObject result = QJsonDocument::fromJson(socket.readLine()).object();
        QCOMPARE(result.value("event"_L1).toString(), u"command_result"_s);
        QCOMPARE(result.value("ok"_L1).toBool(), ok);
        QCOMPARE(result.value("command"_L1).toString(), command);
        QCOMPARE(result.contains("error"_L1), !ok);
        if (line.contains("\"id\""))
            QCOMPARE(result.value("id"_L1).toInt(), 7);
        QCOMPARE(handled, ok ? QStringList { command } : QStringList {});
    }

    void staleSocketsAreSkippedAndOwnFileRemoved()
    {
        // A socket file whose process is gone (pid 0x7ffffff0 cannot exist here).
        QDir().mkpath(EventServer::socketDirectory());
        const QString stale = EventServer::socketDirectory() + u"/session-2147483632.sock"_s;
        QFile file(stale);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString path;
        {
            EventServer server;
            QString error;
            QVERIFY(server.listen(&error));
            path = server.socketPath();
            const auto sessions = EventClient::runningSessions();
            QCOMPARE(sessions.size(), 1);
            QCOMPARE(sessions.first().path, path);
        }
        QVERIFY(!QFileInfo::exists(path));
        QFile::remove(stale);
    }
};

QTEST_GUILESS_MAIN(TestEventSocket)
#include "tst_eventsocket.moc"
