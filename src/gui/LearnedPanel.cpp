#include "LearnedPanel.h"

#include "MonitoredSession.h"
#include "learn/LearnRules.h"
#include "store/HistoryStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

LearnedPanel::LearnedPanel(QWidget* parent)
    : QWidget(parent)
{
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(300);
    connect(&m_refreshSoon, &QTimer::timeout, this, &LearnedPanel::refresh);
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_view = new QTreeWidget(this);
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAccessibleName(tr("Learned reload strategies"));
    m_view->setHeaderLabels(
        { tr("File"), tr("Rule says"), tr("Next change"), tr("Succeeded"), tr("Failed"), tr("Why") });
    // Every column as wide as its header and cells (German headers and strategy names are long);
    // the reason takes what is left.
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    layout->addWidget(m_view, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_forget = new QPushButton(tr("&Forget selected"), this);
    m_forgetAll = new QPushButton(tr("Forget a&ll"), this);
    buttons->addWidget(m_forget);
    buttons->addWidget(m_forgetAll);
    layout->addLayout(buttons);

    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &LearnedPanel::updateButtons);
    connect(m_forget, &QPushButton::clicked, this, [this] {
        QStringList paths;
        for (const QTreeWidgetItem* item : m_view->selectedItems())
            paths.append(item->text(0));
        forget(paths);
    });
    connect(m_forgetAll, &QPushButton::clicked, this, [this] {
        QStringList paths;
        for (int row = 0; row < m_view->topLevelItemCount(); ++row)
            paths.append(m_view->topLevelItem(row)->text(0));
        forget(paths);
    });
    refresh();
}

void LearnedPanel::setStore(HistoryStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &HistoryStore::changed, &m_refreshSoon, qOverload<>(&QTimer::start));
    refresh();
}

void LearnedPanel::setProjectScope(const QString& projectRoot)
{
    m_projectRoot = projectRoot;
    refresh();
}

QString LearnedPanel::reasonText(const LearnedAdvice& advice)
{
    // The core's reason (LearnRules' describe()) is English and names the file, which the row
    // shows already: the same facts in the user's language.
    if (advice.retrying)
        return tr("%1 is tried again: %2 succeeded the last %3 times")
            .arg(MonitoredSession::strategyText(advice.strategy),
                MonitoredSession::strategyText(learnrules::nextRung(advice.strategy)),
                QLocale().toString(advice.successesAbove));
    if (!advice.escalated())
        return {};
    return tr("%1 failed %2 of the last %3 times → %4")
        .arg(MonitoredSession::strategyText(advice.failedStrategy), QLocale().toString(advice.failed),
            QLocale().toString(advice.considered), MonitoredSession::strategyText(advice.strategy));
}

void LearnedPanel::refresh()
{
    m_refreshSoon.stop();
    QSet<QString> selected;
    for (const QTreeWidgetItem* item : m_view->selectedItems())
        selected.insert(item->text(0));
    m_view->clear();
    QMap<QString, QList<LearnedAttempt>> histories;
    if (m_store && !m_projectRoot.isEmpty()) {
        for (const LearnedOutcomeRecord& record : m_store->learnedOutcomes(m_projectRoot)) {
            const std::optional<ReloadStrategy> strategy = strategyFromName(record.strategy);
            const std::optional<LearnedOutcome> outcome = learnedOutcomeFromName(record.outcome);
            if (strategy && outcome)
                histories[record.path].append({ *strategy, *outcome });
        }
    }
    int escalated = 0;
    for (auto it = histories.cbegin(); it != histories.cend(); ++it) {
        const LearnedSummary summary = learnrules::summarize(it.key(), it.value());
        auto* item = new QTreeWidgetItem(m_view);
        item->setText(0, summary.path);
        item->setText(1, MonitoredSession::strategyText(summary.advice.planned));
        item->setText(2, MonitoredSession::strategyText(summary.advice.strategy));
        item->setData(3, Qt::DisplayRole, summary.succeeded);
        item->setData(4, Qt::DisplayRole, summary.failed);
        const QString why = reasonText(summary.advice);
        item->setText(5, why);
        item->setToolTip(5, why);
        item->setSelected(selected.contains(summary.path));
        if (summary.advice.escalated()) {
            ++escalated;
            QFont bold = item->font(2);
            bold.setBold(true);
            item->setFont(2, bold);
        }
    }
    m_view->resizeColumnToContents(0);
    if (histories.isEmpty())
        m_summary->setText(
            tr("Nothing learned yet: every file takes the strategy its rule names. A file whose "
               "hot reloads keep failing will take a stronger strategy on its own."));
    else
        m_summary->setText(
            tr("%n file(s) remembered, %1 escalated. Rules marked fixed: true are never changed.", nullptr,
                int(histories.size()))
                .arg(escalated));
    updateButtons();
}

void LearnedPanel::forget(const QStringList& paths)
{
    if (!m_store || paths.isEmpty())
        return;
    m_store->forgetLearned(m_projectRoot, paths);
    refresh();
}

void LearnedPanel::updateButtons()
{
    m_forget->setEnabled(!m_view->selectedItems().isEmpty());
    m_forgetAll->setEnabled(m_view->topLevelItemCount() > 0);
}

} // namespace foxreload::gui
