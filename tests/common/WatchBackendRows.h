#pragma once

// The watch backends a watcher test runs against, as the rows of a data-driven test: inotify where
// the OS has it, Qt's QFileSystemWatcher and polling everywhere.

#include "watch/FileWatcher.h"

#include <QTest>

namespace foxreload::test {

inline void addWatchBackendRows()
{
    QTest::addColumn<WatchBackendKind>("backend");
#ifdef Q_OS_LINUX
    QTest::newRow("inotify") << WatchBackendKind::Inotify;
#endif
    QTest::newRow("qt") << WatchBackendKind::QtFileSystemWatcher;
    QTest::newRow("polling") << WatchBackendKind::Polling;
}

} // namespace foxreload::test
