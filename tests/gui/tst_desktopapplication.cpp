// DesktopApplication keeps the main thread's CPU spent on the windows apart: a widget's paint
// and a widget's timer count; a session object's timer does not, not even when a widget's
// handler is what sent it the event.

#include "gui/DesktopApplication.h"
#include "platform/SystemInfo.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWidget>

using namespace foxreload;
using namespace foxreload::gui;

namespace {

// Uses this thread's CPU for `seconds` (not wall time: a loaded machine must not change it).
void burn(double seconds)
{
    const double until = platform::threadCpuSeconds() + seconds;
    volatile double sink = 0;
    while (platform::threadCpuSeconds() < until)
        sink = sink + 1;
}

class BusyWidget : public QWidget
{
public:
    double paintSeconds = 0.04;
    QObject* sessionObject = nullptr; // gets an event from customEvent()

protected:
    void paintEvent(QPaintEvent*) override { burn(paintSeconds); }
    void customEvent(QEvent*) override
    {
        burn(0.02);
        QEvent inner(QEvent::User);
        QCoreApplication::sendEvent(sessionObject, &inner);
    }
};

class SessionObject : public QObject
{
protected:
    void customEvent(QEvent*) override { burn(0.04); }
};

} // namespace

class TestDesktopApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(DesktopApplication::instance());
        if (DesktopApplication::instance()->windowCpuSeconds() < 0)
            QSKIP("this system does not say how much CPU a thread used");
    }

    void paintingIsTheWindows()
    {
        BusyWidget widget;
        widget.resize(200, 100);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const double before = DesktopApplication::instance()->windowCpuSeconds();
        widget.repaint();
        const double spent = DesktopApplication::instance()->windowCpuSeconds() - before;
        QVERIFY2(spent >= 0.039 && spent < 0.1, qPrintable(QString::number(spent)));
    }

    void timersOfWidgetsAreTheWindowsOthersAreNot_data()
    {
        QTest::addColumn<bool>("ownedByWidget");
        QTest::newRow("a panel's refresh timer") << true;
        QTest::newRow("a session's timer") << false;
    }
    void timersOfWidgetsAreTheWindowsOthersAreNot()
    {
        QFETCH(bool, ownedByWidget);
        QWidget panel;
        QObject session;
        QTimer timer(ownedByWidget ? static_cast<QObject*>(&panel) : &session);
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, this, [] { burn(0.04); });
        QSignalSpy fired(&timer, &QTimer::timeout);
        const double before = DesktopApplication::instance()->windowCpuSeconds();
        timer.start(0);
        QVERIFY(fired.wait(5000));
        const double spent = DesktopApplication::instance()->windowCpuSeconds() - before;
        if (ownedByWidget)
            QVERIFY2(spent >= 0.039, qPrintable(QString::number(spent)));
        else
            QVERIFY2(spent < 0.01, qPrintable(QString::number(spent)));
    }

    // The innermost event decides: 20 ms of the widget's own, 40 ms of the session's inside it.
    void nestedSessionWorkIsNotTheWindows()
    {
        BusyWidget widget;
        SessionObject session;
        widget.sessionObject = &session;
        const double before = DesktopApplication::instance()->windowCpuSeconds();
        QEvent event(QEvent::User);
        QCoreApplication::sendEvent(&widget, &event);
        const double spent = DesktopApplication::instance()->windowCpuSeconds() - before;
        QVERIFY2(spent >= 0.019 && spent < 0.05, qPrintable(QString::number(spent)));
    }
};

int main(int argc, char** argv)
{
    DesktopApplication app(argc, argv);
    TestDesktopApplication test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_desktopapplication.moc"
