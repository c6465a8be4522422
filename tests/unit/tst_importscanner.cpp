// ImportScanner: real snippets in, the imports as written out (or the first syntax problem).
#include "graph/ImportScanner.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// "module" or "..module:a,b" (dots are the level; names after ':'), one per import, in order.
QStringList describe(const ImportScan& scan)
{
    QStringList out;
    for (const ImportSpec& spec : scan.imports) {
        QString line = QString(spec.level, u'.') + spec.module;
        if (!spec.names.isEmpty())
            line += u':' + spec.names.join(u',');
        out.append(line);
    }
    return out;
}

} // namespace

class TestImportScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void python_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("imports");
        QTest::addColumn<QString>("error"); // a prefix of the error, empty when it parses

        QTest::newRow("plain") << u"import os\nimport textutil\n"_s << QStringList { u"os"_s, u"textutil"_s }
                               << QString();
        QTest::newRow("dotted, aliased, several")
            << u"import a.b.c as d, e\n"_s << QStringList { u"a.b.c"_s, u"e"_s } << QString();
        QTest::newRow("from with names")
            << u"from protocol.jsonrpc import LineWriter, JsonRpcError as E\n"_s
            << QStringList { u"protocol.jsonrpc:LineWriter,JsonRpcError"_s } << QString();
        QTest::newRow("relative module") << u"from .a import b\n"_s << QStringList { u".a:b"_s } << QString();
        QTest::newRow("relative package only") << u"from . import c\nfrom .. import d, e\n"_s
                                               << QStringList { u".:c"_s, u"..:d,e"_s } << QString();
        QTest::newRow("dots glued to the keyword") << u"from.import x\nfrom..pkg.mod import y\n"_s
                                                   << QStringList { u".:x"_s, u"..pkg.mod:y"_s } << QString();
        QTest::newRow("star") << u"from helpers import *\n"_s << QStringList { u"helpers"_s } << QString();
        QTest::newRow("parenthesised over lines")
            << u"from services.cache import (\n    Cache,  # the store\n    evict as drop,\n)\n"_s
            << QStringList { u"services.cache:Cache,evict"_s } << QString();
        QTest::newRow("backslash continuation")
            << u"from a import b, \\\n    c\n"_s << QStringList { u"a:b,c"_s } << QString();
        QTest::newRow("inside a function and a try")
            << u"def load():\n    import json\n    try:\n        from .fast import speedup\n    except "
               u"ImportError:\n"
               u"        pass\n"_s
            << QStringList { u"json"_s, u".fast:speedup"_s } << QString();
        QTest::newRow("semicolons") << u"import a; import b\n"_s << QStringList { u"a"_s, u"b"_s }
                                    << QString();
        QTest::newRow("docstring and comment do not count")
            << u"\"\"\"Use it like:\nimport fake\nfrom nowhere import x\n\"\"\"\n# import commented\n"
               u"s = 'import quoted'\nimport real\n"_s
            << QStringList { u"real"_s } << QString();
        QTest::newRow("f-string and raw strings") << u"x = f\"{a!r} import no\"\ny = r'\\d+' ; import yes\n"_s
                                                  << QStringList { u"yes"_s } << QString();
        QTest::newRow("identifiers that start like keywords")
            << u"important = 1\nfrom_here = 2\nimportlib_x = 3\n"_s << QStringList() << QString();
        QTest::newRow("no trailing newline") << u"import last"_s << QStringList { u"last"_s } << QString();
        QTest::newRow("unterminated triple string")
            << u"import a\n\"\"\"never closed\nimport b\n"_s << QStringList { u"a"_s } << u"line 2: triple"_s;
        QTest::newRow("unterminated string")
            << u"x = 'oops\nimport b\n"_s << QStringList() << u"line 1: string"_s;
        QTest::newRow("unclosed bracket")
            << u"import a\nfoo(1,\n  2\n"_s << QStringList { u"a"_s } << u"line 2: '(' never closed"_s;
        QTest::newRow("unmatched bracket") << u"x = 1)\n"_s << QStringList() << u"line 1: unmatched ')'"_s;
        QTest::newRow("from without import")
            << u"from a\n"_s << QStringList() << u"line 1: \"from\" without"_s;
    }

    void python()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, imports);
        QFETCH(QString, error);
        const ImportScan scan = scanPythonImports(source);
        QCOMPARE(describe(scan), imports);
        if (error.isEmpty())
            QVERIFY2(scan.ok(), qPrintable(scan.error));
        else
            QVERIFY2(scan.error.startsWith(error), qPrintable(scan.error));
    }

    void script_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("imports");
        QTest::addColumn<QString>("error");

        QTest::newRow("static forms")
            << u"import fs from 'node:fs';\nimport { a, b as c } from \"./util.js\";\nimport * as ns from "
               u"'./ns';\n"
               u"import def, { x } from '../up/index.ts'\nimport './side-effect.js';\n"_s
            << QStringList { u"node:fs"_s, u"./util.js"_s, u"./ns"_s, u"../up/index.ts"_s,
                   u"./side-effect.js"_s }
            << QString();
        QTest::newRow("multi-line braces, no semicolons")
            << u"import {\n  one,\n  two,\n} from './many'\nconst z = 1\n"_s << QStringList { u"./many"_s }
            << QString();
        QTest::newRow("type-only imports count")
            << u"import type { Tool } from './types.js';\nimport { type A } from './a';\n"_s
            << QStringList { u"./types.js"_s, u"./a"_s } << QString();
        QTest::newRow("re-exports")
            << u"export * from './all';\nexport * as helpers from './helpers';\nexport { x, y as z } from "
               u"'./xy';\n"
               u"export type { T } from './t';\nexport { local };\nexport const from = 'not-a-module';\n"_s
            << QStringList { u"./all"_s, u"./helpers"_s, u"./xy"_s, u"./t"_s } << QString();
        QTest::newRow("require and import =")
            << u"const a = require('./a');\nconst { b } = require(\"./b.cjs\");\nimport c = require('./c');\n"
               u"const d = cond ? require('./d1') : require('./d2');\n"_s
            << QStringList { u"./a"_s, u"./b.cjs"_s, u"./c"_s, u"./d1"_s, u"./d2"_s } << QString();
        QTest::newRow("dynamic import: literal only")
            << u"await "
               u"import('./lazy.js');\nimport(`./tpl.js`);\nimport(`./tools/${name}.js`);\nimport(path);\n"
               u"const m = import.meta.url;\n"_s
            << QStringList { u"./lazy.js"_s, u"./tpl.js"_s } << QString();
        QTest::newRow("property calls are not imports")
            << u"obj.require('./no');\nloader.import('./no');\n"_s << QStringList() << QString();
        QTest::newRow("comments and strings do not count")
            << u"// import a from './commented';\n/* require('./block') */\nconst s = \"import x from "
               u"'./str'\";\n"
               u"const t = `require('./tpl')`;\nimport real from './real';\n"_s
            << QStringList { u"./real"_s } << QString();
        QTest::newRow("regex with quotes and slashes")
            << u"const re = /['\"`]\\/import/g;\nconst half = a / b / c;\nimport after from './after';\n"_s
            << QStringList { u"./after"_s } << QString();
        QTest::newRow("template with nested template")
            << u"const s = `a ${`b ${c}`} d`;\nimport n from './n';\n"_s << QStringList { u"./n"_s }
            << QString();
        QTest::newRow("hashbang") << u"#!/usr/bin/env node\nimport x from './x.mjs';\n"_s
                                  << QStringList { u"./x.mjs"_s } << QString();
        QTest::newRow("unclosed brace") << u"import a from './a';\nfunction f() {\n  return 1;\n"_s
                                        << QStringList { u"./a"_s } << u"line 2: '{' never closed"_s;
        QTest::newRow("unterminated string")
            << u"import a from './a;\n"_s << QStringList() << u"line 1: string"_s;
        QTest::newRow("unterminated comment")
            << u"import a from './a';\n/* open\n"_s << QStringList { u"./a"_s } << u"line 2: comment"_s;
    }

    void script()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, imports);
        QFETCH(QString, error);
        const ImportScan scan = scanScriptImports(source);
        QCOMPARE(describe(scan), imports);
        if (error.isEmpty())
            QVERIFY2(scan.ok(), qPrintable(scan.error));
        else
            QVERIFY2(scan.error.startsWith(error), qPrintable(scan.error));
    }

    void jsxTextIsNoString()
    {
        const ImportScan scan
            = scanScriptImports(u"import x from './x';\nconst v = <p>Don't (panic</p>;\n"_s, true);
        QVERIFY2(scan.ok(), qPrintable(scan.error));
        QCOMPARE(describe(scan), QStringList { u"./x"_s });
    }

    void languageByName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("language");
        QTest::newRow("py") << u"/p/tools/echo.py"_s << int(SourceLanguage::Python);
        QTest::newRow("ts") << u"/p/src/index.ts"_s << int(SourceLanguage::Script);
        QTest::newRow("mjs") << u"/p/a.mjs"_s << int(SourceLanguage::Script);
        QTest::newRow("tsx") << u"/p/a.tsx"_s << int(SourceLanguage::Script);
        QTest::newRow("json") << u"/p/package.json"_s << int(SourceLanguage::None);
        QTest::newRow("dotted folder") << u"/p/a.py/README"_s << int(SourceLanguage::None);
    }

    void languageByName()
    {
        QFETCH(QString, path);
        QFETCH(int, language);
        QCOMPARE(int(sourceLanguageOf(path)), language);
    }

    void files()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString python = dir.filePath(u"a.py"_s);
        QFile file(python);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from .b import c\n");
        file.close();
        QCOMPARE(describe(scanImportsOfFile(python)), QStringList { u".b:c"_s });
        const QString binary = dir.filePath(u"blob.js"_s);
        QFile blob(binary);
        QVERIFY(blob.open(QIODevice::WriteOnly));
        blob.write(QByteArray("import x from './x'\0\1\2", 22));
        blob.close();
        QVERIFY(!scanImportsOfFile(binary).ok());
        QVERIFY(!scanImportsOfFile(dir.filePath(u"missing.py"_s)).ok());
    }
};

QTEST_GUILESS_MAIN(TestImportScanner)
#include "tst_importscanner.moc"
