// ProjectDetector guesses a new project's server command from the files the folder holds.
#include "config/ConfigLoader.h"
#include "config/ProjectDetector.h"
#include "match/PathFilter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

using Files = QMap<QString, QByteArray>; // relative path -> content

Q_DECLARE_METATYPE(ProjectGuess::Kind)

class TestProjectDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsFolderShapes_data();
    void detectsFolderShapes();
    void excludesKeepToolingOut_data();
    void excludesKeepToolingOut();
    void guessWritesALoadableConfig();
    void buildStepNotesAndProblems_data();
    void buildStepNotesAndProblems();

private:
    static bool createFiles(const QString& root, const Files& files);
};

bool TestProjectDetector::createFiles(const QString& root, const Files& files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root + u'/' + it.key();
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return false;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size())
            return false;
        if (it.key().contains(u"bin/"_s))
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    }
    return true;
}

void TestProjectDetector::detectsFolderShapes_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<ProjectGuess::Kind>("kind");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("buildOutputDir");
    QTest::addColumn<QStringList>("extraExcludes");

    using K = ProjectGuess::Kind;
    QTest::newRow("empty folder") << Files {} << K::Unknown << QString() << QStringList() << QString()
                                  << QStringList();
    QTest::newRow("only a README") << Files { { u"README.md"_s, "# hi\n" } } << K::Unknown << QString()
                                   << QStringList() << QString() << QStringList();
    QTest::newRow("node bin string")
        << Files { { u"package.json"_s, R"({"name": "fox", "bin": "./cli.js", "main": "lib.js"})" },
               { u"cli.js"_s, "" } }
        << K::Node << u"node"_s << QStringList { u"cli.js"_s } << QString() << QStringList();
    QTest::newRow("node bin map prefers own name")
        << Files { { u"package.json"_s, R"({"name": "fox", "bin": {"aaa": "a.js", "fox": "bin/fox.js"}})" },
               { u"bin/fox.js"_s, "" } }
        << K::Node << u"node"_s << QStringList { u"bin/fox.js"_s } << QString() << QStringList();
    QTest::newRow("node main") << Files { { u"package.json"_s, R"({"name": "fox", "main": "server.js"})" },
        { u"server.js"_s, "" } }
                               << K::Node << u"node"_s << QStringList { u"server.js"_s } << QString()
                               << QStringList();
    QTest::newRow("node start script")
        << Files { { u"package.json"_s, R"({"scripts": {"start": "node src/index.js"}})" } } << K::Node
        << u"npm"_s << QStringList { u"--silent"_s, u"start"_s } << QString() << QStringList();
    // The build step builds the entry before every start, so a main that is not built yet is fine.
    QTest::newRow("typescript not built yet, build script: main")
        << Files { { u"package.json"_s,
                       R"({"main": "out/index.js", "scripts": {"build": "tsc", "start": "node out/index.js"}})" },
               { u"tsconfig.json"_s,
                   "{\n  // comments are allowed here\n  \"compilerOptions\": {\"outDir\": "
                   "\"./out\",},\n}\n" } }
        << K::Node << u"node"_s << QStringList { u"out/index.js"_s } << u"out"_s
        << QStringList { u"out/**"_s };
    QTest::newRow("typescript not built yet, no build script: start script")
        << Files { { u"package.json"_s,
                       R"({"main": "out/index.js", "scripts": {"start": "tsx src/index.ts"}})" },
               { u"tsconfig.json"_s, "{}" } }
        << K::Node << u"npm"_s << QStringList { u"--silent"_s, u"start"_s } << QString() << QStringList();
    QTest::newRow("typescript built, default outDir")
        << Files { { u"package.json"_s, R"({"main": "dist/index.js", "scripts": {"build": "tsc"}})" },
               { u"tsconfig.json"_s, R"({"compilerOptions": {"strict": true}})" },
               { u"dist/index.js"_s, "" } }
        << K::Node << u"node"_s << QStringList { u"dist/index.js"_s } << u"dist"_s << QStringList();
    QTest::newRow("node index.js only")
        << Files { { u"package.json"_s, R"({"name": "x"})" }, { u"index.js"_s, "" } } << K::Node << u"node"_s
        << QStringList { u"index.js"_s } << QString() << QStringList();
    QTest::newRow("broken package.json") << Files { { u"package.json"_s, "{ not json" } } << K::Node
                                         << QString() << QStringList() << QString() << QStringList();
    QTest::newRow("python main.py") << Files { { u"main.py"_s, "print()\n" } } << K::Python << u"python3"_s
                                    << QStringList { u"main.py"_s } << QString() << QStringList();
    QTest::newRow("python server.py with requirements")
        << Files { { u"requirements.txt"_s, "mcp\n" }, { u"server.py"_s, "" } } << K::Python << u"python3"_s
        << QStringList { u"server.py"_s } << QString() << QStringList();
    QTest::newRow("python venv") << Files { { u"pyproject.toml"_s, "[project]\nname = \"fox\"\n" },
        { u"main.py"_s, "" }, { u".venv/bin/python"_s, "" } }
                                 << K::Python << u".venv/bin/python"_s << QStringList { u"main.py"_s }
                                 << QString() << QStringList();
    QTest::newRow("python plain venv folder")
        << Files { { u"requirements.txt"_s, "" }, { u"app.py"_s, "" }, { u"venv/bin/python"_s, "" } }
        << K::Python << u"venv/bin/python"_s << QStringList { u"app.py"_s } << QString()
        << QStringList { u"venv/**"_s };
    QTest::newRow("python uv") << Files { { u"pyproject.toml"_s, "[project]\nname = \"fox\"\n" },
        { u"uv.lock"_s, "" }, { u"server.py"_s, "" }, { u".venv/bin/python"_s, "" } }
                               << K::Python << u"uv"_s << QStringList { u"run"_s, u"server.py"_s }
                               << QString() << QStringList();
    QTest::newRow("python console script with uv")
        << Files { { u"pyproject.toml"_s,
                       "[project]\nname = \"fox\"\n\n[project.scripts]\nfox-server = \"fox.server:main\"\n"
                       "\n[tool.uv]\ndev = true\n" },
               { u"uv.lock"_s, "" } }
        << K::Python << u"uv"_s << QStringList { u"run"_s, u"fox-server"_s } << QString() << QStringList();
    QTest::newRow("python console script in venv")
        << Files { { u"pyproject.toml"_s, "[project.scripts]\n\"fox-server\" = \"fox.server:main\"\n" },
               { u".venv/bin/python"_s, "" } }
        << K::Python << u".venv/bin/fox-server"_s << QStringList() << QString() << QStringList();
    QTest::newRow("pyproject without entry")
        << Files { { u"pyproject.toml"_s, "[project]\nname = \"x\"\n" } } << K::Python << QString()
        << QStringList() << QString() << QStringList();
}

void TestProjectDetector::detectsFolderShapes()
{
    QFETCH(Files, files);
    QFETCH(ProjectGuess::Kind, kind);
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QString, buildOutputDir);
    QFETCH(QStringList, extraExcludes);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(createFiles(dir.path(), files));
    const ProjectGuess guess = ProjectDetector::detect(dir.path());
    QCOMPARE(guess.kind, kind);
    QCOMPARE(guess.command, command);
    QCOMPARE(guess.args, args);
    QCOMPARE(guess.buildOutputDir, buildOutputDir);
    QCOMPARE(guess.extraExcludes, extraExcludes);
    QCOMPARE(guess.watchPaths, QStringList { u"."_s });
    for (const auto& evidence : guess.evidence)
        QVERIFY2(QFileInfo::exists(dir.filePath(evidence)), qPrintable(evidence));
    QCOMPARE(guess.env.contains(u"PYTHONUNBUFFERED"_s), kind == ProjectGuess::Kind::Python);

    const Config config = ProjectDetector::configFor(dir.path(), guess);
    QCOMPARE(config.projectRoot, QDir::cleanPath(dir.path()));
    QCOMPARE(config.watch.paths, QStringList { QDir::cleanPath(dir.path()) });
    QCOMPARE(config.server.command, command);
    for (const auto& pattern : Config::defaultExcludes() + extraExcludes)
        QVERIFY2(config.watch.exclude.contains(pattern), qPrintable(pattern));
}

void TestProjectDetector::excludesKeepToolingOut_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QString>("excluded");
    QTest::addColumn<QString>("watched");
    const QByteArray ts = R"({"main": "build/index.js", "scripts": {"build": "tsc", "start": "x"}})";
    QTest::newRow("node_modules") << Files { { u"package.json"_s, "{}" },
        { u"node_modules/a/index.js"_s, "" } }
                                  << u"node_modules/a/index.js"_s << u"package.json"_s;
    QTest::newRow("ts outDir lib") << Files { { u"package.json"_s, ts },
        { u"tsconfig.json"_s, R"({"compilerOptions":{"outDir":"lib"}})" }, { u"lib/index.js"_s, "" },
        { u"src/index.ts"_s, "" } } << u"lib/index.js"_s
                                   << u"src/index.ts"_s;
    QTest::newRow("ts outDir build") << Files { { u"package.json"_s, ts },
        { u"tsconfig.json"_s, R"({"compilerOptions":{"outDir":"build"}})" }, { u"build/index.js"_s, "" },
        { u"src/index.ts"_s, "" } } << u"build/index.js"_s
                                     << u"src/index.ts"_s;
    QTest::newRow(".venv") << Files { { u"main.py"_s, "" }, { u".venv/lib/site.py"_s, "" } }
                           << u".venv/lib/site.py"_s << u"main.py"_s;
    QTest::newRow("venv") << Files { { u"main.py"_s, "" }, { u"venv/lib/site.py"_s, "" } }
                          << u"venv/lib/site.py"_s << u"main.py"_s;
    QTest::newRow("__pycache__") << Files { { u"main.py"_s, "" }, { u"tools/__pycache__/a.pyc"_s, "" } }
                                 << u"tools/__pycache__/a.pyc"_s << u"main.py"_s;
}

void TestProjectDetector::excludesKeepToolingOut()
{
    QFETCH(Files, files);
    QFETCH(QString, excluded);
    QFETCH(QString, watched);
    QTemporaryDir dir;
    QVERIFY(createFiles(dir.path(), files));
    const Config config = ProjectDetector::configFor(dir.path());
    const PathFilter filter(config.projectRoot, config.watch.exclude, false);
    QVERIFY(filter.errors().isEmpty());
    QVERIFY2(filter.isExcluded(dir.filePath(excluded), false), qPrintable(config.watch.exclude.join(u' ')));
    QVERIFY(!filter.isExcluded(dir.filePath(watched), false));
}

void TestProjectDetector::guessWritesALoadableConfig()
{
    QTemporaryDir dir;
    QVERIFY(createFiles(dir.path(), { { u"main.py"_s, "" }, { u".venv/bin/python"_s, "#!/bin/sh\n" } }));
    Config config = ProjectDetector::configFor(dir.path());
    const QString file = dir.filePath(u".foxreload.yaml"_s);
    QString error;
    QVERIFY2(ConfigWriter::writeFile(config, file, &error), qPrintable(error));
    const ConfigLoadResult loaded = ConfigLoader::loadFile(file);
    QVERIFY2(loaded.ok(), loaded.errors.isEmpty() ? "" : qPrintable(loaded.errors.first().toString()));
    // A relative interpreter is resolved against the working directory, like every path in the file.
    QCOMPARE(loaded.config->server.command, dir.filePath(u".venv/bin/python"_s));
    QCOMPARE(loaded.config->server.args, QStringList { u"main.py"_s });
    QCOMPARE(loaded.config->watch.paths, config.watch.paths);
}

void TestProjectDetector::buildStepNotesAndProblems_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("buildCommand");
    QTest::addColumn<QString>("buildTool");
    QTest::addColumn<QStringList>("noteParts"); // each must appear in some note
    QTest::addColumn<QString>("problemPart"); // empty: no problem

    const QStringList npmBuild { u"npm"_s, u"run"_s, u"build"_s };
    QTest::newRow("ts with build script, SDK, ESM")
        << Files { { u"package.json"_s,
                       R"({"type": "module", "main": "dist/index.js", "scripts": {"build": "tsc -p ."},
                          "dependencies": {"@modelcontextprotocol/sdk": "1.32.2"}})" },
               { u"tsconfig.json"_s, "{}" }, { u"src/index.ts"_s, "" } }
        << npmBuild << u"tsc"_s
        << QStringList { u"ES module"_s, u"TypeScript"_s, u"@modelcontextprotocol/sdk"_s, u"not built yet"_s,
               u"(tsc -p .) runs before every start"_s, u"dist/"_s }
        << QString();
    QTest::newRow("ts without build script")
        << Files { { u"package.json"_s, R"({"scripts": {"start": "tsx src/index.ts"}})" },
               { u"tsconfig.json"_s, "{}" } }
        << QStringList() << QString()
        << QStringList { u"CommonJS"_s, u"no \"build\" script"_s, u"no MCP SDK"_s, u"--silent"_s }
        << QString();
    QTest::newRow("build script behind an env assignment")
        << Files { { u"package.json"_s,
                       R"({"main": "a.js", "scripts": {"build": "NODE_ENV=production esbuild x"}})" },
               { u"a.js"_s, "" } }
        << npmBuild << u"esbuild"_s << QStringList { u"the server is a.js"_s } << QString();
    QTest::newRow("v2 server SDK")
        << Files { { u"package.json"_s,
                       R"({"main": "a.js", "devDependencies": {"@modelcontextprotocol/server": "2.4.0"}})" },
               { u"a.js"_s, "" } }
        << QStringList() << QString() << QStringList { u"@modelcontextprotocol/server"_s } << QString();
    QTest::newRow("python uv") << Files { { u"pyproject.toml"_s, "[project]\n" }, { u"uv.lock"_s, "" },
        { u"main.py"_s, "" } } << QStringList()
                               << QString()
                               << QStringList { u"uv run"_s, u"main.py"_s, u"PYTHONUNBUFFERED"_s }
                               << QString();
    QTest::newRow("empty folder") << Files {} << QStringList() << QString() << QStringList()
                                  << u"none of package.json"_s;
    QTest::newRow("package.json without entry")
        << Files { { u"package.json"_s, R"({"name": "x"})" } } << QStringList() << QString() << QStringList()
        << u"no \"bin\", \"main\" or \"start\""_s;
    QTest::newRow("broken package.json") << Files { { u"package.json"_s, "{ nope" } } << QStringList()
                                         << QString() << QStringList() << u"not a JSON object"_s;
    QTest::newRow("pyproject without entry")
        << Files { { u"pyproject.toml"_s, "[project]\n" } } << QStringList() << QString() << QStringList()
        << u"no main.py"_s;
}

void TestProjectDetector::buildStepNotesAndProblems()
{
    QFETCH(Files, files);
    QFETCH(QStringList, buildCommand);
    QFETCH(QString, buildTool);
    QFETCH(QStringList, noteParts);
    QFETCH(QString, problemPart);

    QTemporaryDir dir;
    QVERIFY(createFiles(dir.path(), files));
    const ProjectGuess guess = ProjectDetector::detect(dir.path());
    QCOMPARE(guess.buildCommand, buildCommand);
    QCOMPARE(guess.buildTool, buildTool);
    const QString notes = guess.notes.join(u'\n');
    for (const QString& part : noteParts)
        QVERIFY2(notes.contains(part), qPrintable(part + u" not in:\n"_s + notes));
    if (problemPart.isEmpty()) {
        QCOMPARE(guess.problem, QString());
        QVERIFY(!guess.command.isEmpty());
    } else {
        QVERIFY2(guess.problem.contains(problemPart), qPrintable(guess.problem));
        QCOMPARE(guess.command, QString());
    }
    // The settings dialog's config carries the build step too.
    const Config config = ProjectDetector::configFor(dir.path(), guess);
    QCOMPARE(config.server.build.command, buildCommand.value(0));
    QCOMPARE(config.server.build.args, buildCommand.mid(1));
}

QTEST_GUILESS_MAIN(TestProjectDetector)
#include "tst_projectdetector.moc"
