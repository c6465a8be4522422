// SingleInstance: the first app listens, a second one hands its request over and steps back,
// a socket file left by a dead instance does not block the next start, and the socket is the
// user's alone.
#include "gui/SingleInstance.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace foxreload::gui;
using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondInstanceHandsItsRequestToTheFirst_data();
    void secondInstanceHandsItsRequestToTheFirst();
    void staleSocketOfADeadInstanceIsTakenOver();
    void socketIsOwnerOnly();
};

void TestSingleInstance::secondInstanceHandsItsRequestToTheFirst_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("show") << QByteArray("show");
    QTest::newRow("project file") << QByteArray("open /home/user/My Project/.foxreload.yaml");
}

void TestSingleInstance::secondInstanceHandsItsRequestToTheFirst()
{
    QFETCH(QByteArray, request);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(u"gui.socket"_s);

    SingleInstance first(key);
    QSignalSpy received(&first, &SingleInstance::messageReceived);
    QVERIFY(first.claim("show"));

    SingleInstance second(key);
    QSignalSpy secondReceived(&second, &SingleInstance::messageReceived);
    QVERIFY(!second.claim(request)); // the first one is running: the second steps back

    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.first().first().toByteArray(), request);
    QCOMPARE(secondReceived.size(), 0);
}

void TestSingleInstance::staleSocketOfADeadInstanceIsTakenOver()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(u"gui.socket"_s);
    {
        // What a crashed instance leaves: a bound socket file nobody listens on.
        const QByteArray path = QFile::encodeName(key);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(std::size_t(path.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, path.constData(), std::size_t(path.size()));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
        ::close(fd);
        QCOMPARE(bound, 0);
    }
    QVERIFY(QFile::exists(key));

    SingleInstance next(key);
    QSignalSpy received(&next, &SingleInstance::messageReceived);
    QVERIFY(next.claim("show")); // nobody answered: this one is the first now

    SingleInstance another(key);
    QVERIFY(!another.claim("show"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
#else
    QSKIP("a stale socket file is a Unix matter (named pipes vanish with their owner)");
#endif
}

void TestSingleInstance::socketIsOwnerOnly()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(u"gui.socket"_s);
    SingleInstance instance(key);
    QVERIFY(instance.claim("show"));
    struct stat info
    {
    };
    QCOMPARE(::stat(QFile::encodeName(key).constData(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_uid, ::geteuid());
    QCOMPARE(info.st_mode & (S_IRWXG | S_IRWXO), 0u);
#else
    QSKIP("the access check here reads Unix file modes");
#endif
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
