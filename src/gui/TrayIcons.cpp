#include "TrayIcons.h"

#include "game/Rewards.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QString iconPath(MonitoredSession::Status status)
{
    using S = MonitoredSession::Status;
    switch (status) {
    case S::Watching:
        return u":/icons/tray-watching.svg"_s;
    case S::Starting:
    case S::Reloading:
        return u":/icons/tray-reloading.svg"_s;
    case S::Error:
    case S::Degraded:
    case S::Untrusted:
        return u":/icons/tray-error.svg"_s;
    case S::Paused:
        return u":/icons/tray-paused.svg"_s;
    case S::Stopped:
        break;
    }
    return u":/icons/tray-stopped.svg"_s;
}

// The SVG with the default skin's colours swapped for `skin`'s; empty when nothing changes.
QByteArray recoloured(const QString& path, const RewardDef& skin)
{
    const RewardDef& red = rewards::defaultReward(RewardKind::Skin);
    QFile file(path);
    if (skin.colours.size() != red.colours.size() || !file.open(QIODevice::ReadOnly))
        return {};
    QString svg = QString::fromUtf8(file.readAll());
    if (!svg.contains(red.colours.first(), Qt::CaseInsensitive)) // a grey fox: its state, not a skin
        return {};
    for (qsizetype i = 0; i < red.colours.size(); ++i)
        svg.replace(red.colours[i], skin.colours[i], Qt::CaseInsensitive);
    return svg.toUtf8();
}

QIcon renderedIcon(const QByteArray& svg)
{
    QSvgRenderer renderer(svg);
    QIcon icon;
    // The sizes panels ask for, so no size is scaled from a neighbour.
    for (const int size : { 16, 22, 24, 32, 48, 64, 128 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QIcon stateIcon(MonitoredSession::Status status)
{
    return QIcon(iconPath(status));
}

QIcon stateIcon(MonitoredSession::Status status, const RewardDef& skin)
{
    if (skin.id == rewards::defaultReward(RewardKind::Skin).id)
        return stateIcon(status);
    // Rendered each time (a few small pixmaps, on a change of state only): a cache of pixmaps
    // in a static would outlive the QGuiApplication.
    const QByteArray svg = recoloured(iconPath(status), skin);
    return svg.isEmpty() ? stateIcon(status) : renderedIcon(svg);
}

QIcon appIcon()
{
    return QIcon(u":/icons/foxreload.svg"_s);
}

} // namespace foxreload::gui
