#pragma once

#include "YamlEditor.h"

#include <QString>
#include <QStringList>

namespace foxreload {

// The keys a .foxreload.yaml may hold, for editing it by key (`foxreload config get/set`,
// the settings dialog): which keys exist, and in which order new ones are written.

// Every key of the schema (ConfigSchema.h) in the documented order. List items are written "[]"
// ("server.args[]", "rules[].match"), the keys of a free-form map "*" ("server.env.*").
const QStringList& configKeyOrder();

// The schema form of a concrete key: "rules[2].match" -> "rules[].match", "server.env.FOO" -> "server.env.*".
QString configKeyPattern(const QList<YamlPathStep>& path);

// Empty when `path` names a key of the schema; otherwise what is wrong, with a suggestion
// ("unknown key \"watch.debounse_ms\" (did you mean \"watch.debounce_ms\"?)").
QString checkConfigKey(QStringView path);

} // namespace foxreload
