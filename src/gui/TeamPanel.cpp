#include "TeamPanel.h"

#include "common/DurationText.h"
#include "game/GamificationEngine.h"
#include "game/Rewards.h"
#include "store/HistoryStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;

// The title the player's level unlocks, in the application's language (their own choice of title
// is a setting on their machine, not in the shared history).
QString titleName(const QString& id)
{
    const RewardDef* title = rewards::findReward(id);
    return title ? rewards::displayName(*title) : QString();
}

QStandardItem* item(const QString& text, const QVariant& sortValue, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto* cell = new QStandardItem(text);
    cell->setData(sortValue, kSortRole);
    cell->setData(QVariant::fromValue(alignment | Qt::AlignVCenter), Qt::TextAlignmentRole);
    cell->setEditable(false);
    return cell;
}

} // namespace

TeamPanel::TeamPanel(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_sortChoice(new QComboBox(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    m_model->setHorizontalHeaderLabels({ tr("Rank"), tr("Player"), tr("Title"), tr("Team"), tr("Level"),
        tr("XP"), tr("Streak"), tr("Reloads this week"), tr("Fastest hot reload") });
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(kSortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view->setModel(m_sorted);
    m_view->setAccessibleName(tr("Leaderboard"));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move within it
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Every column as wide as its header and cells ("Reloads this week", German and French headers).
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setAlternatingRowColors(true);

    // The header is not reachable by keyboard: the same sort is a list here.
    auto* sortLabel = new QLabel(tr("Sort b&y:"), this);
    sortLabel->setBuddy(m_sortChoice);
    m_sortChoice->setAccessibleName(tr("Sort the leaderboard by"));
    for (int column = RankColumn; column < ColumnCount; ++column)
        m_sortChoice->addItem(m_model->headerData(column, Qt::Horizontal).toString(), column);
    connect(m_sortChoice, &QComboBox::activated, this, [this](int index) {
        const auto column = Column(m_sortChoice->itemData(index).toInt());
        // Figures read best largest first; names and the rank from the top.
        const bool descending = column == TitleColumn || column == LevelColumn || column == XpColumn
            || column == StreakColumn || column == ReloadsColumn;
        sortBy(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        [this](int column, Qt::SortOrder) {
            const int index = m_sortChoice->findData(column);
            if (index >= 0)
                m_sortChoice->setCurrentIndex(index);
        });

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_summary, 1);
    controls->addWidget(sortLabel);
    controls->addWidget(m_sortChoice);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(500);
    connect(&m_refreshSoon, &QTimer::timeout, this, &TeamPanel::refresh);
    sortBy(RankColumn, Qt::AscendingOrder);
}

bool TeamPanel::isShared(const HistoryStore* store)
{
    if (!store)
        return false;
    return store->isShared() || store->playerCount() > 1;
}

void TeamPanel::setGame(HistoryStore* store, const GamificationEngine* engine)
{
    if (m_store)
        disconnect(m_store, nullptr, &m_refreshSoon, nullptr);
    m_store = store;
    m_engine = engine;
    if (m_store)
        connect(m_store, &HistoryStore::changed, &m_refreshSoon, qOverload<>(&QTimer::start));
    refresh();
}

void TeamPanel::refresh()
{
    fill(m_engine ? m_engine->leaderboard() : QList<LeaderboardRow> {});
}

void TeamPanel::fill(const QList<LeaderboardRow>& rows)
{
    const QString me = m_store ? m_store->player() : QString();
    m_model->removeRows(0, m_model->rowCount());
    int rank = 0;
    int myRank = 0;
    for (const LeaderboardRow& row : rows) {
        ++rank;
        const qint64 fastest
            = row.fastestHotReloadMs < 0 ? std::numeric_limits<qint64>::max() : row.fastestHotReloadMs;
        QList<QStandardItem*> cells {
            item(QString::number(rank), rank, Qt::AlignRight),
            item(row.player, row.player.toLower()),
            item(titleName(row.title), row.level),
            item(row.team.isEmpty() ? tr("—") : row.team, row.team.toLower()),
            item(QString::number(row.level), row.level, Qt::AlignRight),
            item(QLocale().toString(row.xp), row.xp, Qt::AlignRight),
            item(tr("%n day(s)", nullptr, row.streakDays), row.streakDays, Qt::AlignRight),
            item(QLocale().toString(row.reloads), row.reloads, Qt::AlignRight),
            item(row.fastestHotReloadMs < 0 ? tr("—") : durationText(row.fastestHotReloadMs), fastest,
                Qt::AlignRight),
        };
        if (row.player == me) {
            myRank = rank;
            for (QStandardItem* cell : std::as_const(cells)) {
                QFont font = cell->font();
                font.setBold(true);
                cell->setFont(font);
            }
            cells.at(PlayerColumn)->setToolTip(tr("You (gamification.player)"));
        }
        m_model->appendRow(cells);
    }
    m_summary->setText(rows.isEmpty() ? tr("Nobody has earned XP in this database yet.")
            : myRank > 0
            ? tr("%n player(s) share this database; you are number %1.", nullptr, int(rows.size()))
                  .arg(myRank)
            : tr("%n player(s) share this database.", nullptr, int(rows.size())));
}

void TeamPanel::sortBy(Column column, Qt::SortOrder order)
{
    m_view->sortByColumn(column, order);
}

int TeamPanel::rowCount() const
{
    return m_sorted->rowCount();
}

QString TeamPanel::cellText(int row, Column column) const
{
    return m_sorted->index(row, column).data().toString();
}

} // namespace foxreload::gui
