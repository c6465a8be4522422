#include "EventJson.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace foxreload::eventjson {

namespace {
QJsonObject event(const QString& type)
{
    return { { "event"_L1, type },
        { "time"_L1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
}

QJsonArray eventsJson(const QList<FileEvent>& events, const QString& projectRoot)
{
    const QDir root(projectRoot);
    QJsonArray files;
    for (const auto& fileEvent : events) {
        QJsonObject entry { { "path"_L1, root.relativeFilePath(fileEvent.path) },
            { "kind"_L1, fileEventKindName(fileEvent.kind) } };
        if (!fileEvent.oldPath.isEmpty())
            entry.insert("oldPath"_L1, root.relativeFilePath(fileEvent.oldPath));
        if (fileEvent.isDirectory)
            entry.insert("dir"_L1, true);
        files.append(entry);
    }
    return files;
}
} // namespace

QJsonObject watching(const WatchStats& stats, const QStringList& paths)
{
    QJsonObject object = event(u"watching"_s);
    object.insert("paths"_L1, QJsonArray::fromStringList(paths));
    object.insert("files"_L1, stats.files);
    object.insert("directories"_L1, stats.directories);
    object.insert("prunedTrees"_L1, stats.prunedTrees);
    object.insert("startupMs"_L1, stats.startupMs);
    object.insert("backend"_L1, stats.backend);
    return object;
}

QJsonObject batch(const ChangeBatch& changeBatch, const QString& projectRoot)
{
    QJsonObject object = event(u"batch"_s);
    object.insert("id"_L1, qint64(changeBatch.id));
    object.insert("files"_L1, eventsJson(changeBatch.events, projectRoot));
    object.insert("rawEvents"_L1, changeBatch.rawEventCount);
    object.insert("unchangedContent"_L1, int(changeBatch.unchangedPaths.size()));
    return object;
}

QJsonObject skippedBatch(const ChangeBatch& changeBatch, const QString& projectRoot)
{
    QJsonObject object = batch(changeBatch, projectRoot);
    object.insert("event"_L1, u"batch_skipped"_s);
    object.insert("reason"_L1, u"content unchanged"_s);
    const QDir root(projectRoot);
    QJsonArray unchanged;
    for (const auto& path : changeBatch.unchangedPaths)
        unchanged.append(root.relativeFilePath(path));
    object.insert("unchanged"_L1, unchanged);
    return object;
}

namespace {
QString eventPath(const FileChange& change, const QString& projectRoot)
{
    return projectRoot.isEmpty() || change.path.isEmpty() ? change.relativePath
                                                          : QDir(projectRoot).relativeFilePath(change.path);
}
} // namespace

QJsonObject fileChange(const FileChange& change, const QString& projectRoot)
{
    QJsonObject object { { "path"_L1, eventPath(change, projectRoot) },
        { "kind"_L1, fileEventKindName(change.kind) }, { "strategy"_L1, strategyName(change.strategy) } };
    if (!change.rule.isEmpty())
        object.insert("rule"_L1, change.rule);
    if (!change.components.isEmpty())
        object.insert("components"_L1, QJsonArray::fromStringList(change.components));
    if (!change.importChain.isEmpty()) // a helper: the importers that decided, nearest first
        object.insert("imported_by"_L1, QJsonArray::fromStringList(change.importChain));
    return object;
}

QJsonObject plan(const ReloadPlan& reloadPlan, const QString& projectRoot)
{
    QJsonObject object = event(u"plan"_s);
    object.insert("batch"_L1, qint64(reloadPlan.batchId));
    object.insert("strategy"_L1, strategyName(reloadPlan.strategy));
    object.insert("components"_L1, QJsonArray::fromStringList(reloadPlan.components));
    QJsonArray files;
    for (const auto& change : reloadPlan.files)
        files.append(fileChange(change, projectRoot));
    object.insert("files"_L1, files);
    object.insert("reasons"_L1, QJsonArray::fromStringList(reloadPlan.reasons));
    return object;
}

QJsonObject reloadStarted(quint64 id, ReloadStrategy strategy, ReloadTrigger trigger)
{
    QJsonObject object = event(u"reload_started"_s);
    object.insert("id"_L1, qint64(id));
    object.insert("strategy"_L1, strategyName(strategy));
    object.insert("trigger"_L1, reloadTriggerName(trigger));
    return object;
}

QJsonObject reloadFinished(const ReloadResult& result, const QString& projectRoot)
{
    QJsonObject object = event(u"reload_finished"_s);
    object.insert("id"_L1, qint64(result.id));
    object.insert("trigger"_L1, reloadTriggerName(result.trigger));
    object.insert("requested"_L1, strategyName(result.requested));
    object.insert("strategy"_L1, strategyName(result.performed));
    if (!result.escalationReason.isEmpty())
        object.insert("escalation"_L1, result.escalationReason);
    object.insert("outcome"_L1, reloadOutcomeName(result.outcome));
    if (!result.error.isEmpty())
        object.insert("error"_L1, result.error);
    if (!result.errorDetail.isEmpty())
        object.insert("errorDetail"_L1, result.errorDetail);
    object.insert("pid"_L1, result.pid);
    object.insert("previousPid"_L1, result.previousPid);
    object.insert("tools"_L1, result.toolCount);
    object.insert("toolsAdded"_L1, QJsonArray::fromStringList(result.toolsAdded));
    object.insert("toolsRemoved"_L1, QJsonArray::fromStringList(result.toolsRemoved));
    QJsonArray files;
    for (const auto& change : result.plan.files)
        files.append(eventPath(change, projectRoot));
    object.insert("files"_L1, files);
    object.insert("detectToStartMs"_L1, result.detectToStartMs);
    object.insert("startToReadyMs"_L1, result.startToReadyMs);
    object.insert("totalMs"_L1, result.totalMs);
    object.insert("heldMs"_L1, result.heldMs);
    // server.build, when it ran: its own duration (not part of startToReadyMs) and, when it
    // failed, the compiler's first error.
    if (result.buildRuns > 0) {
        QJsonObject build { { "ms"_L1, result.buildMs }, { "runs"_L1, result.buildRuns } };
        if (result.buildOutcome)
            build.insert("outcome"_L1, buildOutcomeName(*result.buildOutcome));
        if (const auto& error = result.buildError) {
            QJsonObject first { { "message"_L1, error->message }, { "tool"_L1, error->tool } };
            if (!error->file.isEmpty()) {
                first.insert("file"_L1, error->file);
                first.insert("line"_L1, error->line);
                if (error->column > 0)
                    first.insert("column"_L1, error->column);
            }
            build.insert("error"_L1, first);
        }
        object.insert("build"_L1, build);
    }
    return object;
}

QJsonObject reloadDeferred(int delayMs, const ReloadPlan& reloadPlan)
{
    QJsonObject object = event(u"reload_deferred"_s);
    object.insert("delayMs"_L1, delayMs);
    object.insert("strategy"_L1, strategyName(reloadPlan.strategy));
    return object;
}

QJsonObject serverState(const QString& state, qint64 pid)
{
    QJsonObject object = event(u"server_state"_s);
    object.insert("state"_L1, state);
    object.insert("pid"_L1, pid);
    return object;
}

QJsonObject serverExited(qint64 pid, int exitCode, bool expected)
{
    QJsonObject object = event(u"server_exited"_s);
    object.insert("pid"_L1, pid);
    object.insert("exitCode"_L1, exitCode);
    object.insert("expected"_L1, expected);
    return object;
}

QJsonObject message(const QString& level, const QString& text)
{
    QJsonObject object = event(level);
    object.insert("message"_L1, text);
    return object;
}

} // namespace foxreload::eventjson
