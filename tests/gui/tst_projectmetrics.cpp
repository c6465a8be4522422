// The desktop app's projects and the Prometheus endpoint: projects whose metrics.listen names
// the same address share one endpoint, each under its own project label; applying new settings
// keeps a project's label; a port that cannot be opened is said in the project's log.

#include "GuiTestSupport.h"
#include "common/ExampleProject.h"
#include "gui/ProjectController.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;
using namespace foxreload::test;

namespace {
constexpr int kReadyTimeout = 20000;

QByteArray scrape(const QString& address)
{
    QNetworkAccessManager network;
    QNetworkRequest request { QUrl(u"http://"_s + address + u"/metrics"_s) };
    request.setTransferTimeout(10000);
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

// The project labels of the foxreload_server_up series, in page order.
QStringList projectsUp(const QByteArray& page)
{
    QStringList projects;
    for (const QString& line : QString::fromUtf8(page).split(u'\n')) {
        if (line.startsWith(u"foxreload_server_up{project=\""_s) && line.endsWith(u"} 1"_s))
            projects.append(line.section(u'"', 1, 1));
    }
    return projects;
}
} // namespace

class TestProjectMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
    }

    void projectsShareOneEndpoint()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QString address = u"127.0.0.1:%1"_s.arg(port);
        ExampleProject first;
        ExampleProject second; // a directory of the same name ("project") elsewhere
        QVERIFY(first.isValid() && second.isValid());
        Config firstConfig = first.config();
        firstConfig.watch.paths = { first.path(u"tools"_s) };
        firstConfig.metrics.listen = address;
        Config secondConfig = second.config();
        secondConfig.watch.paths = { second.path(u"tools"_s) };
        secondConfig.metrics.listen = address;

        ProjectController one(firstConfig);
        ProjectController two(secondConfig);
        QVERIFY(one.start());
        QVERIFY(two.start());
        QTRY_COMPARE_WITH_TIMEOUT(one.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(two.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            projectsUp(scrape(address)), (QStringList { u"project"_s, u"project-2"_s }), kReadyTimeout);
        QVERIFY(!logContains(one, u"Prometheus"_s));

        // New settings for the first project: its session is replaced, its label stays.
        QSignalSpy applied(&one, &ProjectController::configApplied);
        Config changed = firstConfig;
        changed.watch.debounceMs = 80;
        one.applyConfig(changed);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(one.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(projectsUp(scrape(address)).size(), 2, kReadyTimeout);
        const QByteArray page = scrape(address);
        QVERIFY2(!page.contains("project-3"), page.constData());
        QCOMPARE(QString::fromUtf8(page).count(u"# TYPE foxreload_server_up gauge"_s), 1);

        // A third project wants a port that is taken by something else: said, and it runs anyway.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        ExampleProject third;
        QVERIFY(third.isValid());
        Config thirdConfig = third.config();
        thirdConfig.watch.paths = { third.path(u"tools"_s) };
        thirdConfig.metrics.listen = u"127.0.0.1:%1"_s.arg(taken.serverPort());
        ProjectController three(thirdConfig);
        QVERIFY(three.start());
        QTRY_COMPARE_WITH_TIMEOUT(three.status(), MonitoredSession::Status::Watching, kReadyTimeout);
        QVERIFY(logContains(three, u"No Prometheus metrics: cannot listen on 127.0.0.1:"_s));

        // Once every project has stopped, the shared port is closed.
        for (ProjectController* controller : { &one, &two, &three }) {
            QSignalSpy stopped(controller, &ProjectController::stopped);
            controller->stop();
            QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kReadyTimeout);
        }
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
    }

private:
    QTemporaryDir m_dataHome;
};

QTEST_MAIN(TestProjectMetrics)
#include "tst_projectmetrics.moc"
