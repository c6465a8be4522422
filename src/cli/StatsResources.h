#pragma once

#include "resources/ResourceBudget.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace foxreload::cli {

// What `foxreload stats` says about FoxReload's own cost: every running session of this user
// (found by its event socket), its memory now and its CPU averaged since it started, and the
// same for the servers below it, against the budget of the config here.
struct RunningSession
{
    qint64 pid = 0;
    double uptimeSeconds = -1;
    double cpuPercent = -1; // since the process started
    double rssMb = -1;
    double serverCpuPercent = -1; // the processes below it, over the same time
    double serverRssMb = -1;
    int serverProcesses = 0;
};

QList<RunningSession> runningSessions();
QJsonObject resourcesJson(const QList<RunningSession>& sessions, const resources::ResourceBudget& budget);
QString resourcesText(const QList<RunningSession>& sessions, const resources::ResourceBudget& budget);

} // namespace foxreload::cli
