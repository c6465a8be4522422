// ChangeAnalyzer with an import graph: a module no rule names takes the strongest strategy
// among the modules that import it (through other rule-less modules), on a real tree.
#include "analyze/ChangeAnalyzer.h"
#include "graph/ImportGraph.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(foxreload::ReloadStrategy)

namespace {

Rule rule(const QString& match, ReloadStrategy strategy, const QStringList& components = {})
{
    Rule made;
    made.match = match;
    made.strategy = strategy;
    made.components = components;
    return made;
}

// The example server's rules, in its order.
QList<Rule> seedRules()
{
    return {
        rule(u"main.py"_s, ReloadStrategy::FullRestart),
        rule(u"protocol/**"_s, ReloadStrategy::FullRestart),
        rule(u"tools/**/*.py"_s, ReloadStrategy::HotReload, { u"tool_registry"_s }),
        rule(u"services/**/*.py"_s, ReloadStrategy::ServiceRestart, { u"services"_s }),
    };
}

const std::pair<const char*, const char*> kTree[] = {
    { "main.py", "from protocol.handler import Handler\nimport lib.boot\n" },
    { "protocol/__init__.py", "" },
    { "protocol/handler.py", "from lib import wire\n" },
    { "tools/__init__.py", "" },
    { "tools/echo.py", "import textutil\nfrom lib import fmt\nfrom lib.mid import go\n" },
    { "tools/shout.py", "import textutil\n" },
    { "tools/recall.py", "from lib.store import get\n" },
    { "services/cache.py", "from lib import store\n" },
    { "textutil.py", "from lib import fmt\n" },
    { "lib/fmt.py", "" },
    { "lib/wire.py", "" },
    { "lib/store.py", "" },
    { "lib/boot.py", "" },
    { "lib/mid.py", "from . import deep\n" },
    { "lib/deep.py", "" },
    { "lib/a.py", "from . import b\n" },
    { "lib/b.py", "from . import a\n" },
    { "lib/only_tests.py", "" },
    { "tests/test_lib.py", "from lib import only_tests\n" },
    { "scripts/seed.py", "from lib import seedutil\n" },
    { "lib/seedutil.py", "" },
    { "orphan.py", "import json\n" },
};

} // namespace

class TestImportChain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_root;
    std::unique_ptr<ImportGraph> m_graph;

    QString path(const QString& relative) const { return m_root + u'/' + relative; }

    std::unique_ptr<ChangeAnalyzer> analyzer() const
    {
        auto analyzer = std::make_unique<ChangeAnalyzer>(m_root, seedRules(), ReloadStrategy::FullRestart);
        analyzer->setPathFilter(std::make_shared<PathFilter>(m_root, QStringList { u"tests/**"_s }, false));
        analyzer->setImportGraph(m_graph.get());
        return analyzer;
    }

    ReloadPlan analyzeOne(const ChangeAnalyzer& analyzer, FileEvent::Kind kind, const QString& relative) const
    {
        ChangeBatch batch;
        batch.id = 1;
        FileEvent e;
        e.kind = kind;
        e.path = path(relative);
        batch.events = { e };
        return analyzer.analyze(batch);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = QDir::cleanPath(m_dir.path());
        for (const auto& [name, content] : kTree) {
            const QString file = path(QString::fromUtf8(name));
            QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
        }
        QStringList files;
        QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(QDir::cleanPath(it.next()));
        m_graph = std::make_unique<ImportGraph>(m_root);
        m_graph->build(files);
        QVERIFY(m_graph->takeWarnings().isEmpty());
    }

    void chain_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ReloadStrategy>("strategy");
        QTest::addColumn<QStringList>("components");
        QTest::addColumn<QString>("reason");

        const QString hot = u" → hot reload (rule \"tools/**/*.py\")"_s;
        QTest::newRow("helper of tools only: hot reload of those tools")
            << u"textutil.py"_s << ReloadStrategy::HotReload
            << QStringList { u"tools/echo.py"_s, u"tools/shout.py"_s, u"tool_registry"_s }
            << u"textutil.py modified ← tools/echo.py (and 1 more)"_s + hot;
        QTest::newRow("through another helper, shortest chain named")
            << u"lib/fmt.py"_s << ReloadStrategy::HotReload
            << QStringList { u"tools/echo.py"_s, u"tools/shout.py"_s, u"tool_registry"_s }
            << u"lib/fmt.py modified ← tools/echo.py (and 1 more)"_s + hot;
        QTest::newRow("two helpers deep") << u"lib/deep.py"_s << ReloadStrategy::HotReload
                                          << QStringList { u"tools/echo.py"_s, u"tool_registry"_s }
                                          << u"lib/deep.py modified ← lib/mid.py ← tools/echo.py"_s + hot;
        QTest::newRow("imported by the protocol layer: full restart")
            << u"lib/wire.py"_s << ReloadStrategy::FullRestart << QStringList { u"protocol/handler.py"_s }
            << u"lib/wire.py modified ← protocol/handler.py → full restart (rule \"protocol/**\")"_s;
        QTest::newRow("imported by the entry point: full restart")
            << u"lib/boot.py"_s << ReloadStrategy::FullRestart << QStringList { u"main.py"_s }
            << u"lib/boot.py modified ← main.py → full restart (rule \"main.py\")"_s;
        QTest::newRow("a service and a tool: the stronger wins")
            << u"lib/store.py"_s << ReloadStrategy::ServiceRestart
            << QStringList { u"services/cache.py"_s, u"services"_s }
            << u"lib/store.py modified ← services/cache.py → service restart (rule \"services/**/*.py\")"_s;
        QTest::newRow("a rule-less module nobody imports decides with the default")
            << u"lib/seedutil.py"_s << ReloadStrategy::FullRestart << QStringList { u"scripts/seed.py"_s }
            << u"lib/seedutil.py modified ← scripts/seed.py → full restart (default strategy)"_s;
        QTest::newRow("nothing imports it: default strategy")
            << u"orphan.py"_s << ReloadStrategy::FullRestart << QStringList()
            << u"orphan.py modified → full restart (default strategy)"_s;
        QTest::newRow("only its own cycle imports it: default strategy")
            << u"lib/a.py"_s << ReloadStrategy::FullRestart << QStringList()
            << u"lib/a.py modified → full restart (default strategy)"_s;
        QTest::newRow("imported only by excluded tests: default strategy")
            << u"lib/only_tests.py"_s << ReloadStrategy::FullRestart << QStringList()
            << u"lib/only_tests.py modified → full restart (default strategy)"_s;
        QTest::newRow("a rule names it: the rule decides, no chain")
            << u"tools/echo.py"_s << ReloadStrategy::HotReload << QStringList { u"tool_registry"_s }
            << u"tools/echo.py modified"_s + hot;
    }

    void chain()
    {
        QFETCH(QString, file);
        QFETCH(ReloadStrategy, strategy);
        QFETCH(QStringList, components);
        QFETCH(QString, reason);
        const auto analyzer = this->analyzer();
        const ReloadPlan plan = analyzeOne(*analyzer, FileEvent::Kind::Modified, file);
        QCOMPARE(plan.strategy, strategy);
        QCOMPARE(plan.components, components);
        QCOMPARE(plan.reasons, QStringList { reason });
    }

    void withoutGraphTheDefaultApplies()
    {
        ChangeAnalyzer analyzer(m_root, seedRules(), ReloadStrategy::FullRestart);
        const ReloadPlan plan = analyzeOne(analyzer, FileEvent::Kind::Modified, u"textutil.py"_s);
        QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
        QVERIFY(plan.files.first().importChain.isEmpty());
    }

    void batchWithToolAndHelper()
    {
        const auto analyzer = this->analyzer();
        ChangeBatch batch;
        for (const auto& name : { u"tools/recall.py"_s, u"lib/deep.py"_s }) {
            FileEvent e;
            e.path = path(name);
            batch.events.append(e);
        }
        const ReloadPlan plan = analyzer->analyze(batch);
        QCOMPARE(plan.strategy, ReloadStrategy::HotReload);
        QCOMPARE(plan.components, (QStringList { u"tool_registry"_s, u"tools/echo.py"_s }));
        QCOMPARE(plan.files.at(1).importChain, (QStringList { u"lib/mid.py"_s, u"tools/echo.py"_s }));
        QCOMPARE(plan.files.at(1).rule, u"tools/**/*.py"_s);
    }

    void serverWithoutHotReloadEscalates()
    {
        const auto analyzer = this->analyzer();
        analyzer->setHotReloadUnsupported(true);
        const ReloadPlan plan = analyzeOne(*analyzer, FileEvent::Kind::Modified, u"textutil.py"_s);
        QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
        QVERIFY2(plan.reasons.first().endsWith(u"; the server cannot hot reload)"_s),
            qPrintable(plan.reasons.first()));
    }

    // Runs last: it changes the shared tree.
    void removedHelperStillReachesItsImporters()
    {
        QVERIFY(QFile::remove(path(u"lib/wire.py"_s)));
        FileEvent e;
        e.kind = FileEvent::Kind::Removed;
        e.path = path(u"lib/wire.py"_s);
        m_graph->update({ e });
        const auto analyzer = this->analyzer();
        const ReloadPlan plan = analyzeOne(*analyzer, FileEvent::Kind::Removed, u"lib/wire.py"_s);
        QCOMPARE(plan.strategy, ReloadStrategy::FullRestart);
        QCOMPARE(plan.files.first().importChain, QStringList { u"protocol/handler.py"_s });
    }
};

QTEST_GUILESS_MAIN(TestImportChain)
#include "tst_importchain.moc"
