#pragma once

#include <QFile>
#include <QString>

namespace foxreload::test {

// Makes SQLite itself treat a database file as read-only, on any file system and for any
// user (root included, whom file permissions do not stop): byte 18 of the file header, the
// "write version", above 2 means a newer file format that SQLite may read but never write
// (sqlite.org/fileformat.html, "File format version numbers"). Every connection opened while
// it is set gets "attempt to write a readonly database". Restored when destroyed.
class ReadOnlySqliteFile
{
public:
    explicit ReadOnlySqliteFile(const QString& path)
        : m_path(path)
    {
        m_original = readWriteVersion();
        m_set = (m_original == 1 || m_original == 2) && writeWriteVersion(kUnknownWriteVersion);
    }
    ~ReadOnlySqliteFile() { restore(); }
    ReadOnlySqliteFile(const ReadOnlySqliteFile&) = delete;
    ReadOnlySqliteFile& operator=(const ReadOnlySqliteFile&) = delete;

    bool isSet() const { return m_set; }
    // Writable again (the file's own write version back).
    bool restore()
    {
        if (!m_set)
            return true;
        m_set = !writeWriteVersion(m_original);
        return !m_set;
    }

private:
    static constexpr qint64 kWriteVersionOffset = 18;
    static constexpr char kUnknownWriteVersion = 3;

    char readWriteVersion() const
    {
        QFile file(m_path);
        char version = 0;
        if (!file.open(QIODevice::ReadOnly) || !file.seek(kWriteVersionOffset) || !file.getChar(&version))
            return 0;
        return version;
    }
    bool writeWriteVersion(char version) const
    {
        QFile file(m_path);
        return file.open(QIODevice::ReadWrite) && file.seek(kWriteVersionOffset) && file.putChar(version)
            && file.flush();
    }

    QString m_path;
    char m_original = 0;
    bool m_set = false;
};

} // namespace foxreload::test
