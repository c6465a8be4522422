#include "DirectoryReader.h"

#include <QDir>
#include <QFile>

#include <windows.h>

namespace foxreload::platform {

struct DirectoryReader::Handle
{
    HANDLE find = INVALID_HANDLE_VALUE;
    WIN32_FIND_DATAW data {};
    bool pending = false; // FindFirstFileW already filled `data` with the first entry
    bool current = false; // `data` holds an entry next() returned
    QString directory; // for stampOf()
    QByteArray name;
};

DirectoryReader::DirectoryReader(const QByteArray& encodedPath)
    : DirectoryReader(QFile::decodeName(encodedPath))
{ }

DirectoryReader::DirectoryReader(const QString& path)
    : d(std::make_unique<Handle>())
{
    d->directory = path;
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
        if (!d->pending && !::FindNextFileW(d->find, &d->data)) {
            d->current = false;
            return false;
        }
        d->pending = false;
        const wchar_t* name = d->data.cFileName;
        if (name[0] == L'.' && (name[1] == 0 || (name[1] == L'.' && name[2] == 0)))
            continue;
        d->name = QString::fromWCharArray(name).toUtf8();
        d->current = true;
        return true;
    }
}

const QByteArray& DirectoryReader::name() const
{
    return d->name;
}

QByteArrayView DirectoryReader::nameView() const
{
    return d->current ? QByteArrayView(d->name) : QByteArrayView();
}

namespace {

// A reparse point (a symbolic link, a junction) is never followed: not a directory.
bool isRealDirectory(DWORD attributes)
{
    return (attributes & FILE_ATTRIBUTE_REPARSE_POINT) == 0 && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
}

qint64 unixNs(const FILETIME& time)
{
    // 100 ns ticks since 1601-01-01; the Unix epoch is 11,644,473,600 s later.
    const qint64 ticks = qint64((quint64(time.dwHighDateTime) << 32) | time.dwLowDateTime);
    return (ticks - 116444736000000000LL) * 100;
}

} // namespace

bool DirectoryReader::isDirectory() const
{
    return d->current && isRealDirectory(d->data.dwFileAttributes);
}

bool DirectoryReader::stampOf(QByteArrayView name, EntryStamp* out) const
{
    const QString path = QDir::toNativeSeparators(d->directory + u'/' + QString::fromUtf8(name));
    WIN32_FILE_ATTRIBUTE_DATA data {};
    if (!::GetFileAttributesExW(reinterpret_cast<const wchar_t*>(path.utf16()), GetFileExInfoStandard, &data))
        return false;
    *out = EntryStamp { qint64((quint64(data.nFileSizeHigh) << 32) | data.nFileSizeLow),
        unixNs(data.ftLastWriteTime), 0, isRealDirectory(data.dwFileAttributes) };
    return true;
}

bool DirectoryReader::stamp(EntryStamp* out) const
{
    if (!d->current)
        return false;
    const WIN32_FIND_DATAW& data = d->data;
    *out = EntryStamp { qint64((quint64(data.nFileSizeHigh) << 32) | data.nFileSizeLow),
        unixNs(data.ftLastWriteTime), 0, isRealDirectory(data.dwFileAttributes) };
    return true;
}

} // namespace foxreload::platform
