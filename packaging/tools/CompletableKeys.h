#pragma once

#include "config/ConfigKeys.h"

#include <QStringList>

namespace foxreload::packaging {

// The config keys as a user types them after `foxreload config get/set`: the schema's list items
// get index 0 ("rules[0].match"), free-form maps end at their prefix ("server.env."), which the
// shell then completes no further. Used by completion_keys and by the test that checks its output.
inline QStringList completableConfigKeys()
{
    QStringList keys;
    for (QString key : configKeyOrder()) {
        key.replace(QStringLiteral("[]"), QStringLiteral("[0]"));
        if (key.endsWith(QStringLiteral(".*")))
            key.chop(1);
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace foxreload::packaging
