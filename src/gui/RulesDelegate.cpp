#include "RulesDelegate.h"

#include "MonitoredSession.h"
#include "RulesModel.h"

#include <QComboBox>
#include <QKeyEvent>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr std::array kStrategies { ReloadStrategy::HotReload, ReloadStrategy::ServiceRestart,
    ReloadStrategy::FullRestart, ReloadStrategy::None };

} // namespace

QWidget* StrategyDelegate::createEditor(
    QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != RulesModel::StrategyColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    combo->setAccessibleName(RulesModel::tr("Strategy"));
    for (auto strategy : kStrategies)
        combo->addItem(MonitoredSession::strategyText(strategy), strategyName(strategy));
    return combo;
}

void StrategyDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void StrategyDelegate::setModelData(
    QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

bool StrategyDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    // The view offers every key press to the delegate before it opens an editor for it. Text keys
    // are swallowed here, so they neither open the combo box (which would take the letter as a
    // search and change the strategy) nor run the view's keyboard search.
    if (event->type() == QEvent::KeyPress && index.column() == RulesModel::StrategyColumn) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool text = !key->text().isEmpty() && key->text().at(0).isPrint()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (text)
            return true;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace foxreload::gui
