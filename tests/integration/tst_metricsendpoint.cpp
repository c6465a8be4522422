// The Prometheus endpoint: a real `foxreload run --metrics` on a copy of the example server,
// scraped over HTTP while the test edits files; promtool checks the page, and a real
// Prometheus scrapes it when one is installed. Several sessions in one process share one
// endpoint with a project label.

#include "ProxyDriver.h"
#include "common/CliProcess.h"
#include "common/ExampleProject.h"
#include "net/metrics/MetricsEndpoint.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

namespace {
constexpr int kTimeout = 30000;

struct Scrape
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

Scrape get(const QString& url)
{
    QNetworkAccessManager network;
    QNetworkRequest request { QUrl(url) };
    request.setTransferTimeout(10000);
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Scrape scrape { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll() };
    reply->deleteLater();
    return scrape;
}

// The value of one series, e.g. value(page, "foxreload_reloads_total", {"strategy", "hot_reload"}).
double value(const QByteArray& page, const QString& name, const QStringList& labels = {})
{
    for (const QString& line : QString::fromUtf8(page).split(u'\n')) {
        if (!line.startsWith(name + u'{') && !line.startsWith(name + u' '))
            continue;
        bool all = true;
        for (qsizetype i = 0; i + 1 < labels.size(); i += 2)
            all = all && line.contains(labels.at(i) + u"=\""_s + labels.at(i + 1) + u'"');
        if (all)
            return line.section(u' ', -1).toDouble();
    }
    return -1;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool isStartup(const QJsonObject& event)
{
    return event.value("trigger"_L1).toString() == u"startup"_s;
}
} // namespace

class TestMetricsEndpoint : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment environment() const { return isolatedEnvironment(m_home.path()); }

    // Starts `foxreload run --metrics 127.0.0.1:0` and returns the address it reports.
    QString startRun(CliProcess& cli, const ExampleProject& project, const QString& listen = u"127.0.0.1:0"_s)
    {
        cli.setEnvironment(environment());
        cli.setWorkingDirectory(project.root());
        if (!cli.start({ u"run"_s, u"--trust"_s, u"--json"_s, u"--db"_s, m_home.filePath(u"history.sqlite"_s),
                u"--config"_s, project.path(u".foxreload.yaml"_s), u"--metrics"_s, listen }))
            return {};
        static const QRegularExpression address(u"metrics on http://([^/]+)/metrics"_s);
        QString found;
        (void)QTest::qWaitFor(
            [&] {
                found = address.match(cli.stderrText()).captured(1);
                return !found.isEmpty() || cli.stderrText().contains(u"metrics:"_s);
            },
            kTimeout);
        return found;
    }

private Q_SLOTS:
    void countersMoveWithRealReloads();
    void proxyRequestsAreCounted();
    void promtoolAcceptsThePage();
    void prometheusScrapesIt();
    void portInUseIsSaidAndTheRunGoesOn();
    void badAddressIsRefused_data();
    void badAddressIsRefused();
    void projectsShareOneEndpoint();
};

void TestMetricsEndpoint::countersMoveWithRealReloads()
{
    ExampleProject project;
    QVERIFY(project.isValid());
    CliProcess cli;
    const QString address = startRun(cli, project);
    QVERIFY2(!address.isEmpty(), qPrintable(cli.allOutput()));
    const QString url = u"http://"_s + address + u"/metrics"_s;
    QTRY_VERIFY2_WITH_TIMEOUT(
        cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);

    Scrape scrape = get(url);
    QCOMPARE(scrape.status, 200);
    QCOMPARE(scrape.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    const QStringList project_ { u"project"_s, u"project"_s }; // the example's directory is "project"
    QCOMPARE(value(scrape.body, u"foxreload_server_up"_s, project_), 1.0);
    QCOMPARE(value(scrape.body, u"foxreload_reloads_total"_s,
                 { u"strategy"_s, u"full_restart"_s, u"outcome"_s, u"success"_s }),
        1.0);
    QCOMPARE(value(scrape.body, u"foxreload_reloads_total"_s,
                 { u"strategy"_s, u"hot_reload"_s, u"outcome"_s, u"success"_s }),
        0.0);
    QCOMPARE(
        value(scrape.body, u"foxreload_server_restarts_total"_s, { u"reason"_s, u"file_change"_s }), 0.0);
    QVERIFY(value(scrape.body, u"process_resident_memory_bytes"_s) > 1e6);
    QVERIFY(value(scrape.body, u"process_open_fds"_s) >= 3);
    QVERIFY(value(scrape.body, u"process_start_time_seconds"_s) > 1.7e9);
    QVERIFY(value(scrape.body, u"foxreload_xp_total"_s) >= 0);

    // A tool edit: a hot reload, counted with its duration and its detection latency.
    QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# edited\n"));
    QTRY_COMPARE_WITH_TIMEOUT(cli.countEvents(u"reload_finished"_s), 2, kTimeout);
    scrape = get(url);
    QCOMPARE(value(scrape.body, u"foxreload_reloads_total"_s,
                 { u"strategy"_s, u"hot_reload"_s, u"outcome"_s, u"success"_s }),
        1.0);
    QCOMPARE(
        value(scrape.body, u"foxreload_reload_duration_seconds_count"_s, { u"strategy"_s, u"hot_reload"_s }),
        1.0);
    QCOMPARE(value(scrape.body, u"foxreload_detection_latency_seconds_count"_s), 1.0);
    QVERIFY(value(scrape.body, u"foxreload_file_events_total"_s) >= 1);
    QCOMPARE(value(scrape.body, u"foxreload_batches_total"_s, { u"content"_s, u"changed"_s }), 1.0);
    const double hotSeconds
        = value(scrape.body, u"foxreload_reload_duration_seconds_sum"_s, { u"strategy"_s, u"hot_reload"_s });
    const qint64 hotMs = cli.events(u"reload_finished"_s).last().value("startToReadyMs"_L1).toInteger();
    QCOMPARE(qRound64(hotSeconds * 1000), hotMs);

    // A save without edits: a batch, no reload.
    QVERIFY(writeFile(project.path(u"tools/weather.py"_s), readFile(project.path(u"tools/weather.py"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(
        value(get(url).body, u"foxreload_batches_total"_s, { u"content"_s, u"unchanged"_s }) == 1.0,
        kTimeout);

    // The entry point: a full restart because of a file change.
    QVERIFY(appendToFile(project.path(u"main.py"_s), "\n# edited\n"));
    QTRY_COMPARE_WITH_TIMEOUT(cli.countEvents(u"reload_finished"_s), 3, kTimeout);
    scrape = get(url);
    QCOMPARE(
        value(scrape.body, u"foxreload_server_restarts_total"_s, { u"reason"_s, u"file_change"_s }), 1.0);
    QCOMPARE(value(scrape.body, u"foxreload_reloads_total"_s,
                 { u"strategy"_s, u"full_restart"_s, u"outcome"_s, u"success"_s }),
        2.0);
    QCOMPARE(value(scrape.body, u"foxreload_server_up"_s), 1.0);

    // Only /metrics is served.
    QCOMPARE(get(u"http://"_s + address + u"/other"_s).status, 404);

    cli.terminate();
    QVERIFY(cli.waitForFinished());
}

void TestMetricsEndpoint::proxyRequestsAreCounted()
{
    ExampleProject project;
    QVERIFY(project.isValid());
    QTemporaryDir home;
    QVERIFY(home.isValid());
    ProxyDriver proxy(home.path());
    proxy.start({ u"--trust"_s, u"--no-game"_s, u"--db"_s, home.filePath(u"history.sqlite"_s), u"--config"_s,
                    project.path(u".foxreload.yaml"_s), u"--metrics"_s, u"127.0.0.1:0"_s },
        project.root());
    QVERIFY(proxy.waitForStarted());
    static const QRegularExpression addressPattern(u"metrics on http://([^/]+)/metrics"_s);
    QString address;
    QTRY_VERIFY2_WITH_TIMEOUT(
        !(address = addressPattern.match(QString::fromUtf8(proxy.stderrText())).captured(1)).isEmpty(),
        proxy.stderrText().constData(), kTimeout);
    const QString url = u"http://"_s + address + u"/metrics"_s;
    QVERIFY(!proxy.initialize().isEmpty());
    const double before = value(get(url).body, u"foxreload_proxy_requests_total"_s);
    QVERIFY(before >= 0);
    for (int i = 0; i < 3; ++i) {
        proxy.request(i, u"tools/list"_s);
        QVERIFY(!proxy.answer(i).isEmpty());
    }
    const QByteArray page = get(url).body;
    QCOMPARE(value(page, u"foxreload_proxy_requests_total"_s), before + 3);
    QCOMPARE(value(page, u"foxreload_proxy_in_flight"_s), 0.0);
    QCOMPARE(value(page, u"foxreload_server_up"_s), 1.0);
    // The client's stdout carried nothing but JSON-RPC.
    for (const QByteArray& line : proxy.rawLines())
        QVERIFY2(line.startsWith('{'), line.constData());
}

void TestMetricsEndpoint::promtoolAcceptsThePage()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (Debian package prometheus; scripts/dev.sh installs it)");
    ExampleProject project;
    QVERIFY(project.isValid());
    CliProcess cli;
    const QString address = startRun(cli, project);
    QVERIFY2(!address.isEmpty(), qPrintable(cli.allOutput()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);
    QVERIFY(appendToFile(project.path(u"tools/weather.py"_s), "\n# edited\n"));
    QTRY_COMPARE_WITH_TIMEOUT(cli.countEvents(u"reload_finished"_s), 2, kTimeout);
    const QByteArray page = get(u"http://"_s + address + u"/metrics"_s).body;

    QProcess check;
    check.start(promtool, { u"check"_s, u"metrics"_s });
    QVERIFY(check.waitForStarted());
    check.write(page);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(kTimeout));
    const QString said = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    QVERIFY2(check.exitCode() == 0, qPrintable(said + u"\n---\n"_s + QString::fromUtf8(page)));
    QVERIFY2(said.trimmed().isEmpty(), qPrintable(said)); // no lint remarks either
    cli.terminate();
    QVERIFY(cli.waitForFinished());
}

void TestMetricsEndpoint::prometheusScrapesIt()
{
    const QString prometheus = QStandardPaths::findExecutable(u"prometheus"_s);
    if (prometheus.isEmpty())
        QSKIP("prometheus is not installed (Debian package prometheus)");
    ExampleProject project;
    QVERIFY(project.isValid());
    CliProcess cli;
    const QString address = startRun(cli, project);
    QVERIFY2(!address.isEmpty(), qPrintable(cli.allOutput()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"prometheus.yml"_s),
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n  - job_name: foxreload\n    static_configs:\n      - targets: [\""
            + address.toUtf8() + "\"]\n"));
    const quint16 webPort = freePort();
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(prometheus,
        { u"--config.file="_s + dir.filePath(u"prometheus.yml"_s),
            u"--storage.tsdb.path="_s + dir.filePath(u"data"_s),
            u"--web.listen-address=127.0.0.1:%1"_s.arg(webPort) });
    QVERIFY(server.waitForStarted());
    const QString query = u"http://127.0.0.1:%1/api/v1/query?query="_s.arg(webPort);
    // The target is up and a FoxReload series arrived through a real scrape.
    bool scraped = false;
    (void)QTest::qWaitFor(
        [&] {
            const Scrape answer = get(query + u"foxreload_server_up"_s);
            const QJsonArray result = QJsonDocument::fromJson(answer.body)
                                          .object()
                                          .value("data"_L1)
                                          .toObject()
                                          .value("result"_L1)
                                          .toArray();
            scraped = !result.isEmpty()
                && result.first().toObject().value("value"_L1).toArray().at(1).toString() == u"1"_s
                && result.first().toObject().value("metric"_L1).toObject().value("project"_L1).toString()
                    == u"project"_s;
            return scraped || server.state() == QProcess::NotRunning;
        },
        60000);
    const QString log = QString::fromUtf8(server.readAll());
    server.terminate();
    server.waitForFinished(10000);
    if (!scraped && server.exitCode() != 0 && log.contains(u"err"_s, Qt::CaseInsensitive)
        && !log.contains(u"scrape"_s))
        QSKIP(qPrintable(u"prometheus did not start here: "_s + log.right(500)));
    QVERIFY2(scraped, qPrintable(log.right(2000)));
    const Scrape up = get(query + u"up"_s);
    Q_UNUSED(up);
    cli.terminate();
    QVERIFY(cli.waitForFinished());
}

void TestMetricsEndpoint::portInUseIsSaidAndTheRunGoesOn()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    ExampleProject project;
    QVERIFY(project.isValid());
    CliProcess cli;
    const QString listen = u"127.0.0.1:%1"_s.arg(taken.serverPort());
    QVERIFY(startRun(cli, project, listen).isEmpty());
    QVERIFY2(cli.stderrText().contains(u"foxreload run: metrics: cannot listen on "_s + listen),
        qPrintable(cli.stderrText()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        cli.countEvents(u"reload_finished"_s, isStartup) == 1, qPrintable(cli.allOutput()), kTimeout);
    QCOMPARE(cli.events(u"reload_finished"_s).first().value("outcome"_L1).toString(), u"success"_s);
    cli.terminate();
    QVERIFY(cli.waitForFinished());
}

void TestMetricsEndpoint::badAddressIsRefused_data()
{
    QTest::addColumn<QString>("listen");
    QTest::newRow("no port") << u"127.0.0.1"_s;
    QTest::newRow("port too large") << u"127.0.0.1:99999"_s;
    QTest::newRow("words") << u"metrics please"_s;
}

void TestMetricsEndpoint::badAddressIsRefused()
{
    QFETCH(QString, listen);
    ExampleProject project;
    QVERIFY(project.isValid());
    CliProcess cli;
    cli.setEnvironment(environment());
    cli.setWorkingDirectory(project.root());
    QVERIFY(cli.start({ u"run"_s, u"--trust"_s, u"--config"_s, project.path(u".foxreload.yaml"_s),
        u"--metrics"_s, listen }));
    QVERIFY(cli.waitForFinished());
    QVERIFY(cli.exitCode() != 0);
    QVERIFY2(cli.stderrText().contains(u"--metrics: expected HOST:PORT"_s), qPrintable(cli.stderrText()));
}

void TestMetricsEndpoint::projectsShareOneEndpoint()
{
    // The desktop app's case: one process, several projects, one address.
    const QString listen = u"127.0.0.1:%1"_s.arg(freePort());
    QString error;
    auto first = metrics::MetricsEndpoint::shared(listen, &error);
    QVERIFY2(first, qPrintable(error));
    auto second = metrics::MetricsEndpoint::shared(listen, &error);
    QCOMPARE(second.get(), first.get());
    metrics::MetricsCollector alpha(u"fox"_s);
    metrics::MetricsCollector beta(u"fox"_s); // two projects in directories of the same name
    first->add(&alpha);
    second->add(&beta);
    QCOMPARE(beta.project(), u"fox-2"_s);
    ReloadResult result;
    result.trigger = ReloadTrigger::Manual;
    result.performed = ReloadStrategy::FullRestart;
    beta.recordReload(result);

    const QByteArray page = get(u"http://"_s + listen + u"/metrics"_s).body;
    QCOMPARE(value(page, u"foxreload_server_restarts_total"_s,
                 { u"project"_s, u"fox"_s, u"reason"_s, u"manual"_s }),
        0.0);
    QCOMPARE(value(page, u"foxreload_server_restarts_total"_s,
                 { u"project"_s, u"fox-2"_s, u"reason"_s, u"manual"_s }),
        1.0);
    QCOMPARE(QString::fromUtf8(page).count(u"# TYPE process_open_fds gauge"_s), 1);

    // Port 0 is never shared; and when the last holder lets go the port is free again.
    auto own = metrics::MetricsEndpoint::shared(u"127.0.0.1:0"_s, &error);
    QVERIFY(own && own.get() != first.get() && own->port() != 0);
    first->remove(&alpha);
    first.reset();
    second.reset();
    QTcpServer reuse;
    QVERIFY2(reuse.listen(QHostAddress::LocalHost, quint16(listen.section(u':', -1).toUInt())),
        qPrintable(reuse.errorString()));
}

QTEST_GUILESS_MAIN(TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"
