#include "DrainControl.h"

#include <algorithm>

namespace foxreload {

DrainControl::DrainControl(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // The grace is the server's to use in full: a coarse timer may fire up to 5% early.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DrainControl::onTimeout);
}

void DrainControl::begin(QObject* server, int graceMs, std::function<void()> proceed)
{
    finish(server); // a server retires once; a second gate replaces the first
    m_drains.push_back(
        Drain { server, QDeadlineTimer(qMax(0, graceMs), Qt::PreciseTimer), std::move(proceed) });
    arm();
}

std::vector<DrainControl::Drain>::iterator DrainControl::find(const QObject* server)
{
    if (!server)
        return m_drains.end();
    return std::find_if(
        m_drains.begin(), m_drains.end(), [server](const Drain& drain) { return drain.server == server; });
}

bool DrainControl::isDraining(const QObject* server) const
{
    return server && std::any_of(m_drains.cbegin(), m_drains.cend(), [server](const Drain& drain) {
        return drain.server == server;
    });
}

void DrainControl::finish(const QObject* server)
{
    const auto it = find(server);
    if (it == m_drains.end())
        return;
    const std::function<void()> proceed = std::move(it->proceed);
    m_drains.erase(it);
    arm();
    if (proceed)
        proceed();
}

void DrainControl::finishAll()
{
    while (!m_drains.empty()) {
        const std::function<void()> proceed = std::move(m_drains.front().proceed);
        const bool alive = !m_drains.front().server.isNull();
        m_drains.erase(m_drains.begin());
        if (alive && proceed)
            proceed();
    }
    m_timer.stop();
}

void DrainControl::onTimeout()
{
    // Settling one drain may finish or begin others: look again after each.
    for (;;) {
        const auto it = std::find_if(m_drains.begin(), m_drains.end(),
            [](const Drain& drain) { return !drain.server || drain.deadline.hasExpired(); });
        if (it == m_drains.end())
            break;
        if (!it->server) {
            m_drains.erase(it); // destroyed while it waited: nobody is left to stop
            continue;
        }
        QObject* server = it->server;
        Q_EMIT expired(server);
        finish(server); // when the owner did not
    }
    arm();
}

void DrainControl::arm()
{
    if (m_drains.empty()) {
        m_timer.stop();
        return;
    }
    const auto earliest = std::min_element(m_drains.cbegin(), m_drains.cend(),
        [](const Drain& a, const Drain& b) { return a.deadline < b.deadline; });
    m_timer.start(int(std::max<qint64>(0, earliest->deadline.remainingTime())));
}

} // namespace foxreload
