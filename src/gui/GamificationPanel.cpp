#include "GamificationPanel.h"

#include "FlowLayout.h"
#include "GameRulesText.h"
#include "StreakCalendar.h"
#include "game/GamificationEngine.h"
#include "store/HistoryStore.h"

#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr int kBadgeWidth = 120;

void clearLayout(QLayout* layout)
{
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

// A scroll area's contents that take the viewport's width and grow in height:
// with a flow layout inside, badges wrap instead of scrolling sideways.
class WidthFollowingScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QScrollArea::resizeEvent(event);
        if (QWidget* content = widget()) {
            const int width = viewport()->width();
            content->resize(width, std::max(content->layout()->heightForWidth(width), viewport()->height()));
        }
    }
};

} // namespace

GamificationPanel::GamificationPanel(QWidget* parent)
    : QWidget(parent)
    , m_level(new QLabel(this))
    , m_totalXp(new QLabel(this))
    , m_xp(new QProgressBar(this))
    , m_streak(new QLabel(this))
    , m_disabled(new QLabel(this))
    , m_calendar(new StreakCalendar(this))
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
    m_totalXp->setAccessibleName(tr("Total XP"));
    top->addWidget(m_totalXp);
    m_xp->setAccessibleName(tr("Experience towards the next level"));
    m_xp->setRange(0, 1000);
    m_xp->setTextVisible(true);
    m_xp->setMinimumWidth(180);
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

    auto* year = new QGroupBox(tr("Reloads in the last year"), m_content);
    auto* yearLayout = new QHBoxLayout(year);
    yearLayout->addWidget(m_calendar, 1);
    layout->addWidget(year);

    auto* achievements = new QGroupBox(tr("Achievements"), m_content);
    m_scroll = new WidthFollowingScrollArea(achievements);
    m_scroll->setWidgetResizable(false);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_badgeArea = new QWidget(m_scroll);
    m_badgeFlow = new FlowLayout(m_badgeArea, 10);
    m_scroll->setWidget(m_badgeArea);
    auto* achievementsLayout = new QVBoxLayout(achievements);
    achievementsLayout->addWidget(m_scroll);
    layout->addWidget(achievements, 1);
    outer->addWidget(m_content, 1);
}

QString GamificationPanel::levelText() const
{
    return m_level->text();
}

QString GamificationPanel::totalXpText() const
{
    return m_totalXp->text();
}

void GamificationPanel::setStore(HistoryStore* store)
{
    m_store = store;
    refreshCalendar();
}

void GamificationPanel::refreshCalendar()
{
    const QDate today = QDate::currentDate();
    QMap<QDate, int> counts;
    if (m_store) {
        const auto days = m_store->reloadsPerDay(today.addDays(-7 * StreakCalendar::kWeeks), today);
        for (const auto& day : days)
            counts.insert(day.day, day.reloads);
    }
    m_calendar->setCounts(counts, today);
}

QString GamificationPanel::progressText(
    const AchievementStatus& achievement, const GamificationEngine& engine) const
{
    qint64 value = -1;
    switch (achievement.def.metric) {
    case AchievementMetric::TotalXp:
        value = engine.level().totalXp;
        break;
    case AchievementMetric::Level:
        value = engine.level().level;
        break;
    case AchievementMetric::StreakDays:
        value = engine.streak().days;
        break;
    case AchievementMetric::SucceededReloads:
        value = m_store ? m_store->succeededReloads() : -1;
        break;
    case AchievementMetric::FastHotReloads:
        value = m_store ? m_store->fastHotReloads(achievement.def.limit) : -1; // the rule's own "fast"
        break;
    case AchievementMetric::CompletedChallenges:
        value = m_store ? m_store->completedChallenges() : -1;
        break;
    case AchievementMetric::StrategiesUsed:
        value = m_store ? m_store->strategiesUsed().size() : -1;
        break;
    case AchievementMetric::QuickFix:
    case AchievementMetric::CleanDay:
    case AchievementMetric::LateNight:
    case AchievementMetric::EarlyBird:
        break; // one moment does it: there is no "how far"
    }
    if (value < 0)
        return tr("Not yet");
    const QLocale locale;
    return tr("Progress: %1 of %2")
        .arg(locale.toString(std::min(value, achievement.def.threshold)),
            locale.toString(achievement.def.threshold));
}

void GamificationPanel::refresh(const GamificationEngine* engine)
{
    refreshCalendar();
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
    const QLocale locale;

    const LevelInfo level = engine->level();
    m_level->setText(tr("Level %1").arg(level.level));
    m_totalXp->setText(tr("%1 XP in total").arg(locale.toString(level.totalXp)));
    m_xp->setValue(int(level.progress * 1000));
    m_xp->setFormat(tr("%1 / %2 XP")
                        .arg(locale.toString(level.totalXp - level.levelStartXp),
                            locale.toString(level.nextLevelXp - level.levelStartXp)));
    m_xp->setToolTip(tr("%1 XP in total; level %2 at %3 XP")
                         .arg(locale.toString(level.totalXp))
                         .arg(level.level + 1)
                         .arg(locale.toString(level.nextLevelXp)));

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
        const QString title = gametext::title(challenge.def);
        auto* label = new QLabel(row);
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setText(u"<b>%1</b>%2<br>%3"_s.arg(title.toHtmlEscaped(),
            challenge.completed ? u" ✓ "_s + tr("done").toHtmlEscaped() : QString(),
            gametext::description(challenge.def).toHtmlEscaped()));
        label->setObjectName(u"challengeText"_s);
        auto* reward = new QLabel(tr("+%1 XP").arg(challenge.def.xpReward), row);
        reward->setObjectName(u"challengeReward"_s);
        reward->setAccessibleName(tr("Reward"));
        QFont rewardFont = reward->font();
        rewardFont.setBold(true);
        reward->setFont(rewardFont);
        auto* bar = new QProgressBar(row);
        bar->setRange(0, std::max(1, challenge.def.target));
        bar->setValue(std::min(challenge.progress, challenge.def.target));
        bar->setFormat(tr("%1 / %2").arg(challenge.progress).arg(challenge.def.target));
        bar->setAccessibleName(tr("Progress of challenge %1").arg(title));
        bar->setMinimumWidth(160);
        bar->setMaximumWidth(320);
        rowLayout->addWidget(label, 1);
        rowLayout->addWidget(reward);
        rowLayout->addWidget(bar);
        m_challengeList->addWidget(row);
    }
    if (challenges.isEmpty())
        m_challengeList->addWidget(new QLabel(tr("No challenges today.")));

    clearLayout(m_badgeFlow);
    const auto achievements = engine->achievements();
    m_badges = int(achievements.size());
    m_unlocked = 0;
    for (const auto& achievement : achievements) {
        const QString title = gametext::title(achievement.def);
        const QString description = gametext::description(achievement.def);
        auto* badge = new QLabel(m_badgeArea);
        badge->setObjectName(u"badge"_s);
        badge->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        badge->setWordWrap(true);
        badge->setTextFormat(Qt::RichText);
        badge->setFixedWidth(kBadgeWidth);
        const QString image = u"<img src=\"%1\" width=\"40\" height=\"40\"><br>"_s.arg(
            achievement.unlocked ? u":/icons/badge-unlocked.svg"_s : u":/icons/badge-locked.svg"_s);
        badge->setText(image + title.toHtmlEscaped());
        // Rich text in the tooltip's own colours (a style sheet on the badge would dim it too).
        QString tip = u"<p style=\"white-space:pre-wrap\"><b>%1</b><br>%2<br><i>%3</i></p>"_s.arg(
            title.toHtmlEscaped(), description.toHtmlEscaped(),
            (achievement.unlocked
                    ? tr("Unlocked %1")
                          .arg(locale.toString(achievement.unlockedAtUtc.toLocalTime(), QLocale::ShortFormat))
                    : tr("Locked") + u" — "_s + progressText(achievement, *engine))
                .toHtmlEscaped());
        badge->setToolTip(tip);
        badge->setAccessibleName(title);
        badge->setAccessibleDescription(
            description + u" — "_s + (achievement.unlocked ? tr("unlocked") : tr("locked")));
        if (achievement.unlocked) {
            ++m_unlocked;
        } else {
            QPalette dimmed = badge->palette();
            dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::Disabled, QPalette::WindowText));
            badge->setPalette(dimmed);
        }
        m_badgeFlow->addWidget(badge);
    }
    const int width = m_scroll->viewport()->width();
    m_badgeArea->resize(width, m_badgeFlow->heightForWidth(width));
}

QStringList GamificationPanel::challengeTexts() const
{
    QStringList texts;
    const auto rows = findChildren<QLabel*>(u"challengeText"_s);
    const auto rewards = findChildren<QLabel*>(u"challengeReward"_s);
    for (qsizetype i = 0; i < rows.size(); ++i)
        texts.append(rows[i]->text() + u' ' + (i < rewards.size() ? rewards[i]->text() : QString()));
    return texts;
}

QStringList GamificationPanel::badgeTitles() const
{
    QStringList titles;
    for (int i = 0; i < m_badgeFlow->count(); ++i) {
        if (QWidget* badge = m_badgeFlow->itemAt(i)->widget())
            titles.append(badge->accessibleName());
    }
    return titles;
}

QStringList GamificationPanel::badgeToolTips() const
{
    QStringList tips;
    for (int i = 0; i < m_badgeFlow->count(); ++i) {
        if (QWidget* badge = m_badgeFlow->itemAt(i)->widget())
            tips.append(badge->toolTip());
    }
    return tips;
}

int GamificationPanel::badgeColumns() const
{
    int columns = 0;
    int firstY = -1;
    for (int i = 0; i < m_badgeFlow->count(); ++i) {
        const QWidget* badge = m_badgeFlow->itemAt(i)->widget();
        if (!badge)
            continue;
        if (firstY < 0)
            firstY = badge->y();
        if (badge->y() != firstY)
            break;
        ++columns;
    }
    return columns;
}

bool GamificationPanel::scrollsSideways() const
{
    return m_scroll->horizontalScrollBar()->maximum() > 0
        || m_badgeArea->width() > m_scroll->viewport()->width();
}

} // namespace foxreload::gui
