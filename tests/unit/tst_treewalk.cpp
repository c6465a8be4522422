#include "match/PathFilter.h"
#include "watch/TreeWalk.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

// walkTree: the walk the start-up hash pass and the settings preview share with the watcher.
class TestTreeWalk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void walksAsTheWatcherReads_data();
    void walksAsTheWatcherReads();
    void skipAndStop();

private:
    QStringList walk(
        const PathFilter* filter, const std::function<WalkStep(const WalkEntry&)>& step = {}) const;
    QTemporaryDir m_dir;
};

void TestTreeWalk::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir root(m_dir.path());
    for (const char* dir : { "src/pkg", ".hidden", "build/out", "outside" })
        QVERIFY(root.mkpath(QString::fromLatin1(dir)));
    for (const char* file :
        { "src/a.py", "src/pkg/b.py", ".hidden/c.txt", ".env", "build/out/d.o", "outside/e.py" }) {
        QFile f(root.filePath(QString::fromLatin1(file)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::link(root.filePath(u"outside"_s), root.filePath(u"src/linked-dir"_s)));
    QVERIFY(QFile::link(root.filePath(u"src/a.py"_s), root.filePath(u"src/linked-file.py"_s)));
    QVERIFY(QFile::link(root.filePath(u"missing"_s), root.filePath(u"src/broken-link"_s)));
}

QStringList TestTreeWalk::walk(
    const PathFilter* filter, const std::function<WalkStep(const WalkEntry&)>& step) const
{
    QStringList seen;
    const QDir root(m_dir.path());
    walkTree(m_dir.path(), filter, [&](const WalkEntry& entry) {
        QString line = root.relativeFilePath(entry.path);
        if (entry.isDirectory)
            line += u'/';
        if (entry.excluded)
            line += u" (excluded)"_s;
        seen.append(line);
        return step ? step(entry) : WalkStep::Continue;
    });
    seen.sort();
    return seen;
}

void TestTreeWalk::walksAsTheWatcherReads_data()
{
    QTest::addColumn<QStringList>("excludes");
    QTest::addColumn<QStringList>("expected");
    const QStringList common { u".env"_s, u".hidden/"_s, u".hidden/c.txt"_s, u"outside/"_s, u"outside/e.py"_s,
        u"src/"_s, u"src/a.py"_s, u"src/broken-link"_s, u"src/linked-dir"_s, u"src/linked-file.py"_s,
        u"src/pkg/"_s, u"src/pkg/b.py"_s };
    // Hidden entries are listed; links (to a directory, a file, nothing) are entries, never followed.
    QTest::newRow("no excludes") << QStringList {}
                                 << (QStringList(common)
                                        << u"build/"_s << u"build/out/"_s << u"build/out/d.o"_s);
    // An excluded directory is reported as such and not entered.
    QTest::newRow("build excluded") << QStringList { u"build/"_s }
                                    << (QStringList(common) << u"build/ (excluded)"_s);
}

void TestTreeWalk::walksAsTheWatcherReads()
{
    QFETCH(QStringList, excludes);
    QFETCH(QStringList, expected);
    const PathFilter filter(m_dir.path(), excludes, false);
    expected.sort();
    QCOMPARE(walk(&filter), expected);
}

void TestTreeWalk::skipAndStop()
{
    const QStringList skipped = walk(nullptr, [](const WalkEntry& entry) {
        return entry.path.endsWith(u"/src"_s) ? WalkStep::Skip : WalkStep::Continue;
    });
    QVERIFY2(skipped.contains(u"src/"_s) && !skipped.contains(u"src/a.py"_s), qPrintable(skipped.join(u' ')));
    QVERIFY(skipped.contains(u"outside/e.py"_s));

    int visited = 0;
    const bool complete = walkTree(m_dir.path(), nullptr,
        [&visited](const WalkEntry&) { return ++visited == 3 ? WalkStep::Stop : WalkStep::Continue; });
    QVERIFY(!complete);
    QCOMPARE(visited, 3);
    QVERIFY(walkTree(m_dir.path(), nullptr, [](const WalkEntry&) { return WalkStep::Continue; }));
}

QTEST_GUILESS_MAIN(TestTreeWalk)
#include "tst_treewalk.moc"
