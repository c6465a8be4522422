#include "RulesModel.h"

#include "MonitoredSession.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QStringList splitComponents(const QString& text)
{
    QStringList components;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const auto& part : parts) {
        if (!part.trimmed().isEmpty())
            components.append(part.trimmed());
    }
    return components;
}

} // namespace

RulesModel::RulesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void RulesModel::setRules(const QList<Rule>& rules)
{
    beginResetModel();
    m_rules = rules;
    m_errors.clear();
    endResetModel();
}

int RulesModel::addRule(const Rule& rule, int row)
{
    if (row < 0 || row > m_rules.size())
        row = int(m_rules.size());
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    endInsertRows();
    return row;
}

bool RulesModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return false;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    return true;
}

bool RulesModel::moveRule(int from, int to)
{
    if (from < 0 || from >= m_rules.size() || to < 0 || to >= m_rules.size() || from == to)
        return false;
    // Qt's move API names the row *before which* the moved row lands.
    const int destination = to > from ? to + 1 : to;
    if (!beginMoveRows({}, from, from, {}, destination))
        return false;
    m_rules.move(from, to);
    endMoveRows();
    return true;
}

void RulesModel::setRowErrors(const QHash<int, QString>& errors)
{
    m_errors = errors;
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rules.size()) - 1, ColumnCount - 1));
}

int RulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RulesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const Rule& rule = m_rules[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case PatternColumn:
            return rule.match;
        case StrategyColumn:
            return role == Qt::EditRole ? strategyName(rule.strategy)
                                        : MonitoredSession::strategyText(rule.strategy);
        case ComponentsColumn:
            return rule.components.join(u", "_s);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == FixedColumn)
            return rule.fixed ? Qt::Checked : Qt::Unchecked;
        break;
    case StrategyRole:
        return int(rule.strategy);
    case Qt::ToolTipRole:
        if (m_errors.contains(index.row()))
            return m_errors.value(index.row());
        if (index.column() == FixedColumn)
            return tr("Fixed: FoxReload never changes this rule's strategy for what it learned from "
                      "reloads that kept failing");
        break;
    case Qt::BackgroundRole:
        if (m_errors.contains(index.row()))
            return QBrush(QColor(0xff, 0xcd, 0xd2));
        break;
    case Qt::ForegroundRole:
        // The tint is light in every palette: keep the text dark on it, also under a dark theme.
        if (m_errors.contains(index.row()))
            return QBrush(QColor(0x21, 0x21, 0x21));
        break;
    }
    return {};
}

bool RulesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return false;
    Rule& rule = m_rules[index.row()];
    if (index.column() == FixedColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        rule.fixed = value.toInt() == Qt::Checked;
        Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    switch (index.column()) {
    case PatternColumn:
        rule.match = value.toString().trimmed();
        break;
    case StrategyColumn: {
        const auto strategy = strategyFromName(value.toString());
        if (!strategy)
            return false;
        rule.strategy = *strategy;
        break;
    }
    case ComponentsColumn:
        rule.components = splitComponents(value.toString());
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

Qt::ItemFlags RulesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == FixedColumn)
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant RulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case PatternColumn:
        return tr("Pattern");
    case StrategyColumn:
        return tr("Strategy");
    case ComponentsColumn:
        return tr("Components");
    case FixedColumn:
        return tr("Fixed");
    }
    return {};
}

} // namespace foxreload::gui
