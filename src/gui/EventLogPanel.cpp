#include "EventLogPanel.h"

#include "EventLogModel.h"
#include "MonitoredSession.h"
#include "store/HistoryStore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

LogEntry entryFromRecord(const ReloadRecord& record)
{
    const QString strategy = MonitoredSession::strategyText(record.performed);
    LogEntry entry;
    entry.time = record.atUtc.toLocalTime();
    if (record.outcome == ReloadOutcome::Success) {
        entry.kind = LogEntry::Reload;
        entry.summary = EventLogPanel::tr("%1 done in %2 ms").arg(strategy).arg(record.totalMs);
    } else {
        entry.kind = LogEntry::Error;
        entry.summary = EventLogPanel::tr("%1 failed: %2").arg(strategy, record.error);
    }
    entry.detail = QStringList { record.reason, record.escalationReason }.join(u'\n').trimmed();
    return entry;
}

} // namespace

EventLogPanel::EventLogPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    m_showBatches = new QCheckBox(tr("&Changes"), this);
    m_showReloads = new QCheckBox(tr("Re&loads"), this);
    m_showErrors = new QCheckBox(tr("E&rrors"), this);
    m_showServer = new QCheckBox(tr("Ser&ver"), this);
    for (auto* box : { m_showBatches, m_showReloads, m_showErrors, m_showServer }) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &EventLogPanel::updateFilter);
        filters->addWidget(box);
    }
    filters->addStretch();
    auto* searchLabel = new QLabel(tr("&Filter:"), this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("text in the event"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Filter events by text"));
    searchLabel->setBuddy(m_search);
    connect(m_search, &QLineEdit::textChanged, this, &EventLogPanel::updateFilter);
    filters->addWidget(searchLabel);
    filters->addWidget(m_search);
    layout->addLayout(filters);

    m_filter = new EventLogFilter(this);
    m_view = new QTableView(this);
    m_view->setModel(m_filter);
    m_view->setAccessibleName(tr("Event log"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab leaves the table (arrows move within it): no focus trap.
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view, 1);
}

void EventLogPanel::setStore(HistoryStore* store)
{
    m_store = store;
    if (m_session)
        loadHistory(m_session);
}

void EventLogPanel::bindSession(MonitoredSession* session)
{
    disconnect(m_followConnection);
    m_session = session;
    if (session)
        loadHistory(session);
    m_filter->setSourceModel(session ? session->eventLog() : nullptr);
    if (!session)
        return;
    m_followConnection = connect(session->eventLog(), &QAbstractItemModel::rowsInserted, this, [this] {
        // Follow new events while the user looks at the newest ones.
        QScrollBar* bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2)
            m_view->scrollToBottom();
    });
    // Fixed widths from the font: measuring every row of a long log would cost more than it shows.
    const QFontMetrics metrics = m_view->fontMetrics();
    m_view->setColumnWidth(
        EventLogModel::TimeColumn, metrics.horizontalAdvance(u"2026-12-31 23:59:59"_s) + 16);
    int kindWidth = 0;
    for (auto kind : { LogEntry::Batch, LogEntry::Reload, LogEntry::Error, LogEntry::Server })
        kindWidth = std::max(kindWidth, metrics.horizontalAdvance(EventLogModel::kindText(kind)));
    m_view->setColumnWidth(EventLogModel::KindColumn, kindWidth + 20);
    m_view->scrollToBottom();
}

void EventLogPanel::loadHistory(MonitoredSession* session)
{
    EventLogModel* log = session->eventLog();
    // Once per session's log: a proxied session has no project root of its own to look up.
    if (!m_store || !m_store->isAvailable() || log->historyLoaded() || session->isProxied())
        return;
    const auto records = m_store->recentReloads(kHistoryRows, session->location());
    QList<LogEntry> entries;
    entries.reserve(records.size());
    // Newest first from the store; the log wants them in time order, before this run's rows.
    for (auto it = records.crbegin(); it != records.crend(); ++it) {
        if (it->trigger == ReloadTrigger::Startup)
            continue;
        entries.append(entryFromRecord(*it));
    }
    log->prependHistory(entries);
}

void EventLogPanel::updateFilter()
{
    int kinds = 0;
    if (m_showBatches->isChecked())
        kinds |= LogEntry::Batch;
    if (m_showReloads->isChecked())
        kinds |= LogEntry::Reload;
    if (m_showErrors->isChecked())
        kinds |= LogEntry::Error;
    if (m_showServer->isChecked())
        kinds |= LogEntry::Server;
    m_filter->setKinds(kinds);
    m_filter->setText(m_search->text());
}

} // namespace foxreload::gui
