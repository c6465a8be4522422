#pragma once

#include "learn/LearnRules.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace foxreload {
class HistoryStore;
}

namespace foxreload::gui {

// The Learned tab: what the strategy learner remembers about the current project's files —
// the strategy each one's rule names, the one its next change takes, and why — with buttons
// to forget the selected files or all of them (as `foxreload forget` does).
class LearnedPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LearnedPanel(QWidget* parent = nullptr);

    void setStore(HistoryStore* store);
    void setProjectScope(const QString& projectRoot);
    void refresh();
    // Why a file's next change takes the strategy it does, in the user's language; empty when
    // it takes the one its rule names.
    static QString reasonText(const LearnedAdvice& advice);

    QTreeWidget* view() const { return m_view; }
    QPushButton* forgetButton() const { return m_forget; }
    QPushButton* forgetAllButton() const { return m_forgetAll; }

private:
    void forget(const QStringList& paths);
    void updateButtons();

    QPointer<HistoryStore> m_store;
    QString m_projectRoot;
    QTimer m_refreshSoon { this }; // a burst of writes refreshes once; the panel's own work
    QLabel* m_summary;
    QTreeWidget* m_view;
    QPushButton* m_forget;
    QPushButton* m_forgetAll;
};

} // namespace foxreload::gui
