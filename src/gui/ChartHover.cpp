#include "ChartHover.h"

#include "MonitoredSession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

QString ChartHover::dateTimeText(const QDateTime& time)
{
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    return locale.toString(local.date(), QLocale::ShortFormat) + u' '
        + locale.toString(local.time(), QLocale::ShortFormat);
}

QString ChartHover::outcomeText(ReloadOutcome outcome)
{
    return outcome == ReloadOutcome::Success ? tr("succeeded") : tr("failed");
}

QString ChartHover::reloadText(const ChartReload& reload, qint64 clippedAtMs, int clippedCount)
{
    const QLocale locale;
    QStringList lines { dateTimeText(reload.atUtc) };
    const QString strategy = MonitoredSession::strategyText(reload.strategy);
    lines.append(reload.durationMs >= 0
            ? tr("%1 in %2 ms, %3")
                  .arg(strategy, locale.toString(reload.durationMs), outcomeText(reload.outcome))
            : tr("%1, %2 (no duration measured)").arg(strategy, outcomeText(reload.outcome)));
    if (reload.buildMs >= 0) // the build step is a figure of its own, not part of the duration above
        lines.append(tr("Build: %1 ms").arg(locale.toString(reload.buildMs)));
    if (!reload.error.isEmpty())
        lines.append(reload.error);
    if (reload.fileCount > 0 || !reload.reason.isEmpty()) {
        QString files = tr("%n file(s)", nullptr, reload.fileCount);
        if (!reload.reason.isEmpty())
            files += u": "_s + reload.reason;
        lines.append(files);
    }
    if (clippedAtMs >= 0)
        lines.append(
            tr("Drawn at the top: the axis ends at %1 ms (%n point(s) above it)", nullptr, clippedCount)
                .arg(locale.toString(clippedAtMs)));
    return lines.join(u'\n');
}

QString ChartHover::sliceText(const QString& name, qint64 count, qint64 total)
{
    const double share = total > 0 ? 100.0 * double(count) / double(total) : 0.0;
    return tr("%1: %n reload(s), %2% of all", nullptr, int(count))
        .arg(name, QLocale().toString(share, 'f', 1));
}

QString ChartHover::dayText(const QDate& day, const QList<std::pair<QString, int>>& counts, int failed)
{
    const QLocale locale;
    QStringList lines { locale.toString(day, QLocale::ShortFormat) };
    int total = failed;
    for (const auto& [name, count] : counts) {
        lines.append(u"%1: %2"_s.arg(name, locale.toString(count)));
        total += count;
    }
    lines.append(tr("failed: %1").arg(locale.toString(failed)));
    lines.append(tr("%n reload(s) in all", nullptr, total));
    return lines.join(u'\n');
}

QString ChartHover::xpText(const QDateTime& time, qint64 total)
{
    return dateTimeText(time) + u'\n' + tr("%1 XP in total").arg(QLocale().toString(total));
}

} // namespace foxreload::gui
