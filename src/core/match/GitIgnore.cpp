#include "GitIgnore.h"

#include "MatchLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

// A run of trailing spaces is dropped unless a backslash protects it.
QStringView chopTrailingSpaces(QStringView line)
{
    while (line.endsWith(u' ')) {
        if (line.size() >= 2 && line[line.size() - 2] == u'\\')
            break;
        line.chop(1);
    }
    return line;
}

// .gitignore has no brace expansion: make braces literal for Glob.
QString escapeBraces(QStringView pattern)
{
    QString out;
    out.reserve(pattern.size() + 4);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'\\' && i + 1 < pattern.size()) {
            out.append(c);
            out.append(pattern[++i]);
            continue;
        }
        if (c == u'{' || c == u'}')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

// Reads the "gitdir: <path>" line of a .git file (worktrees, submodules).
QString gitDirFromFile(const QString& dotGitFile)
{
    QFile file(dotGitFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString line = QString::fromUtf8(file.readLine()).trimmed();
    if (!line.startsWith(u"gitdir:"_s))
        return {};
    const QString target = line.mid(7).trimmed();
    return QDir::cleanPath(QDir(QFileInfo(dotGitFile).absolutePath()).absoluteFilePath(target));
}

QStringView lastSegment(QStringView path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

} // namespace

GitIgnoreFile GitIgnoreFile::parse(QStringView text, const QString& sourceName, QStringList* warnings)
{
    GitIgnoreFile result;
    int lineNumber = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        line = chopTrailingSpaces(line);
        Pattern pattern;
        if (line.startsWith(u'!')) {
            pattern.negated = true;
            line = line.sliced(1);
        }
        if (line.endsWith(u'/')) {
            pattern.directoryOnly = true;
            line.chop(1);
        }
        if (line.isEmpty())
            continue;

        QString glob;
        if (line.startsWith(u'/')) {
            glob = line.sliced(1).toString();
        } else if (line.contains(u'/')) {
            glob = line.toString();
        } else {
            glob = u"**/"_s + line; // no slash: any depth below the file's directory
        }
        if (glob.endsWith(u"/**"_s)) {
            // git: a trailing "/**" matches everything inside, not the directory itself.
            glob.chop(3);
            glob += u"/*/**"_s;
        }
        QString error;
        std::optional<Glob> compiled = Glob::compile(escapeBraces(glob), &error);
        if (!compiled) {
            const QString message = sourceName + u':' + QString::number(lineNumber) + u": pattern \""_s + line
                + u"\": "_s + error + u" (line ignored)"_s;
            qCWarning(lcMatch).noquote() << message;
            if (warnings)
                warnings->append(message);
            continue;
        }
        pattern.glob = std::move(*compiled);
        result.m_patterns.append(std::move(pattern));
    }
    return result;
}

std::optional<bool> GitIgnoreFile::decide(QStringView relativePath, bool isDirectory) const
{
    for (auto it = m_patterns.crbegin(); it != m_patterns.crend(); ++it) {
        if (it->directoryOnly && !isDirectory)
            continue;
        if (it->glob.matches(relativePath))
            return !it->negated;
    }
    return std::nullopt;
}

GitIgnore::GitIgnore(const QString& root)
    : m_root(QDir::cleanPath(root))
    , m_top(m_root)
{
    QDir dir(m_root);
    while (true) {
        const QFileInfo dotGit(dir.filePath(u".git"_s));
        if (dotGit.isDir()) {
            m_top = QDir::cleanPath(dir.absolutePath());
            m_gitDir = dotGit.absoluteFilePath();
            break;
        }
        if (dotGit.isFile()) {
            m_top = QDir::cleanPath(dir.absolutePath());
            m_gitDir = gitDirFromFile(dotGit.absoluteFilePath());
            break;
        }
        if (!dir.cdUp())
            break;
    }
    m_topPrefixLength = m_top == u"/"_s ? 1 : m_top.size() + 1;
    m_rootOffset = m_root == m_top ? 0 : m_root.size() - m_topPrefixLength;
    qCDebug(lcMatch) << "gitignore for" << m_root << "repository top" << m_top << "git dir" << m_gitDir;
}

bool GitIgnore::isIgnored(QStringView absolutePath, bool isDirectory) const
{
    if (absolutePath.size() <= m_topPrefixLength)
        return false;
    const QStringView path = absolutePath.sliced(m_topPrefixLength);
    QMutexLocker locker(&m_mutex);

    // Nothing inside an ignored directory can be re-included (git's rule); only the
    // directories below the root count, the root itself is what the user watches.
    for (qsizetype slash = path.indexOf(u'/'); slash >= 0; slash = path.indexOf(u'/', slash + 1)) {
        if (slash <= m_rootOffset)
            continue;
        const QStringView directory = path.first(slash);
        if (lastSegment(directory) == u".git")
            return true;
        const QString key = QString::fromRawData(directory.data(), directory.size());
        auto cached = m_directoryIgnored.constFind(key);
        if (cached == m_directoryIgnored.constEnd())
            cached = m_directoryIgnored.insert(directory.toString(), decideLocked(directory, true));
        if (*cached)
            return true;
    }
    if (lastSegment(path) == u".git")
        return true;
    return decideLocked(path, isDirectory);
}

bool GitIgnore::decideLocked(QStringView path, bool isDirectory) const
{
    // Deepest .gitignore first: a lower-level file overrides the ones above it.
    qsizetype slash = path.lastIndexOf(u'/');
    while (true) {
        const QStringView directory = slash < 0 ? QStringView() : path.first(slash);
        if (const FilePtr file = fileForDirectoryLocked(directory)) {
            const QStringView inside = slash < 0 ? path : path.sliced(slash + 1);
            if (const std::optional<bool> verdict = file->decide(inside, isDirectory))
                return *verdict;
        }
        if (slash < 0)
            break;
        slash = slash == 0 ? -1 : path.lastIndexOf(u'/', slash - 1);
    }
    if (!m_infoExcludeRead && !m_gitDir.isEmpty()) {
        m_infoExclude = readFile(m_gitDir + u"/info/exclude"_s, u".git/info/exclude"_s);
        m_infoExcludeRead = true;
    }
    if (m_infoExclude) {
        if (const std::optional<bool> verdict = m_infoExclude->decide(path, isDirectory))
            return *verdict;
    }
    return false;
}

GitIgnore::FilePtr GitIgnore::fileForDirectoryLocked(QStringView directory) const
{
    const QString key = QString::fromRawData(directory.data(), directory.size());
    const auto cached = m_files.constFind(key);
    if (cached != m_files.constEnd())
        return *cached;
    const QString sourceName = directory.isEmpty() ? u".gitignore"_s : directory + u"/.gitignore"_s;
    const QString absolute = (m_topPrefixLength == 1 ? QString() : m_top) + u"/"_s + sourceName;
    FilePtr file = readFile(absolute, sourceName);
    m_files.insert(directory.toString(), file);
    return file;
}

GitIgnore::FilePtr GitIgnore::readFile(const QString& absolutePath, const QString& sourceName) const
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    auto parsed = std::make_shared<const GitIgnoreFile>(
        GitIgnoreFile::parse(QString::fromUtf8(file.readAll()), sourceName));
    qCDebug(lcMatch) << "read" << absolutePath << parsed->size() << "patterns";
    return parsed->isEmpty() ? nullptr : parsed;
}

void GitIgnore::reload() const
{
    QMutexLocker locker(&m_mutex);
    m_files.clear();
    m_directoryIgnored.clear();
    m_infoExclude.reset();
    m_infoExcludeRead = false;
}

} // namespace foxreload
