#pragma once

#include "game/Rewards.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;

namespace foxreload::gui {

class RewardChoices;

// Settings → Desktop: one list per reward kind (fox skin, accent colour, title). Every reward
// is listed; a locked one cannot be chosen and says how to unlock it. apply() makes the
// selection the user's choice (the dialog's Save).
class RewardsPicker : public QWidget
{
    Q_OBJECT
public:
    explicit RewardsPicker(QWidget* parent = nullptr);

    // Lists what `choices` knows and selects what it shows; follows its changes.
    void setChoices(RewardChoices* choices);
    QComboBox* list(RewardKind kind) const;
    QString selectedId(RewardKind kind) const;
    // Stores the selected reward of each kind the user changed; nothing without choices.
    void apply();

private:
    void fill();
    void showNext(); // the locked reward the user is closest to

    QPointer<RewardChoices> m_choices;
    QComboBox* m_skins;
    QComboBox* m_accents;
    QComboBox* m_titles;
    QLabel* m_next;
};

} // namespace foxreload::gui
