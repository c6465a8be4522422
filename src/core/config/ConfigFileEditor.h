#pragma once

#include "Config.h"

#include <QString>

namespace foxreload {

// Saves settings into an existing .foxreload.yaml without damaging it: only the settings that
// changed are edited in place (YamlEditor), every other byte of the user's file -- comments,
// order, quoting, flow or block style -- stays as it was. The old file is kept as `path.bak`.
class ConfigFileEditor
{
public:
    // Writes into the file at `path` exactly the settings in which `after` differs from `before`
    // (both as loaded from that file), keeping every other byte; creates the file (ConfigWriter's
    // full output) when it does not exist. Atomic; keeps `path + ".bak"`. False + *errorMessage
    // (what and where) on failure, the file untouched.
    static bool save(const QString& path, const Config& before, const Config& after, QString* errorMessage);
};

} // namespace foxreload
