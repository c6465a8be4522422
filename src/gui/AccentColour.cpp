#include "AccentColour.h"

#include "ChartTheme.h"
#include "DashboardHeader.h"
#include "DashboardWindow.h"
#include "game/Rewards.h"

namespace foxreload::gui {

namespace {

QColor mixed(const QColor& base, const QColor& tint, double share)
{
    return QColor::fromRgbF(float(base.redF() * (1 - share) + tint.redF() * share),
        float(base.greenF() * (1 - share) + tint.greenF() * share),
        float(base.blueF() * (1 - share) + tint.blueF() * share));
}

} // namespace

void applyAccent(DashboardWindow* dashboard, const RewardDef& accent)
{
    if (!dashboard || accent.colours.size() != 2)
        return;
    const QColor onLight(accent.colours[0]);
    const QColor onDark(accent.colours[1]);
    charttheme::setAccent(onLight, onDark);
    QPalette palette = dashboard->palette();
    const bool dark = charttheme::isDark(palette);
    const QColor colour = dark ? onDark : onLight;
    palette.setColor(QPalette::Highlight, colour);
    // Text on the highlight must stay readable: the dark-window accents are light colours.
    palette.setColor(QPalette::HighlightedText, dark ? QColor(Qt::black) : QColor(Qt::white));
    dashboard->setPalette(palette); // a PaletteChange for every child: the charts redraw in it

    // A faint tint, so that the header's text keeps its contrast.
    QPalette header = dashboard->header()->palette();
    header.setColor(QPalette::Window, mixed(palette.color(QPalette::Window), colour, 0.16));
    dashboard->header()->setPalette(header);
    dashboard->header()->setAutoFillBackground(true);
}

} // namespace foxreload::gui
