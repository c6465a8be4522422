#include "config/ConfigLoader.h"
#include "metrics/Exposition.h"
#include "metrics/MetricsCollector.h"
#include "metrics/ProcessMetrics.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::metrics;

namespace {

ReloadResult result(ReloadTrigger trigger, ReloadStrategy requested, ReloadStrategy performed,
    ReloadOutcome outcome, qint64 startToReadyMs, qint64 detectToStartMs = -1)
{
    ReloadResult reload;
    reload.trigger = trigger;
    reload.requested = requested;
    reload.performed = performed;
    reload.outcome = outcome;
    reload.startToReadyMs = startToReadyMs;
    reload.detectToStartMs = detectToStartMs;
    return reload;
}

// The lines of a page that belong to one family (its samples, not the HELP/TYPE lines).
QStringList samplesOf(const QByteArray& page, const QString& family)
{
    QStringList lines;
    for (const QString& line : QString::fromUtf8(page).split(u'\n')) {
        if (line.startsWith(family + u'{') || line.startsWith(family + u' ')
            || line.startsWith(family + u"_bucket{") || line.startsWith(family + u"_sum{")
            || line.startsWith(family + u"_count{"))
            lines.append(line);
    }
    return lines;
}

void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderFixture();
    void formatsValues_data();
    void formatsValues();
    void histogramIsCumulative();
    void countsReloads_data();
    void countsReloads();
    void batchesAndEvents();
    void pageOfOneCollectorExact();
    void twoProjectsShareOnePage();
    void proxyAndXpOnlyWhenAttached();
    void processFiguresFromFixture();
    void processFiguresOfThisProcess();
    void configKeys_data();
    void configKeys();
    void configRoundTrip();
};

void TestMetrics::renderFixture()
{
    const QList<MetricFamily> families {
        { u"demo_total"_s, u"A help with a \\ and a\nnewline."_s, MetricType::Counter,
            { { QString(), { { u"project"_s, u"a\"b\\c\nd"_s } }, 3 } } },
        { u"demo_up"_s, u"Up."_s, MetricType::Gauge, { { QString(), {}, 1 } } },
        { u"demo_total"_s, QString(), MetricType::Counter,
            { { QString(), { { u"project"_s, u"second"_s } }, 0.25 } } },
    };
    const QByteArray expected = "# HELP demo_total A help with a \\\\ and a\\nnewline.\n"
                                "# TYPE demo_total counter\n"
                                "demo_total{project=\"a\\\"b\\\\c\\nd\"} 3\n"
                                "demo_total{project=\"second\"} 0.25\n"
                                "# HELP demo_up Up.\n"
                                "# TYPE demo_up gauge\n"
                                "demo_up 1\n";
    QCOMPARE(render(families), expected);
}

void TestMetrics::formatsValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << u"0"_s;
    QTest::newRow("whole") << 1234567.0 << u"1234567"_s;
    QTest::newRow("bytes") << 52428800.0 << u"52428800"_s;
    QTest::newRow("fraction") << 0.005 << u"0.005"_s;
    QTest::newRow("shortest") << 0.1 + 0.2 << u"0.30000000000000004"_s;
    QTest::newRow("negative") << -2.5 << u"-2.5"_s;
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << u"+Inf"_s;
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << u"NaN"_s;
}

void TestMetrics::formatsValues()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(formatValue(value), text);
}

void TestMetrics::histogramIsCumulative()
{
    Histogram histogram({ 0.1, 1 });
    for (const double value : { 0.05, 0.1, 0.5, 7.0 })
        histogram.observe(value);
    QList<Sample> samples;
    histogram.appendSamples(samples, { { u"project"_s, u"p"_s } });
    MetricFamily family { u"h_seconds"_s, u"H."_s, MetricType::Histogram, samples };
    QCOMPARE(render({ family }),
        QByteArray("# HELP h_seconds H.\n"
                   "# TYPE h_seconds histogram\n"
                   "h_seconds_bucket{project=\"p\",le=\"0.1\"} 2\n"
                   "h_seconds_bucket{project=\"p\",le=\"1\"} 3\n"
                   "h_seconds_bucket{project=\"p\",le=\"+Inf\"} 4\n"
                   "h_seconds_sum{project=\"p\"} 7.65\n"
                   "h_seconds_count{project=\"p\"} 4\n"));
}

void TestMetrics::countsReloads_data()
{
    QTest::addColumn<QList<ReloadResult>>("results");
    QTest::addColumn<QStringList>("reloads"); // foxreload_reloads_total lines with a non-zero value
    QTest::addColumn<QStringList>("restarts"); // foxreload_server_restarts_total lines with a non-zero value

    using S = ReloadStrategy;
    using T = ReloadTrigger;
    const auto ok = ReloadOutcome::Success;
    const auto failed = ReloadOutcome::Failed;
    QTest::newRow("startup is no restart")
        << QList { result(T::Startup, S::FullRestart, S::FullRestart, ok, 120) }
        << QStringList { u"strategy=\"full_restart\",outcome=\"success\"} 1"_s } << QStringList {};
    QTest::newRow("hot reloads") << QList { result(T::FileChange, S::HotReload, S::HotReload, ok, 8, 50),
        result(T::FileChange, S::HotReload, S::HotReload, failed, 2000, 50) }
                                 << QStringList { u"strategy=\"hot_reload\",outcome=\"failed\"} 1"_s,
                                        u"strategy=\"hot_reload\",outcome=\"success\"} 1"_s }
                                 << QStringList {};
    QTest::newRow("escalated hot reload is a restart")
        << QList { result(T::FileChange, S::HotReload, S::FullRestart, ok, 300, 60) }
        << QStringList { u"strategy=\"full_restart\",outcome=\"success\"} 1"_s }
        << QStringList { u"reason=\"escalated\"} 1"_s };
    QTest::newRow("restarts by reason")
        << QList { result(T::FileChange, S::FullRestart, S::FullRestart, ok, 300, 60),
               result(T::Manual, S::FullRestart, S::FullRestart, ok, 250),
               result(T::CrashRestart, S::FullRestart, S::FullRestart, failed, 100),
               result(T::CrashRestart, S::FullRestart, S::FullRestart, ok, 100) }
        << QStringList { u"strategy=\"full_restart\",outcome=\"failed\"} 1"_s,
               u"strategy=\"full_restart\",outcome=\"success\"} 3"_s }
        << QStringList { u"reason=\"file_change\"} 1"_s, u"reason=\"manual\"} 1"_s,
               u"reason=\"crash_restart\"} 2"_s };
    QTest::newRow("nothing done is not counted")
        << QList { result(T::FileChange, S::None, S::None, ok, -1) } << QStringList {} << QStringList {};
}

void TestMetrics::countsReloads()
{
    QFETCH(QList<ReloadResult>, results);
    QFETCH(QStringList, reloads);
    QFETCH(QStringList, restarts);
    MetricsCollector collector(u"demo"_s);
    for (const ReloadResult& reload : std::as_const(results))
        collector.recordReload(reload);
    const QByteArray page = render(collector.families());

    const auto nonZero = [&page](const QString& family) {
        QStringList lines;
        for (const QString& line : samplesOf(page, family)) {
            if (!line.endsWith(u" 0"_s))
                lines.append(line.mid(line.indexOf(u',') + 1));
        }
        return lines;
    };
    QCOMPARE(nonZero(u"foxreload_reloads_total"_s), reloads);
    QCOMPARE(nonZero(u"foxreload_server_restarts_total"_s), restarts);
    // Every reload with a duration is observed once in its strategy's histogram.
    qint64 observed = 0;
    for (const QString& line : samplesOf(page, u"foxreload_reload_duration_seconds"_s)) {
        if (line.startsWith(u"foxreload_reload_duration_seconds_count"_s))
            observed += line.section(u' ', -1).toLongLong();
    }
    const auto withDuration = std::count_if(results.cbegin(), results.cend(),
        [](const ReloadResult& r) { return r.startToReadyMs >= 0 && r.performed != ReloadStrategy::None; });
    QCOMPARE(observed, qint64(withDuration));
}

void TestMetrics::batchesAndEvents()
{
    MetricsCollector collector(u"demo"_s);
    ChangeBatch batch;
    batch.rawEventCount = 5;
    collector.recordBatch(batch, true);
    batch.rawEventCount = 2;
    collector.recordBatch(batch, false);
    const QByteArray page = render(collector.families());
    QCOMPARE(samplesOf(page, u"foxreload_file_events_total"_s),
        QStringList { u"foxreload_file_events_total{project=\"demo\"} 7"_s });
    QCOMPARE(samplesOf(page, u"foxreload_batches_total"_s),
        (QStringList { u"foxreload_batches_total{project=\"demo\",content=\"changed\"} 1"_s,
            u"foxreload_batches_total{project=\"demo\",content=\"unchanged\"} 1"_s }));
}

void TestMetrics::pageOfOneCollectorExact()
{
    // The fixture: one hot reload of 8 ms, detected 60 ms before it started, and a failed
    // escalated restart of 3 s. The whole page of the collector, byte for byte.
    MetricsCollector collector(u"fox"_s);
    collector.setServerUpSource([] { return true; });
    collector.recordReload(result(ReloadTrigger::FileChange, ReloadStrategy::HotReload,
        ReloadStrategy::HotReload, ReloadOutcome::Success, 8, 60));
    collector.recordReload(result(ReloadTrigger::FileChange, ReloadStrategy::ServiceRestart,
        ReloadStrategy::FullRestart, ReloadOutcome::Failed, 3000, 40));
    QFile fixture(QFINDTESTDATA("data/metrics-page.txt"));
    QVERIFY2(fixture.open(QIODevice::ReadOnly), qPrintable(fixture.fileName()));
    const QByteArray expected = fixture.readAll();
    const QByteArray actual = render(collector.families());
    if (actual != expected) {
        const QList<QByteArray> want = expected.split('\n');
        const QList<QByteArray> got = actual.split('\n');
        for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i)
            QCOMPARE(got.value(i), want.value(i));
    }
    QCOMPARE(actual, expected);
}

void TestMetrics::twoProjectsShareOnePage()
{
    MetricsCollector first(u"alpha"_s);
    MetricsCollector second(u"beta"_s);
    first.recordReload(result(ReloadTrigger::Manual, ReloadStrategy::FullRestart, ReloadStrategy::FullRestart,
        ReloadOutcome::Success, 10));
    const QByteArray page = render(first.families() + second.families());
    const QString text = QString::fromUtf8(page);
    // Each family is described once, with the series of both projects below it.
    QCOMPARE(text.count(u"# TYPE foxreload_server_up gauge"_s), 1);
    QCOMPARE(samplesOf(page, u"foxreload_server_up"_s),
        (QStringList {
            u"foxreload_server_up{project=\"alpha\"} 0"_s, u"foxreload_server_up{project=\"beta\"} 0"_s }));
    QVERIFY(text.contains(u"foxreload_server_restarts_total{project=\"alpha\",reason=\"manual\"} 1\n"_s));
    QVERIFY(text.contains(u"foxreload_server_restarts_total{project=\"beta\",reason=\"manual\"} 0\n"_s));
}

void TestMetrics::proxyAndXpOnlyWhenAttached()
{
    MetricsCollector collector(u"p"_s);
    QVERIFY(!render(collector.families()).contains("foxreload_proxy_"));
    QVERIFY(!render(collector.families()).contains("foxreload_xp_total"));
    int inFlight = 2;
    collector.setProxySource([&inFlight] { return MetricsCollector::ProxyFigures { 41, inFlight }; });
    collector.setXpTotal(1250);
    QByteArray page = render(collector.families());
    QCOMPARE(samplesOf(page, u"foxreload_proxy_requests_total"_s),
        QStringList { u"foxreload_proxy_requests_total{project=\"p\"} 41"_s });
    QCOMPARE(samplesOf(page, u"foxreload_proxy_in_flight"_s),
        QStringList { u"foxreload_proxy_in_flight{project=\"p\"} 2"_s });
    QCOMPARE(samplesOf(page, u"foxreload_xp_total"_s),
        QStringList { u"foxreload_xp_total{project=\"p\"} 1250"_s });
    inFlight = 0; // read when scraped, not remembered
    page = render(collector.families());
    QCOMPARE(samplesOf(page, u"foxreload_proxy_in_flight"_s),
        QStringList { u"foxreload_proxy_in_flight{project=\"p\"} 0"_s });
}

void TestMetrics::processFiguresFromFixture()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString self = dir.filePath(u"self"_s);
    QVERIFY(QDir().mkpath(self + u"/fd"_s));
    for (const auto name : { "0", "1", "2", "7" })
        writeFile(self + u"/fd/"_s + QLatin1StringView(name), {});
    // A command name with a space and a parenthesis, as a process may choose.
    const long ticks = ::sysconf(_SC_CLK_TCK);
    const QByteArray utime = QByteArray::number(qint64(3 * ticks));
    const QByteArray stime = QByteArray::number(qint64(ticks / 2));
    const QByteArray start = QByteArray::number(qint64(100 * ticks));
    writeFile(self + u"/stat"_s,
        "4242 (fox (reload) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 " + utime + " " + stime + " 0 0 20 0 3 0 "
            + start + " 123456789 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0\n");
    writeFile(self + u"/limits"_s,
        "Limit                     Soft Limit           Hard Limit           Units     \n"
        "Max cpu time              unlimited            unlimited            seconds   \n"
        "Max open files            1024                 524288               files     \n");
    writeFile(dir.filePath(u"stat"_s), "cpu  1 2 3\nbtime 1700000000\nprocesses 9\n");

    const ProcessFigures figures = readProcessFigures(self, dir.filePath(u"stat"_s));
    QCOMPARE(figures.cpuSeconds, 3.5);
    QCOMPARE(figures.virtualBytes, 123456789.0);
    QCOMPARE(figures.residentBytes, 2560.0 * double(::sysconf(_SC_PAGESIZE)));
    QCOMPARE(figures.startTimeSeconds, 1700000100.0);
    QCOMPARE(figures.openFds, 4.0);
    QCOMPARE(figures.maxFds, 1024.0);
    const QString page = QString::fromUtf8(render(processFamilies(figures)));
    QVERIFY(page.contains(u"\nprocess_cpu_seconds_total 3.5\n"_s));
    QVERIFY(page.contains(u"\nprocess_start_time_seconds 1700000100\n"_s));
    QVERIFY(page.contains(u"# TYPE process_cpu_seconds_total counter\n"_s));

    // Without /proc nothing is made up.
    const ProcessFigures none
        = readProcessFigures(dir.filePath(u"missing"_s), dir.filePath(u"missing-stat"_s));
    QVERIFY(processFamilies(none).isEmpty());
}

void TestMetrics::processFiguresOfThisProcess()
{
    const ProcessFigures figures = readProcessFigures();
    QVERIFY(figures.residentBytes > 1024 * 1024);
    QVERIFY(figures.openFds >= 3);
    const double now = double(QDateTime::currentSecsSinceEpoch());
    QVERIFY2(figures.startTimeSeconds > now - 600 && figures.startTimeSeconds <= now + 1,
        qPrintable(QString::number(figures.startTimeSeconds, 'f', 0)));
    // Burning CPU moves the counter (checked against CPU time, not wall time: the machine may be busy).
    volatile double sink = 0;
    QElapsedTimer timer;
    timer.start();
    while (readProcessFigures().cpuSeconds < figures.cpuSeconds + 0.1 && timer.elapsed() < 20000) {
        for (int i = 0; i < 1000000; ++i)
            sink = sink + 1;
    }
    QVERIFY(readProcessFigures().cpuSeconds >= figures.cpuSeconds + 0.1);
}

void TestMetrics::configKeys_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("listen"); // expected metrics.listen, when valid
    QTest::addColumn<QString>("error"); // expected error text, when not
    QTest::newRow("address") << QByteArray("metrics: {listen: \"127.0.0.1:9464\"}\n") << u"127.0.0.1:9464"_s
                             << QString();
    QTest::newRow("any port") << QByteArray("metrics:\n  listen: 127.0.0.1:0\n") << u"127.0.0.1:0"_s
                              << QString();
    QTest::newRow("ipv6") << QByteArray("metrics: {listen: \"[::1]:9464\"}\n") << u"[::1]:9464"_s
                          << QString();
    QTest::newRow("absent") << QByteArray("gamification: {enabled: false}\n") << QString() << QString();
    QTest::newRow("no port") << QByteArray("metrics: {listen: localhost}\n") << QString()
                             << u"metrics.listen: expected HOST:PORT such as 127.0.0.1:9464"_s;
    QTest::newRow("port too large") << QByteArray("metrics: {listen: \"127.0.0.1:70000\"}\n") << QString()
                                    << u"metrics.listen: expected HOST:PORT"_s;
    QTest::newRow("typo") << QByteArray("metrics: {lisen: \"127.0.0.1:9464\"}\n") << QString()
                          << u"did you mean \"listen\""_s;
}

void TestMetrics::configKeys()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, listen);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConfigLoadResult result = ConfigLoader::parse(
        "server: {command: python3}\n" + yaml, dir.filePath(u".foxreload.yaml"_s), dir.path());
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), result.errors.isEmpty() ? "" : qPrintable(result.errors.first().toString()));
        QCOMPARE(result.config->metrics.listen, listen);
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(
            result.errors.first().toString().contains(error), qPrintable(result.errors.first().toString()));
    }
}

void TestMetrics::configRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Config config = Config::defaults(dir.path());
    config.server.command = u"python3"_s;
    config.metrics.listen = u"127.0.0.1:9464"_s;
    WebhookSettings slack;
    slack.url = u"https://hooks.slack.com/services/T0/B0/secret"_s;
    slack.format = WebhookFormat::Slack;
    WebhookSettings generic;
    generic.url = u"http://127.0.0.1:8080/hook"_s;
    generic.events = { u"achievement"_s, u"level_up"_s };
    config.notifications.webhooks = { slack, generic };
    const QString path = dir.filePath(u".foxreload.yaml"_s);
    QString error;
    QVERIFY2(ConfigWriter::writeFile(config, path, &error), qPrintable(error));
    const ConfigLoadResult back = ConfigLoader::loadFile(path);
    QVERIFY2(back.ok(), back.errors.isEmpty() ? "" : qPrintable(back.errors.first().toString()));
    QCOMPARE(back.config->metrics, config.metrics);
    QCOMPARE(back.config->notifications.webhooks.size(), 2);
    QCOMPARE(back.config->notifications.webhooks.at(0).url, slack.url); // written whole: the file needs it
    QVERIFY(back.config->notifications == config.notifications);
    QVERIFY(*back.config == config);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
