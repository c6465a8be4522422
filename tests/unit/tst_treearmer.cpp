// TreeArmer: a watch on each directory of a real tree, then a read of it, on worker threads. Every
// directory is armed once and taken on the caller's thread, whatever the number of workers and
// however slowly the listings are taken; a failed watch is said with its errno.
#include "watch/TreeArmer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <map>
#include <set>
#include <sys/inotify.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// `width` subdirectories per directory, `depth` levels, three files and a link in each.
void makeTree(const QString& root, int width, int depth, std::map<QString, std::set<std::string>>* expected)
{
    std::set<std::string>& names = (*expected)[root];
    for (int f = 0; f < 3; ++f) {
        const std::string name = "f" + std::to_string(f) + ".py";
        QFile file(root + u'/' + QString::fromStdString(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        names.insert(name);
    }
    QVERIFY(QFile::link(root, root + u"/loop"_s)); // an entry, never followed
    names.insert("loop");
    if (depth == 0)
        return;
    for (int d = 0; d < width; ++d) {
        const QString sub = root + u"/d"_s + QString::number(d);
        QVERIFY(QDir().mkdir(sub));
        names.insert("d" + std::to_string(d) + "/");
        makeTree(sub, width, depth - 1, expected);
    }
}

} // namespace

class TestTreeArmer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void armsEveryDirectoryOnce_data();
    void armsEveryDirectoryOnce();
    void aFailedWatchIsSaid_data();
    void aFailedWatchIsSaid();
};

void TestTreeArmer::armsEveryDirectoryOnce_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<bool>("slowTaker"); // listings pile up beyond what the workers may hold
    QTest::newRow("on the caller's thread") << 0 << false;
    QTest::newRow("one worker") << 1 << false;
    QTest::newRow("two workers") << 2 << false;
    QTest::newRow("four workers, slow taker") << 4 << true;
}

void TestTreeArmer::armsEveryDirectoryOnce()
{
    QFETCH(int, workers);
    QFETCH(bool, slowTaker);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QDir(dir.path()).canonicalPath();
    std::map<QString, std::set<std::string>> expected;
    makeTree(root, 5, 3, &expected); // 156 directories
    QCOMPARE(expected.size(), size_t(156));

    const int fd = ::inotify_init1(IN_CLOEXEC);
    QVERIFY(fd >= 0);
    std::map<QString, std::set<std::string>> seen;
    std::set<int> descriptors;
    const std::thread::id caller = std::this_thread::get_id();
    bool onCaller = true;
    {
        TreeArmer armer(
            [fd](const QByteArray& path) { return ::inotify_add_watch(fd, path.constData(), IN_CREATE); },
            workers);
        armer.run(root, [&](const ArmedListing& listing, std::vector<QString>& next) {
            onCaller = onCaller && std::this_thread::get_id() == caller;
            if (slowTaker && seen.size() < 20)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            descriptors.insert(listing.wd);
            QVERIFY(listing.readable);
            std::set<std::string>& names = seen[listing.path];
            listing.forEachEntry([&](std::string_view name, bool isDirectory) {
                names.insert(std::string(name) + (isDirectory ? "/" : ""));
                if (isDirectory)
                    next.push_back(
                        listing.path + u'/' + QString::fromUtf8(name.data(), qsizetype(name.size())));
            });
        });
    }
    ::close(fd);
    QVERIFY(onCaller);
    QCOMPARE(seen, expected);
    QCOMPARE(descriptors.size(), expected.size()); // one watch each, none failed (no -1)
    QVERIFY(!descriptors.count(-1));
}

// Out of watches (ENOSPC) the directory is still read, as it is polled and its subdirectories are
// looked for; a directory gone (ENOENT) or refused (EACCES) is not read.
void TestTreeArmer::aFailedWatchIsSaid_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("read");
    for (const int workers : { 0, 2 }) {
        const char* suffix = workers ? " (workers)" : "";
        QTest::addRow("ENOSPC%s", suffix) << workers << ENOSPC << true;
        QTest::addRow("ENOENT%s", suffix) << workers << ENOENT << false;
        QTest::addRow("EACCES%s", suffix) << workers << EACCES << false;
    }
}

void TestTreeArmer::aFailedWatchIsSaid()
{
    QFETCH(int, workers);
    QFETCH(int, error);
    QFETCH(bool, read);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = QDir(dir.path()).canonicalPath();
    std::map<QString, std::set<std::string>> expected;
    makeTree(root, 3, 2, &expected);
    const QString failing = root + u"/d1"_s;
    int next = 100;
    std::mutex mutex;
    std::map<QString, ArmedListing> taken;
    {
        TreeArmer armer(
            [&](const QByteArray& path) {
                if (QFile::decodeName(path) == failing) {
                    errno = error;
                    return -1;
                }
                std::lock_guard lock(mutex);
                return next++;
            },
            workers);
        armer.run(root, [&](const ArmedListing& listing, std::vector<QString>& more) {
            taken[listing.path] = listing;
            listing.forEachEntry([&](std::string_view name, bool isDirectory) {
                if (isDirectory)
                    more.push_back(
                        listing.path + u'/' + QString::fromUtf8(name.data(), qsizetype(name.size())));
            });
        });
    }
    QVERIFY(taken.count(failing));
    const ArmedListing& failed = taken.at(failing);
    QCOMPARE(failed.wd, -1);
    QCOMPARE(failed.watchError, error);
    QCOMPARE(failed.readable, read);
    int entries = 0;
    failed.forEachEntry([&](std::string_view, bool) { ++entries; });
    QCOMPARE(entries, read ? int(expected.at(failing).size()) : 0);
    // Below it: walked only where it was read.
    QCOMPARE(taken.count(failing + u"/d0"_s), size_t(read ? 1 : 0));
    QCOMPARE(taken.size(), read ? expected.size() : expected.size() - 3); // its 3 subdirectories
    QCOMPARE(taken.at(root).watchError, 0);
}

QTEST_GUILESS_MAIN(TestTreeArmer)
#include "tst_treearmer.moc"
