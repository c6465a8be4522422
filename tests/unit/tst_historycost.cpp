// What history and game cost on a well-used database: 50,000 reloads and as many
// XP events. Prints the numbers (docs/gamification.md quotes them); asserts only
// that the queries answer correctly, never how fast.

#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

constexpr int kRows = 50000;
const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

ReloadRecord row(int i)
{
    static const ReloadStrategy strategies[] = { ReloadStrategy::HotReload, ReloadStrategy::HotReload,
        ReloadStrategy::ServiceRestart, ReloadStrategy::FullRestart };
    ReloadRecord record;
    record.sessionId = 1 + i / 500;
    record.atUtc = kNow.addSecs(-qint64(i) * 150); // 50k rows over ~87 days
    record.performed = strategies[i % 4];
    record.requested = record.performed;
    record.trigger = i % 50 == 0 ? ReloadTrigger::Startup : ReloadTrigger::FileChange;
    record.outcome = i % 17 == 0 ? ReloadOutcome::Failed : ReloadOutcome::Success;
    record.totalMs = 10 + (i * 7919) % 900;
    record.startToReadyMs = record.totalMs - 5;
    record.detectToStartMs = 5;
    record.reason = u"tools/tool_%1.py modified → hot reload"_s.arg(i % 40);
    return record;
}

double timeMs(int repeat, const std::function<void()>& work)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < repeat; ++i)
        work();
    return double(timer.nsecsElapsed()) / 1e6 / repeat;
}

} // namespace

class TestHistoryCost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store.setTimeZone(QTimeZone("UTC"));
        m_store.setRetention(RetentionSettings { 36500, 1000000 });
        QVERIFY(m_store.open(m_dir.filePath(u"history.sqlite"_s)));
        QList<ReloadRecord> rows;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kRows; ++i)
            rows.append(row(i));
        QVERIFY(m_store.recordReloads(rows));
        for (int i = 0; i < kRows; ++i) {
            XpEventRecord event;
            event.atUtc = kNow.addSecs(-qint64(i) * 150);
            event.amount = 10;
            event.reason = u"hot reload"_s;
            event.rule = u"reload_hot"_s;
            m_store.recordXp(event);
        }
        qInfo("seeded %d reloads and %d XP events in %lld ms", kRows, kRows, timer.elapsed());
    }

    void writeCost()
    {
        constexpr int kWrites = 2000;
        int i = 0;
        const double reloadMs = timeMs(kWrites, [&] { QVERIFY(m_store.recordReload(row(i++)) > 0); });
        qInfo("recordReload (WAL, synchronous=NORMAL, 50k rows): %.1f µs per reload", reloadMs * 1000);
        const double xpMs = timeMs(kWrites, [&] {
            XpEventRecord event;
            event.atUtc = kNow;
            event.amount = 1;
            QVERIFY(m_store.recordXp(event) > 0);
        });
        qInfo("recordXp: %.1f µs per event", xpMs * 1000);

        // The whole per-reload work of SessionRecorder: record + game evaluation.
        GamificationEngine engine(&m_store, GamificationSettings {});
        engine.setTimeZone(QTimeZone("UTC"));
        QDateTime now = kNow;
        engine.setClock([&now] { return now; });
        quint64 id = 0;
        const double gameMs = timeMs(200, [&] {
            now = now.addSecs(90);
            ReloadResult result;
            result.id = ++id;
            result.requested = result.performed = ReloadStrategy::HotReload;
            result.totalMs = 30;
            result.finishedAtUtc = now;
            const qint64 rowId = m_store.recordReload(ReloadRecord::fromResult(1, result));
            engine.handleReload(result, ReloadContext { false, rowId, 1 });
        });
        qInfo("recordReload + GamificationEngine::handleReload: %.2f ms per reload", gameMs);
    }

    void dashboardQueries()
    {
        struct Query
        {
            const char* name;
            std::function<qsizetype()> run;
        };
        const QDate today = kNow.date();
        const QList<Query> queries {
            { "chartReloads (last 7 days)",
                [&] {
                    return m_store.chartReloads(HistoryScope { kNow.addDays(-7), kNow.addSecs(1), {} })
                        .size();
                } },
            { "chartReloads (all, 50k points)",
                [&] { return m_store.chartReloads(HistoryScope {}, 100000).size(); } },
            { "reloadsPerDay (12 weeks)",
                [&] { return m_store.reloadsPerDay(today.addDays(-83), today).size(); } },
            { "xpCurve (90 days)",
                [&] {
                    return m_store.xpCurve(HistoryScope { kNow.addDays(-90), kNow.addSecs(1), {} }).size();
                } },
            { "totalsByStrategy (with medians)", [&] { return m_store.totalsByStrategy().size(); } },
            { "recentReloads(50)", [&] { return m_store.recentReloads(50).size(); } },
            { "totals", [&] { return qsizetype(m_store.totals().reloads); } },
            { "totalXp", [&] { return qsizetype(m_store.totalXp()); } },
            { "dayCounters(today)", [&] { return qsizetype(m_store.dayCounters(today, 200).succeeded); } },
            { "activeDays", [&] { return m_store.activeDays().size(); } },
        };
        for (const auto& query : queries) {
            qsizetype size = 0;
            const double ms = timeMs(5, [&] { size = query.run(); });
            QVERIFY2(size > 0, query.name);
            qInfo("%-34s %8.2f ms  (%lld items)", query.name, ms, qlonglong(size));
        }
        QCOMPARE(m_store.chartReloads(HistoryScope {}, 100000).size(), qsizetype(m_store.totals().reloads));
        const auto byStrategy = m_store.totalsByStrategy();
        QCOMPARE(byStrategy.size(), 3);
        for (const auto& totals : byStrategy)
            QVERIFY(totals.medianTotalMs > 10 && totals.medianTotalMs < 910);
    }

    void queryPlansUseIndexes()
    {
        const QStringList queries {
            u"SELECT total_ms FROM reloads WHERE performed = 'hot_reload' AND outcome = 'success'"
            u" AND total_ms >= 0 AND trigger <> 'startup' ORDER BY total_ms LIMIT 2 OFFSET 100"_s,
            u"SELECT performed, outcome, COUNT(*) FROM reloads WHERE trigger <> 'startup' GROUP BY performed, outcome"_s,
            u"SELECT day, COUNT(*) FROM reloads WHERE day >= '2026-01-01' AND day <= '2026-03-10'"
            u" AND trigger <> 'startup' GROUP BY day"_s,
            u"SELECT at_ms, total_ms FROM reloads WHERE at_ms >= 0 AND at_ms < 1 AND trigger <> 'startup'"
            u" ORDER BY at_ms"_s,
        };
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plan"_s);
            db.setDatabaseName(m_dir.filePath(u"history.sqlite"_s));
            QVERIFY(db.open());
            for (const auto& sql : queries) {
                QSqlQuery plan(db);
                QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN "_s + sql));
                QStringList steps;
                while (plan.next())
                    steps.append(plan.value(3).toString());
                qInfo().noquote() << steps.join(u"; "_s) << "←" << sql.left(60);
                QVERIFY2(
                    !steps.join(u' ').contains(u"SCAN reloads"_s) || steps.join(u' ').contains(u"INDEX"_s),
                    qPrintable(steps.join(u"; "_s)));
            }
        }
        QSqlDatabase::removeDatabase(u"plan"_s);
    }

private:
    QTemporaryDir m_dir;
    HistoryStore m_store;
};

QTEST_GUILESS_MAIN(TestHistoryCost)
#include "tst_historycost.moc"
