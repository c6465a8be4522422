// PreviewScanner::count, the settings dialog's "what would be watched" numbers, on real trees:
// hidden files, symbolic links, excluded and ignored folders, overlapping and missing watch paths.
#include "gui/PreviewScanner.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace foxreload::gui;
using namespace Qt::StringLiterals;

class TestPreviewScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void counts_data();
    void counts();
    void brokenPatternsAreReportedNotApplied();
    void scanReportsInTheBackground();

private:
    bool write(const QString& relative, const QByteArray& content = "x\n");
    QTemporaryDir m_root;
};

bool TestPreviewScanner::write(const QString& relative, const QByteArray& content)
{
    const QString path = m_root.filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// 8 regular files (one hidden, one under .git, one under an ignored dist/), a link to a file
// (counted: it is a file to the watcher), a link to a directory and a dangling link (neither
// entered nor counted).
void TestPreviewScanner::initTestCase()
{
    QVERIFY(m_root.isValid());
    for (const auto& file : { u"src/a.ts"_s, u"src/b.ts"_s, u"src/.hidden.ts"_s, u"node_modules/x/y.js"_s,
             u"node_modules/z.js"_s, u".git/config"_s, u"dist/out.js"_s })
        QVERIFY(write(file));
    QVERIFY(write(u".gitignore"_s, "dist/\n"));
    QVERIFY(QFile::link(m_root.filePath(u"src/a.ts"_s), m_root.filePath(u"link-file"_s)));
    QVERIFY(QFile::link(m_root.filePath(u"src"_s), m_root.filePath(u"link-dir"_s)));
    QVERIFY(QFile::link(m_root.filePath(u"missing"_s), m_root.filePath(u"dangling"_s)));
}

void TestPreviewScanner::counts_data()
{
    QTest::addColumn<QStringList>("watchPaths");
    QTest::addColumn<QStringList>("excludes");
    QTest::addColumn<bool>("gitignore");
    QTest::addColumn<qint64>("watched");
    QTest::addColumn<qint64>("excludedFiles");
    QTest::addColumn<qint64>("excludedDirectories");
    QTest::addColumn<QStringList>("missing");

    const QStringList all { u"."_s };
    QTest::newRow("everything, hidden included, links not entered")
        << all << QStringList() << false << 9LL << 0LL << 0LL << QStringList();
    QTest::newRow("excluded folder counted as a whole")
        << all << QStringList { u"node_modules/"_s } << false << 7LL << 2LL << 1LL << QStringList();
    QTest::newRow("hidden excluded: .git pruned, dotfiles out")
        << all << QStringList { u"**/.*"_s } << false << 6LL << 3LL << 1LL << QStringList();
    QTest::newRow("gitignored folder, and .git itself")
        << all << QStringList() << true << 7LL << 2LL << 2LL << QStringList();
    QTest::newRow("overlapping watch paths count once")
        << QStringList { u"src"_s, u"src/a.ts"_s, u"."_s } << QStringList() << false << 9LL << 0LL << 0LL
        << QStringList();
    QTest::newRow("a watched link to a folder is walked")
        << QStringList { u"link-dir"_s } << QStringList() << false << 3LL << 0LL << 0LL << QStringList();
    QTest::newRow("missing watch path reported") << QStringList { u"nope"_s, u"src"_s } << QStringList()
                                                 << false << 3LL << 0LL << 0LL << QStringList { u"nope"_s };
}

void TestPreviewScanner::counts()
{
    QFETCH(QStringList, watchPaths);
    QFETCH(QStringList, excludes);
    QFETCH(bool, gitignore);
    const PreviewResult result = PreviewScanner::count(m_root.path(), watchPaths, excludes, gitignore);
    QTEST(result.watchedFiles, "watched");
    QTEST(result.excludedFiles, "excludedFiles");
    QTEST(result.excludedDirectories, "excludedDirectories");
    QTEST(result.missingPaths, "missing");
    QVERIFY(!result.capped);
    QVERIFY(result.patternErrors.isEmpty());
}

void TestPreviewScanner::brokenPatternsAreReportedNotApplied()
{
    const PreviewResult result
        = PreviewScanner::count(m_root.path(), { u"."_s }, { u"src/[ab"_s, u"node_modules/"_s }, false);
    QCOMPARE(result.patternErrors.size(), 1);
    QVERIFY2(result.patternErrors.first().contains(u"src/[ab"_s), qPrintable(result.patternErrors.first()));
    QCOMPARE(result.watchedFiles, 7LL); // the valid pattern still applies
}

void TestPreviewScanner::scanReportsInTheBackground()
{
    PreviewScanner scanner;
    QSignalSpy finished(&scanner, &PreviewScanner::finished);
    scanner.scan(m_root.path(), { u"."_s }, {}, false);
    scanner.scan(m_root.path(), { u"src"_s }, {}, false); // supersedes the first
    QTRY_VERIFY_WITH_TIMEOUT(!scanner.isScanning(), 10000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<PreviewResult>().watchedFiles, 3LL);
}

QTEST_GUILESS_MAIN(TestPreviewScanner)
#include "tst_previewscanner.moc"
