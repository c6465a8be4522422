// Rewards in the desktop app: Settings → Desktop lists every reward, locked ones disabled with
// how to unlock them; choosing an unlocked one is stored and shows at once (the tray's fox and
// tooltip title, the dashboard's accent); a stored choice the game has not unlocked falls back
// to the default. Runs offscreen; the app's settings live in a temporary XDG_CONFIG_HOME.
#include "game/Rewards.h"
#include "gui/AccentColour.h"
#include "gui/AppSettings.h"
#include "gui/ChartTheme.h"
#include "gui/DashboardHeader.h"
#include "gui/DashboardWindow.h"
#include "gui/Notifier.h"
#include "gui/ProjectManager.h"
#include "gui/ProxiedSession.h"
#include "gui/RewardChoices.h"
#include "gui/RewardsPicker.h"
#include "gui/TrayController.h"
#include "gui/TrayIcons.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;
using namespace foxreload::gui;

namespace {

bool itemEnabled(QComboBox* box, int row)
{
    auto* model = qobject_cast<QStandardItemModel*>(box->model());
    return model && model->item(row)->isEnabled();
}

QImage iconImage(const QIcon& icon)
{
    return icon.pixmap(QSize(64, 64)).toImage().convertToFormat(QImage::Format_ARGB32);
}

// How many pixels of the 64 px icon are close to `colour`.
int pixelsNear(const QImage& image, const QColor& colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() > 200 && std::abs(pixel.red() - colour.red()) < 12
                && std::abs(pixel.green() - colour.green()) < 12
                && std::abs(pixel.blue() - colour.blue()) < 12)
                ++count;
        }
    }
    return count;
}

// A session in the state the test gives it, as the event socket would report it.
class DrivenSession : public ProxiedSession
{
public:
    explicit DrivenSession(const QString& projectRoot)
        : ProxiedSession(projectRoot, projectRoot)
    { }
    using MonitoredSession::noteOrchestratorState;
    using MonitoredSession::noteServerReady;
    void restartNow() override { }
    void setPaused(bool) override { }
};

} // namespace

class TestRewardsPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        for (const auto kind : { RewardKind::Skin, RewardKind::Accent, RewardKind::Title })
            AppSettings().setReward(rewards::kindName(kind), QString());
    }

    void lockedAreDisabledWithHint_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("hint");
        QTest::newRow("skin by level, reached")
            << int(RewardKind::Skin) << u"skin_arctic"_s << true << QString();
        QTest::newRow("skin by level, locked")
            << int(RewardKind::Skin) << u"skin_golden"_s << false << u"Reach level 10."_s;
        QTest::newRow("accent by achievement, locked")
            << int(RewardKind::Accent) << u"accent_ocean"_s << false
            << u"Unlock the achievement “Quick Paws”: Ten hot reloads, each ready within 50 ms."_s;
        QTest::newRow("title by achievement, unlocked")
            << int(RewardKind::Title) << u"title_fixer"_s << true << QString();
    }

    void lockedAreDisabledWithHint()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(bool, enabled);
        QFETCH(QString, hint);
        RewardChoices choices;
        choices.setProgress(3, { u"quick_fix"_s });
        RewardsPicker picker;
        picker.setChoices(&choices);
        QComboBox* box = picker.list(RewardKind(kind));
        const int row = box->findData(id);
        QVERIFY(row >= 0);
        QCOMPARE(itemEnabled(box, row), enabled);
        if (!enabled) {
            QVERIFY2(box->itemText(row).contains(hint), qPrintable(box->itemText(row)));
            QCOMPARE(box->itemData(row, Qt::ToolTipRole).toString(), hint);
        } else {
            QCOMPARE(box->itemText(row), rewards::displayName(*rewards::findReward(id)));
        }
        // The default is what is selected before any choice.
        QCOMPARE(picker.selectedId(RewardKind(kind)), rewards::defaultReward(RewardKind(kind)).id);
        // The next reward is named with its hint: at level 3, the level-4 accent.
        auto* next = picker.findChild<QLabel*>(u"rewardsNext"_s);
        QVERIFY(next);
        QVERIFY2(next->text().contains(u"Forest"_s) && next->text().contains(u"Reach level 4."_s),
            qPrintable(next->text()));
    }

    void choosingPersistsAndApplies()
    {
        RewardChoices choices;
        choices.setProgress(3, {});
        ProjectManager projects;
        auto* session = new DrivenSession(u"/srv/reynard-server"_s);
        projects.addProxiedSession(session);
        session->noteOrchestratorState(ReloadOrchestrator::State::Ready);
        session->noteServerReady(4242, 9);
        Notifier notifier;
        TrayController tray(&projects, &notifier);
        tray.setRewards(&choices);
        QCOMPARE(tray.shownStatus(), int(MonitoredSession::Status::Watching)); // the fox in colour
        QVERIFY2(
            tray.icon()->toolTip().startsWith(u"FoxReload — Kit\n"_s), qPrintable(tray.icon()->toolTip()));
        const QImage before = iconImage(tray.icon()->icon());

        RewardsPicker picker;
        picker.setChoices(&choices);
        QSignalSpy changed(&choices, &RewardChoices::changed);
        picker.list(RewardKind::Skin)
            ->setCurrentIndex(picker.list(RewardKind::Skin)->findData(u"skin_arctic"_s));
        picker.list(RewardKind::Title)
            ->setCurrentIndex(picker.list(RewardKind::Title)->findData(u"title_scout"_s));
        // A locked one cannot be selected through the list's model either.
        QVERIFY(!itemEnabled(
            picker.list(RewardKind::Accent), picker.list(RewardKind::Accent)->findData(u"accent_gold"_s)));
        QCOMPARE(changed.size(), 0); // nothing is stored before Save
        picker.apply();
        QCOMPARE(changed.size(), 2);

        QCOMPARE(AppSettings().reward(u"skin"_s), u"skin_arctic"_s);
        QCOMPARE(AppSettings().reward(u"title"_s), u"title_scout"_s);
        QCOMPARE(AppSettings().reward(u"accent"_s), QString()); // the default, never chosen
        QVERIFY2(
            tray.icon()->toolTip().startsWith(u"FoxReload — Scout\n"_s), qPrintable(tray.icon()->toolTip()));
        const QImage after = iconImage(tray.icon()->icon());
        QVERIFY(before != after);
        QCOMPARE(pixelsNear(after, QColor(u"#f57c00"_s)), 0); // no red fur left
        QVERIFY(pixelsNear(after, QColor(u"#e3eaef"_s)) > 100); // the arctic fur

        // A new picker (the dialog opened again) shows what was chosen.
        RewardsPicker again;
        again.setChoices(&choices);
        QCOMPARE(again.selectedId(RewardKind::Skin), u"skin_arctic"_s);
        QCOMPARE(again.selectedId(RewardKind::Title), u"title_scout"_s);
    }

    void lockedChoiceFallsBack()
    {
        AppSettings().setReward(u"title"_s, u"title_den_master"_s); // chosen with another database
        RewardChoices choices;
        choices.setProgress(9, {});
        QCOMPARE(choices.shown(RewardKind::Title).id, u"title_kit"_s);
        QVERIFY(!choices.choose(u"title_den_master"_s)); // still locked: nothing stored
        QVERIFY(!choices.choose(u"no_such_reward"_s));
        QSignalSpy changed(&choices, &RewardChoices::changed);
        choices.setProgress(10, {});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(choices.shown(RewardKind::Title).id, u"title_den_master"_s);
        choices.setProgress(10, {}); // the same state again: no signal
        QCOMPARE(changed.size(), 1);
    }

    void skinsKeepStateColours_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("recoloured");
        QTest::newRow("watching") << int(MonitoredSession::Status::Watching) << true;
        QTest::newRow("reloading") << int(MonitoredSession::Status::Reloading) << true;
        QTest::newRow("error") << int(MonitoredSession::Status::Error) << true;
        QTest::newRow("paused: the grey fox") << int(MonitoredSession::Status::Paused) << false;
        QTest::newRow("stopped: the grey fox") << int(MonitoredSession::Status::Stopped) << false;
    }

    void skinsKeepStateColours()
    {
        QFETCH(int, status);
        QFETCH(bool, recoloured);
        const auto state = MonitoredSession::Status(status);
        for (const auto& def : rewards::rewardDefs()) {
            if (def.kind != RewardKind::Skin || def.id == rewards::defaultReward(RewardKind::Skin).id)
                continue;
            const QImage skinned = iconImage(stateIcon(state, def));
            QVERIFY2(!skinned.isNull(), qPrintable(def.id));
            QCOMPARE(skinned != iconImage(stateIcon(state)), recoloured);
            if (recoloured)
                QVERIFY2(pixelsNear(skinned, QColor(def.colours[0])) > 100, qPrintable(def.id));
        }
    }

    void accentColoursTheDashboard()
    {
        ProjectManager projects;
        DashboardWindow dashboard(&projects);
        const RewardDef* rose = rewards::findReward(u"accent_rose");
        QVERIFY(rose);
        const QColor windowBefore = dashboard.header()->palette().color(QPalette::Window);
        applyAccent(&dashboard, *rose);
        const bool dark = charttheme::isDark(dashboard.palette());
        const QColor expected(rose->colours[dark ? 1 : 0]);
        QCOMPARE(dashboard.palette().color(QPalette::Highlight), expected);
        QCOMPARE(charttheme::xpColor(dashboard.palette()), expected);
        QVERIFY(dashboard.header()->autoFillBackground());
        QVERIFY(dashboard.header()->palette().color(QPalette::Window) != windowBefore);
        applyAccent(&dashboard, rewards::defaultReward(RewardKind::Accent));
        QCOMPARE(charttheme::xpColor(dashboard.palette()),
            QColor(rewards::defaultReward(RewardKind::Accent).colours[dark ? 1 : 0]));
    }
};

int main(int argc, char* argv[])
{
    // AppSettings (QSettings) in a directory of the test's own, never the user's.
    QTemporaryDir config;
    if (!config.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    TestRewardsPicker test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_rewardspicker.moc"
