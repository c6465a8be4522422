#pragma once

#include "store/HistoryStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace foxreload::gui {

// The texts the charts show when the pointer rests on a point, a slice or a bar,
// in the user's language and locale. Pure, so that tests read them without a mouse.
class ChartHover
{
    Q_DECLARE_TR_FUNCTIONS(ChartHover)
public:
    // A date and time in the user's locale (short date, short time).
    static QString dateTimeText(const QDateTime& time);
    // One reload: when, strategy, duration, outcome, files and reason.
    // `clippedAtMs` >= 0: drawn at the top edge of an axis that ends there, with
    // `clippedCount` such points in the range.
    static QString reloadText(const ChartReload& reload, qint64 clippedAtMs = -1, int clippedCount = 0);
    // A pie slice: strategy (or "failed"), count, share of all.
    static QString sliceText(const QString& name, qint64 count, qint64 total);
    // A day's bar: the day, each strategy's successful reloads, the failures, the total.
    static QString dayText(const QDate& day, const QList<std::pair<QString, int>>& counts, int failed);
    // A point of the XP curve.
    static QString xpText(const QDateTime& time, qint64 total);
    static QString outcomeText(ReloadOutcome outcome);
};

} // namespace foxreload::gui
