#include "RewardsPicker.h"

#include "RewardChoices.h"
#include "TrayIcons.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPainter>
#include <QStandardItemModel>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// A swatch of an accent: its light-window colour beside its dark-window one.
QIcon accentIcon(const RewardDef& def)
{
    QPixmap pixmap(32, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.fillRect(0, 0, 16, 16, QColor(def.colours.value(0)));
    painter.fillRect(16, 0, 16, 16, QColor(def.colours.value(1)));
    painter.end();
    return QIcon(pixmap);
}

QIcon rewardIcon(const RewardDef& def)
{
    switch (def.kind) {
    case RewardKind::Skin:
        return stateIcon(MonitoredSession::Status::Watching, def);
    case RewardKind::Accent:
        return accentIcon(def);
    case RewardKind::Title:
        break;
    }
    return {};
}

} // namespace

RewardsPicker::RewardsPicker(QWidget* parent)
    : QWidget(parent)
    , m_skins(new QComboBox(this))
    , m_accents(new QComboBox(this))
    , m_titles(new QComboBox(this))
    , m_next(new QLabel(this))
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_skins->setAccessibleName(tr("Tray fox"));
    m_accents->setAccessibleName(tr("Dashboard accent colour"));
    m_titles->setAccessibleName(tr("Title"));
    form->addRow(tr("Tray fox:"), m_skins);
    form->addRow(tr("Accent colour:"), m_accents);
    form->addRow(tr("Title:"), m_titles);
    m_next->setWordWrap(true);
    m_next->setObjectName(u"rewardsNext"_s);
    form->addRow(m_next);
    for (auto* list : { m_skins, m_accents, m_titles }) {
        list->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        list->setIconSize(QSize(32, 16));
    }
    fill();
}

void RewardsPicker::setChoices(RewardChoices* choices)
{
    if (m_choices)
        disconnect(m_choices, nullptr, this, nullptr);
    m_choices = choices;
    if (m_choices)
        connect(m_choices, &RewardChoices::changed, this, &RewardsPicker::fill);
    for (const auto kind : { RewardKind::Skin, RewardKind::Accent, RewardKind::Title })
        list(kind)->clear(); // selected again from what the user chose
    fill();
}

QComboBox* RewardsPicker::list(RewardKind kind) const
{
    switch (kind) {
    case RewardKind::Skin:
        return m_skins;
    case RewardKind::Accent:
        return m_accents;
    case RewardKind::Title:
        break;
    }
    return m_titles;
}

QString RewardsPicker::selectedId(RewardKind kind) const
{
    return list(kind)->currentData().toString();
}

void RewardsPicker::fill()
{
    const QList<RewardStatus> status
        = m_choices ? m_choices->status() : rewards::statusFor(1, QSet<QString> {});
    for (const auto kind : { RewardKind::Skin, RewardKind::Accent, RewardKind::Title }) {
        QComboBox* box = list(kind);
        // What the user selected and did not save yet stays selected when the game moves on.
        const QString selected = box->count() > 0 ? box->currentData().toString()
            : m_choices                           ? m_choices->shown(kind).id
                                                  : rewards::defaultReward(kind).id;
        const QSignalBlocker blocker(box);
        box->clear();
        auto* model = qobject_cast<QStandardItemModel*>(box->model());
        for (const auto& reward : status) {
            if (reward.def.kind != kind)
                continue;
            const QString name = rewards::displayName(reward.def);
            if (reward.unlocked) {
                box->addItem(rewardIcon(reward.def), name, reward.def.id);
                continue;
            }
            const QString hint = rewards::unlockHint(reward.def);
            box->addItem(rewardIcon(reward.def), tr("🔒 %1 — %2").arg(name, hint), reward.def.id);
            const int row = box->count() - 1;
            box->setItemData(row, hint, Qt::ToolTipRole);
            if (model)
                model->item(row)->setEnabled(false);
        }
        const int index = box->findData(selected);
        const bool usable = index >= 0 && (!model || model->item(index)->isEnabled());
        box->setCurrentIndex(usable ? index : box->findData(rewards::defaultReward(kind).id));
    }
    showNext();
}

void RewardsPicker::showNext()
{
    const QList<RewardStatus> status
        = m_choices ? m_choices->status() : rewards::statusFor(1, QSet<QString> {});
    const RewardStatus* next = rewards::nextLocked(status);
    m_next->setText(next
            ? tr("Next reward: %1 — %2").arg(rewards::displayName(next->def), rewards::unlockHint(next->def))
            : tr("Every reward is unlocked."));
}

void RewardsPicker::apply()
{
    if (!m_choices)
        return;
    // Only what the user changed: a choice another history database unlocked (shown here as the
    // default) is kept until the user picks something else.
    for (const auto kind : { RewardKind::Skin, RewardKind::Accent, RewardKind::Title }) {
        if (selectedId(kind) != m_choices->shown(kind).id)
            m_choices->choose(selectedId(kind));
    }
}

} // namespace foxreload::gui
