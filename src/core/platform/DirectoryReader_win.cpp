#include "DirectoryReader.h"

#include <QDir>

#include <windows.h>

namespace foxreload::platform {

struct DirectoryReader::Handle
{
    HANDLE find = INVALID_HANDLE_VALUE;
    WIN32_FIND_DATAW data {};
    bool pending = false; // FindFirstFileW already filled `data` with the first entry
    QByteArray name;
};

DirectoryReader::DirectoryReader(const QString& path)
    : d(std::make_unique<Handle>())
{
    const QString pattern = QDir::toNativeSeparators(path) + QStringLiteral("\\*");
    d->find = ::FindFirstFileExW(reinterpret_cast<const wchar_t*>(pattern.utf16()), FindExInfoBasic, &d->data,
        FindExSearchNameMatch, nullptr, FIND_FIRST_EX_LARGE_FETCH);
    d->pending = d->find != INVALID_HANDLE_VALUE;
}

DirectoryReader::~DirectoryReader()
{
    if (d->find != INVALID_HANDLE_VALUE)
        ::FindClose(d->find);
}

bool DirectoryReader::isOpen() const
{
    return d->find != INVALID_HANDLE_VALUE;
}

bool DirectoryReader::next()
{
    if (d->find == INVALID_HANDLE_VALUE)
        return false;
    for (;;) {
        if (!d->pending && !::FindNextFileW(d->find, &d->data))
            return false;
        d->pending = false;
        const wchar_t* name = d->data.cFileName;
        if (name[0] == L'.' && (name[1] == 0 || (name[1] == L'.' && name[2] == 0)))
            continue;
        d->name = QString::fromWCharArray(name).toUtf8();
        return true;
    }
}

const QByteArray& DirectoryReader::name() const
{
    return d->name;
}

bool DirectoryReader::stamp(EntryStamp* out) const
{
    const WIN32_FIND_DATAW& data = d->data;
    // 100 ns ticks since 1601-01-01; the Unix epoch is 11,644,473,600 s later.
    const qint64 ticks
        = qint64((quint64(data.ftLastWriteTime.dwHighDateTime) << 32) | data.ftLastWriteTime.dwLowDateTime);
    const bool isLink = (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    *out = EntryStamp { qint64((quint64(data.nFileSizeHigh) << 32) | data.nFileSizeLow),
        (ticks - 116444736000000000LL) * 100, 0,
        !isLink && (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0 };
    return true;
}

} // namespace foxreload::platform
