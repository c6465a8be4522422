// The per-directory exclude check a walk uses (PathFilter::directory + isExcluded by
// entry, Glob::start/advance/coversEntry) against the whole-path check, on a large table
// of patterns × paths: the two must never disagree.

#include "match/Glob.h"
#include "match/PathFilter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using foxreload::Glob;
using foxreload::PathFilter;

class TestMatchDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void globAgreesWithWholePath_data();
    void globAgreesWithWholePath();
    void filterAgreesWithWholePath_data();
    void filterAgreesWithWholePath();
    void gitignoreAgreesWithWholePath();
    void suffixFastPathAgreesWithTokenMatcher_data();
    void suffixFastPathAgreesWithTokenMatcher();
    void untouchableDirectoryNeedsNoPerEntryMatch();

private:
    QStringList m_paths; // relative, '/'-separated, 1 to 5 segments
};

namespace {

Glob compileOrFail(const QString& pattern)
{
    QString error;
    std::optional<Glob> glob = Glob::compile(pattern, &error);
    if (!glob)
        qFatal("pattern %s did not compile: %s", qPrintable(pattern), qPrintable(error));
    return *glob;
}

// Names that the patterns below single out, and some that none does.
const QStringList kNames { u"a"_s, u"b"_s, u"src"_s, u".git"_s, u".env"_s, u"__pycache__"_s, u"x.pyc"_s,
    u"node_modules"_s, u"build"_s, u"dist"_s, u"target"_s, u"main.py"_s, u"f~"_s, u"y.swp"_s, u"z.tmp"_s,
    u"tests"_s, u"lib"_s, u"pyc"_s, u".pyc"_s, u"a.tar.gz"_s, u"\U0001F600"_s, u"a\U0001F600"_s, u"ab"_s,
    u"ba"_s, u"x"_s };

const QStringList kPatterns { u"**/.*"_s, u"**/__pycache__/**"_s, u"**/*.pyc"_s, u"**/node_modules/**"_s,
    u"**/build/**"_s, u"**/dist/**"_s, u"**/target/**"_s, u"**/*.swp"_s, u"**/*~"_s, u"**/*.tmp"_s,
    u"**/node_modules"_s, u"node_modules"_s, u"build/"_s, u"a/b/"_s, u"a"_s, u"a/**"_s, u"a/**/b"_s,
    u"**/a/*"_s, u"*/**"_s, u"**"_s, u"**/*"_s, u"*/*/*"_s, u"src/*.py"_s, u"src/**/*.{py,pyc}"_s,
    u"{a,b}/**/x.pyc"_s, u"[!a]*/**"_s, u"?"_s, u"**/a/**/b/**"_s, u"**/.*/**"_s, u"**/*\U0001F600"_s,
    u"*/**/ab"_s, u"**/lib/*/**"_s, u"x/"_s, u"{src,lib}/"_s, u"**/*.tar.gz"_s, u"a*b"_s, u"**/?.*"_s };

} // namespace

void TestMatchDirectory::initTestCase()
{
    // Every path of one and two segments, and a fixed sample of deeper ones.
    for (const QString& first : kNames) {
        m_paths.append(first);
        for (const QString& second : kNames)
            m_paths.append(first + u'/' + second);
    }
    QRandomGenerator random(17);
    for (int i = 0; i < 3000; ++i) {
        const int depth = 3 + int(random.bounded(3));
        QStringList segments;
        for (int k = 0; k < depth; ++k)
            segments.append(kNames.at(int(random.bounded(qsizetype(kNames.size())))));
        m_paths.append(segments.join(u'/'));
    }
}

void TestMatchDirectory::globAgreesWithWholePath_data()
{
    QTest::addColumn<QString>("pattern");
    for (const QString& pattern : kPatterns)
        QTest::newRow(qPrintable(pattern)) << pattern;
}

void TestMatchDirectory::globAgreesWithWholePath()
{
    QFETCH(QString, pattern);
    const Glob glob = compileOrFail(pattern);
    std::vector<Glob::Position> positions(size_t(glob.alternativeCount()));
    int covered = 0;
    for (const QString& path : std::as_const(m_paths)) {
        const qsizetype slash = path.lastIndexOf(u'/');
        const QString name = path.sliced(slash + 1);
        glob.start(positions.data());
        if (slash >= 0) {
            for (QStringView segment : QStringView(path).first(slash).tokenize(u'/'))
                glob.advance(positions.data(), segment);
        }
        for (const bool isDirectory : { false, true }) {
            const bool whole = glob.covers(path, isDirectory);
            QCOMPARE_EQ(glob.coversEntry(positions.data(), name, isDirectory), whole);
            covered += whole ? 1 : 0;
        }
        QCOMPARE_EQ(
            glob.matchesWholeDirectoryEntry(positions.data(), name), glob.matchesWholeDirectory(path));
        if (glob.coversEverythingAt(positions.data()))
            QVERIFY(glob.covers(path, false));
    }
    QVERIFY2(covered > 0, "no path of the table is covered: the table tests nothing");
}

void TestMatchDirectory::filterAgreesWithWholePath_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QStringList>("patterns");
    for (const QString& pattern : kPatterns)
        QTest::newRow(qPrintable(pattern)) << u"/r/oot"_s << QStringList { pattern };
    QTest::newRow("all together") << u"/r/oot"_s << kPatterns;
    QTest::newRow("defaults, root /") << u"/"_s << kPatterns.first(10);
    QTest::newRow("none") << u"/r/oot"_s << QStringList {};
}

void TestMatchDirectory::filterAgreesWithWholePath()
{
    QFETCH(QString, root);
    QFETCH(QStringList, patterns);
    PathFilter filter(root, patterns, false);
    QVERIFY(filter.errors().isEmpty());
    const QString base = root == u"/"_s ? QString() : root;
    // Own files inside the tree, in the root, and outside it.
    filter.addOwnFiles({ base + u"/src/main.py"_s, base + u"/x"_s, u"/elsewhere/a"_s });

    const QStringList directories { root, u"/r"_s, u"/elsewhere"_s, u"/r/oo"_s, u"/r/ootx"_s };
    int excluded = 0;
    for (const QString& path : std::as_const(m_paths)) {
        const qsizetype slash = path.lastIndexOf(u'/');
        const QString parent = slash < 0 ? root : base + u'/' + path.first(slash);
        const PathFilter::Directory scope = filter.directory(parent);
        const QString absolute = base + u'/' + path;
        for (const bool isDirectory : { false, true }) {
            const bool whole = filter.isExcluded(absolute, isDirectory);
            if (filter.isExcluded(scope, absolute, isDirectory) != whole)
                QFAIL(qPrintable(u"%1 (%2): the whole path says %3, the directory check the opposite"_s.arg(
                    absolute, isDirectory ? u"directory"_s : u"file"_s, whole ? u"yes"_s : u"no"_s)));
            excluded += whole ? 1 : 0;
        }
    }
    // Outside the root, and at its edges, only own files count.
    for (const QString& directory : std::as_const(directories)) {
        const PathFilter::Directory scope = filter.directory(directory);
        for (const QString& name : kNames + QStringList { u"oot"_s }) {
            const QString absolute = (directory == u"/"_s ? QString() : directory) + u'/' + name;
            for (const bool isDirectory : { false, true })
                QCOMPARE_EQ(filter.isExcluded(scope, absolute, isDirectory),
                    filter.isExcluded(absolute, isDirectory));
        }
    }
    QVERIFY(excluded > 0); // own files at least
}

void TestMatchDirectory::gitignoreAgreesWithWholePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir().mkpath(dir.filePath(u".git/info"_s));
    QDir().mkpath(dir.filePath(u"a"_s));
    auto write = [&dir](const QString& relative, const QByteArray& content) {
        QFile file(dir.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    write(u".gitignore"_s, "*.pyc\n/build\nlib/\n!keep.pyc\n");
    write(u"a/.gitignore"_s, "b\n!x.pyc\n");
    write(u".git/info/exclude"_s, "z.tmp\n");
    PathFilter filter(dir.path(), { u"**/dist/**"_s }, true);
    int excluded = 0;
    for (const QString& path : std::as_const(m_paths)) {
        const qsizetype slash = path.lastIndexOf(u'/');
        const QString parent = slash < 0 ? dir.path() : dir.filePath(path.first(slash));
        const PathFilter::Directory scope = filter.directory(parent);
        const QString absolute = dir.filePath(path);
        for (const bool isDirectory : { false, true }) {
            const bool whole = filter.isExcluded(absolute, isDirectory);
            QCOMPARE_EQ(filter.isExcluded(scope, absolute, isDirectory), whole);
            excluded += whole ? 1 : 0;
        }
    }
    QVERIFY(excluded > 0);
    QVERIFY(excluded < 2 * m_paths.size());
}

void TestMatchDirectory::suffixFastPathAgreesWithTokenMatcher_data()
{
    // "*" + literal is compared as a string ending; the second pattern says the same
    // through the general token matcher (a one-member class for the last character).
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("reference");
    QTest::newRow("*.pyc") << u"**/*.pyc"_s << u"**/*.py[c]"_s;
    QTest::newRow("*~") << u"**/*~"_s << u"**/*[~]"_s;
    QTest::newRow("*.tar.gz") << u"**/*.tar.gz"_s << u"**/*.tar.g[z]"_s;
    QTest::newRow("*a") << u"*a"_s << u"*[a]"_s;
    QTest::newRow("*\\*") << u"**/*\\*"_s << u"**/*[*]"_s;
    QTest::newRow("*emoji") << u"**/*\U0001F600"_s << u"**/*[\U0001F600]"_s;
    QTest::newRow("*emoji.x") << u"**/*\U0001F600.x"_s << u"**/*\U0001F600.[x]"_s;
}

void TestMatchDirectory::suffixFastPathAgreesWithTokenMatcher()
{
    QFETCH(QString, suffix);
    QFETCH(QString, reference);
    const Glob fast = compileOrFail(suffix);
    const Glob slow = compileOrFail(reference);
    QStringList paths = m_paths;
    paths += QStringList { u"a"_s, u"aa"_s, u".pyc.pyc"_s, u"x.tar.gz.tar.gz"_s, u"~"_s, u"~~"_s,
        u"\U0001F600\U0001F600"_s, u"*"_s, u"a*"_s, u"\U0001F600.x"_s, u".x"_s };
    paths.append(QString(QChar(0xD83D)) + u"a"_s); // a lone high surrogate before the suffix
    paths.append(u"x"_s + QChar(0xDE00)); // a lone low surrogate
    int matched = 0;
    for (const QString& path : std::as_const(paths)) {
        QCOMPARE_EQ(fast.matches(path), slow.matches(path));
        matched += fast.matches(path) ? 1 : 0;
    }
    QVERIFY(matched > 0);
}

void TestMatchDirectory::untouchableDirectoryNeedsNoPerEntryMatch()
{
    // Below "src", "build/" can no longer match: every position is dead, and "a/**"
    // covers all of "a" from its directory alone.
    const Glob build = compileOrFail(u"build/"_s);
    Glob::Position position;
    build.start(&position);
    QVERIFY(!position.isDead());
    build.advance(&position, u"src");
    QVERIFY(position.isDead());
    QVERIFY(!build.coversEntry(&position, u"build", true));

    const Glob below = compileOrFail(u"a/**"_s);
    below.start(&position);
    QVERIFY(!below.coversEverythingAt(&position));
    below.advance(&position, u"a");
    QVERIFY(below.coversEverythingAt(&position));
    QVERIFY(below.coversEntry(&position, u"anything", false));
}

QTEST_GUILESS_MAIN(TestMatchDirectory)
#include "tst_matchdirectory.moc"
