#pragma once

#include <QString>

namespace foxreload::cli {

// The config file a command acts on. `argument` is what the user typed: a config file,
// a directory to search upwards from (ConfigLoader::findConfigFile), or empty for the
// current directory. Returns the absolute path, or an empty string and *error.
QString locateConfigFile(const QString& argument, QString* error);

// How a path is shown in messages: relative to the current directory when below it
// (".foxreload.yaml:7:16: ..."), absolute otherwise.
QString displayPath(const QString& absolutePath);

} // namespace foxreload::cli
