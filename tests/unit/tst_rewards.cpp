// The reward table and its unlock rule: rewards unlocked by level and by achievement, the
// choice that falls back to the default while locked, the next reward and a locked one's hint.
#include "game/Rewards.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestRewards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsWellFormed();
    void unlockedByLevel_data();
    void unlockedByLevel();
    void unlockedByAchievement_data();
    void unlockedByAchievement();
    void effectiveChoice_data();
    void effectiveChoice();
    void levelTitle_data();
    void levelTitle();
    void nextLocked_data();
    void nextLocked();
    void hint_data();
    void hint();
};

void TestRewards::tableIsWellFormed()
{
    QSet<QString> ids;
    for (const auto& def : rewards::rewardDefs()) {
        QVERIFY2(!ids.contains(def.id), qPrintable(def.id));
        ids.insert(def.id);
        QVERIFY2((def.level > 0) != !def.achievement.isEmpty(), qPrintable(def.id)); // exactly one way
        if (!def.achievement.isEmpty())
            QVERIFY2(gamerules::findAchievement(def.achievement), qPrintable(def.achievement));
        const qsizetype colours = def.kind == RewardKind::Skin ? 4 : def.kind == RewardKind::Accent ? 2 : 0;
        QCOMPARE(def.colours.size(), colours);
        static const QRegularExpression hex(u"^#[0-9a-f]{6}$"_s);
        for (const auto& colour : def.colours)
            QVERIFY2(hex.match(colour).hasMatch(), qPrintable(colour));
        QVERIFY2(def.id.startsWith(rewards::kindName(def.kind) + u'_'), qPrintable(def.id));
    }
    for (const auto kind : { RewardKind::Skin, RewardKind::Accent, RewardKind::Title }) {
        QCOMPARE(rewards::defaultReward(kind).kind, kind);
        QCOMPARE(rewards::defaultReward(kind).level, 1);
    }
}

void TestRewards::unlockedByLevel_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("unlocked");
    QTest::newRow("default skin at level 1") << 1 << u"skin_red"_s << true;
    QTest::newRow("arctic below its level") << 2 << u"skin_arctic"_s << false;
    QTest::newRow("arctic at its level") << 3 << u"skin_arctic"_s << true;
    QTest::newRow("arctic above its level") << 7 << u"skin_arctic"_s << true;
    QTest::newRow("ember at 2") << 2 << u"accent_ember"_s << true;
    QTest::newRow("den master at 9") << 9 << u"title_den_master"_s << false;
    QTest::newRow("den master at 10") << 10 << u"title_den_master"_s << true;
    QTest::newRow("an achievement's reward is not a level's") << 99 << u"skin_silver"_s << false;
}

void TestRewards::unlockedByLevel()
{
    QFETCH(int, level);
    QFETCH(QString, id);
    QFETCH(bool, unlocked);
    const RewardDef* def = rewards::findReward(id);
    QVERIFY(def);
    QCOMPARE(rewards::isUnlocked(*def, level, {}), unlocked);
    const auto status = rewards::statusFor(level, QSet<QString> {});
    const auto it
        = std::find_if(status.cbegin(), status.cend(), [&](const RewardStatus& s) { return s.def.id == id; });
    QVERIFY(it != status.cend());
    QCOMPARE(it->unlocked, unlocked);
}

void TestRewards::unlockedByAchievement_data()
{
    QTest::addColumn<QStringList>("achievements");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("unlocked");
    QTest::newRow("none") << QStringList {} << u"skin_silver"_s << false;
    QTest::newRow("its achievement") << QStringList { u"reloads_100"_s } << u"skin_silver"_s << true;
    QTest::newRow("another achievement") << QStringList { u"reloads_10"_s } << u"skin_silver"_s << false;
    QTest::newRow("one achievement, two rewards")
        << QStringList { u"night_fox"_s } << u"title_night_prowler"_s << true;
    QTest::newRow("one achievement, the skin too")
        << QStringList { u"night_fox"_s } << u"skin_night"_s << true;
    QTest::newRow("unlocked achievement status")
        << QStringList { u"quick_paws"_s } << u"accent_ocean"_s << true;
}

void TestRewards::unlockedByAchievement()
{
    QFETCH(QStringList, achievements);
    QFETCH(QString, id);
    QFETCH(bool, unlocked);
    // As the engine reports them: every achievement, listed with whether it is unlocked.
    QList<AchievementStatus> statuses;
    for (const auto& def : gamerules::achievementDefs()) {
        AchievementStatus status { def, achievements.contains(def.id), {} };
        statuses.append(status);
    }
    const auto status = rewards::statusFor(1, statuses);
    const auto it
        = std::find_if(status.cbegin(), status.cend(), [&](const RewardStatus& s) { return s.def.id == id; });
    QVERIFY(it != status.cend());
    QCOMPARE(it->unlocked, unlocked);
}

void TestRewards::effectiveChoice_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("shown");
    QTest::newRow("nothing chosen") << int(RewardKind::Skin) << QString() << 5 << u"skin_red"_s;
    QTest::newRow("unlocked choice") << int(RewardKind::Skin) << u"skin_arctic"_s << 3 << u"skin_arctic"_s;
    QTest::newRow("locked choice falls back")
        << int(RewardKind::Skin) << u"skin_arctic"_s << 2 << u"skin_red"_s;
    QTest::newRow("choice of another kind")
        << int(RewardKind::Title) << u"skin_arctic"_s << 5 << u"title_kit"_s;
    QTest::newRow("unknown id") << int(RewardKind::Accent) << u"accent_plaid"_s << 50 << u"accent_heather"_s;
    QTest::newRow("title") << int(RewardKind::Title) << u"title_trickster"_s << 5 << u"title_trickster"_s;
}

void TestRewards::effectiveChoice()
{
    QFETCH(int, kind);
    QFETCH(QString, chosen);
    QFETCH(int, level);
    QFETCH(QString, shown);
    QCOMPARE(
        rewards::effective(RewardKind(kind), chosen, rewards::statusFor(level, QSet<QString> {})).id, shown);
}

void TestRewards::levelTitle_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("id");
    QTest::newRow("no level yet") << 0 << u"title_kit"_s;
    QTest::newRow("level 1") << 1 << u"title_kit"_s;
    QTest::newRow("just below scout") << 2 << u"title_kit"_s;
    QTest::newRow("scout at 3") << 3 << u"title_scout"_s;
    QTest::newRow("trickster at 5") << 5 << u"title_trickster"_s;
    QTest::newRow("trickster at 9") << 9 << u"title_trickster"_s;
    QTest::newRow("den master at 10") << 10 << u"title_den_master"_s;
    QTest::newRow("den master far above") << 80 << u"title_den_master"_s;
}

void TestRewards::levelTitle()
{
    // What the leaderboard shows: the highest title a level unlocks, never an achievement's.
    QFETCH(int, level);
    QFETCH(QString, id);
    const RewardDef& title = rewards::levelTitle(level);
    QCOMPARE(title.id, id);
    QCOMPARE(title.kind, RewardKind::Title);
    QVERIFY(title.achievement.isEmpty());
}

void TestRewards::nextLocked_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QStringList>("achievements");
    QTest::addColumn<QString>("next");
    QTest::newRow("level 1: the level-2 accent") << 1 << QStringList {} << u"accent_ember"_s;
    QTest::newRow("level 3: the level-4 accent") << 3 << QStringList {} << u"accent_forest"_s;
    QTest::newRow("level 10: the first achievement one") << 10 << QStringList {} << u"skin_silver"_s;
    QStringList all;
    for (const auto& def : gamerules::achievementDefs())
        all.append(def.id);
    QTest::newRow("everything") << 10 << all << QString();
}

void TestRewards::nextLocked()
{
    QFETCH(int, level);
    QFETCH(QStringList, achievements);
    QFETCH(QString, next);
    const auto status = rewards::statusFor(level, QSet<QString>(achievements.cbegin(), achievements.cend()));
    const RewardStatus* found = rewards::nextLocked(status);
    QCOMPARE(found ? found->def.id : QString(), next);
    if (found)
        QVERIFY(!found->unlocked);
}

void TestRewards::hint_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("hint");
    QTest::newRow("by level") << u"skin_golden"_s << u"Reach level 10."_s;
    QTest::newRow("by achievement") << u"accent_ocean"_s
                                    << u"Unlock the achievement “Quick Paws”: Ten hot reloads, each ready "
                                       u"within 50 ms."_s;
    QTest::newRow("title by achievement")
        << u"title_fixer"_s
        << u"Unlock the achievement “Quick Fix”: Fix a failed reload within five minutes."_s;
}

void TestRewards::hint()
{
    QFETCH(QString, id);
    QFETCH(QString, hint);
    const RewardDef* def = rewards::findReward(id);
    QVERIFY(def);
    QCOMPARE(rewards::unlockHint(*def), hint);
}

QTEST_GUILESS_MAIN(TestRewards)
#include "tst_rewards.moc"
