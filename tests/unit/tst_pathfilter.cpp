#include "match/GitIgnore.h"
#include "match/PathFilter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using foxreload::GitIgnoreFile;
using foxreload::PathFilter;

class TestPathFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seedExcludes_data();
    void seedExcludes();
    void gitignore_data();
    void gitignore();
    void excludesAndGitignoreTogether();
    void gitignoreCanBeTurnedOff();
    void outsideRootIsNeverExcluded();
    void invalidExcludesAreReported();
    void badGitignoreLineIsReportedAndSkipped();
    void parentRepositoryIgnoreFilesApply();
    void reloadPicksUpEditedIgnoreFile();
    void concurrentQueries();

private:
    QString path(const QString& relative) const { return m_dir.path() + u'/' + relative; }

    QTemporaryDir m_dir;
};

namespace {
void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

const QStringList kSeedExcludes { u"**/__pycache__/**"_s, u"**/tests/**"_s, u"**/*.pyc"_s, u"**/.*"_s };
} // namespace

void TestPathFilter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir().mkpath(path(u".git/info"_s));
    writeFile(path(u".git/info/exclude"_s), "# local only\nexcluded-by-info.txt\n");
    writeFile(path(u".gitignore"_s),
        "# build products\n"
        "*.log\n"
        "!keep.log\n"
        "/build/\n"
        "docs/*.tmp\n"
        "node_modules/\n"
        "logs/**\n"
        "!logs/important.txt\n"
        "out/\n"
        "!out/keep.txt\n"
        "space.txt   \n"
        "\\#hash\n"
        "\\!bang\n"
        "foo{a,b}\n"
        "\r\n"
        "crlf.txt\r\n"
        "**/gen/**/*.c\n"
        "file[0-9].bin\n");
    writeFile(path(u"sub/.gitignore"_s),
        "!*.log\n"
        "/local.txt\n"
        "data\n");
}

void TestPathFilter::seedExcludes_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("excluded");

    QTest::newRow("pycache dir top") << u"__pycache__"_s << true << true;
    QTest::newRow("pycache dir nested") << u"tools/__pycache__"_s << true << true;
    QTest::newRow("pycache file") << u"tools/__pycache__/w.cpython-311.pyc"_s << false << true;
    QTest::newRow("tests dir") << u"tests"_s << true << true;
    QTest::newRow("tests nested file") << u"tools/tests/test_w.py"_s << false << true;
    QTest::newRow("pyc top") << u"a.pyc"_s << false << true;
    QTest::newRow("pyc nested") << u"tools/x/a.pyc"_s << false << true;
    QTest::newRow("git dir") << u".git"_s << true << true;
    QTest::newRow("git content") << u".git/objects/ab/cd"_s << false << true;
    QTest::newRow("venv dir") << u".venv"_s << true << true;
    QTest::newRow("hidden nested") << u"a/.hidden"_s << false << true;
    QTest::newRow("tool source") << u"tools/weather.py"_s << false << false;
    QTest::newRow("tools dir") << u"tools"_s << true << false;
    QTest::newRow("main") << u"main.py"_s << false << false;
    QTest::newRow("dot in name") << u"config/app.v2.json"_s << false << false;
}

void TestPathFilter::seedExcludes()
{
    QFETCH(QString, relative);
    QFETCH(bool, isDirectory);
    QFETCH(bool, excluded);
    const PathFilter filter(m_dir.path(), kSeedExcludes, false);
    QVERIFY(filter.errors().isEmpty());
    QCOMPARE(filter.isExcluded(path(relative), isDirectory), excluded);
}

void TestPathFilter::gitignore_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<bool>("excluded");

    QTest::newRow("log top") << u"a.log"_s << false << true;
    QTest::newRow("log any depth") << u"x/y/a.log"_s << false << true;
    QTest::newRow("negated keep") << u"keep.log"_s << false << false;
    QTest::newRow("negated keep nested") << u"x/keep.log"_s << false << false;
    QTest::newRow("deeper file re-includes") << u"sub/a.log"_s << false << false;
    QTest::newRow("deeper file re-includes below it") << u"sub/x/a.log"_s << false << false;
    QTest::newRow("anchored dir") << u"build"_s << true << true;
    QTest::newRow("anchored dir content") << u"build/x.o"_s << false << true;
    QTest::newRow("anchored dir not nested") << u"src/build"_s << true << false;
    QTest::newRow("anchored dir-only file") << u"build"_s << false << false;
    QTest::newRow("middle slash anchors") << u"docs/a.tmp"_s << false << true;
    QTest::newRow("middle slash not deeper") << u"x/docs/a.tmp"_s << false << false;
    QTest::newRow("dir-only any depth") << u"web/node_modules"_s << true << true;
    QTest::newRow("dir-only content") << u"web/node_modules/pkg/index.js"_s << false << true;
    QTest::newRow("dir-only not a file") << u"node_modules"_s << false << false;
    QTest::newRow("trailing globstar content") << u"logs/a.txt"_s << false << true;
    QTest::newRow("trailing globstar not the dir") << u"logs"_s << true << false;
    QTest::newRow("trailing globstar re-include") << u"logs/important.txt"_s << false << false;
    QTest::newRow("ignored dir no re-include") << u"out/keep.txt"_s << false << true;
    QTest::newRow("trailing spaces dropped") << u"space.txt"_s << false << true;
    QTest::newRow("escaped hash") << u"#hash"_s << false << true;
    QTest::newRow("escaped bang") << u"!bang"_s << false << true;
    QTest::newRow("no braces in gitignore") << u"foo{a,b}"_s << false << true;
    QTest::newRow("no braces in gitignore alt") << u"fooa"_s << false << false;
    QTest::newRow("crlf line") << u"crlf.txt"_s << false << true;
    QTest::newRow("globstar middle") << u"x/gen/a/b/c.c"_s << false << true;
    QTest::newRow("class") << u"file7.bin"_s << false << true;
    QTest::newRow("class miss") << u"filex.bin"_s << false << false;
    QTest::newRow("nested anchored") << u"sub/local.txt"_s << false << true;
    QTest::newRow("nested anchored not deeper") << u"sub/deeper/local.txt"_s << false << false;
    QTest::newRow("nested anchored not outside") << u"local.txt"_s << false << false;
    QTest::newRow("nested unanchored") << u"sub/a/data"_s << false << true;
    QTest::newRow("nested unanchored dir content") << u"sub/data/x.txt"_s << false << true;
    QTest::newRow("nested only in its subtree") << u"data"_s << false << false;
    QTest::newRow("info exclude") << u"excluded-by-info.txt"_s << false << true;
    QTest::newRow("info exclude any depth") << u"a/excluded-by-info.txt"_s << false << true;
    QTest::newRow("git dir always") << u".git"_s << true << true;
    QTest::newRow("git content always") << u".git/HEAD"_s << false << true;
    QTest::newRow("plain source") << u"tools/weather.py"_s << false << false;
    QTest::newRow("comment is not a pattern") << u"# build products"_s << false << false;
}

void TestPathFilter::gitignore()
{
    QFETCH(QString, relative);
    QFETCH(bool, isDirectory);
    QFETCH(bool, excluded);
    const PathFilter filter(m_dir.path(), {}, true);
    QVERIFY(filter.respectsGitignore());
    QCOMPARE(filter.isExcluded(path(relative), isDirectory), excluded);
}

void TestPathFilter::excludesAndGitignoreTogether()
{
    const PathFilter filter(m_dir.path(), { u"tools/**/*.tmp"_s, u"dist/"_s }, true);
    QVERIFY(filter.isExcluded(path(u"tools/a.tmp"_s), false)); // by glob
    QVERIFY(filter.isExcluded(path(u"dist"_s), true)); // by glob, pruned
    QVERIFY(filter.isExcluded(path(u"dist/x/y.js"_s), false));
    QVERIFY(filter.isExcluded(path(u"tools/a.log"_s), false)); // by .gitignore
    QVERIFY(!filter.isExcluded(path(u"tools/a.py"_s), false));
    QVERIFY(!filter.isExcluded(path(u"keep.log"_s), false));
}

void TestPathFilter::gitignoreCanBeTurnedOff()
{
    const PathFilter filter(m_dir.path(), {}, false);
    QVERIFY(!filter.respectsGitignore());
    QVERIFY(!filter.isExcluded(path(u"a.log"_s), false));
    QVERIFY(!filter.isExcluded(path(u"build"_s), true));
}

void TestPathFilter::outsideRootIsNeverExcluded()
{
    const PathFilter filter(m_dir.path(), { u"**"_s }, true);
    QVERIFY(filter.isExcluded(path(u"anything"_s), false));
    QVERIFY(!filter.isExcluded(m_dir.path(), true)); // the root itself
    QVERIFY(!filter.isExcluded(QString(m_dir.path() + u"2/a.log"_s), false)); // a sibling sharing the prefix
    QVERIFY(!filter.isExcluded(QFileInfo(m_dir.path()).absolutePath(), true)); // the parent
    QVERIFY(!filter.isExcluded(u"/etc/passwd"_s, false));
    QCOMPARE(filter.root(), QDir::cleanPath(m_dir.path()));

    const PathFilter slashRoot(m_dir.path() + u"/"_s, { u"*.log"_s }, false);
    QCOMPARE(slashRoot.root(), QDir::cleanPath(m_dir.path()));
    QVERIFY(slashRoot.isExcluded(path(u"a.log"_s), false));
}

void TestPathFilter::invalidExcludesAreReported()
{
    const PathFilter filter(m_dir.path(), { u"[a-"_s, u"**/*.pyc"_s, u"{x"_s }, false);
    QCOMPARE(filter.errors(),
        QStringList({ u"pattern \"[a-\": unclosed bracket '[' at column 1"_s,
            u"pattern \"{x\": unclosed brace '{' at column 1"_s }));
    QVERIFY(filter.isExcluded(path(u"a.pyc"_s), false)); // the valid ones still apply
}

void TestPathFilter::badGitignoreLineIsReportedAndSkipped()
{
    QStringList warnings;
    const GitIgnoreFile file
        = GitIgnoreFile::parse(u"*.tmp\n[oops\n!x.tmp\n"_s, u"tools/.gitignore"_s, &warnings);
    QCOMPARE(warnings,
        QStringList(
            { u"tools/.gitignore:2: pattern \"[oops\": unclosed bracket '[' at column 4 (line ignored)"_s }));
    QCOMPARE(file.size(), 2);
    QCOMPARE(file.decide(u"a.tmp"_s, false), std::optional<bool>(true));
    QCOMPARE(file.decide(u"x.tmp"_s, false), std::optional<bool>(false));
    QCOMPARE(file.decide(u"a.py"_s, false), std::nullopt);
}

void TestPathFilter::parentRepositoryIgnoreFilesApply()
{
    QTemporaryDir repo;
    QVERIFY(repo.isValid());
    QDir().mkpath(repo.path() + u"/.git"_s);
    writeFile(repo.path() + u"/.gitignore"_s, "*.tmp\n/project/\nproject/generated/\n");
    writeFile(repo.path() + u"/project/.gitignore"_s, "local.cfg\n");
    const QString root = repo.path() + u"/project"_s;
    const PathFilter filter(root, {}, true);
    QVERIFY(filter.isExcluded(QString(root + u"/a.tmp"_s), false)); // pattern from above the root
    QVERIFY(filter.isExcluded(QString(root + u"/generated"_s), true)); // anchored at the repository top
    QVERIFY(filter.isExcluded(QString(root + u"/generated/x.py"_s), false));
    QVERIFY(filter.isExcluded(QString(root + u"/local.cfg"_s), false));
    // "/project/" ignores the root itself in git's eyes, but the user asked to watch it.
    QVERIFY(!filter.isExcluded(QString(root + u"/main.py"_s), false));
    QVERIFY(!filter.isExcluded(QString(root + u"/tools"_s), true));
}

void TestPathFilter::reloadPicksUpEditedIgnoreFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.path() + u"/.gitignore"_s, "*.a\n");
    const PathFilter filter(dir.path(), {}, true);
    QVERIFY(filter.isExcluded(QString(dir.path() + u"/x.a"_s), false));
    QVERIFY(!filter.isExcluded(QString(dir.path() + u"/x.b"_s), false));

    writeFile(dir.path() + u"/.gitignore"_s, "*.b\n");
    writeFile(dir.path() + u"/sub/.gitignore"_s, "*.c\n");
    filter.reloadIgnoreFiles();
    QVERIFY(!filter.isExcluded(QString(dir.path() + u"/x.a"_s), false));
    QVERIFY(filter.isExcluded(QString(dir.path() + u"/x.b"_s), false));
    QVERIFY(filter.isExcluded(QString(dir.path() + u"/sub/y.c"_s), false));
}

void TestPathFilter::concurrentQueries()
{
    const PathFilter filter(m_dir.path(), kSeedExcludes, true);
    std::atomic<int> wrong { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const QString dir = path(u"d"_s + QString::number((i + t) % 50));
                if (filter.isExcluded(dir, true) || !filter.isExcluded(QString(dir + u"/x.log"_s), false)
                    || filter.isExcluded(QString(dir + u"/keep.log"_s), false)
                    || !filter.isExcluded(QString(dir + u"/__pycache__"_s), true))
                    ++wrong;
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestPathFilter)
#include "tst_pathfilter.moc"
