// The Progress tab: total XP, visible challenge rewards, translated rule names,
// readable locked-badge tooltips, a badge grid that reflows, and the streak calendar.

#include "game/GamificationEngine.h"
#include "gui/GamificationPanel.h"
#include "gui/StreakCalendar.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

// Stands in for a German catalogue: the GUI asks for context "GameRules".
class GermanRules : public QTranslator
{
public:
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "GameRules") != 0)
            return {};
        if (qstrcmp(source, "First Steps") == 0)
            return u"Erste Schritte"_s;
        if (qstrcmp(source, "Your first successful reload.") == 0)
            return u"Dein erstes erfolgreiches Neuladen."_s;
        return {};
    }
    bool isEmpty() const override { return false; }
};

void recordXp(HistoryStore* store, int amount)
{
    XpEventRecord xp;
    xp.atUtc = QDateTime::currentDateTimeUtc();
    xp.amount = amount;
    xp.rule = u"test"_s;
    xp.reason = u"prepared"_s;
    store->recordXp(xp);
}

} // namespace

class TestProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void totalXpAndRewardsAreShown();
    void lockedBadgeTooltipIsRichAndReadable();
    void badgesReflowWithTheWidth();
    void namesAreTranslated();
    void calendarCellsForKnownDays();
    void calendarReadsTheStore();
    void grabLightAndDark();

private:
    QTemporaryDir m_dir;
};

void TestProgress::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QFile::remove(m_dir.filePath(u"history.sqlite"_s));
}

void TestProgress::totalXpAndRewardsAreShown()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    recordXp(&store, 1234);
    GamificationEngine engine(&store, GamificationSettings {});
    GamificationPanel panel;
    panel.setStore(&store);
    panel.refresh(&engine);
    QCOMPARE(panel.totalXpText(), u"1,234 XP in total"_s);
    const QStringList challenges = panel.challengeTexts();
    QCOMPARE(challenges.size(), GamificationEngine::kChallengesPerDay);
    const auto today = engine.todaysChallenges();
    for (int i = 0; i < challenges.size(); ++i) {
        QVERIFY2(challenges[i].contains(u"+%1 XP"_s.arg(today[i].def.xpReward)), qPrintable(challenges[i]));
        QVERIFY2(challenges[i].contains(today[i].def.description.toHtmlEscaped()), qPrintable(challenges[i]));
    }
}

void TestProgress::lockedBadgeTooltipIsRichAndReadable()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    recordXp(&store, 40);
    GamificationEngine engine(&store, GamificationSettings {});
    GamificationPanel panel;
    panel.setStore(&store);
    panel.refresh(&engine);
    const QStringList titles = panel.badgeTitles();
    const QStringList tips = panel.badgeToolTips();
    const qsizetype index = titles.indexOf(u"First 100 XP"_s);
    QVERIFY(index >= 0);
    const QString tip = tips.at(index);
    QVERIFY2(tip.contains(u"<b>First 100 XP</b>"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Earn your first 100 XP."_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Locked — Progress: 40 of 100"_s), qPrintable(tip));
    // No style sheet on the badges: it would colour the tooltip's text as well.
    const auto badges = panel.findChildren<QLabel*>(u"badge"_s);
    QVERIFY(!badges.isEmpty());
    for (const QLabel* badge : badges)
        QVERIFY(badge->styleSheet().isEmpty());
}

void TestProgress::badgesReflowWithTheWidth()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    GamificationEngine engine(&store, GamificationSettings {});
    GamificationPanel panel;
    panel.setStore(&store);
    panel.refresh(&engine);
    panel.resize(800, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY(panel.badgeColumns() >= 4);
    const int wide = panel.badgeColumns();
    QVERIFY(!panel.scrollsSideways());
    QCOMPARE(panel.calendar()->weeksShown(), StreakCalendar::kWeeks); // a year fits at 800 px
    panel.resize(420, 700);
    QTRY_VERIFY(panel.badgeColumns() < wide);
    QVERIFY(panel.badgeColumns() >= 1);
    QVERIFY(!panel.scrollsSideways());
    QVERIFY(panel.width() <= 520); // nothing holds the tab wider than the window
    QVERIFY(panel.calendar()->weeksShown() < StreakCalendar::kWeeks); // the newest weeks that fit
    QCOMPARE(panel.calendar()->dayAt(panel.calendar()->cellRect(QDate::currentDate()).center()),
        QDate::currentDate());
    panel.resize(1400, 700);
    QTRY_VERIFY(panel.badgeColumns() > wide);
    QVERIFY(!panel.scrollsSideways());
    // Every badge is laid out inside the visible width.
    const auto badges = panel.findChildren<QLabel*>(u"badge"_s);
    const QScrollArea* scroll = panel.findChild<QScrollArea*>();
    QVERIFY(scroll);
    for (const QLabel* badge : badges)
        QVERIFY(badge->geometry().right() <= scroll->viewport()->width());
}

void TestProgress::namesAreTranslated()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    GamificationEngine engine(&store, GamificationSettings {});
    GermanRules german;
    QVERIFY(QCoreApplication::installTranslator(&german));
    GamificationPanel panel;
    panel.refresh(&engine);
    QCoreApplication::removeTranslator(&german);
    QVERIFY2(
        panel.badgeTitles().contains(u"Erste Schritte"_s), qPrintable(panel.badgeTitles().join(u", "_s)));
    QVERIFY(!panel.badgeTitles().contains(u"First Steps"_s));
    const qsizetype index = panel.badgeTitles().indexOf(u"Erste Schritte"_s);
    QVERIFY(panel.badgeToolTips().at(index).contains(u"Dein erstes erfolgreiches Neuladen."_s));
}

void TestProgress::calendarCellsForKnownDays()
{
    const QDate today(2026, 6, 17); // a Wednesday
    StreakCalendar calendar;
    calendar.setCounts(
        { { today, 3 }, { today.addDays(-1), 1 }, { today.addDays(-10), 6 }, { today.addDays(-500), 9 } },
        today);
    // US weeks begin on Sunday: the first column's top cell is a Sunday 52 weeks back.
    QCOMPARE(calendar.firstDay().dayOfWeek(), 7);
    QCOMPARE(calendar.firstDay(), QDate(2025, 6, 15));
    QCOMPARE(calendar.countOn(today), 3);
    QCOMPARE(calendar.levelOf(today.addDays(-10)), 4); // the busiest day in view
    QCOMPARE(calendar.levelOf(today), 2);
    QCOMPARE(calendar.levelOf(today.addDays(-1)), 1);
    QCOMPARE(calendar.levelOf(today.addDays(-2)), 0);
    QVERIFY(calendar.cellColor(today) != calendar.cellColor(today.addDays(-2)));
    QCOMPARE(calendar.cellText(today), u"3 reload(s) on Wednesday, June 17, 2026"_s);
    QCOMPARE(calendar.cellText(today.addDays(-1)), u"1 reload(s) on Tuesday, June 16, 2026"_s);
    // Today sits in the last column on its weekday's row; a day's cell maps back to it.
    const QRect cell = calendar.cellRect(today);
    QVERIFY(!cell.isEmpty());
    QCOMPARE(calendar.dayAt(cell.center()), today);
    QCOMPARE(calendar.dayAt(calendar.cellRect(today.addDays(-10)).center()), today.addDays(-10));
    QVERIFY(calendar.cellRect(today.addDays(-500)).isEmpty());
    QVERIFY(calendar.cellRect(today.addDays(1)).isEmpty());
    QVERIFY(calendar.cellRect(today).left() > calendar.cellRect(today.addDays(-7)).left());
    QCOMPARE(calendar.cellRect(today).top(), calendar.cellRect(today.addDays(-7)).top());
    // Month names of the locale; German ones under a German locale.
    QVERIFY(calendar.monthLabels().contains(u"Jun"_s));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    StreakCalendar german;
    german.setCounts({}, today);
    QCOMPARE(german.firstDay().dayOfWeek(), 1); // weeks begin on Monday there
    const QString december = QLocale().standaloneMonthName(12, QLocale::ShortFormat);
    QVERIFY(december.startsWith(u"Dez"_s));
    QVERIFY2(german.monthLabels().contains(december), qPrintable(german.monthLabels().join(u' ')));
    QCOMPARE(german.cellText(today), u"0 reload(s) on Mittwoch, 17. Juni 2026"_s);
}

void TestProgress::calendarReadsTheStore()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    const QDateTime now = QDateTime::currentDateTime();
    QList<ReloadRecord> records;
    for (int i = 0; i < 4; ++i) {
        ReloadRecord r;
        r.atUtc = now.addSecs(-i).toUTC();
        r.performed = r.requested = ReloadStrategy::HotReload;
        r.startToReadyMs = r.totalMs = 20;
        records.append(r);
    }
    QVERIFY(store.recordReloads(records));
    GamificationPanel panel;
    panel.setStore(&store);
    QCOMPARE(panel.calendar()->countOn(now.date()), 4);
    QCOMPARE(panel.calendar()->today(), QDate::currentDate());
}

void TestProgress::grabLightAndDark()
{
    // For a look by eye: FOXRELOAD_CHART_SHOTS=<folder> keeps light and dark renderings.
    const QString folder = qEnvironmentVariable("FOXRELOAD_CHART_SHOTS");
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(u"history.sqlite"_s)));
    QList<ReloadRecord> records;
    const QDateTime now = QDateTime::currentDateTime();
    for (int i = 0; i < 400; ++i) {
        ReloadRecord r;
        r.atUtc = now.addSecs(-qint64(i) * 3600 * 17).toUTC();
        r.performed = r.requested = ReloadStrategy::HotReload;
        r.startToReadyMs = r.totalMs = 20;
        records.append(r);
    }
    QVERIFY(store.recordReloads(records));
    recordXp(&store, 180);
    store.unlockAchievement(u"first_reload"_s, now.toUTC());
    GamificationEngine engine(&store, GamificationSettings {});
    for (const bool dark : { false, true }) {
        GamificationPanel panel;
        if (dark) {
            QPalette palette;
            palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
            palette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
            palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Button, QColor(0x30, 0x30, 0x30));
            palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
            panel.setPalette(palette);
            panel.setAutoFillBackground(true);
        }
        panel.setStore(&store);
        panel.refresh(&engine);
        panel.resize(800, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(panel.badgeColumns() >= 4);
        const QPixmap pixmap = panel.grab();
        QVERIFY(!pixmap.isNull());
        if (!folder.isEmpty())
            QVERIFY(
                pixmap.save(QDir(folder).filePath(dark ? u"progress-dark.png"_s : u"progress-light.png"_s)));
    }
}

QTEST_MAIN(TestProgress)
#include "tst_progress.moc"
