// NameTable and EntryList: the inotify backend's compact directory snapshots, checked against a
// plain std::map model through long random sequences (the hash's deletions and the pool's
// compaction are where a slip would lose or confuse a name).
#include "watch/NameTable.h"

#include <QTest>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace foxreload;

class TestWatchNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedNamesAreCountedAndDropped();
    void entryListAddRemoveContains_data();
    void entryListAddRemoveContains();
    void matchesAModelThroughRandomChanges_data();
    void matchesAModelThroughRandomChanges();
    void sortedListsCopyTheirNames();
    void fillerKeepsEachNameOnce_data();
    void fillerKeepsEachNameOnce();
    void prefixNamesAreDistinct();
};

void TestWatchNames::sharedNamesAreCountedAndDropped()
{
    NameTable names;
    QCOMPARE(names.find("index.ts"), NameTable::kNone);
    const quint32 first = names.acquire("index.ts");
    QCOMPARE(names.acquire("index.ts"), first); // one copy, two references
    QCOMPARE(names.size(), 1);
    QCOMPARE(names.name(first), std::string_view("index.ts"));
    names.release(first);
    QCOMPARE(names.find("index.ts"), first); // still held once
    names.release(first);
    QCOMPARE(names.find("index.ts"), NameTable::kNone);
    QCOMPARE(names.size(), 0);
    QCOMPARE(names.acquire("other.py"), first); // the id is handed out again
}

void TestWatchNames::entryListAddRemoveContains_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one-byte ids") << 20;
    QTest::newRow("multi-byte ids") << 5000; // ids beyond 63 take two bytes, beyond 8191 three
}

void TestWatchNames::entryListAddRemoveContains()
{
    QFETCH(int, count);
    NameTable names;
    EntryList list;
    for (int i = 0; i < count; ++i)
        QVERIFY(list.add(names, "n" + std::to_string(i), i % 3 == 0));
    QVERIFY(!list.add(names, "n0", false)); // already there
    for (int i = 0; i < count; ++i)
        QVERIFY(list.contains(names, "n" + std::to_string(i)));
    bool isDirectory = false;
    QVERIFY(list.remove(names, "n" + std::to_string(count - 1), &isDirectory));
    QCOMPARE(isDirectory, (count - 1) % 3 == 0);
    QVERIFY(!list.contains(names, "n" + std::to_string(count - 1)));
    QVERIFY(!list.remove(names, "absent", nullptr));
    int seen = 0;
    list.forEach(names, [&](std::string_view name, bool directory) {
        const int i = std::stoi(std::string(name.substr(1)));
        QCOMPARE(directory, i % 3 == 0);
        ++seen;
    });
    QCOMPARE(seen, count - 1);
    list.clear(names);
    QVERIFY(list.isEmpty());
    QCOMPARE(names.size(), 0); // every reference given back
}

void TestWatchNames::matchesAModelThroughRandomChanges_data()
{
    QTest::addColumn<int>("distinctNames");
    QTest::addColumn<int>("steps");
    QTest::newRow("few names, many directories") << 40 << 40000;
    QTest::newRow("many names: growth, deletions, compaction") << 20000 << 200000;
}

void TestWatchNames::matchesAModelThroughRandomChanges()
{
    QFETCH(int, distinctNames);
    QFETCH(int, steps);
    constexpr int kDirectories = 50;
    std::mt19937 random(17);
    NameTable names;
    std::vector<EntryList> lists(kDirectories);
    std::vector<std::map<std::string, bool>> model(kDirectories);
    // Long names too, so that dropped ones leave enough dead bytes for a compaction.
    const auto nameOf = [](int i) { return "file-with-a-longish-name-" + std::to_string(i) + ".py"; };
    for (int step = 0; step < steps; ++step) {
        const int d = int(random() % kDirectories);
        const std::string name = nameOf(int(random() % distinctNames));
        if (random() % 3 != 0) {
            const bool isDirectory = random() % 2;
            const bool added = lists[d].add(names, name, isDirectory);
            QCOMPARE(added, model[d].count(name) == 0);
            if (added)
                model[d][name] = isDirectory;
        } else {
            bool isDirectory = false;
            const bool removed = lists[d].remove(names, name, &isDirectory);
            QCOMPARE(removed, model[d].count(name) == 1);
            if (removed) {
                QCOMPARE(isDirectory, model[d][name]);
                model[d].erase(name);
            }
        }
        if (step % 20000 == 0 || step == steps - 1) {
            std::set<std::string> live;
            for (int i = 0; i < kDirectories; ++i) {
                std::map<std::string, bool> listed;
                lists[i].forEach(names, [&](std::string_view n, bool dir) { listed[std::string(n)] = dir; });
                QCOMPARE(listed, model[i]);
                for (const auto& [n, dir] : model[i])
                    live.insert(n);
            }
            QCOMPARE(names.size(), qsizetype(live.size())); // no name kept that nobody holds
            for (int i = 0; i < distinctNames; ++i)
                QCOMPARE(names.find(nameOf(i)) != NameTable::kNone, live.count(nameOf(i)) == 1);
        }
    }
    for (auto& list : lists)
        list.clear(names);
    QCOMPARE(names.size(), 0);
}

void TestWatchNames::sortedListsCopyTheirNames()
{
    NameTable names;
    EntryList list;
    list.add(names, "b.py", false);
    list.add(names, "a", true);
    list.add(names, "c.txt", false);
    const auto sorted = list.sorted(names);
    list.clear(names); // the table's bytes may go; the copies stay
    QCOMPARE(sorted.size(), size_t(3));
    QCOMPARE(sorted[0].name, std::string("a"));
    QVERIFY(sorted[0].isDirectory);
    QCOMPARE(sorted[1].name, std::string("b.py"));
    QCOMPARE(sorted[2].name, std::string("c.txt"));
}

// The filler reads directories one after another, as a walk does: each list must come out as
// add() would have built it, a name read twice (a directory changed while it was read) once.
void TestWatchNames::fillerKeepsEachNameOnce_data()
{
    QTest::addColumn<std::vector<int>>("sizes"); // entries per directory, in walk order
    QTest::addColumn<int>("repeatEvery"); // every n-th entry is read a second time; 0: none
    QTest::newRow("small directories") << std::vector<int> { 3, 0, 7, 1, 12 } << 0;
    QTest::newRow("a large one, then small ones") << std::vector<int> { 20000, 2, 5, 40, 1 } << 0;
    QTest::newRow("growing") << std::vector<int> { 10, 100, 1000, 10000 } << 0;
    QTest::newRow("repeats") << std::vector<int> { 50, 5000, 3 } << 7;
}

void TestWatchNames::fillerKeepsEachNameOnce()
{
    QFETCH(std::vector<int>, sizes);
    QFETCH(int, repeatEvery);
    NameTable names;
    EntryListFiller filler(names);
    std::vector<EntryList> lists(sizes.size());
    for (size_t d = 0; d < sizes.size(); ++d) {
        filler.start(&lists[d]);
        for (int i = 0; i < sizes[d]; ++i) {
            const std::string name = "f" + std::to_string(i) + (i % 5 == 0 ? "" : ".py");
            QVERIFY(filler.add(name, i % 5 == 0));
            if (repeatEvery > 0 && i % repeatEvery == 0)
                QVERIFY(!filler.add(name, false));
        }
    }
    for (size_t d = 0; d < sizes.size(); ++d) {
        std::map<std::string, bool> listed;
        size_t count = 0;
        lists[d].forEach(names, [&](std::string_view n, bool dir) {
            listed[std::string(n)] = dir;
            ++count;
        });
        QCOMPARE(count, size_t(sizes[d]));
        QCOMPARE(listed.size(), size_t(sizes[d]));
        for (int i = 0; i < sizes[d]; i += std::max(1, sizes[d] / 50)) {
            const std::string name = "f" + std::to_string(i) + (i % 5 == 0 ? "" : ".py");
            QCOMPARE(listed.at(name), i % 5 == 0);
            QVERIFY(!lists[d].add(names, name, false)); // add() sees what the filler put there
        }
    }
    for (auto& list : lists)
        list.clear(names);
    QCOMPARE(names.size(), 0); // a repeat's extra reference was given back
}

// A name that is the start of another is a different name, whichever is stored first.
void TestWatchNames::prefixNamesAreDistinct()
{
    NameTable names;
    EntryList list;
    QVERIFY(list.add(names, "index.ts", false));
    QVERIFY(list.add(names, "index", true));
    QVERIFY(list.add(names, "index.tsx", false));
    QVERIFY(list.add(names, "i", false));
    QCOMPARE(names.size(), 4);
    QVERIFY(names.find("index") != names.find("index.ts"));
    QCOMPARE(names.find("index.t"), NameTable::kNone);
    QCOMPARE(names.find("index.tsxx"), NameTable::kNone);
    QCOMPARE(names.find(""), NameTable::kNone);
    bool isDirectory = false;
    QVERIFY(list.remove(names, "index", &isDirectory));
    QVERIFY(isDirectory);
    QVERIFY(list.contains(names, "index.ts"));
    QVERIFY(list.contains(names, "index.tsx"));
}

QTEST_GUILESS_MAIN(TestWatchNames)
#include "tst_watchnames.moc"
