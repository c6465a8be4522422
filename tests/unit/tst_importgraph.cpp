// ImportGraph on real trees in a temporary folder: Python packages and relative imports,
// TypeScript with tsconfig paths and re-exports, cycles, a module that stops parsing, and
// incremental updates that re-read only what changed.
#include "graph/ImportGraph.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestImportGraph : public QObject
{
    Q_OBJECT

    QTemporaryDir* m_dir = nullptr;

    QString path(const QString& relative) const { return QDir::cleanPath(m_dir->filePath(relative)); }

    void write(const QString& relative, const QByteArray& content)
    {
        const QString file = path(relative);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file));
        out.write(content);
    }

    QStringList allFiles() const
    {
        QStringList files;
        QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(QDir::cleanPath(it.next()));
        return files;
    }

    QStringList relative(const QStringList& paths) const
    {
        QStringList out;
        for (const QString& p : paths)
            out.append(QDir(m_dir->path()).relativeFilePath(p));
        return out;
    }

    static FileEvent event(FileEvent::Kind kind, const QString& file, const QString& oldPath = {})
    {
        FileEvent e;
        e.kind = kind;
        e.path = file;
        e.oldPath = oldPath;
        return e;
    }

    void writePythonTree()
    {
        write(u"main.py"_s, "import sys\nfrom protocol.handler import Handler\n");
        write(u"protocol/__init__.py"_s, "");
        write(u"protocol/handler.py"_s, "from . import util\nfrom .codec import encode\nimport json\n");
        write(u"protocol/util.py"_s, "");
        write(u"protocol/codec.py"_s, "from ..textutil import shout\n");
        write(u"textutil.py"_s, "import re\n");
        write(u"tools/__init__.py"_s, "");
        write(u"tools/echo.py"_s, "import textutil\nfrom tools import word_count\n");
        write(u"tools/word_count.py"_s, "from collections import Counter\n");
        write(u"README.md"_s, "import nothing\n");
    }

    void writeScriptTree()
    {
        write(u"tsconfig.json"_s,
            "{\n  // comments and trailing commas, as tsc allows\n  \"compilerOptions\": {\n"
            "    \"baseUrl\": \".\",\n    \"paths\": { \"@lib/*\": [\"src/lib/*\"], },\n  },\n}\n");
        write(u"src/index.ts"_s, "import { start } from './server.js';\nimport { z } from 'zod';\n");
        write(u"src/server.ts"_s,
            "import { shout } from '@lib/text';\nexport * from './tools/index.js';\nimport cfg from "
            "'config/load';\n");
        write(u"src/lib/text.ts"_s, "export const shout = (s: string) => s.toUpperCase();\n");
        write(u"src/lib/index.ts"_s, "export * from './text.js';\n");
        write(u"src/tools/index.ts"_s, "export { echo } from './echo';\n");
        write(u"src/tools/echo.ts"_s,
            "const lib = require('../lib');\nconst lazy = await import('./lazy.mjs');\n");
        write(u"src/tools/lazy.mjs"_s, "export default 1;\n");
        write(u"config/load.ts"_s, "export default {};\n");
        write(u"dist/index.js"_s, "require('./server.js');\n"); // build output: not handed to the graph
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void python_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("imports");
        QTest::addColumn<QStringList>("importers");
        QTest::newRow("entry point: the package and the module")
            << u"main.py"_s << QStringList { u"protocol/__init__.py"_s, u"protocol/handler.py"_s }
            << QStringList();
        QTest::newRow("relative: from . import, from .m import")
            << u"protocol/handler.py"_s
            << QStringList { u"protocol/__init__.py"_s, u"protocol/codec.py"_s, u"protocol/util.py"_s }
            << QStringList { u"main.py"_s };
        QTest::newRow("two levels up") << u"protocol/codec.py"_s << QStringList { u"textutil.py"_s }
                                       << QStringList { u"protocol/handler.py"_s };
        QTest::newRow("helper imported by a tool and through the protocol")
            << u"textutil.py"_s << QStringList()
            << QStringList { u"protocol/codec.py"_s, u"tools/echo.py"_s };
        QTest::newRow("from package import submodule")
            << u"tools/echo.py"_s
            << QStringList { u"textutil.py"_s, u"tools/__init__.py"_s, u"tools/word_count.py"_s }
            << QStringList();
        QTest::newRow("package init") << u"protocol/__init__.py"_s << QStringList()
                                      << QStringList { u"main.py"_s, u"protocol/handler.py"_s };
    }

    void python()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, imports);
        QFETCH(QStringList, importers);
        writePythonTree();
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        QCOMPARE(graph.moduleCount(), 9); // README.md is no module
        QCOMPARE(relative(graph.importsOf(path(file))), imports);
        QCOMPARE(relative(graph.importersOf(path(file))), importers);
        QVERIFY(graph.takeWarnings().isEmpty());
    }

    void script_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("imports");
        QTest::newRow(".js specifier names the .ts source; packages are not followed")
            << u"src/index.ts"_s << QStringList { u"src/server.ts"_s };
        QTest::newRow("tsconfig paths, re-export, baseUrl")
            << u"src/server.ts"_s
            << QStringList { u"config/load.ts"_s, u"src/lib/text.ts"_s, u"src/tools/index.ts"_s };
        QTest::newRow("export … from without extension")
            << u"src/tools/index.ts"_s << QStringList { u"src/tools/echo.ts"_s };
        QTest::newRow("require of a folder (index.ts), literal dynamic import")
            << u"src/tools/echo.ts"_s << QStringList { u"src/lib/index.ts"_s, u"src/tools/lazy.mjs"_s };
        QTest::newRow("re-export of a .js name")
            << u"src/lib/index.ts"_s << QStringList { u"src/lib/text.ts"_s };
    }

    void script()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, imports);
        writeScriptTree();
        QStringList files = allFiles();
        files.removeIf([](const QString& f) { return f.contains(u"/dist/"_s); });
        ImportGraph graph(m_dir->path());
        graph.build(files);
        QCOMPARE(relative(graph.importsOf(path(file))), imports);
        QVERIFY(graph.takeWarnings().isEmpty());
    }

    void cycles()
    {
        write(u"a.py"_s, "import b\n");
        write(u"b.py"_s, "import c\n");
        write(u"c.py"_s, "import a\n");
        write(u"x.ts"_s, "import './y';\n");
        write(u"y.ts"_s, "export * from './x';\n");
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        QCOMPARE(graph.edgeCount(), 5);
        QCOMPARE(relative(graph.importersOf(path(u"a.py"_s))), QStringList { u"c.py"_s });
        QCOMPARE(relative(graph.importersOf(path(u"x.ts"_s))), QStringList { u"y.ts"_s });
        // Breaking the cycle is one re-read.
        write(u"c.py"_s, "pass\n");
        const auto stats = graph.update({ event(FileEvent::Kind::Modified, path(u"c.py"_s)) });
        QCOMPARE(stats.reread, 1);
        QCOMPARE(graph.edgeCount(), 4);
        QVERIFY(graph.importersOf(path(u"a.py"_s)).isEmpty());
    }

    void syntaxErrorKeepsEdges()
    {
        write(u"main.py"_s, "import helper\nimport other\n");
        write(u"helper.py"_s, "");
        write(u"other.py"_s, "");
        write(u"broken.py"_s, "import helper\ndef f(:\n    '''never closed\n");
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        // A module that never parsed: what was read before the problem counts.
        QCOMPARE(relative(graph.importsOf(path(u"broken.py"_s))), QStringList { u"helper.py"_s });
        QVERIFY(!graph.parseError(path(u"broken.py"_s)).isEmpty());
        QStringList warnings = graph.takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(u"broken.py: line 3"_s), qPrintable(warnings.first()));

        // An edit that breaks main.py keeps its old edges, and warns once.
        write(u"main.py"_s, "import helper\nfrom other import (\n");
        graph.update({ event(FileEvent::Kind::Modified, path(u"main.py"_s)) });
        QCOMPARE(
            relative(graph.importsOf(path(u"main.py"_s))), (QStringList { u"helper.py"_s, u"other.py"_s }));
        QCOMPARE(graph.takeWarnings().size(), 1);
        write(u"main.py"_s, "import helper\nfrom other import (\n# still\n");
        graph.update({ event(FileEvent::Kind::Modified, path(u"main.py"_s)) });
        QVERIFY(graph.takeWarnings().isEmpty());
        // Fixed: the new imports replace the old ones.
        write(u"main.py"_s, "import other\n");
        graph.update({ event(FileEvent::Kind::Modified, path(u"main.py"_s)) });
        QVERIFY(graph.parseError(path(u"main.py"_s)).isEmpty());
        QCOMPARE(relative(graph.importsOf(path(u"main.py"_s))), QStringList { u"other.py"_s });
        QCOMPARE(relative(graph.importersOf(path(u"helper.py"_s))), QStringList { u"broken.py"_s });
    }

    void incrementalUpdate()
    {
        write(u"main.py"_s, "import helper\nimport later\n");
        write(u"helper.py"_s, "import shared\n");
        write(u"shared.py"_s, "");
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        QCOMPARE(relative(graph.importsOf(path(u"main.py"_s))), QStringList { u"helper.py"_s });

        // A new file that main.py already names: linked without reading main.py again.
        write(u"later.py"_s, "import shared\n");
        auto stats = graph.update({ event(FileEvent::Kind::Created, path(u"later.py"_s)) });
        QCOMPARE(stats.reread, 1);
        QCOMPARE(stats.added, 1);
        QCOMPARE(stats.reresolved, 1); // main.py, which names it; not helper.py
        QCOMPARE(relative(graph.importersOf(path(u"later.py"_s))), QStringList { u"main.py"_s });
        QCOMPARE(relative(graph.importersOf(path(u"shared.py"_s))),
            (QStringList { u"helper.py"_s, u"later.py"_s }));

        // Removed: gone from the graph, but who imported it is still known for this batch.
        QFile::remove(path(u"helper.py"_s));
        stats = graph.update({ event(FileEvent::Kind::Removed, path(u"helper.py"_s)) });
        QCOMPARE(stats.removed, 1);
        QCOMPARE(stats.reread, 0);
        QVERIFY(!graph.contains(path(u"helper.py"_s)));
        QCOMPARE(relative(graph.importersOf(path(u"helper.py"_s))), QStringList { u"main.py"_s });
        QCOMPARE(relative(graph.importsOf(path(u"main.py"_s))), QStringList { u"later.py"_s });
        QCOMPARE(relative(graph.importersOf(path(u"shared.py"_s))), QStringList { u"later.py"_s });

        // Renamed back into place: the old importer links again.
        write(u"moved.py"_s, "import shared\n");
        QVERIFY(QFile::rename(path(u"moved.py"_s), path(u"helper.py"_s)));
        stats = graph.update({ event(FileEvent::Kind::Renamed, path(u"helper.py"_s), path(u"moved.py"_s)) });
        QCOMPARE(stats.added, 1);
        QCOMPARE(relative(graph.importersOf(path(u"helper.py"_s))), QStringList { u"main.py"_s });
        // The next update forgets the removed file's importers.
        graph.update({});
        QVERIFY(graph.importersOf(path(u"moved.py"_s)).isEmpty());

        // A plain edit is one read and no global re-resolution.
        write(u"later.py"_s, "");
        stats = graph.update({ event(FileEvent::Kind::Modified, path(u"later.py"_s)) });
        QCOMPARE(stats.reread, 1);
        QCOMPARE(stats.reresolved, 0);
        QCOMPARE(relative(graph.importersOf(path(u"shared.py"_s))), QStringList { u"helper.py"_s });
    }

    // A new file changes only the imports that mention its name or its folders' names.
    void newFilesLinkThroughTheirFolders()
    {
        write(u"src/a.ts"_s, "import x from './lib';\nimport y from 'zod';\n");
        write(u"src/b.ts"_s, "import z from './other';\n");
        write(u"main.py"_s, "import newpkg.mod\nimport os\n");
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        QCOMPARE(graph.edgeCount(), 0);
        write(u"src/lib/index.ts"_s, "");
        write(u"newpkg/mod.py"_s, "");
        const auto stats = graph.update({ event(FileEvent::Kind::Created, path(u"src/lib/index.ts"_s)),
            event(FileEvent::Kind::Created, path(u"newpkg/mod.py"_s)) });
        QCOMPARE(stats.reread, 2);
        QCOMPARE(stats.reresolved, 2); // a.ts and main.py; b.ts mentions neither name
        QCOMPARE(relative(graph.importsOf(path(u"src/a.ts"_s))), QStringList { u"src/lib/index.ts"_s });
        QCOMPARE(relative(graph.importsOf(path(u"main.py"_s))), QStringList { u"newpkg/mod.py"_s });
    }

    void tsconfigEdit()
    {
        write(u"src/main.ts"_s, "import { t } from '~/text';\n");
        write(u"src/text.ts"_s, "");
        ImportGraph graph(m_dir->path());
        graph.build(allFiles());
        QVERIFY(graph.importsOf(path(u"src/main.ts"_s)).isEmpty());
        write(u"tsconfig.json"_s, "{ \"compilerOptions\": { \"paths\": { \"~/*\": [\"./src/*\"] } } }");
        graph.update({ event(FileEvent::Kind::Created, path(u"tsconfig.json"_s)) });
        QCOMPARE(relative(graph.importsOf(path(u"src/main.ts"_s))), QStringList { u"src/text.ts"_s });
        write(u"tsconfig.json"_s, "{ \"compilerOptions\": ");
        graph.update({ event(FileEvent::Kind::Modified, path(u"tsconfig.json"_s)) });
        QCOMPARE(graph.takeWarnings().size(), 1);
        QVERIFY(graph.importsOf(path(u"src/main.ts"_s)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportGraph)
#include "tst_importgraph.moc"
