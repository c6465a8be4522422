// What the import graph costs at 10,000 modules (Python, then TypeScript): the build at
// start-up, an update after one edit (one file re-read), after a new file (every import
// resolved again, none re-read), and analysing a change to the most imported helper.
// Prints the figures (bench/RESULTS.md quotes them); the bounds are generous, an order of
// magnitude above what a developer machine measures, so that only a regression trips them.

#include "analyze/ChangeAnalyzer.h"
#include "graph/ImportGraph.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

constexpr int kPackages = 100;
constexpr int kPerPackage = 100; // 10,000 modules

struct Figures
{
    double buildMs = 0;
    double editMs = 0;
    double createMs = 0;
    double analyzeMs = 0;
    qsizetype modules = 0;
    qsizetype imports = 0;
    qsizetype helperImporters = 0;
    bool editReadOne = false;
    bool helperTookDefault = false;
};

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

// Module (p, m) imports three others: one in another package, one through the package, one
// sibling by relative import; plus the shared helper (in package 0), so it has 10,000 importers.
QByteArray pythonModule(int p, int m)
{
    const int otherPackage = (p * 7 + m) % kPackages;
    return "import os\nfrom pkg" + QByteArray::number(otherPackage) + " import mod"
        + QByteArray::number((m + 3) % kPerPackage) + "\nimport pkg" + QByteArray::number((p + 1) % kPackages)
        + ".mod" + QByteArray::number(m) + "\nfrom .mod" + QByteArray::number((m + 1) % kPerPackage)
        + " import thing\nfrom helpers import shared\n"
        + "\ndef run(x):\n    \"\"\"Docstring with import words: import nothing.\"\"\"\n    return "
          "shared.go(x)  # done\n";
}

QByteArray scriptModule(int p, int m)
{
    const int otherPackage = (p * 7 + m) % kPackages;
    return "import { readFile } from 'node:fs/promises';\nimport { a } from '../pkg"
        + QByteArray::number(otherPackage) + "/mod" + QByteArray::number((m + 3) % kPerPackage)
        + ".js';\nexport * from './mod" + QByteArray::number((m + 1) % kPerPackage)
        + "';\nimport { shared } from '@helpers/shared';\n"
        + "export const value = (x: number): string => `${x} import`;\n";
}

} // namespace

class TestGraphCost : public QObject
{
    Q_OBJECT

    Figures measure(bool python)
    {
        Figures figures;
        QTemporaryDir dir;
        if (!dir.isValid())
            return figures;
        const QString root = QDir::cleanPath(dir.path());
        const QString suffix = python ? u".py"_s : u".ts"_s;
        QStringList files;
        for (int p = 0; p < kPackages; ++p) {
            const QString package = root + u"/pkg"_s + QString::number(p);
            QDir().mkpath(package);
            if (python) {
                writeFile(package + u"/__init__.py"_s, "");
                files.append(package + u"/__init__.py"_s);
            }
            for (int m = 0; m < kPerPackage; ++m) {
                const QString file = package + u"/mod"_s + QString::number(m) + suffix;
                writeFile(file, python ? pythonModule(p, m) : scriptModule(p, m));
                files.append(file);
            }
        }
        QDir().mkpath(root + u"/helpers"_s);
        const QString helper = root + u"/helpers/shared"_s + suffix;
        writeFile(helper, "");
        files.append(helper);
        if (python) {
            writeFile(root + u"/helpers/__init__.py"_s, "");
            files.append(root + u"/helpers/__init__.py"_s);
        } else {
            writeFile(root + u"/tsconfig.json"_s,
                "{\"compilerOptions\": {\"paths\": {\"@helpers/*\": [\"./helpers/*\"]}}}");
        }

        ImportGraph graph(root);
        QElapsedTimer timer;
        timer.start();
        graph.build(files);
        figures.buildMs = double(timer.nsecsElapsed()) / 1e6;
        figures.modules = graph.moduleCount();
        figures.imports = graph.edgeCount();
        figures.helperImporters = graph.importersOf(helper).size();

        FileEvent edit;
        edit.path = files.at(500);
        writeFile(edit.path, python ? "import helpers.shared\n" : "import '@helpers/shared';\n");
        timer.restart();
        const auto editStats = graph.update({ edit });
        figures.editMs = double(timer.nsecsElapsed()) / 1e6;
        figures.editReadOne = editStats.reread == 1 && editStats.reresolved == 0;

        FileEvent created;
        created.kind = FileEvent::Kind::Created;
        created.path = root + u"/pkg0/extra"_s + suffix;
        writeFile(created.path, "");
        timer.restart();
        graph.update({ created });
        figures.createMs = double(timer.nsecsElapsed()) / 1e6;

        // The helper that everything imports, no rule naming it or its importers: the walk
        // visits all 10,000 modules before it settles on the default strategy.
        Rule tools;
        tools.match = u"tools/**"_s;
        tools.strategy = ReloadStrategy::HotReload;
        ChangeAnalyzer analyzer(root, { tools }, ReloadStrategy::FullRestart);
        analyzer.setImportGraph(&graph);
        FileEvent change;
        change.path = helper;
        ChangeBatch batch;
        batch.events = { change };
        timer.restart();
        const ReloadPlan plan = analyzer.analyze(batch);
        figures.analyzeMs = double(timer.nsecsElapsed()) / 1e6;
        figures.helperTookDefault = plan.strategy == ReloadStrategy::FullRestart;
        return figures;
    }

    static void report(const char* language, const Figures& figures)
    {
        qInfo(
            "%s: %lld modules, %lld imports: build %.0f ms (%.1f µs/module), edit %.2f ms, new file %.1f ms, "
            "analysing the most imported helper %.1f ms",
            language, qlonglong(figures.modules), qlonglong(figures.imports), figures.buildMs,
            figures.buildMs * 1000 / double(std::max<qsizetype>(1, figures.modules)), figures.editMs,
            figures.createMs, figures.analyzeMs);
    }

    static void check(const Figures& figures)
    {
        QVERIFY(figures.modules >= kPackages * kPerPackage);
        QVERIFY(figures.imports >= 3 * kPackages * kPerPackage);
        QCOMPARE(figures.helperImporters, kPackages * kPerPackage);
        QVERIFY(figures.editReadOne);
        QVERIFY(figures.helperTookDefault);
        QVERIFY2(figures.buildMs < 30000, "building the graph of 10,000 modules took over 30 s");
        QVERIFY2(figures.editMs < 200, "one edit took over 200 ms to update the graph");
        QVERIFY2(figures.createMs < 5000, "a new file took over 5 s to update the graph");
        QVERIFY2(figures.analyzeMs < 2000, "following 10,000 importers took over 2 s");
    }

private Q_SLOTS:
    void python()
    {
        const Figures figures = measure(true);
        report("Python", figures);
        check(figures);
    }

    void typescript()
    {
        const Figures figures = measure(false);
        report("TypeScript", figures);
        check(figures);
    }
};

QTEST_GUILESS_MAIN(TestGraphCost)
#include "tst_graphcost.moc"
