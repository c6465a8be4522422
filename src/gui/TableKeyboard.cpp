#include "TableKeyboard.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QKeyEvent>

namespace foxreload::gui {

TableKeyboard::TableKeyboard(QAbstractItemView* view)
    : QObject(view)
    , m_view(view)
{ }

void TableKeyboard::install(QAbstractItemView* view, const QList<int>& clickToEdit)
{
    view->setTabKeyNavigation(false);
    view->installEventFilter(new TableKeyboard(view));
    if (!clickToEdit.isEmpty()) {
        QObject::connect(
            view, &QAbstractItemView::clicked, view, [view, clickToEdit](const QModelIndex& index) {
                if (clickToEdit.contains(index.column()))
                    view->edit(index);
            });
    }
}

bool TableKeyboard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    // Only while the view itself has the focus: a key an open editor did not take (Enter
    // after it committed) reaches the view too, and must not open the editor again.
    const bool viewFocused = QApplication::focusWidget() == m_view;
    if (viewFocused && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        && key->modifiers() == Qt::NoModifier && m_view->currentIndex().isValid()) {
        m_view->edit(m_view->currentIndex());
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace foxreload::gui
