#pragma once

#include "common/ReloadPlan.h"
#include "common/ReloadResult.h"
#include "watch/FileWatcher.h"

#include <QJsonObject>

namespace foxreload::eventjson {

// One JSON object per pipeline event, the same for `foxreload run --json`, the
// proxy's event socket and anything else that streams a session. Every object
// has "event" (its type) and "time" (ISO-8601 UTC with milliseconds).

QJsonObject watching(const WatchStats& stats, const QStringList& paths);
QJsonObject batch(const ChangeBatch& batch, const QString& projectRoot);
QJsonObject skippedBatch(const ChangeBatch& batch, const QString& projectRoot); // content identical
// Paths in plan and reload_finished events: relative to projectRoot, as in batch events
// (a file outside the root gets "../…"); without a root, the analyzer's relativePath.
QJsonObject plan(const ReloadPlan& plan, const QString& projectRoot = {});
QJsonObject reloadStarted(quint64 id, ReloadStrategy strategy, ReloadTrigger trigger);
QJsonObject reloadFinished(const ReloadResult& result, const QString& projectRoot = {});
QJsonObject reloadDeferred(int delayMs, const ReloadPlan& plan);
QJsonObject serverState(const QString& state, qint64 pid);
QJsonObject serverExited(qint64 pid, int exitCode, bool expected);
QJsonObject message(const QString& level, const QString& text); // warnings, crash loops

QJsonObject fileChange(const FileChange& change, const QString& projectRoot = {});

} // namespace foxreload::eventjson
