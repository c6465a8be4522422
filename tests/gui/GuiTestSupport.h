#pragma once

#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"

namespace foxreload::test {

// The example's own .foxreload.yaml (its rules: tools hot reload, services restart,
// main.py full restart), tuned for tests, and not tied to its file so that no trust
// is needed: a test session starts at once.
inline Config exampleConfigWithRules(const ExampleProject& project)
{
    ConfigLoadResult loaded = ConfigLoader::loadFile(project.path(QStringLiteral(".foxreload.yaml")));
    Config config = loaded.ok() ? *loaded.config : project.config();
    config.sourceFile.clear();
    config.server.env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    config.server.shutdownGraceMs = 1000;
    config.server.readyTimeoutMs = 15000;
    config.watch.maxReloadsPerMinute = 1000;
    return config;
}

} // namespace foxreload::test
