#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <vector>

namespace foxreload {

// Retiring servers that still have requests in flight: each one waits until its last answer or
// the end of its grace period, whichever comes first, and then proceeds (the orchestrator stops
// it). One timer serves them all, armed for the earliest deadline; a server that is destroyed
// while it waits simply leaves the table.
class DrainControl : public QObject
{
    Q_OBJECT
public:
    explicit DrainControl(QObject* parent = nullptr);

    // `server` waits at most `graceMs`; `proceed` runs when its drain finishes.
    void begin(QObject* server, int graceMs, std::function<void()> proceed);
    bool isDraining(const QObject* server) const;
    bool isEmpty() const { return m_drains.empty(); }
    // Ends the drain of `server` (nothing when it has none): its proceed runs.
    void finish(const QObject* server);
    void finishAll();

Q_SIGNALS:
    // The grace period of `server` is over: the owner settles what is left and calls finish().
    void expired(QObject* server);

private:
    struct Drain
    {
        QPointer<QObject> server; // null once destroyed: never mistaken for a new object at its address
        QDeadlineTimer deadline;
        std::function<void()> proceed;
    };

    void onTimeout();
    void arm();
    std::vector<Drain>::iterator find(const QObject* server);

    std::vector<Drain> m_drains; // one per retiring generation: a handful at most
    QTimer m_timer;
};

} // namespace foxreload
