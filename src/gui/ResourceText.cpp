#include "ResourceText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {
QString cpuText(double percent)
{
    return percent < 0 ? u"—"_s : QLocale().toString(percent, 'f', 1);
}

QString mbText(double mb)
{
    return mb < 0 ? u"—"_s : QLocale().toString(mb, 'f', 0);
}
} // namespace

QString ResourceText::summary(const MonitoredSession::Resources& resources)
{
    if (!resources.known)
        return u"—"_s;
    const auto& sample = resources.sample;
    if (resources.throttle.throttled)
        return tr("throttled · %1 MB").arg(mbText(sample.rssMb));
    return tr("%1 % CPU · %2 MB").arg(cpuText(sample.cpuPercent), mbText(sample.rssMb));
}

QString ResourceText::details(const MonitoredSession::Resources& resources)
{
    if (!resources.known)
        return tr("FoxReload measures its CPU and memory while it works; nothing measured yet");
    const auto& sample = resources.sample;
    QStringList lines { tr("FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)")
                            .arg(cpuText(sample.cpuPercent), mbText(sample.rssMb),
                                QLocale().toString(resources.budget.maxCpuPercent, 'g', 6),
                                QLocale().toString(resources.budget.maxRssMb, 'f', 0)) };
    if (sample.excludedCpuPercent >= 0.05)
        lines << tr("Of that, drawing the app's windows took %1 % CPU, which does not count against the "
                    "budget")
                     .arg(cpuText(sample.excludedCpuPercent));
    if (resources.budget.rssBaselineMb > 0)
        lines << tr("The desktop app's own %1 MB (held when the project started) do not count against the "
                    "budget")
                     .arg(mbText(resources.budget.rssBaselineMb));
    if (sample.serverProcesses > 0)
        lines << tr("Server: %1 % CPU, %2 MB in %n process(es)", nullptr, sample.serverProcesses)
                     .arg(cpuText(sample.serverCpuPercent), mbText(sample.serverRssMb));
    if (resources.throttle.throttled)
        lines << tr("Over budget (%1): longer quiet window, no content comparison, settings preview waits")
                     .arg(resources.throttle.reason);
    return lines.join(u'\n');
}

QString ResourceText::trayLine(const MonitoredSession::Resources& resources)
{
    if (!resources.known)
        return {};
    const auto& sample = resources.sample;
    if (resources.throttle.throttled)
        return tr("FoxReload: over its budget, throttled (%1 % CPU · %2 MB)")
            .arg(cpuText(sample.cpuPercent), mbText(sample.rssMb));
    return tr("FoxReload: %1 % CPU · %2 MB").arg(cpuText(sample.cpuPercent), mbText(sample.rssMb));
}

} // namespace foxreload::gui
