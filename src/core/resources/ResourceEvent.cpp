#include "ResourceEvent.h"

#include "session/EventJson.h"

using namespace Qt::StringLiterals;

namespace foxreload::resources {

namespace {
QJsonValue figure(double value)
{
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(std::round(value * 10.0) / 10.0);
}

QString pair(double cpuPercent, double rssMb)
{
    QStringList parts;
    if (cpuPercent >= 0)
        parts << u"CPU %1 %"_s.arg(cpuPercent, 0, 'f', 1);
    if (rssMb >= 0)
        parts << u"%1 MB"_s.arg(rssMb, 0, 'f', 0);
    return parts.join(u" · "_s);
}
} // namespace

QJsonObject resourcesEvent(
    const ThrottleState& state, const ResourceSample& sample, const ResourceBudget& budget)
{
    QJsonObject object = eventjson::message(u"resources"_s,
        state.throttled ? u"over budget (%1): throttling"_s.arg(state.reason)
                        : u"back within budget: throttling ends"_s);
    object.insert("throttled"_L1, state.throttled);
    if (state.throttled)
        object.insert("reason"_L1, state.reason);
    object.insert("cpuPercent"_L1, figure(sample.cpuPercent));
    object.insert("rssMb"_L1, figure(sample.rssMb));
    object.insert("maxCpuPercent"_L1, budget.maxCpuPercent);
    object.insert("maxRssMb"_L1, budget.maxRssMb);
    object.insert("server"_L1,
        QJsonObject { { "cpuPercent"_L1, figure(sample.serverCpuPercent) },
            { "rssMb"_L1, figure(sample.serverRssMb) }, { "processes"_L1, sample.serverProcesses } });
    return object;
}

QString resourcesText(const ResourceSample& sample)
{
    QString text = pair(sample.cpuPercent, sample.rssMb);
    const QString server = pair(sample.serverCpuPercent, sample.serverRssMb);
    if (!server.isEmpty())
        text += (text.isEmpty() ? QString() : u" "_s) + u"(server "_s + server + u')';
    return text;
}

} // namespace foxreload::resources
