#include "PathFilter.h"

#include "GitIgnore.h"
#include "Glob.h"
#include "MatchLog.h"

#include <QDir>
#include <QFileInfo>

#include <vector>

using namespace Qt::StringLiterals;

namespace foxreload {

class PathFilter::Private
{
public:
    QString root;
    qsizetype rootPrefixLength = 0; // root plus the '/' after it
    std::vector<Glob> excludes;
    QStringList errors;
    std::unique_ptr<GitIgnore> gitignore;
    QStringList ownFiles; // a handful: compared in place, no allocation per question

    // The path relative to the root, or an empty view when it is not strictly below it.
    QStringView relative(QStringView absolutePath) const
    {
        if (absolutePath.size() <= rootPrefixLength || !absolutePath.startsWith(root))
            return {};
        if (rootPrefixLength > 1 && absolutePath[root.size()] != u'/')
            return {};
        return absolutePath.sliced(rootPrefixLength);
    }
};

PathFilter::PathFilter(const QString& root, const QStringList& excludeGlobs, bool respectGitignore)
    : d(std::make_unique<Private>())
{
    d->root = QDir::cleanPath(root);
    d->rootPrefixLength = d->root == u"/"_s ? 1 : d->root.size() + 1;
    for (const QString& pattern : excludeGlobs) {
        QString error;
        std::optional<Glob> glob = Glob::compile(pattern, &error);
        if (!glob) {
            d->errors.append(u"pattern \""_s + pattern + u"\": "_s + error);
            qCWarning(lcMatch).noquote() << "exclude" << d->errors.last();
            continue;
        }
        d->excludes.push_back(std::move(*glob));
    }
    if (respectGitignore)
        d->gitignore = std::make_unique<GitIgnore>(d->root);
}

PathFilter::~PathFilter() = default;

QString PathFilter::root() const
{
    return d->root;
}

QStringList PathFilter::errors() const
{
    return d->errors;
}

void PathFilter::addOwnFiles(const QStringList& absolutePaths)
{
    for (const QString& path : absolutePaths) {
        if (path.isEmpty())
            continue;
        const QString clean = QDir::cleanPath(path);
        if (!d->ownFiles.contains(clean))
            d->ownFiles.append(clean);
        // The watcher names files as the watched root spells them; the root may be a
        // symbolic link to where the file really is, or the other way round.
        const QFileInfo info(clean);
        const QString directory = QFileInfo(info.absolutePath()).canonicalFilePath();
        const QString resolved = directory + u'/' + info.fileName();
        if (!directory.isEmpty() && !d->ownFiles.contains(resolved))
            d->ownFiles.append(resolved);
    }
}

bool PathFilter::isOwnFile(QStringView absolutePath) const
{
    for (const QString& own : std::as_const(d->ownFiles)) {
        if (absolutePath == own)
            return true;
    }
    return false;
}

bool PathFilter::isExcluded(QStringView absolutePath, bool isDirectory) const
{
    if (!isDirectory && isOwnFile(absolutePath))
        return true;
    const QStringView relative = d->relative(absolutePath);
    if (relative.isEmpty())
        return false;
    for (const Glob& glob : d->excludes) {
        if (isDirectory ? glob.matchesWholeDirectory(relative) : glob.covers(relative, false))
            return true;
    }
    return d->gitignore && d->gitignore->isIgnored(absolutePath, isDirectory);
}

PathFilter::Directory PathFilter::directory(QStringView absoluteDirPath) const
{
    Directory scope;
    const bool endsWithSlash = absoluteDirPath.endsWith(u'/');
    scope.prefixLength = absoluteDirPath.size() + (endsWithSlash ? 0 : 1);
    for (const QString& own : std::as_const(d->ownFiles)) {
        if (own.size() > scope.prefixLength && own.startsWith(absoluteDirPath)
            && own[scope.prefixLength - 1] == u'/' && !own.sliced(scope.prefixLength).contains(u'/'))
            scope.ownNames.append(QStringView(own).sliced(scope.prefixLength));
    }

    QStringView relative;
    if (absoluteDirPath == d->root) {
        scope.belowRoot = true;
    } else {
        relative = d->relative(absoluteDirPath);
        scope.belowRoot = !relative.isEmpty();
    }
    if (!scope.belowRoot)
        return scope;

    qsizetype count = 0;
    for (const Glob& glob : d->excludes)
        count += glob.alternativeCount();
    scope.positions.resize(count);
    Glob::Position* positions = scope.positions.data();
    for (const Glob& glob : d->excludes) {
        glob.start(positions);
        for (QStringView name : relative.tokenize(u'/', Qt::SkipEmptyParts))
            glob.advance(positions, name);
        if (glob.coversEverythingAt(positions))
            scope.everythingExcluded = true;
        for (qsizetype i = 0; i < glob.alternativeCount(); ++i)
            scope.globsCanMatch = scope.globsCanMatch || !positions[i].isDead();
        positions += glob.alternativeCount();
    }
    return scope;
}

bool PathFilter::isExcluded(const Directory& scope, QStringView absoluteEntryPath, bool isDirectory) const
{
    const QStringView name = absoluteEntryPath.sliced(scope.prefixLength);
    if (!isDirectory) {
        for (QStringView own : scope.ownNames) {
            if (name == own)
                return true;
        }
    }
    if (!scope.belowRoot || name.isEmpty())
        return false;
    if (scope.everythingExcluded)
        return true;
    if (scope.globsCanMatch) {
        const Glob::Position* positions = scope.positions.constData();
        for (const Glob& glob : d->excludes) {
            if (isDirectory ? glob.matchesWholeDirectoryEntry(positions, name)
                            : glob.coversEntry(positions, name, false))
                return true;
            positions += glob.alternativeCount();
        }
    }
    return d->gitignore && d->gitignore->isIgnored(absoluteEntryPath, isDirectory);
}

bool PathFilter::respectsGitignore() const
{
    return d->gitignore != nullptr;
}

void PathFilter::reloadIgnoreFiles() const
{
    if (d->gitignore)
        d->gitignore->reload();
}

} // namespace foxreload
