#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace foxreload {
class GamificationEngine;
class HistoryStore;
struct LeaderboardRow;
} // namespace foxreload

namespace foxreload::gui {

// The Team tab: everyone who shares the history database, ranked by XP, with level, streak,
// this week's reloads and fastest hot reload. The player of this FoxReload is in bold. A
// sortable table (click a column, or by keyboard: the "Sort by" list, Tab moves on).
class TeamPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        PlayerColumn,
        TitleColumn,
        TeamColumn,
        LevelColumn,
        XpColumn,
        StreakColumn,
        ReloadsColumn,
        FastestColumn,
        ColumnCount
    };

    explicit TeamPanel(QWidget* parent = nullptr);

    // Whether the dashboard shows the tab: the database is on a server (PostgreSQL) or holds
    // more than one player.
    static bool isShared(const HistoryStore* store);

    // The game whose leaderboard is shown (nullptr: nothing); the store's writes by any
    // process refresh it.
    void setGame(HistoryStore* store, const GamificationEngine* engine);
    void refresh();
    void sortBy(Column column, Qt::SortOrder order);

    QTableView* view() const { return m_view; }
    QComboBox* sortChoice() const { return m_sortChoice; }
    int rowCount() const;
    // Rows as shown (sorted), each cell's text: for tests and screen readers' summaries.
    QString cellText(int row, Column column) const;

private:
    void fill(const QList<LeaderboardRow>& rows);

    QPointer<HistoryStore> m_store;
    QPointer<const GamificationEngine> m_engine;
    QLabel* m_summary;
    QComboBox* m_sortChoice;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_view;
    QTimer m_refreshSoon { this }; // many writes in a burst refresh once
};

} // namespace foxreload::gui
