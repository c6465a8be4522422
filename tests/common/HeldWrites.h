#pragma once

// For test processes that write to a shared history database: lets the store write what it held
// (a lock that outlasted the busy timeout) before the process leaves.

#include "store/HistoryStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace foxreload::test {

// True once nothing is held any more; false when `timeoutMs` passed first.
inline bool waitForHeldWrites(HistoryStore& store, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (store.pendingWrites() > 0 && waited.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return store.pendingWrites() == 0;
}

} // namespace foxreload::test
