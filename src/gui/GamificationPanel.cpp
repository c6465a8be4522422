#include "GamificationPanel.h"

#include "game/GamificationEngine.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

void clearLayout(QLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace

GamificationPanel::GamificationPanel(QWidget* parent)
    : QWidget(parent)
    , m_level(new QLabel(this))
    , m_xp(new QProgressBar(this))
    , m_streak(new QLabel(this))
    , m_disabled(new QLabel(this))
{
    auto* outer = new QVBoxLayout(this);
    m_disabled->setWordWrap(true);
    m_disabled->hide();
    outer->addWidget(m_disabled);

    m_content = new QWidget(this);
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* top = new QHBoxLayout;
    QFont big = m_level->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_level->setFont(big);
    m_level->setAccessibleName(tr("Level"));
    top->addWidget(m_level);
    m_xp->setAccessibleName(tr("Experience towards the next level"));
    m_xp->setRange(0, 1000);
    m_xp->setTextVisible(true);
    m_xp->setMinimumWidth(220);
    top->addWidget(m_xp, 1);
    m_streak->setAccessibleName(tr("Streak"));
    QFont streakFont = m_streak->font();
    streakFont.setBold(true);
    m_streak->setFont(streakFont);
    top->addWidget(m_streak);
    layout->addLayout(top);

    auto* challenges = new QGroupBox(tr("Today's challenges"), m_content);
    m_challengeList = new QVBoxLayout(challenges);
    layout->addWidget(challenges);

    auto* achievements = new QGroupBox(tr("Achievements"), m_content);
    auto* scroll = new QScrollArea(achievements);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* grid = new QWidget(scroll);
    m_badgeGrid = new QGridLayout(grid);
    m_badgeGrid->setSpacing(10);
    m_badgeGrid->setAlignment(Qt::AlignTop);
    scroll->setWidget(grid);
    auto* achievementsLayout = new QVBoxLayout(achievements);
    achievementsLayout->addWidget(scroll);
    layout->addWidget(achievements, 1);
    outer->addWidget(m_content, 1);
}

QString GamificationPanel::levelText() const
{
    return m_level->text();
}

void GamificationPanel::refresh(const GamificationEngine* engine)
{
    if (!engine || !engine->isEnabled()) {
        m_content->setEnabled(false);
        m_disabled->setText(engine
                ? tr("Gamification is off, or the history database cannot be used right now.")
                : tr("Gamification is off for this project."));
        m_disabled->show();
        if (!engine)
            return;
    } else {
        m_content->setEnabled(true);
        m_disabled->hide();
    }

    const LevelInfo level = engine->level();
    m_level->setText(tr("Level %1").arg(level.level));
    m_xp->setValue(int(level.progress * 1000));
    m_xp->setFormat(tr("%1 / %2 XP")
                        .arg(QLocale().toString(level.totalXp - level.levelStartXp),
                            QLocale().toString(level.nextLevelXp - level.levelStartXp)));
    m_xp->setToolTip(tr("%1 XP in total; level %2 at %3 XP")
                         .arg(QLocale().toString(level.totalXp))
                         .arg(level.level + 1)
                         .arg(QLocale().toString(level.nextLevelXp)));

    const StreakInfo streak = engine->streak();
    QString streakText = tr("Streak: %n day(s)", nullptr, streak.days);
    if (streak.freezes > 0)
        streakText += u"  ·  "_s + tr("%n freeze(s)", nullptr, streak.freezes);
    m_streak->setText(streakText);
    m_streak->setToolTip(tr("Longest streak: %n day(s)", nullptr, streak.longest)
        + (streak.activeToday ? u"\n"_s + tr("Today already counts.")
                              : u"\n"_s + tr("Reload once today to keep it.")));

    clearLayout(m_challengeList);
    const auto challenges = engine->todaysChallenges();
    m_challenges = int(challenges.size());
    for (const auto& challenge : challenges) {
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* label = new QLabel(
            challenge.completed ? tr("%1 ✓ done").arg(challenge.def.title) : challenge.def.title, row);
        if (challenge.completed) {
            QFont done = label->font();
            done.setBold(true);
            label->setFont(done);
        }
        label->setToolTip(
            challenge.def.description + u"\n"_s + tr("Reward: %1 XP").arg(challenge.def.xpReward));
        auto* bar = new QProgressBar(row);
        bar->setRange(0, std::max(1, challenge.def.target));
        bar->setValue(std::min(challenge.progress, challenge.def.target));
        bar->setFormat(tr("%1 / %2").arg(challenge.progress).arg(challenge.def.target));
        bar->setAccessibleName(tr("Progress of challenge %1").arg(challenge.def.title));
        bar->setMinimumWidth(220);
        bar->setMaximumWidth(320);
        rowLayout->addWidget(label, 1);
        rowLayout->addWidget(bar);
        m_challengeList->addWidget(row);
    }
    if (challenges.isEmpty())
        m_challengeList->addWidget(new QLabel(tr("No challenges today.")));

    clearLayout(m_badgeGrid);
    const auto achievements = engine->achievements();
    m_badges = int(achievements.size());
    m_unlocked = 0;
    constexpr int kColumns = 6;
    int index = 0;
    for (const auto& achievement : achievements) {
        auto* badge = new QLabel;
        badge->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        badge->setWordWrap(true);
        badge->setTextFormat(Qt::RichText);
        const QString image = u"<img src=\"%1\" width=\"40\" height=\"40\"><br>"_s.arg(
            achievement.unlocked ? u":/icons/badge-unlocked.svg"_s : u":/icons/badge-locked.svg"_s);
        badge->setText(image + achievement.def.title.toHtmlEscaped());
        badge->setMinimumWidth(110);
        QString tip = u"<b>"_s + achievement.def.title.toHtmlEscaped() + u"</b><br>"_s
            + achievement.def.description.toHtmlEscaped() + u"<br>"_s;
        tip += achievement.unlocked
            ? tr("Unlocked %1")
                  .arg(QLocale().toString(achievement.unlockedAtUtc.toLocalTime(), QLocale::ShortFormat))
            : tr("Locked");
        badge->setToolTip(tip);
        badge->setAccessibleName(achievement.def.title);
        badge->setAccessibleDescription(
            achievement.def.description + u" — "_s + (achievement.unlocked ? tr("unlocked") : tr("locked")));
        if (!achievement.unlocked)
            badge->setStyleSheet(u"color: palette(mid);"_s);
        else
            ++m_unlocked;
        m_badgeGrid->addWidget(badge, index / kColumns, index % kColumns);
        ++index;
    }
}

} // namespace foxreload::gui
