#include "StatsResources.h"

#include "ipc/EventServer.h"
#include "resources/ResourceSampler.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload::cli {

namespace {
constexpr double kBytesPerMb = 1024.0 * 1024.0;

QJsonValue figure(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(value * 100.0) / 100.0);
}

QString number(double value, int decimals)
{
    return value < 0 ? u"—"_s : QString::number(value, 'f', decimals);
}
} // namespace

QList<RunningSession> runningSessions()
{
    QList<RunningSession> sessions;
    const resources::ResourceSampler sampler;
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    static const QRegularExpression socketName(u"^session-(\\d+)\\.sock$"_s);
    const QStringList names = QDir(EventServer::socketDirectory()).entryList(QDir::System | QDir::Files);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = socketName.match(name);
        if (!match.hasMatch())
            continue;
        RunningSession session;
        session.pid = match.captured(1).toLongLong();
        if (session.pid == QCoreApplication::applicationPid())
            continue;
        const resources::ProcessTotals own = sampler.process(session.pid);
        if (own.processes == 0)
            continue; // a socket left behind by a session that is gone
        const double started = sampler.startTime(session.pid);
        session.uptimeSeconds = started < 0 ? -1 : std::max(now - started, 0.001);
        session.rssMb = own.rssBytes / kBytesPerMb;
        if (session.uptimeSeconds > 0)
            session.cpuPercent = own.cpuSeconds / session.uptimeSeconds * 100.0;
        const resources::ProcessTotals servers = sampler.descendants(session.pid);
        session.serverProcesses = servers.processes;
        if (servers.processes > 0) {
            session.serverRssMb = servers.rssBytes / kBytesPerMb;
            if (session.uptimeSeconds > 0)
                session.serverCpuPercent = servers.cpuSeconds / session.uptimeSeconds * 100.0;
        }
        sessions.append(session);
    }
    std::sort(sessions.begin(), sessions.end(),
        [](const RunningSession& a, const RunningSession& b) { return a.pid < b.pid; });
    return sessions;
}

QJsonObject resourcesJson(const QList<RunningSession>& sessions, const resources::ResourceBudget& budget)
{
    QJsonArray running;
    for (const RunningSession& session : sessions) {
        running.append(
            QJsonObject { { u"pid"_s, session.pid }, { u"uptime_s"_s, figure(session.uptimeSeconds) },
                { u"cpu_percent_since_start"_s, figure(session.cpuPercent) },
                { u"rss_mb"_s, figure(session.rssMb) },
                { u"over_budget"_s,
                    session.rssMb > budget.maxRssMb || session.cpuPercent > budget.maxCpuPercent },
                { u"server"_s,
                    QJsonObject { { u"processes"_s, session.serverProcesses },
                        { u"cpu_percent_since_start"_s, figure(session.serverCpuPercent) },
                        { u"rss_mb"_s, figure(session.serverRssMb) } } } });
    }
    return QJsonObject { { u"budget"_s,
                             QJsonObject { { u"max_cpu_percent"_s, budget.maxCpuPercent },
                                 { u"max_rss_mb"_s, budget.maxRssMb } } },
        { u"sessions"_s, running } };
}

QString resourcesText(const QList<RunningSession>& sessions, const resources::ResourceBudget& budget)
{
    QString out = u"\nResources (budget %1 % CPU, %2 MB)\n"_s.arg(budget.maxCpuPercent, 0, 'g', 4)
                      .arg(budget.maxRssMb, 0, 'f', 0);
    if (sessions.isEmpty())
        return out + u"  no FoxReload session is running\n"_s;
    for (const RunningSession& session : sessions) {
        const bool over = session.rssMb > budget.maxRssMb || session.cpuPercent > budget.maxCpuPercent;
        out += u"  pid %1: %2 % CPU since start, %3 MB%4"_s.arg(session.pid)
                   .arg(number(session.cpuPercent, 2), number(session.rssMb, 1),
                       over ? u" (over budget)"_s : QString());
        if (session.serverProcesses > 0)
            out += u"; server %1 % CPU, %2 MB in %3 process%4"_s
                       .arg(number(session.serverCpuPercent, 2), number(session.serverRssMb, 1))
                       .arg(session.serverProcesses)
                       .arg(session.serverProcesses == 1 ? QString() : u"es"_s);
        out += u'\n';
    }
    return out;
}

} // namespace foxreload::cli
