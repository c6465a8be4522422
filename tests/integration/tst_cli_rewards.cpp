// `foxreload stats` lists the rewards: in JSON each with its kind, whether it is unlocked and
// how to unlock it; in text the unlocked ones and the next. The database is written as the game
// writes it (XP events, an unlocked achievement), then read by the real binary.

#include "common/CliProcess.h"
#include "store/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::test;

class TestCliRewards : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString dbPath() const { return m_home.filePath(u"h.sqlite"_s); }

    // A history with `xp` XP earned and the achievements `unlocked`.
    bool seed(int xp, const QStringList& unlocked)
    {
        QFile::remove(dbPath());
        HistoryStore store;
        if (!store.open(dbPath()))
            return false;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        XpEventRecord event;
        event.atUtc = now;
        event.amount = xp;
        event.rule = u"reload_hot"_s;
        event.reason = u"seeded by the test"_s;
        if (xp > 0 && store.recordXp(event) <= 0)
            return false;
        for (const auto& id : unlocked) {
            if (!store.unlockAchievement(id, now))
                return false;
        }
        return true;
    }

    QByteArray stats(const QStringList& extra)
    {
        QProcess process;
        process.setProcessEnvironment(isolatedEnvironment(m_home.path()));
        process.setWorkingDirectory(m_home.path());
        process.start(
            QStringLiteral(FOXRELOAD_EXECUTABLE), QStringList { u"stats"_s, u"--db"_s, dbPath() } + extra);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            qWarning() << process.readAllStandardError();
            return {};
        }
        return process.readAllStandardOutput();
    }

    static QJsonObject reward(const QJsonArray& rewards, const QString& id)
    {
        for (const auto& value : rewards) {
            if (value.toObject().value(u"id"_s).toString() == id)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void json_data()
    {
        QTest::addColumn<int>("xp");
        QTest::addColumn<QStringList>("achievements");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("unlocked");
        QTest::addColumn<QString>("hint");
        // Level 3 begins at 150 XP.
        QTest::newRow("by level, reached")
            << 150 << QStringList {} << u"skin_arctic"_s << u"skin"_s << true << u"Reach level 3."_s;
        QTest::newRow("by level, one XP short")
            << 149 << QStringList {} << u"skin_arctic"_s << u"skin"_s << false << u"Reach level 3."_s;
        QTest::newRow("by achievement, locked")
            << 0 << QStringList {} << u"accent_rose"_s << u"accent"_s << false
            << u"Unlock the achievement “Challenger”: Complete a daily challenge."_s;
        QTest::newRow("by achievement, unlocked")
            << 0 << QStringList { u"challenger"_s } << u"accent_rose"_s << u"accent"_s << true
            << u"Unlock the achievement “Challenger”: Complete a daily challenge."_s;
        QTest::newRow("default title")
            << 0 << QStringList {} << u"title_kit"_s << u"title"_s << true << u"Reach level 1."_s;
    }

    void json()
    {
        QFETCH(int, xp);
        QFETCH(QStringList, achievements);
        QFETCH(QString, id);
        QFETCH(QString, kind);
        QFETCH(bool, unlocked);
        QFETCH(QString, hint);
        QVERIFY(seed(xp, achievements));
        const QJsonObject object = QJsonDocument::fromJson(stats({ u"--json"_s })).object();
        const QJsonArray rewards = object.value(u"rewards"_s).toArray();
        QVERIFY2(rewards.size() >= 18, qPrintable(QString::number(rewards.size())));
        const QJsonObject found = reward(rewards, id);
        QCOMPARE(found.value(u"kind"_s).toString(), kind);
        QCOMPARE(found.value(u"unlocked"_s).toBool(), unlocked);
        QCOMPARE(found.value(u"unlock"_s).toObject().value(u"hint"_s).toString(), hint);
        QVERIFY(!found.value(u"name"_s).toString().isEmpty());
        const QJsonObject unlock = found.value(u"unlock"_s).toObject();
        QVERIFY(unlock.contains(u"level"_s) != unlock.contains(u"achievement"_s));
    }

    void text()
    {
        QVERIFY(seed(150, { u"night_fox"_s }));
        const QString out = QString::fromUtf8(stats({}));
        QVERIFY2(out.contains(u"Tray foxes: Red Fox, Arctic Fox, Night Fox"_s), qPrintable(out));
        QVERIFY2(out.contains(u"Titles: Kit, Scout, Night Prowler"_s), qPrintable(out));
        // Level 3: the level-4 accent comes next.
        QVERIFY2(out.contains(u"next: Forest (accent) — Reach level 4."_s), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCliRewards)
#include "tst_cli_rewards.moc"
