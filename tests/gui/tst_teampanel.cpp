// The dashboard's Team tab: shown only while the history database is shared (more than one
// player), the leaderboard in it ranked by XP with the local player in bold, sortable by
// clicking a column or by keyboard (the "Sort by" list), and refreshed when another process
// writes to the database.
#include "GuiTestSupport.h"
#include "game/GamificationEngine.h"
#include "game/Rewards.h"
#include "gui/DashboardWindow.h"
#include "gui/ProjectManager.h"
#include "gui/TeamPanel.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

// `player` writes `reloads` hot reloads (the first `fastestMs`, the others slower) and `xp` XP now.
void play(
    const QString& path, const QString& player, const QString& team, int reloads, qint64 fastestMs, int xp)
{
    HistoryStore store;
    store.setPlayer(player, team);
    QVERIFY(store.open(path));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < reloads; ++i) {
        ReloadRecord record;
        record.atUtc = now;
        record.requested = record.performed = ReloadStrategy::HotReload;
        record.totalMs = record.startToReadyMs = fastestMs + i * 10;
        QVERIFY(store.recordReload(record) > 0);
    }
    XpEventRecord event;
    event.atUtc = now;
    event.amount = xp;
    QVERIFY(store.recordXp(event) > 0);
}

int rowOf(const TeamPanel* panel, const QString& player)
{
    for (int row = 0; row < panel->rowCount(); ++row) {
        if (panel->cellText(row, TeamPanel::PlayerColumn) == player)
            return row;
    }
    return -1;
}

} // namespace

class TestTeamPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void tabAppearsWhenASecondPlayerWrites();
    void sortsByColumnAndByKeyboard_data();
    void sortsByColumnAndByKeyboard();
};

void TestTeamPanel::tabAppearsWhenASecondPlayerWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    HistoryStore store;
    store.setPlayer(u"alice"_s, u"core"_s);
    QVERIFY(store.open(path));
    store.watchExternalChanges(50);
    GamificationEngine engine(&store, GamificationSettings {});
    ProjectManager projects;
    DashboardWindow dashboard(&projects);
    dashboard.setHistory(&store, &engine);
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    TeamPanel* team = dashboard.teamPanel();
    QVERIFY(team);
    QCOMPARE(dashboard.tabs()->indexOf(team), -1); // alone: no Team tab

    // Bob writes to the same file from elsewhere: the tab comes, with both players.
    play(path, u"bob"_s, u"ops"_s, 3, 25, 80);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.tabs()->indexOf(team) >= 0, 10000);
    QCOMPARE(dashboard.tabs()->indexOf(team), dashboard.tabs()->count() - 1);
    QTRY_COMPARE_WITH_TIMEOUT(team->rowCount(), 2, 10000);
    QCOMPARE(team->cellText(0, TeamPanel::PlayerColumn), u"bob"_s);
    QCOMPARE(team->cellText(0, TeamPanel::TeamColumn), u"ops"_s);
    QCOMPARE(team->cellText(0, TeamPanel::ReloadsColumn), u"3"_s);
    QCOMPARE(team->cellText(0, TeamPanel::FastestColumn), u"25 ms"_s);
    QCOMPARE(team->cellText(1, TeamPanel::PlayerColumn), u"alice"_s);
    QCOMPARE(team->cellText(1, TeamPanel::FastestColumn), u"—"_s);
    for (int row = 0; row < 2; ++row) {
        const int level = team->cellText(row, TeamPanel::LevelColumn).toInt();
        QCOMPARE(
            team->cellText(row, TeamPanel::TitleColumn), rewards::displayName(rewards::levelTitle(level)));
    }
    // The local player stands out.
    const QModelIndex mine = team->view()->model()->index(1, TeamPanel::PlayerColumn);
    QVERIFY(mine.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(
        !team->view()->model()->index(0, TeamPanel::PlayerColumn).data(Qt::FontRole).value<QFont>().bold());

    // Alice overtakes Bob: the board follows her own award.
    XpEventRecord event;
    event.atUtc = QDateTime::currentDateTimeUtc();
    event.amount = 100;
    QVERIFY(store.recordXp(event) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(team->cellText(0, TeamPanel::PlayerColumn), u"alice"_s, 10000);
    QCOMPARE(team->cellText(0, TeamPanel::XpColumn), QLocale().toString(100));
}

void TestTeamPanel::sortsByColumnAndByKeyboard_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("order"); // players top to bottom after the sort
    QTest::newRow("rank") << int(TeamPanel::RankColumn) << QStringList { u"cid"_s, u"ann"_s, u"Bea"_s };
    QTest::newRow("player, case-insensitive")
        << int(TeamPanel::PlayerColumn) << QStringList { u"ann"_s, u"Bea"_s, u"cid"_s };
    QTest::newRow("reloads, most first")
        << int(TeamPanel::ReloadsColumn) << QStringList { u"Bea"_s, u"ann"_s, u"cid"_s };
    QTest::newRow("fastest, none last")
        << int(TeamPanel::FastestColumn) << QStringList { u"ann"_s, u"Bea"_s, u"cid"_s };
}

void TestTeamPanel::sortsByColumnAndByKeyboard()
{
    QFETCH(int, column);
    QFETCH(QStringList, order);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    play(path, u"ann"_s, QString(), 2, 8, 50);
    play(path, u"Bea"_s, QString(), 5, 30, 20);
    play(path, u"cid"_s, QString(), 0, 0, 90);
    HistoryStore store;
    store.setPlayer(u"cid"_s);
    QVERIFY(store.open(path));
    GamificationEngine engine(&store, GamificationSettings {});
    QVERIFY(TeamPanel::isShared(&store));

    TeamPanel panel;
    panel.setGame(&store, &engine);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QCOMPARE(panel.rowCount(), 3);
    QCOMPARE(rowOf(&panel, u"cid"_s), 0); // most XP first
    QCOMPARE(panel.cellText(rowOf(&panel, u"cid"_s), TeamPanel::FastestColumn), u"—"_s);

    // By keyboard: focus the "Sort by" list with its mnemonic, pick the column with the arrows.
    QComboBox* choice = panel.sortChoice();
    panel.view()->setFocus();
    QTest::keyClick(&panel, Qt::Key_Y, Qt::AltModifier);
    QTRY_VERIFY(choice->hasFocus());
    // From the current entry to the wanted one, the way a user steps through the list.
    const int target = choice->findData(column);
    QVERIFY(target >= 0);
    choice->setCurrentIndex(column == 0 ? 1 : 0);
    const int start = choice->currentIndex();
    for (int step = start; step != target; step += target > start ? 1 : -1)
        QTest::keyClick(choice, target > start ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(choice->currentIndex(), target);
    QStringList shown;
    for (int row = 0; row < panel.rowCount(); ++row)
        shown.append(panel.cellText(row, TeamPanel::PlayerColumn));
    QCOMPARE(shown, order);
    QCOMPARE(panel.view()->horizontalHeader()->sortIndicatorSection(), column);

    // A click on another column's header sorts by it and the list says so.
    const int other = column == TeamPanel::XpColumn ? TeamPanel::PlayerColumn : TeamPanel::XpColumn;
    QHeaderView* header = panel.view()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(
            header->sectionViewportPosition(other) + header->sectionSize(other) / 2, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), other);
    QCOMPARE(choice->currentData().toInt(), other);
}

QTEST_MAIN(TestTeamPanel)
#include "tst_teampanel.moc"
