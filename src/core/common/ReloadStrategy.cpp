#include "ReloadStrategy.h"

#include <array>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
struct StrategyNames
{
    ReloadStrategy strategy;
    QStringView name;
    QStringView label;
};

constexpr std::array kStrategies {
    StrategyNames { ReloadStrategy::None, u"none", u"no reload" },
    StrategyNames { ReloadStrategy::HotReload, u"hot_reload", u"hot reload" },
    StrategyNames { ReloadStrategy::ServiceRestart, u"service_restart", u"service restart" },
    StrategyNames { ReloadStrategy::FullRestart, u"full_restart", u"full restart" },
};
} // namespace

QString strategyName(ReloadStrategy strategy)
{
    return kStrategies.at(static_cast<size_t>(strategy)).name.toString();
}

QString strategyLabel(ReloadStrategy strategy)
{
    return kStrategies.at(static_cast<size_t>(strategy)).label.toString();
}

std::optional<ReloadStrategy> strategyFromName(QStringView name)
{
    for (const auto& entry : kStrategies) {
        if (entry.name == name)
            return entry.strategy;
    }
    return std::nullopt;
}

} // namespace foxreload
