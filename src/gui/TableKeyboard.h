#pragma once

#include <QList>
#include <QObject>

class QAbstractItemView;

namespace foxreload::gui {

// Makes an editable table in a dialog work by keyboard the way users expect:
//   - Tab and Shift+Tab leave the table for the next control instead of walking its cells
//     forever (the arrow keys move between cells);
//   - Enter or Return on a cell that is not being edited opens its editor, instead of
//     reaching the dialog and pressing its default button;
//   - a single click on a cell of one of `clickToEdit` columns opens its editor.
// The filter is a child of the view, so it lives exactly as long as the view.
class TableKeyboard : public QObject
{
    Q_OBJECT
public:
    static void install(QAbstractItemView* view, const QList<int>& clickToEdit = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit TableKeyboard(QAbstractItemView* view);
    QAbstractItemView* m_view;
};

} // namespace foxreload::gui
