#pragma once

#include "config/Config.h"

#include <QAbstractTableModel>
#include <QHash>

namespace foxreload::gui {

// The ordered reload rules as an editable table: pattern, strategy, components
// (comma-separated). Rows can be added, removed and moved; the order is the
// order in which rules are tried. Rows with a problem are tinted and say why.
class RulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // FixedColumn: a check box (Space or a click), `fixed: true` in the config.
    enum Column { PatternColumn, StrategyColumn, ComponentsColumn, FixedColumn, ColumnCount };
    enum Role { StrategyRole = Qt::UserRole + 1 };

    explicit RulesModel(QObject* parent = nullptr);

    void setRules(const QList<Rule>& rules);
    QList<Rule> rules() const { return m_rules; }

    int addRule(const Rule& rule, int row = -1); // returns the new row
    bool removeRule(int row);
    bool moveRule(int from, int to);

    void setRowErrors(const QHash<int, QString>& errors);
    QString rowError(int row) const { return m_errors.value(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Rule> m_rules;
    QHash<int, QString> m_errors;
};

} // namespace foxreload::gui
