#include "analyze/ChangeAnalyzer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::ReloadStrategy)
Q_DECLARE_METATYPE(foxreload::FileEvent::Kind)

class TestChangeAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void firstMatchWins();
    void defaultStrategyIsConfigurable();
    void batch_data();
    void batch();
    void emptyBatch();
    void planCarriesBatchIdentity();
    void componentsUnionOverDecisiveFiles();
    void renameCountsBothPaths();
    void hotReloadUnsupportedEscalates();
    void excludedPathsTakeNoStrategy();
    void invalidRulesAreReported();
    void outsideRootTakesDefault();
};

namespace {
const QString kRoot = u"/srv/reynard"_s;

// The seed's rules, in the example's order.
QList<Rule> seedRules()
{
    return {
        Rule { u"main.py"_s, ReloadStrategy::FullRestart, {}, 19 },
        Rule { u"protocol/**"_s, ReloadStrategy::FullRestart, {}, 20 },
        Rule { u"tools/**/*.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s }, 22 },
        Rule { u"services/**/*.py"_s, ReloadStrategy::ServiceRestart, { u"services"_s }, 24 },
        Rule { u"config/**/*.{json,yaml}"_s, ReloadStrategy::HotReload, {}, 26 },
    };
}

QString abs(const QString& relative)
{
    return kRoot + u'/' + relative;
}

FileEvent event(FileEvent::Kind kind, const QString& relative, bool isDirectory = false)
{
    FileEvent e;
    e.kind = kind;
    e.path = abs(relative);
    e.isDirectory = isDirectory;
    return e;
}

FileEvent renamed(const QString& from, const QString& to)
{
    FileEvent e = event(FileEvent::Kind::Renamed, to);
    e.oldPath = abs(from);
    return e;
}

ChangeBatch batchOf(const QList<FileEvent>& events)
{
    ChangeBatch batch;
    batch.id = 7;
    batch.events = events;
    batch.rawEventCount = int(events.size());
    return batch;
}

// "tools/a.py" → a modified event; "+dir/" → a created directory; "-x" → removed.
QList<FileEvent> parseEvents(const QStringList& specs)
{
    QList<FileEvent> events;
    for (QString spec : specs) {
        FileEvent::Kind kind = FileEvent::Kind::Modified;
        if (spec.startsWith(u'+')) {
            kind = FileEvent::Kind::Created;
            spec.remove(0, 1);
        } else if (spec.startsWith(u'-')) {
            kind = FileEvent::Kind::Removed;
            spec.remove(0, 1);
        }
        const bool isDirectory = spec.endsWith(u'/');
        if (isDirectory)
            spec.chop(1);
        events.append(event(kind, spec, isDirectory));
    }
    return events;
}
} // namespace

void TestChangeAnalyzer::classify_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<FileEvent::Kind>("kind");
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<ReloadStrategy>("strategy");
    QTest::addColumn<QStringList>("components");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("reason");

    using K = FileEvent::Kind;
    using S = ReloadStrategy;
    const QStringList tools { u"tool_registry"_s };
    const QStringList services { u"services"_s };
    QTest::newRow("tool") << u"tools/weather.py"_s << K::Modified << false << S::HotReload << tools
                          << u"tools/**/*.py"_s
                          << u"tools/weather.py modified → hot reload (rule \"tools/**/*.py\")"_s;
    QTest::newRow("tool deep") << u"tools/geo/maps.py"_s << K::Modified << false << S::HotReload << tools
                               << u"tools/**/*.py"_s
                               << u"tools/geo/maps.py modified → hot reload (rule \"tools/**/*.py\")"_s;
    QTest::newRow("tool created") << u"tools/new.py"_s << K::Created << false << S::HotReload << tools
                                  << u"tools/**/*.py"_s
                                  << u"tools/new.py created → hot reload (rule \"tools/**/*.py\")"_s;
    QTest::newRow("tool removed like modified")
        << u"tools/old.py"_s << K::Removed << false << S::HotReload << tools << u"tools/**/*.py"_s
        << u"tools/old.py removed → hot reload (rule \"tools/**/*.py\")"_s;
    QTest::newRow("tool non-python") << u"tools/README.md"_s << K::Modified << false << S::FullRestart
                                     << QStringList() << QString()
                                     << u"tools/README.md modified → full restart (default strategy)"_s;
    QTest::newRow("main") << u"main.py"_s << K::Modified << false << S::FullRestart << QStringList()
                          << u"main.py"_s << u"main.py modified → full restart (rule \"main.py\")"_s;
    QTest::newRow("nested main.py is not main")
        << u"tools/main.py"_s << K::Modified << false << S::HotReload << tools << u"tools/**/*.py"_s
        << u"tools/main.py modified → hot reload (rule \"tools/**/*.py\")"_s;
    QTest::newRow("protocol") << u"protocol/mcp.py"_s << K::Modified << false << S::FullRestart
                              << QStringList() << u"protocol/**"_s
                              << u"protocol/mcp.py modified → full restart (rule \"protocol/**\")"_s;
    QTest::newRow("service") << u"services/cache.py"_s << K::Modified << false << S::ServiceRestart
                             << services << u"services/**/*.py"_s
                             << u"services/cache.py modified → service restart (rule \"services/**/*.py\")"_s;
    QTest::newRow("config json")
        << u"config/settings.json"_s << K::Modified << false << S::HotReload << QStringList()
        << u"config/**/*.{json,yaml}"_s
        << u"config/settings.json modified → hot reload (rule \"config/**/*.{json,yaml}\")"_s;
    QTest::newRow("config yaml deep")
        << u"config/env/prod.yaml"_s << K::Modified << false << S::HotReload << QStringList()
        << u"config/**/*.{json,yaml}"_s
        << u"config/env/prod.yaml modified → hot reload (rule \"config/**/*.{json,yaml}\")"_s;
    QTest::newRow("config other") << u"config/notes.txt"_s << K::Modified << false << S::FullRestart
                                  << QStringList() << QString()
                                  << u"config/notes.txt modified → full restart (default strategy)"_s;
    QTest::newRow("unmatched") << u"README.md"_s << K::Modified << false << S::FullRestart << QStringList()
                               << QString() << u"README.md modified → full restart (default strategy)"_s;
    QTest::newRow("new directory") << u"tools/geo"_s << K::Created << true << S::None << QStringList()
                                   << QString() << u"tools/geo/ created → no reload (directory)"_s;
    QTest::newRow("directory a rule covers")
        << u"protocol/v2"_s << K::Created << true << S::FullRestart << QStringList() << u"protocol/**"_s
        << u"protocol/v2/ created → full restart (rule \"protocol/**\")"_s;
    QTest::newRow("unmatched directory") << u"docs"_s << K::Removed << true << S::None << QStringList()
                                         << QString() << u"docs/ removed → no reload (directory)"_s;
}

void TestChangeAnalyzer::classify()
{
    QFETCH(QString, relative);
    QFETCH(FileEvent::Kind, kind);
    QFETCH(bool, isDirectory);
    QFETCH(ReloadStrategy, strategy);
    QFETCH(QStringList, components);
    QFETCH(QString, rule);
    QFETCH(QString, reason);

    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::FullRestart);
    QVERIFY(analyzer.errors().isEmpty());
    const FileChange change = analyzer.classify(abs(relative), kind, isDirectory);
    QCOMPARE(change.path, abs(relative));
    QCOMPARE(change.relativePath, relative);
    QCOMPARE(change.kind, kind);
    QCOMPARE(change.isDirectory, isDirectory);
    QCOMPARE(change.strategy, strategy);
    QCOMPARE(change.components, components);
    QCOMPARE(change.rule, rule);
    QCOMPARE(change.reason, reason);
    QVERIFY(!change.excluded);
}

void TestChangeAnalyzer::firstMatchWins()
{
    const ChangeAnalyzer analyzer(kRoot,
        { Rule { u"tools/experimental/**"_s, ReloadStrategy::None, {}, 0 },
            Rule { u"tools/**/*.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s }, 0 },
            Rule { u"**/*.py"_s, ReloadStrategy::FullRestart, {}, 0 } },
        ReloadStrategy::FullRestart);
    const FileChange experimental
        = analyzer.classify(abs(u"tools/experimental/x.py"_s), FileEvent::Kind::Modified);
    QCOMPARE(experimental.strategy, ReloadStrategy::None);
    QCOMPARE(experimental.rule, u"tools/experimental/**"_s);
    QCOMPARE(experimental.reason,
        u"tools/experimental/x.py modified → no reload (rule \"tools/experimental/**\")"_s);
    QCOMPARE(analyzer.classify(abs(u"tools/x.py"_s), FileEvent::Kind::Modified).strategy,
        ReloadStrategy::HotReload);
    QCOMPARE(analyzer.classify(abs(u"lib/x.py"_s), FileEvent::Kind::Modified).rule, u"**/*.py"_s);
}

void TestChangeAnalyzer::defaultStrategyIsConfigurable()
{
    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::None);
    const FileChange change = analyzer.classify(abs(u"README.md"_s), FileEvent::Kind::Modified);
    QCOMPARE(change.strategy, ReloadStrategy::None);
    QCOMPARE(change.reason, u"README.md modified → no reload (default strategy)"_s);
    const ReloadPlan plan = analyzer.analyze(batchOf(parseEvents({ u"README.md"_s, u"docs/x.md"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::None);
    QCOMPARE(plan.reasons.size(), 2);
}

void TestChangeAnalyzer::batch_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<ReloadStrategy>("strategy");
    QTest::addColumn<QStringList>("components");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("decisive");

    using S = ReloadStrategy;
    QTest::newRow("one tool")
        << QStringList { u"tools/weather.py"_s } << S::HotReload << QStringList { u"tool_registry"_s }
        << QStringList { u"tools/weather.py modified → hot reload (rule \"tools/**/*.py\")"_s }
        << u"tools/weather.py"_s;
    QTest::newRow("two tools one component")
        << QStringList { u"tools/a.py"_s, u"tools/b.py"_s } << S::HotReload
        << QStringList { u"tool_registry"_s }
        << QStringList { u"tools/a.py modified → hot reload (rule \"tools/**/*.py\")"_s,
               u"tools/b.py modified → hot reload (rule \"tools/**/*.py\")"_s }
        << u"tools/a.py"_s;
    QTest::newRow("tool and service")
        << QStringList { u"tools/a.py"_s, u"services/cache.py"_s } << S::ServiceRestart
        << QStringList { u"services"_s }
        << QStringList { u"services/cache.py modified → service restart (rule \"services/**/*.py\")"_s }
        << u"services/cache.py"_s;
    QTest::newRow("tool and main") << QStringList { u"tools/a.py"_s, u"main.py"_s } << S::FullRestart
                                   << QStringList()
                                   << QStringList { u"main.py modified → full restart (rule \"main.py\")"_s }
                                   << u"main.py"_s;
    QTest::newRow("everything")
        << QStringList { u"config/s.json"_s, u"services/c.py"_s, u"tools/a.py"_s, u"protocol/mcp.py"_s,
               u"main.py"_s }
        << S::FullRestart << QStringList()
        << QStringList { u"protocol/mcp.py modified → full restart (rule \"protocol/**\")"_s,
               u"main.py modified → full restart (rule \"main.py\")"_s }
        << u"protocol/mcp.py"_s;
    QTest::newRow("tool and config")
        << QStringList { u"config/s.json"_s, u"tools/a.py"_s } << S::HotReload
        << QStringList { u"tool_registry"_s }
        << QStringList { u"config/s.json modified → hot reload (rule \"config/**/*.{json,yaml}\")"_s,
               u"tools/a.py modified → hot reload (rule \"tools/**/*.py\")"_s }
        << u"config/s.json"_s;
    QTest::newRow("unmatched beats tool")
        << QStringList { u"tools/a.py"_s, u"setup.cfg"_s } << S::FullRestart << QStringList()
        << QStringList { u"setup.cfg modified → full restart (default strategy)"_s } << u"setup.cfg"_s;
    QTest::newRow("new directory with its tool")
        << QStringList { u"+tools/geo/"_s, u"+tools/geo/maps.py"_s } << S::HotReload
        << QStringList { u"tool_registry"_s }
        << QStringList { u"tools/geo/maps.py created → hot reload (rule \"tools/**/*.py\")"_s }
        << u"tools/geo/maps.py"_s;
    QTest::newRow("only a directory")
        << QStringList { u"+tools/geo/"_s } << S::None << QStringList()
        << QStringList { u"tools/geo/ created → no reload (directory)"_s } << u"tools/geo"_s;
    QTest::newRow("removed tool")
        << QStringList { u"-tools/old.py"_s } << S::HotReload << QStringList { u"tool_registry"_s }
        << QStringList { u"tools/old.py removed → hot reload (rule \"tools/**/*.py\")"_s }
        << u"tools/old.py"_s;
}

void TestChangeAnalyzer::batch()
{
    QFETCH(QStringList, events);
    QFETCH(ReloadStrategy, strategy);
    QFETCH(QStringList, components);
    QFETCH(QStringList, reasons);
    QFETCH(QString, decisive);

    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::FullRestart);
    const ReloadPlan plan = analyzer.analyze(batchOf(parseEvents(events)));
    QCOMPARE(plan.strategy, strategy);
    QCOMPARE(plan.components, components);
    QCOMPARE(plan.reasons, reasons);
    QCOMPARE(plan.files.size(), events.size()); // every file is listed, deciding or not
    QVERIFY(plan.decisive());
    QCOMPARE(plan.decisive()->relativePath, decisive);
}

void TestChangeAnalyzer::emptyBatch()
{
    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::FullRestart);
    const ReloadPlan plan = analyzer.analyze(batchOf({}));
    QCOMPARE(plan.strategy, ReloadStrategy::None);
    QVERIFY(plan.files.isEmpty());
    QVERIFY(plan.reasons.isEmpty());
    QVERIFY(plan.components.isEmpty());
    QCOMPARE(plan.decisive(), nullptr);
}

void TestChangeAnalyzer::planCarriesBatchIdentity()
{
    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::FullRestart);
    ChangeBatch batch = batchOf(parseEvents({ u"tools/a.py"_s }));
    batch.id = 42;
    batch.firstEventAt = Clock::time_point(std::chrono::seconds(1234));
    const ReloadPlan plan = analyzer.analyze(batch);
    QCOMPARE(plan.batchId, quint64(42));
    QVERIFY(plan.detectedAt == batch.firstEventAt);
}

void TestChangeAnalyzer::componentsUnionOverDecisiveFiles()
{
    // The seed's defect was to require exactly one component; several are merged.
    const ChangeAnalyzer analyzer(kRoot,
        { Rule { u"tools/**/*.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s, u"schemas"_s }, 0 },
            Rule { u"config/**"_s, ReloadStrategy::HotReload, { u"settings"_s, u"schemas"_s }, 0 },
            Rule { u"docs/**"_s, ReloadStrategy::None, { u"docs"_s }, 0 } },
        ReloadStrategy::FullRestart);
    const ReloadPlan plan
        = analyzer.analyze(batchOf(parseEvents({ u"docs/a.md"_s, u"tools/a.py"_s, u"config/s.json"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::HotReload);
    QCOMPARE(plan.components, QStringList({ u"tool_registry"_s, u"schemas"_s, u"settings"_s }));
    QCOMPARE(plan.reasons.size(), 2);
}

void TestChangeAnalyzer::renameCountsBothPaths()
{
    const ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::None);
    // A tool module renamed to something no rule names: the module is gone, reload tools.
    FileChange change = analyzer.classify(renamed(u"tools/a.py"_s, u"tools/a.py.bak"_s));
    QCOMPARE(change.kind, FileEvent::Kind::Renamed);
    QCOMPARE(change.relativePath, u"tools/a.py.bak"_s);
    QCOMPARE(change.oldRelativePath, u"tools/a.py"_s);
    QCOMPARE(change.strategy, ReloadStrategy::HotReload);
    QCOMPARE(change.components, QStringList { u"tool_registry"_s });
    QCOMPARE(
        change.reason, u"tools/a.py.bak renamed (from tools/a.py) → hot reload (rule \"tools/**/*.py\")"_s);

    // Renamed into services: the new path is more severe.
    change = analyzer.classify(renamed(u"tools/a.py"_s, u"services/a.py"_s));
    QCOMPARE(change.strategy, ReloadStrategy::ServiceRestart);
    QCOMPARE(change.rule, u"services/**/*.py"_s);

    // Through analyze() too.
    const ReloadPlan plan = analyzer.analyze(batchOf({ renamed(u"main.py"_s, u"old_main.txt"_s) }));
    QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
    QCOMPARE(plan.reasons,
        QStringList { u"old_main.txt renamed (from main.py) → full restart (rule \"main.py\")"_s });
}

void TestChangeAnalyzer::hotReloadUnsupportedEscalates()
{
    ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::HotReload);
    QVERIFY(!analyzer.hotReloadUnsupported());
    analyzer.setHotReloadUnsupported(true);
    QVERIFY(analyzer.hotReloadUnsupported());

    ReloadPlan plan = analyzer.analyze(batchOf(parseEvents({ u"tools/weather.py"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
    QCOMPARE(plan.components, QStringList { u"tool_registry"_s });
    QCOMPARE(plan.reasons,
        QStringList {
            u"tools/weather.py modified → full restart (rule \"tools/**/*.py\"; the server cannot hot reload)"_s });

    plan = analyzer.analyze(batchOf(parseEvents({ u"services/cache.py"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);

    // The default strategy escalates too; full restarts and "none" stay as they are.
    QCOMPARE(analyzer.classify(abs(u"notes.txt"_s), FileEvent::Kind::Modified).reason,
        u"notes.txt modified → full restart (default strategy; the server cannot hot reload)"_s);
    QCOMPARE(analyzer.classify(abs(u"main.py"_s), FileEvent::Kind::Modified).reason,
        u"main.py modified → full restart (rule \"main.py\")"_s);
    QCOMPARE(analyzer.classify(abs(u"tools/geo"_s), FileEvent::Kind::Created, true).strategy,
        ReloadStrategy::None);

    analyzer.setHotReloadUnsupported(false);
    QCOMPARE(analyzer.analyze(batchOf(parseEvents({ u"tools/weather.py"_s }))).strategy,
        ReloadStrategy::HotReload);
}

void TestChangeAnalyzer::excludedPathsTakeNoStrategy()
{
    ChangeAnalyzer analyzer(kRoot, seedRules(), ReloadStrategy::FullRestart);
    analyzer.setPathFilter(std::make_shared<const PathFilter>(
        kRoot, QStringList { u"**/__pycache__/**"_s, u"**/tests/**"_s, u"**/*.pyc"_s, u"**/.*"_s }, false));

    FileChange change
        = analyzer.classify(abs(u"tools/__pycache__/weather.cpython-311.pyc"_s), FileEvent::Kind::Modified);
    QCOMPARE(change.strategy, ReloadStrategy::None);
    QVERIFY(change.excluded);
    QCOMPARE(change.reason, u"tools/__pycache__/weather.cpython-311.pyc modified → no reload (excluded)"_s);
    QVERIFY(analyzer.classify(abs(u".git/index"_s), FileEvent::Kind::Modified).excluded);
    QVERIFY(analyzer.classify(abs(u"tools/tests/test_w.py"_s), FileEvent::Kind::Modified).excluded);

    ReloadPlan plan = analyzer.analyze(batchOf(parseEvents({ u"main.pyc"_s, u".venv/lib/x.py"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::None);
    QCOMPARE(plan.files.size(), 2);

    plan = analyzer.analyze(batchOf(parseEvents({ u"main.pyc"_s, u"tools/w.py"_s })));
    QCOMPARE(plan.strategy, ReloadStrategy::HotReload);
    QCOMPARE(plan.reasons, QStringList { u"tools/w.py modified → hot reload (rule \"tools/**/*.py\")"_s });

    // Renamed out of an excluded place: the new path decides.
    change = analyzer.classify(renamed(u".scratch/w.py"_s, u"tools/w.py"_s));
    QVERIFY(!change.excluded);
    QCOMPARE(change.strategy, ReloadStrategy::HotReload);
}

void TestChangeAnalyzer::invalidRulesAreReported()
{
    const ChangeAnalyzer analyzer(kRoot,
        { Rule { u"tools/[a-"_s, ReloadStrategy::HotReload, {}, 12 },
            Rule { u"{main,app}.py"_s, ReloadStrategy::FullRestart, {}, 0 },
            Rule { u"x}"_s, ReloadStrategy::None, {}, 0 } },
        ReloadStrategy::HotReload);
    QCOMPARE(analyzer.errors(),
        QStringList({ u"rule 1 (line 12) \"tools/[a-\": unclosed bracket '[' at column 7"_s,
            u"rule 3 \"x}\": unmatched '}' at column 2 (write \\} for a literal brace)"_s }));
    QCOMPARE(
        analyzer.classify(abs(u"app.py"_s), FileEvent::Kind::Modified).strategy, ReloadStrategy::FullRestart);
    QCOMPARE(
        analyzer.classify(abs(u"tools/a"_s), FileEvent::Kind::Modified).strategy, ReloadStrategy::HotReload);
}

void TestChangeAnalyzer::outsideRootTakesDefault()
{
    const ChangeAnalyzer analyzer(kRoot + u"/"_s, { Rule { u"**"_s, ReloadStrategy::HotReload, {}, 0 } },
        ReloadStrategy::ServiceRestart);
    FileChange change = analyzer.classify(u"/srv/reynard-other/main.py"_s, FileEvent::Kind::Modified);
    QCOMPARE(change.relativePath, u"/srv/reynard-other/main.py"_s);
    QCOMPARE(change.strategy, ReloadStrategy::ServiceRestart);
    QCOMPARE(change.reason, u"/srv/reynard-other/main.py modified → service restart (default strategy)"_s);
    change = analyzer.classify(abs(u"main.py"_s), FileEvent::Kind::Modified);
    QCOMPARE(change.relativePath, u"main.py"_s);
    QCOMPARE(change.strategy, ReloadStrategy::HotReload);
}

QTEST_GUILESS_MAIN(TestChangeAnalyzer)
#include "tst_changeanalyzer.moc"
