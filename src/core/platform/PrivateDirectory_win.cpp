#include "PrivateDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <string>
#include <vector>

// windows.h first: the others need its types.
// clang-format off
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>
// clang-format on

using namespace Qt::StringLiterals;

namespace foxreload::platform {

namespace {
// A DACL with one entry, the current user's full access, protected from the parent's entries.
bool restrictToCurrentUser(const QString& path, QString* error)
{
    HANDLE token = nullptr;
    if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token)) {
        *error
            = u"%1: cannot read the process token (error %2)"_s.arg(path, QString::number(::GetLastError()));
        return false;
    }
    DWORD size = 0;
    ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<unsigned char> buffer(size);
    const bool haveUser = size > 0 && ::GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    ::CloseHandle(token);
    if (!haveUser) {
        *error
            = u"%1: cannot read the current user (error %2)"_s.arg(path, QString::number(::GetLastError()));
        return false;
    }
    PSID user = reinterpret_cast<const TOKEN_USER*>(buffer.data())->User.Sid;

    EXPLICIT_ACCESS_W access {};
    access.grfAccessPermissions = GENERIC_ALL;
    access.grfAccessMode = SET_ACCESS;
    access.grfInheritance = SUB_CONTAINERS_AND_OBJECTS_INHERIT;
    access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    access.Trustee.TrusteeType = TRUSTEE_IS_USER;
    access.Trustee.ptstrName = static_cast<LPWSTR>(user);
    PACL acl = nullptr;
    if (::SetEntriesInAclW(1, &access, nullptr, &acl) != ERROR_SUCCESS) {
        *error = u"%1: cannot build an owner-only access list"_s.arg(path);
        return false;
    }
    std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    const DWORD result = ::SetNamedSecurityInfoW(native.data(), SE_FILE_OBJECT,
        DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr, nullptr, acl, nullptr);
    ::LocalFree(acl);
    if (result != ERROR_SUCCESS) {
        *error = u"%1: cannot make it private to the current user (error %2)"_s.arg(
            path, QString::number(result));
        return false;
    }
    return true;
}
} // namespace

bool ensurePrivateDirectory(const QString& path, QString* error)
{
    if (!QDir().mkpath(path)) {
        *error = u"cannot create %1"_s.arg(path);
        return false;
    }
    const DWORD attributes = ::GetFileAttributesW(reinterpret_cast<const wchar_t*>(path.utf16()));
    if (attributes == INVALID_FILE_ATTRIBUTES || !(attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        *error = u"%1 is not a directory"_s.arg(path);
        return false;
    }
    if (attributes & FILE_ATTRIBUTE_REPARSE_POINT) {
        *error = u"%1 is a link or junction, not a directory of our own"_s.arg(path);
        return false;
    }
    return restrictToCurrentUser(path, error);
}

bool clearStaleSocket(const QString& path, QString* error)
{
    Q_UNUSED(path);
    Q_UNUSED(error);
    return true; // QLocalServer listens on a named pipe: no socket file is left behind
}

bool registerLocalServer(const QString& path, QString* error)
{
    // Empty: what it says is in its name (session-<pid>.sock), and the pipe answers with the rest.
    QFile entry(path);
    if (!entry.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = u"cannot write %1: %2"_s.arg(path, entry.errorString());
        return false;
    }
    return true;
}

void unregisterLocalServer(const QString& path)
{
    QFile::remove(path);
}

} // namespace foxreload::platform
