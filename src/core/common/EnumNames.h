#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace foxreload {

// One row of an enum's name table: the one place an enumerator's spelling is written, read in
// both directions so that the name and the parse cannot drift apart.
template<typename Enum>
struct EnumName
{
    Enum value;
    QStringView name;
};

template<typename Enum>
QString nameOf(std::span<const EnumName<Enum>> table, Enum value)
{
    for (const auto& entry : table) {
        if (entry.value == value)
            return entry.name.toString();
    }
    return {};
}

template<typename Enum>
std::optional<Enum> valueOf(std::span<const EnumName<Enum>> table, QStringView name)
{
    for (const auto& entry : table) {
        if (entry.name == name)
            return entry.value;
    }
    return std::nullopt;
}

} // namespace foxreload
