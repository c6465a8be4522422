#include "ProcessMetrics.h"

#include "platform/SystemInfo.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace foxreload::metrics {

namespace {
QByteArray readSmallFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0: read to the end
}

double bootTimeSeconds(const QString& procStat)
{
    const QList<QByteArray> lines = readSmallFile(procStat).split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("btime "))
            return line.mid(6).trimmed().toDouble();
    }
    return -1;
}
} // namespace

ProcessFigures readProcessFigures(const QString& procDir, const QString& procStat)
{
    ProcessFigures figures;
    // The command name in field 2 may hold spaces and parentheses: fields are counted after
    // the last ')'.
    const QByteArray stat = readSmallFile(procDir + u"/stat"_s);
    const qsizetype nameEnd = stat.lastIndexOf(')');
    if (nameEnd > 0) {
        const QList<QByteArray> fields = stat.mid(nameEnd + 2).simplified().split(' ');
        // fields[0] is field 3 (state): field N is fields[N - 3].
        if (fields.size() > 21) {
            const double ticks = platform::clockTicksPerSecond();
            figures.cpuSeconds = (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
            figures.virtualBytes = fields.at(20).toDouble();
            figures.residentBytes = fields.at(21).toDouble() * platform::memoryPageSize();
            const double boot = bootTimeSeconds(procStat);
            if (boot >= 0)
                figures.startTimeSeconds = boot + fields.at(19).toDouble() / ticks;
        }
    }
    const QDir fds(procDir + u"/fd"_s);
    if (fds.exists())
        figures.openFds
            = double(fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
    const QList<QByteArray> limits = readSmallFile(procDir + u"/limits"_s).split('\n');
    for (const QByteArray& line : limits) {
        if (!line.startsWith("Max open files"))
            continue;
        const QList<QByteArray> words = line.mid(14).simplified().split(' ');
        bool ok = false;
        const double soft = words.value(0).toDouble(&ok);
        if (ok)
            figures.maxFds = soft;
    }
    return figures;
}

QList<qint64> childProcessIds(qint64 pid, const QString& procRoot)
{
    QList<qint64> children;
    const QString taskDir = procRoot + u'/' + QString::number(pid) + u"/task"_s;
    const QStringList threads = QDir(taskDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& thread : threads) {
        const QList<QByteArray> words
            = readSmallFile(taskDir + u'/' + thread + u"/children"_s).simplified().split(' ');
        for (const QByteArray& word : words) {
            bool ok = false;
            const qint64 child = word.toLongLong(&ok);
            if (ok && child > 0 && !children.contains(child))
                children.append(child);
        }
    }
    return children;
}

QList<MetricFamily> processFamilies(const ProcessFigures& figures)
{
    QList<MetricFamily> families;
    const auto add = [&families](double value, const QString& name, const QString& help, MetricType type) {
        if (value >= 0)
            families.append({ name, help, type, { { QString(), {}, value } } });
    };
    add(figures.cpuSeconds, u"process_cpu_seconds_total"_s,
        u"Total user and system CPU time spent in seconds."_s, MetricType::Counter);
    add(figures.openFds, u"process_open_fds"_s, u"Number of open file descriptors."_s, MetricType::Gauge);
    add(figures.maxFds, u"process_max_fds"_s, u"Maximum number of open file descriptors."_s,
        MetricType::Gauge);
    add(figures.virtualBytes, u"process_virtual_memory_bytes"_s, u"Virtual memory size in bytes."_s,
        MetricType::Gauge);
    add(figures.residentBytes, u"process_resident_memory_bytes"_s, u"Resident memory size in bytes."_s,
        MetricType::Gauge);
    add(figures.startTimeSeconds, u"process_start_time_seconds"_s,
        u"Start time of the process since unix epoch in seconds."_s, MetricType::Gauge);
    return families;
}

} // namespace foxreload::metrics
