#pragma once

#include <QStyledItemDelegate>

namespace foxreload::gui {

// Edits the strategy column of the rules table with a combo box, and only with it: a letter
// typed on a strategy cell that is not being edited does nothing (a view's keyboard search or
// "type to edit" would otherwise pick another strategy without the user noticing). F2, Enter,
// a click or a double click open the combo box; the other columns are edited as text.
class StrategyDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(
        QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;
};

} // namespace foxreload::gui
