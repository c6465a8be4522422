#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace foxreload {

// Ordered by severity: a batch takes the most severe strategy of its files.
enum class ReloadStrategy { None = 0, HotReload = 1, ServiceRestart = 2, FullRestart = 3 };

// "none", "hot_reload", "service_restart", "full_restart" — the config spelling.
QString strategyName(ReloadStrategy strategy);
// Human wording for output: "no reload", "hot reload", "service restart", "full restart".
QString strategyLabel(ReloadStrategy strategy);
std::optional<ReloadStrategy> strategyFromName(QStringView name);

constexpr ReloadStrategy mostSevere(ReloadStrategy a, ReloadStrategy b)
{
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

} // namespace foxreload
