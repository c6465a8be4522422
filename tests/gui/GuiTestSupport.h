#pragma once

#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "gui/EventLogModel.h"
#include "gui/MonitoredSession.h"

#include <QTranslator>

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

// English plural forms as foxreload_en.qm gives them ("%n tool(s)" → "1 tool", "9 tools"),
// so that a test does not depend on the integrator's .ts update.
class EnglishPlurals : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(
        const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(context);
        Q_UNUSED(disambiguation);
        const QString text = QString::fromUtf8(source);
        if (n < 0 || !text.contains(QStringLiteral("(s)")))
            return {};
        return QString(text).replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
};

// Whether a line of the session's event log (its summary or detail) contains `text`.
inline bool logContains(const gui::MonitoredSession& session, const QString& text)
{
    const gui::EventLogModel* log = session.eventLog();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->entry(row).summary.contains(text) || log->entry(row).detail.contains(text))
            return true;
    }
    return false;
}

// For a test that needs a real X display (a tray host, a notification daemon): chooses the xcb
// platform when there is a display, or else the offscreen one, and then says why the test skips.
// Call it before the application is made.
inline QString chooseXcbPlatform()
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "xcb");
        return {};
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return QStringLiteral(
        "no X display: run under Xvfb (tests/gui/run-under-xvfb.sh, or the README's test command)");
}

} // namespace foxreload::test
