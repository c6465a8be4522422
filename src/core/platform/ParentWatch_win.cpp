#include "ParentWatch.h"

#include <QWinEventNotifier>

// windows.h first: tlhelp32.h needs its types.
// clang-format off
#include <windows.h>
#include <tlhelp32.h>
// clang-format on

namespace foxreload::platform {

namespace {

DWORD parentProcessId()
{
    const DWORD self = ::GetCurrentProcessId();
    HANDLE snapshot = ::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE)
        return 0;
    PROCESSENTRY32W entry {};
    entry.dwSize = sizeof entry;
    DWORD parent = 0;
    for (BOOL more = ::Process32FirstW(snapshot, &entry); more; more = ::Process32NextW(snapshot, &entry)) {
        if (entry.th32ProcessID == self) {
            parent = entry.th32ParentProcessID;
            break;
        }
    }
    ::CloseHandle(snapshot);
    return parent;
}

} // namespace

struct ParentWatch::Private
{
    DWORD parent = parentProcessId();
    HANDLE handle = nullptr;
    std::unique_ptr<QWinEventNotifier> exited;
};

ParentWatch::ParentWatch(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    // Windows does not re-parent: the parent's own handle, opened now, tells when it ends.
    if (d->parent > 0)
        d->handle = ::OpenProcess(SYNCHRONIZE, FALSE, d->parent);
}

ParentWatch::~ParentWatch()
{
    d->exited.reset();
    if (d->handle)
        ::CloseHandle(d->handle);
}

qint64 ParentWatch::parentPid() const
{
    return qint64(d->parent);
}

bool ParentWatch::parentGone() const
{
    return d->handle && ::WaitForSingleObject(d->handle, 0) == WAIT_OBJECT_0;
}

void ParentWatch::start()
{
    if (!d->handle)
        return;
    d->exited = std::make_unique<QWinEventNotifier>(d->handle);
    connect(d->exited.get(), &QWinEventNotifier::activated, this, [this] {
        d->exited->setEnabled(false);
        Q_EMIT gone();
    });
}

} // namespace foxreload::platform
