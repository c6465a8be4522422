#pragma once

#include <QApplication>

namespace foxreload::gui {

// The desktop app's QApplication. It also keeps the CPU time the main thread spends on the
// app's windows — events for widgets and windows and for what they own (painting, layout,
// input, their timers) — so that a session's resource budget can leave drawing the dashboard
// out (ResourceMonitor::setExcludedCpu): the budget is about the watcher, not the charts.
class DesktopApplication : public QApplication
{
    Q_OBJECT
public:
    DesktopApplication(int& argc, char** argv);

    // The running DesktopApplication, or null under another QApplication (the tests' own).
    static DesktopApplication* instance();

    // Seconds of the main thread's CPU spent on the windows so far; -1 when the system does not
    // say how much CPU a thread has used.
    double windowCpuSeconds() const;

    bool notify(QObject* receiver, QEvent* event) override;

private:
    // Charges the CPU used since the last mark to what the main thread was doing.
    void charge(double threadSeconds);

    const bool m_measurable;
    double m_windowSeconds = 0;
    double m_mark = -1;
    bool m_onWindows = false; // the innermost event being delivered is for a window
};

} // namespace foxreload::gui
