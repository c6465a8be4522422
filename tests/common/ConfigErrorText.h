#pragma once

// A config load's errors as text, for the failure messages of the config tests.

#include "config/ConfigLoader.h"

#include <QStringList>

namespace foxreload::test {

inline QStringList configErrorLines(const QList<ConfigError>& errors)
{
    QStringList lines;
    for (const ConfigError& error : errors)
        lines.append(error.toString());
    return lines;
}

inline QString configErrorText(const ConfigLoadResult& result)
{
    return configErrorLines(result.errors).join(u'\n');
}

} // namespace foxreload::test
