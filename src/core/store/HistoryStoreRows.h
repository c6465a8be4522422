#pragma once

// Conversions between HistoryStore's columns and its C++ types, shared by the
// files that implement HistoryStore (not part of its interface).

#include "common/ReloadResult.h"
#include "common/ReloadStrategy.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace foxreload::storerows {

inline QDateTime utcFromMs(const QVariant& value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QString dayKey(const QDate& day)
{
    return day.toString(Qt::ISODate);
}

inline QDate dayFromKey(const QString& key)
{
    return QDate::fromString(key, Qt::ISODate);
}

inline ReloadTrigger triggerFromName(const QString& name)
{
    return reloadTriggerFromName(name).value_or(ReloadTrigger::FileChange);
}

inline ReloadOutcome outcomeFromName(const QString& name)
{
    return reloadOutcomeFromName(name).value_or(ReloadOutcome::Success);
}

inline ReloadStrategy strategyFromText(const QString& name)
{
    return strategyFromName(name).value_or(ReloadStrategy::None);
}

// Reloads that charts and totals count: every one but the first start of a session.
constexpr auto kCountedReloads = "trigger <> 'startup'";
// Reloads the game counts: what the user caused.
constexpr auto kUserReloads = "trigger IN ('file_change', 'manual')";

} // namespace foxreload::storerows
