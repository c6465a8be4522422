#include "DesktopApplication.h"

#include "platform/SystemInfo.h"

namespace foxreload::gui {

namespace {

// A widget or window, or an object one of them owns (a panel's refresh timer, a view's model).
bool belongsToWindows(const QObject* receiver)
{
    for (const QObject* object = receiver; object; object = object->parent()) {
        if (object->isWidgetType() || object->isWindowType())
            return true;
    }
    return false;
}

} // namespace

DesktopApplication::DesktopApplication(int& argc, char** argv)
    : QApplication(argc, argv)
    , m_measurable(platform::threadCpuSeconds() >= 0)
{ }

DesktopApplication* DesktopApplication::instance()
{
    return qobject_cast<DesktopApplication*>(QCoreApplication::instance());
}

double DesktopApplication::windowCpuSeconds() const
{
    return m_measurable ? m_windowSeconds : -1;
}

void DesktopApplication::charge(double threadSeconds)
{
    if (m_onWindows && m_mark >= 0 && threadSeconds >= m_mark)
        m_windowSeconds += threadSeconds - m_mark;
    m_mark = threadSeconds;
}

bool DesktopApplication::notify(QObject* receiver, QEvent* event)
{
    // Other threads' events (the import graph's, a store's) are not the windows'.
    if (!m_measurable || !receiver || receiver->thread() != thread())
        return QApplication::notify(receiver, event);
    // Each stretch of time goes to the innermost event: a session's event handled inside a
    // dialog's nested event loop is the session's, a repaint asked for by a reload the windows'.
    charge(platform::threadCpuSeconds());
    const bool outer = std::exchange(m_onWindows, belongsToWindows(receiver));
    const bool handled = QApplication::notify(receiver, event);
    charge(platform::threadCpuSeconds());
    m_onWindows = outer;
    return handled;
}

} // namespace foxreload::gui
