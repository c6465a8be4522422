// The dashboard's charts over a real history database: time ranges, project scope,
// hover readouts, failures, stacked bars, the clipped axis, locale, palette, XP curve.

#include "gui/ChartHover.h"
#include "gui/ChartsPanel.h"
#include "gui/HistoryLoader.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

// Today's local noon, so ranges are the same at any hour of a run (and the history
// is recent enough that opening the store folds nothing into daily totals).
const QDateTime kNow(QDate::currentDate(), QTime(12, 0));

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return palette;
}

ReloadRecord reload(qint64 session, const QDateTime& at, ReloadStrategy strategy, qint64 ms,
    ReloadOutcome outcome = ReloadOutcome::Success, ReloadTrigger trigger = ReloadTrigger::FileChange)
{
    ReloadRecord r;
    r.sessionId = session;
    r.atUtc = at.toUTC();
    r.trigger = trigger;
    r.requested = r.performed = strategy;
    r.outcome = outcome;
    r.startToReadyMs = ms;
    r.detectToStartMs = 7000; // a long paused wait: never the duration the charts show
    r.totalMs = ms + 7000;
    r.fileCount = 1;
    r.reason = u"tools/weather.py matches tools/**"_s;
    r.error = outcome == ReloadOutcome::Failed ? u"SyntaxError: invalid syntax"_s : QString();
    return r;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rangesShowTheirReloads_data();
    void rangesShowTheirReloads();
    void rangeFollowsTheHistoryUntilChosen_data();
    void rangeFollowsTheHistoryUntilChosen();
    void projectSelectorListsTheProjects();
    void failuresAreApart();
    void barsAreStackedByStrategy();
    void hoverTexts();
    void outlierIsClippedAtTheTop();
    void buildsAreAFigureOfTheirOwn();
    void datesFollowTheLocale_data();
    void datesFollowTheLocale();
    void darkPaletteDarkensTheCharts();
    void xpCurveSurvivesReopening();
    void fiftyThousandReloadsPerRange();
    void grabLightAndDark();

private:
    void seed(HistoryStore* store);

    QTemporaryDir m_dir;
    QString m_alpha;
    QString m_beta;
};

// No translator is loaded here, so plural messages read "(s)".
void TestCharts::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_alpha = m_dir.filePath(u"alpha"_s);
    m_beta = m_dir.filePath(u"beta"_s);
}

void TestCharts::cleanup()
{
    QFile::remove(m_dir.filePath(u"history.sqlite"_s));
}

// Seven reloads at known times across two projects, a session start that is never charted,
// and XP events.
void TestCharts::seed(HistoryStore* store)
{
    const qint64 alpha = store->beginSession(
        { 0, u"test"_s, m_alpha, {}, u"python3 main.py"_s, 1, kNow.addDays(-200).toUTC(), {} });
    const qint64 beta = store->beginSession(
        { 0, u"test"_s, m_beta, {}, u"node server.js"_s, 2, kNow.addDays(-200).toUTC(), {} });
    QVERIFY(store->recordReloads({
        reload(alpha, kNow.addSecs(-30 * 60), ReloadStrategy::HotReload, 40),
        reload(beta, kNow.addSecs(-50 * 60), ReloadStrategy::ServiceRestart, 120),
        reload(alpha, kNow.addSecs(-3 * 3600), ReloadStrategy::FullRestart, 500, ReloadOutcome::Failed),
        reload(alpha, kNow.addDays(-2), ReloadStrategy::HotReload, 35),
        reload(beta, kNow.addDays(-5), ReloadStrategy::HotReload, 45),
        reload(alpha, kNow.addDays(-20), ReloadStrategy::ServiceRestart, 100),
        reload(alpha, kNow.addDays(-100), ReloadStrategy::FullRestart, 900),
        reload(alpha, kNow.addSecs(-10 * 60), ReloadStrategy::FullRestart, 300, ReloadOutcome::Success,
            ReloadTrigger::Startup),
    }));
    for (const auto& [at, amount] :
        { std::pair { kNow.addDays(-3), 10 }, { kNow.addSecs(-2 * 3600), 20 }, { kNow.addSecs(-3600), 5 } }) {
        XpEventRecord xp;
        xp.atUtc = at.toUTC();
        xp.amount = amount;
        xp.rule = u"reload_hot"_s;
        xp.reason = u"hot reload"_s;
        xp.sessionId = alpha;
        store->recordXp(xp);
    }
}

void TestCharts::rangesShowTheirReloads_data()
{
    QTest::addColumn<ChartRange>("range");
    QTest::addColumn<int>("project"); // 0 all, 1 alpha, 2 beta
    QTest::addColumn<int>("expected");
    QTest::newRow("hour, all") << ChartRange::LastHour << 0 << 2;
    QTest::newRow("today, all") << ChartRange::Today << 0 << 3;
    QTest::newRow("7 days, all") << ChartRange::Week << 0 << 5;
    QTest::newRow("30 days, all") << ChartRange::Month << 0 << 6;
    QTest::newRow("all time, all") << ChartRange::All << 0 << 7;
    QTest::newRow("hour, alpha") << ChartRange::LastHour << 1 << 1;
    QTest::newRow("today, alpha") << ChartRange::Today << 1 << 2;
    QTest::newRow("7 days, alpha") << ChartRange::Week << 1 << 3;
    QTest::newRow("30 days, alpha") << ChartRange::Month << 1 << 4;
    QTest::newRow("all time, alpha") << ChartRange::All << 1 << 5;
    QTest::newRow("7 days, beta") << ChartRange::Week << 2 << 2;
    QTest::newRow("hour, beta") << ChartRange::LastHour << 2 << 1;
}

void TestCharts::rangesShowTheirReloads()
{
    QFETCH(ChartRange, range);
    QFETCH(int, project);
    QFETCH(int, expected);
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setProjectScope(project == 0 ? QString() : project == 1 ? m_alpha : m_beta);
    panel.setRange(range);

    QCOMPARE(int(panel.data().reloads.size()), expected);
    const qsizetype drawn = panel.durationPointCount(ReloadStrategy::HotReload)
        + panel.durationPointCount(ReloadStrategy::ServiceRestart)
        + panel.durationPointCount(ReloadStrategy::FullRestart) + panel.failurePointCount()
        + panel.outlierPointCount();
    QCOMPARE(int(drawn), expected);
    QCOMPARE(panel.perDayTotal(), expected);
    const qreal pie = panel.strategySliceValue(ReloadStrategy::HotReload)
        + panel.strategySliceValue(ReloadStrategy::ServiceRestart)
        + panel.strategySliceValue(ReloadStrategy::FullRestart) + panel.failedSliceValue();
    QCOMPARE(int(pie), expected);
    // The x axis ends now, not tomorrow; it begins where the range does.
    QCOMPARE(panel.durationAxisEnd(), kNow);
    if (range != ChartRange::All)
        QCOMPARE(panel.durationAxisStart(), rangeStart(range, kNow));
}

void TestCharts::rangeFollowsTheHistoryUntilChosen_data()
{
    QTest::addColumn<qint64>("ageSecs"); // of the oldest reload; -1: none
    QTest::addColumn<ChartRange>("expected");
    QTest::newRow("no reloads yet") << qint64(-1) << ChartRange::Today;
    QTest::newRow("first minutes") << qint64(10 * 60) << ChartRange::LastHour;
    QTest::newRow("this morning") << qint64(3 * 3600) << ChartRange::Today;
    QTest::newRow("two days") << qint64(2 * 86400) << ChartRange::Week;
    QTest::newRow("three weeks") << qint64(20 * 86400) << ChartRange::Month;
    QTest::newRow("a season") << qint64(100 * 86400) << ChartRange::All;
}

void TestCharts::rangeFollowsTheHistoryUntilChosen()
{
    QFETCH(qint64, ageSecs);
    QFETCH(ChartRange, expected);
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    const qint64 session = store.beginSession(
        { 0, u"test"_s, m_alpha, {}, u"python3 main.py"_s, 1, kNow.addDays(-200).toUTC(), {} });
    if (ageSecs >= 0) {
        QVERIFY(store.recordReloads({ reload(session, kNow.addSecs(-ageSecs), ReloadStrategy::HotReload, 40),
            reload(session, kNow.addSecs(-60), ReloadStrategy::HotReload, 30) }));
    }
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    QCOMPARE(panel.range(), expected);
    QVERIFY(panel.rangeFollowsHistory());
    if (expected != ChartRange::All)
        QCOMPARE(panel.durationAxisStart(), rangeStart(expected, kNow));
    QCOMPARE(int(panel.data().reloads.size()), ageSecs >= 0 ? 2 : 0);
    QComboBox* box = nullptr;
    for (auto* candidate : panel.findChildren<QComboBox*>()) {
        if (candidate->accessibleName() == u"Time range of the charts"_s)
            box = candidate;
    }
    QVERIFY(box);
    QCOMPARE(ChartRange(box->currentData().toInt()), expected);

    // A range the user picks stays, however the history grows.
    const ChartRange picked = expected == ChartRange::All ? ChartRange::LastHour : ChartRange::All;
    QTest::keyClick(box, picked == ChartRange::All ? Qt::Key_End : Qt::Key_Home);
    QCOMPARE(ChartRange(box->currentData().toInt()), picked);
    QVERIFY(!panel.rangeFollowsHistory());
    QVERIFY(store.recordReloads({ reload(session, kNow.addDays(-150), ReloadStrategy::FullRestart, 900) }));
    panel.reloadFromStore();
    QCOMPARE(panel.range(), picked);
    const int inLastHour = ageSecs < 0 ? 0 : ageSecs <= 3600 ? 2 : 1;
    QCOMPARE(
        int(panel.data().reloads.size()), picked == ChartRange::All ? (ageSecs >= 0 ? 3 : 1) : inLastHour);
}

void TestCharts::projectSelectorListsTheProjects()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    QCOMPARE(panel.projectChoices(), (QStringList { QString(), m_alpha, m_beta }));
    QCOMPARE(panel.projectScope(), QString());
}

void TestCharts::failuresAreApart()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::Today);
    QCOMPARE(panel.failurePointCount(), qsizetype(1));
    QCOMPARE(panel.durationPointCount(ReloadStrategy::FullRestart), 0); // the failed full restart
    QCOMPARE(panel.strategySliceValue(ReloadStrategy::FullRestart), 0.0);
    QCOMPARE(panel.failedSliceValue(), 1.0);
    QCOMPARE(panel.dayBarValues(ReloadStrategy::None), QList<qreal> { 1 });
    QCOMPARE(panel.dayBarValues(ReloadStrategy::FullRestart), QList<qreal> { 0 });
    QVERIFY2(panel.summaryText().contains(u"1 failed"_s), qPrintable(panel.summaryText()));
    // The median and p95 are of the successful ones: 40 and 120 ms, not the failed 500 ms.
    QCOMPARE(panel.durationMedian(), 40.0);
    QCOMPARE(panel.durationPercentile95(), 120.0);
}

void TestCharts::barsAreStackedByStrategy()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::Week);
    // Seven days, oldest first: hot on day -5 and -2 and today, service today, a failure today.
    QCOMPARE(panel.dayBarValues(ReloadStrategy::HotReload), (QList<qreal> { 0, 1, 0, 0, 1, 0, 1 }));
    QCOMPARE(panel.dayBarValues(ReloadStrategy::ServiceRestart), (QList<qreal> { 0, 0, 0, 0, 0, 0, 1 }));
    QCOMPARE(panel.dayBarValues(ReloadStrategy::FullRestart), (QList<qreal> { 0, 0, 0, 0, 0, 0, 0 }));
    QCOMPARE(panel.dayBarValues(ReloadStrategy::None), (QList<qreal> { 0, 0, 0, 0, 0, 0, 1 }));
    // Each strategy's bars in its own colour, not all in the full-restart orange.
    QVERIFY(ChartsPanel::strategyColor(ReloadStrategy::HotReload)
        != ChartsPanel::strategyColor(ReloadStrategy::FullRestart));
}

void TestCharts::hoverTexts()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::Week);

    const auto& reloads = panel.data().reloads;
    const auto hot = std::find_if(reloads.begin(), reloads.end(),
        [](const ChartReload& r) { return r.atUtc == kNow.addSecs(-30 * 60).toUTC(); });
    QVERIFY(hot != reloads.end());
    const QString pointText = panel.durationHoverText(*hot);
    QVERIFY2(pointText.contains(ChartHover::dateTimeText(kNow.addSecs(-30 * 60))), qPrintable(pointText));
    QVERIFY2(pointText.contains(u"hot reload in 40 ms, succeeded"_s), qPrintable(pointText));
    QVERIFY2(pointText.contains(u"1 file(s): tools/weather.py"_s), qPrintable(pointText));
    QVERIFY2(!pointText.contains(u"7040"_s), qPrintable(pointText)); // start → ready, not the wait

    const auto failed = std::find_if(reloads.begin(), reloads.end(),
        [](const ChartReload& r) { return r.outcome == ReloadOutcome::Failed; });
    QVERIFY(failed != reloads.end());
    const QString failedText = panel.durationHoverText(*failed);
    QVERIFY2(failedText.contains(u"full restart in 500 ms, failed"_s), qPrintable(failedText));
    QVERIFY2(failedText.contains(u"SyntaxError"_s), qPrintable(failedText));

    QCOMPARE(panel.sliceHoverText(ReloadStrategy::HotReload), u"hot reload: 3 reload(s), 60.0% of all"_s);
    QCOMPARE(panel.sliceHoverText(ReloadStrategy::None), u"failed: 1 reload(s), 20.0% of all"_s);

    const QString today = panel.barHoverText(6);
    QVERIFY2(today.startsWith(QLocale().toString(kNow.date(), QLocale::ShortFormat)), qPrintable(today));
    QVERIFY2(today.contains(u"hot reload: 1"_s), qPrintable(today));
    QVERIFY2(today.contains(u"service restart: 1"_s), qPrintable(today));
    QVERIFY2(today.contains(u"failed: 1"_s), qPrintable(today));
    QVERIFY2(today.contains(u"3 reload(s) in all"_s), qPrintable(today));
    QVERIFY(panel.barHoverText(7).isEmpty());

    // XP: 10 three days ago, 20 two hours ago, 5 an hour ago.
    const QString xp = panel.xpHoverText(QPointF(double(kNow.addSecs(-3600).toMSecsSinceEpoch()), 35));
    QVERIFY2(xp.contains(u"35 XP in total"_s), qPrintable(xp));
    QVERIFY2(xp.contains(ChartHover::dateTimeText(kNow.addSecs(-3600))), qPrintable(xp));
    const QString xpBefore
        = panel.xpHoverText(QPointF(double(kNow.addSecs(-2 * 3600).toMSecsSinceEpoch()), 30));
    QVERIFY2(xpBefore.contains(u"30 XP in total"_s), qPrintable(xpBefore));
}

void TestCharts::outlierIsClippedAtTheTop()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    const qint64 session
        = store.beginSession({ 0, u"test"_s, m_alpha, {}, {}, 1, kNow.addDays(-1).toUTC(), {} });
    QList<ReloadRecord> records;
    for (int i = 0; i < 20; ++i)
        records.append(reload(session, kNow.addSecs(-60 * (i + 1)), ReloadStrategy::HotReload, 30 + i));
    records.append(reload(session, kNow.addSecs(-30), ReloadStrategy::HotReload, 20000));
    QVERIFY(store.recordReloads(records));
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::LastHour);

    QCOMPARE(panel.clippedPointCount(), 1);
    QCOMPARE(panel.outlierPointCount(), qsizetype(1));
    QCOMPARE(panel.durationPointCount(ReloadStrategy::HotReload), qsizetype(20));
    QVERIFY2(panel.durationAxisMax() < 200, qPrintable(QString::number(panel.durationAxisMax())));
    QVERIFY(panel.durationAxisMax() >= 49); // every normal point stays inside
    const ChartReload outlier = panel.data().reloads.last();
    QCOMPARE(outlier.durationMs, qint64(20000));
    const QString text = panel.durationHoverText(outlier);
    QVERIFY2(text.contains(u"20,000 ms"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Drawn at the top"_s), qPrintable(text));
    QVERIFY2(text.contains(u"1 point(s) above it"_s), qPrintable(text));
}

// A build step is drawn as a series of its own: it does not count as the reload's duration, does
// not stretch the axis, and its hover names the build time.
void TestCharts::buildsAreAFigureOfTheirOwn()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    const qint64 session
        = store.beginSession({ 0, u"test"_s, m_alpha, {}, {}, 1, kNow.addDays(-1).toUTC(), {} });
    QList<ReloadRecord> records;
    for (int i = 0; i < 3; ++i)
        records.append(reload(session, kNow.addSecs(-60 * (i + 1)), ReloadStrategy::HotReload, 30 + i));
    records[1].buildMs = 1500;
    QVERIFY(store.recordReloads(records));
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::LastHour);

    QCOMPARE(panel.buildPointCount(), qsizetype(1));
    QCOMPARE(panel.durationPointCount(ReloadStrategy::HotReload), qsizetype(3));
    QCOMPARE(panel.outlierPointCount(), qsizetype(0));
    QVERIFY2(panel.durationAxisMax() < 200, qPrintable(QString::number(panel.durationAxisMax())));
    const auto built = std::find_if(panel.data().reloads.cbegin(), panel.data().reloads.cend(),
        [](const ChartReload& r) { return r.buildMs == 1500; });
    QVERIFY(built != panel.data().reloads.cend());
    QCOMPARE(built->durationMs, qint64(31));
    const QString text = panel.buildHoverText(*built);
    QVERIFY2(text.contains(u"Build: 1,500 ms"_s), qPrintable(text));
}

void TestCharts::datesFollowTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("labelPattern");
    QTest::addColumn<QString>("dayMonth");
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << u"^\\d\\d\\.\\d\\d$"_s << u"dd.MM"_s;
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates) << u"^\\d{1,2}/\\d{1,2}$"_s
                        << u"M/d"_s;
}

void TestCharts::datesFollowTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, labelPattern);
    QFETCH(QString, dayMonth);
    QLocale::setDefault(locale);
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&store);
    panel.setRange(ChartRange::Month);
    QCOMPARE(panel.durationAxisFormat(), dayMonth);
    const QStringList labels = panel.dayLabels();
    QVERIFY(!labels.isEmpty());
    const QRegularExpression pattern(labelPattern);
    for (const auto& label : labels)
        QVERIFY2(pattern.match(label).hasMatch(), qPrintable(label));
    QVERIFY(labels.contains(locale.toString(kNow.date(), dayMonth))); // today is labelled
    panel.setRange(ChartRange::Today);
    QCOMPARE(panel.durationAxisFormat(), locale.timeFormat(QLocale::ShortFormat));
}

void TestCharts::darkPaletteDarkensTheCharts()
{
    ChartsPanel panel;
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    panel.setPalette(light);
    QVERIFY(panel.chartBackground().lightness() >= 128);
    panel.setPalette(darkPalette());
    QVERIFY2(panel.chartBackground().lightness() < 128, qPrintable(panel.chartBackground().name()));
    panel.setPalette(light);
    QVERIFY(panel.chartBackground().lightness() >= 128);
}

void TestCharts::xpCurveSurvivesReopening()
{
    const QString path = m_dir.filePath(u"history.sqlite"_s);
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        seed(&store);
    }
    HistoryStore reopened;
    QVERIFY(reopened.open(path));
    ChartsPanel panel;
    panel.setClock([] { return kNow; });
    panel.setStore(&reopened);
    panel.setRange(ChartRange::Week);
    const auto xp = panel.data().xp;
    QCOMPARE(xp.size(), qsizetype(3));
    QCOMPARE(xp.at(0).total, qint64(10));
    QCOMPARE(xp.at(1).total, qint64(30));
    QCOMPARE(xp.at(2).total, qint64(35));
    QCOMPARE(panel.xpPointCount(), qsizetype(4)); // and on to now at the last total

    // The dashboard's own statistics, loaded after a restart, keep the curve too.
    ReloadStats stats;
    loadHistory(reopened, &stats, kNow.date());
    QCOMPARE(stats.xpPoints().size(), qsizetype(3));
    QCOMPARE(stats.xpPoints().last().y(), 35.0);
}

void TestCharts::fiftyThousandReloadsPerRange()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 alpha
        = store.beginSession({ 0, u"test"_s, m_alpha, {}, {}, 1, now.addDays(-30).toUTC(), {} });
    const qint64 beta = store.beginSession({ 0, u"test"_s, m_beta, {}, {}, 2, now.addDays(-30).toUTC(), {} });
    constexpr int kReloads = 50000;
    QList<ReloadRecord> records;
    records.reserve(kReloads);
    for (int i = 0; i < kReloads; ++i) {
        const int bucket = i % 20;
        records.append(reload(i % 3 == 0 ? beta : alpha, now.addSecs(-qint64(i) * 40),
            bucket < 12       ? ReloadStrategy::HotReload
                : bucket < 17 ? ReloadStrategy::ServiceRestart
                              : ReloadStrategy::FullRestart,
            20 + (i % 17) * 13, bucket == 3 ? ReloadOutcome::Failed : ReloadOutcome::Success));
    }
    QVERIFY(store.recordReloads(records));
    for (const ChartRange range :
        { ChartRange::LastHour, ChartRange::Today, ChartRange::Week, ChartRange::Month, ChartRange::All }) {
        for (const QString& project : { QString(), m_alpha }) {
            QElapsedTimer timer;
            timer.start();
            const ChartData data = loadChartData(store, range, project, now);
            const qint64 ms = timer.elapsed();
            qint64 counted = 0;
            for (const auto& day : data.days)
                counted += day.succeeded + day.failed;
            qInfo().noquote() << "range" << int(range) << (project.isEmpty() ? "all projects" : "one project")
                              << counted << "reloads," << data.reloads.size() << "points:" << ms << "ms";
            QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
            if (range == ChartRange::All)
                QCOMPARE(counted, qint64(project.isEmpty() ? kReloads : kReloads - (kReloads + 2) / 3));
        }
    }
    ChartsPanel panel;
    QElapsedTimer draw;
    draw.start();
    panel.setStore(&store);
    panel.setRange(ChartRange::All);
    panel.resize(1000, 600);
    const QPixmap pixmap = panel.grab();
    QVERIFY(!pixmap.isNull());
    qInfo() << "panel read and drew all 50,000 in" << draw.elapsed() << "ms";
}

void TestCharts::grabLightAndDark()
{
    // For a look by eye: FOXRELOAD_CHART_SHOTS=<folder> keeps light and dark renderings.
    const QString folder = qEnvironmentVariable("FOXRELOAD_CHART_SHOTS");
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    seed(&store);
    const qint64 session
        = store.beginSession({ 0, u"test"_s, m_alpha, {}, {}, 1, kNow.addDays(-1).toUTC(), {} });
    QList<ReloadRecord> records;
    for (int i = 0; i < 60; ++i) {
        const auto strategy = i % 3 == 0 ? ReloadStrategy::ServiceRestart : ReloadStrategy::HotReload;
        records.append(reload(session, kNow.addSecs(-i * 700), strategy, 25 + (i * 37) % 90,
            i % 13 == 5 ? ReloadOutcome::Failed : ReloadOutcome::Success));
    }
    records.append(reload(session, kNow.addSecs(-5000), ReloadStrategy::FullRestart, 11000));
    QVERIFY(store.recordReloads(records));
    for (const bool dark : { false, true }) {
        ChartsPanel panel;
        panel.setClock([] { return kNow; });
        if (dark)
            panel.setPalette(darkPalette());
        panel.setStore(&store);
        panel.setRange(ChartRange::Week);
        panel.resize(1100, 640);
        const QPixmap pixmap = panel.grab();
        QVERIFY(!pixmap.isNull());
        const QColor corner = pixmap.toImage().pixelColor(pixmap.width() / 2, pixmap.height() / 2);
        Q_UNUSED(corner)
        if (!folder.isEmpty())
            QVERIFY(pixmap.save(QDir(folder).filePath(dark ? u"charts-dark.png"_s : u"charts-light.png"_s)));
    }
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
