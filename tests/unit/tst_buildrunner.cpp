// BuildError: the first error of real compiler outputs (captured on this project's machines:
// tsc 7.0.2, gcc 12.2, clang 14, Python 3.11 py_compile/compileall and tracebacks; mypy's lines
// follow its documented format, mypy itself is not installed here). BuildRunner: real processes
// for success, failure, timeout, cancellation and a missing build tool.

#include "build/BuildErrorParser.h"
#include "build/BuildRunner.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

const char* const kTscPlain
    = "src/index.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n"
      "src/index.ts(2,31): error TS2322: Type 'number' is not assignable to type 'string'.\n";

const char* const kTscPretty
    = "\x1b[96msrc/index.ts\x1b[0m:\x1b[93m1\x1b[0m:\x1b[93m7\x1b[0m - \x1b[91merror\x1b[0m\x1b[90m TS2322: "
      "\x1b[0mType 'string' is not assignable to type 'number'.\n\n"
      "\x1b[7m1\x1b[0m const a: number = \"x\";\n"
      "\x1b[7m \x1b[0m \x1b[91m      ~\x1b[0m\n\n\n"
      "Found 2 errors in the same file, starting at: src/index.ts\x1b[90m:1\x1b[0m\n";

const char* const kTscConfig
    = "tsconfig.json(1,35): error TS5011: The common source directory of 'tsconfig.json' is './src'. The "
      "'rootDir' setting must be explicitly set to this or another path to adjust your output's file "
      "layout.\n"
      "  Visit https://aka.ms/ts6 for migration information.\n";

// Via npm: its banner first, then tsc, then npm's own complaint.
const char* const kNpmTsc = "\n> demo@1.0.0 build\n> tsc -p .\n\n"
                            "src/tools/echo.ts(4,3): error TS2304: Cannot find name 'undefinedThing'.\n"
                            "npm ERR! Lifecycle script `build` failed with error:\n"
                            "npm ERR! Error: command failed\n";

const char* const kGcc
    = "m.c: In function \xe2\x80\x98main\xe2\x80\x99:\n"
      "m.c:4:10: error: \xe2\x80\x98x\xe2\x80\x99 undeclared (first use in this function)\n"
      "    4 |   return x;\n"
      "      |          ^\n"
      "m.c:4:10: note: each undeclared identifier is reported only once for each function it "
      "appears in\n"
      "m.c:3:7: warning: unused variable \xe2\x80\x98unused\xe2\x80\x99 [-Wunused-variable]\n";

// A warning first: it is not the error.
const char* const kClangWarningFirst
    = "n.c:1:14: warning: implicit declaration of function 'undefined_fn' is invalid in C99 "
      "[-Wimplicit-function-declaration]\n"
      "int main() { undefined_fn(); }\n"
      "             ^\n"
      "/home/dev/p/src/m.c:4:10: error: use of undeclared identifier 'x'\n"
      "  return x;\n"
      "         ^\n"
      "1 error generated.\n";

const char* const kGccFatal = "main.cpp:1:10: fatal error: missing.h: No such file or directory\n"
                              "    1 | #include \"missing.h\"\n"
                              "compilation terminated.\n";

const char* const kGccLinker
    = "n.c: In function \xe2\x80\x98main\xe2\x80\x99:\n"
      "n.c:1:14: warning: implicit declaration of function \xe2\x80\x98undefined_fn\xe2\x80\x99 "
      "[-Wimplicit-function-declaration]\n"
      "/usr/bin/ld: /tmp/cc9FJLxs.o: in function `main':\n"
      "n.c:(.text+0xa): undefined reference to `undefined_fn'\n"
      "collect2: error: ld returned 1 exit status\n";

const char* const kPyCompile = "  File \"bad.py\", line 1\n"
                               "    def f(:\n"
                               "          ^\n"
                               "SyntaxError: invalid syntax\n";

const char* const kCompileAll = "*** Error compiling './pkg/bad.py'...\n"
                                "  File \"./pkg/bad.py\", line 1\n"
                                "    def f(:\n"
                                "          ^\n"
                                "SyntaxError: invalid syntax\n";

const char* const kPySorry = "Sorry: IndentationError: unexpected indent (ind.py, line 2)\n";

const char* const kPyTraceback = "Traceback (most recent call last):\n"
                                 "  File \"/home/dev/p/imp.py\", line 1, in <module>\n"
                                 "    import helper\n"
                                 "  File \"/home/dev/p/helper.py\", line 2, in <module>\n"
                                 "    raise ValueError(\"boom\")\n"
                                 "ValueError: boom\n";

const char* const kMypy
    = "app/tools.py:12: note: Revealed type is \"builtins.int\"\n"
      "app/tools.py:17: error: Incompatible return value type (got \"int\", expected \"str\")  "
      "[return-value]\n"
      "Found 1 error in 1 file (checked 3 source files)\n";

const char* const kMypyColumns
    = "typed.py:4:10: error: Incompatible types in assignment (expression has type "
      "\"str\", variable has type \"int\")  [assignment]\n";

const char* const kGeneric = "lint: checking 12 files\n"
                             "see https://example.invalid:443/x for help\n"
                             "schema/tools.json:7: unexpected key \"nmae\"\n";

const char* const kGenericWarningOnly = "docs/a.md:3: warning: long line\n"
                                        "Build failed.\n";

} // namespace

class TestBuildRunner : public QObject
{
    Q_OBJECT

private:
    ServerSettings settingsFor(const QString& cwd, const QString& script, int timeoutMs = 60000)
    {
        ServerSettings settings;
        settings.cwd = cwd;
        settings.build.command = u"sh"_s;
        settings.build.args = { u"-c"_s, script };
        settings.buildTimeoutMs = timeoutMs;
        return settings;
    }

    static BuildResult runToEnd(BuildRunner& runner)
    {
        QSignalSpy finished(&runner, &BuildRunner::finished);
        runner.start();
        if (finished.isEmpty() && !finished.wait(60000))
            return {};
        return finished.constLast().constFirst().value<BuildResult>();
    }

    static bool processGone(qint64 pid) { return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH; }

private Q_SLOTS:
    void parsesFirstError_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("cwd");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("message");

        QTest::newRow("tsc") << QByteArray(kTscPlain) << QString() << u"src/index.ts"_s << 1 << 7 << u"tsc"_s
                             << u"TS2322: Type 'string' is not assignable to type 'number'."_s;
        QTest::newRow("tsc --pretty (colours)")
            << QByteArray(kTscPretty) << QString() << u"src/index.ts"_s << 1 << 7 << u"tsc"_s
            << u"TS2322: Type 'string' is not assignable to type 'number'."_s;
        QTest::newRow("tsc config error") << QByteArray(kTscConfig) << QString() << u"tsconfig.json"_s << 1
                                          << 35 << u"tsc"_s << u"TS5011: The common source directory"_s;
        QTest::newRow("npm run build → tsc")
            << QByteArray(kNpmTsc) << QString() << u"src/tools/echo.ts"_s << 4 << 3 << u"tsc"_s
            << u"TS2304: Cannot find name 'undefinedThing'."_s;
        QTest::newRow("gcc") << QByteArray(kGcc) << QString() << u"m.c"_s << 4 << 10 << u"gcc"_s
                             << u"‘x’ undeclared (first use in this function)"_s;
        QTest::newRow("clang, warning first, absolute path below cwd")
            << QByteArray(kClangWarningFirst) << u"/home/dev/p"_s << u"src/m.c"_s << 4 << 10 << u"gcc"_s
            << u"use of undeclared identifier 'x'"_s;
        QTest::newRow("gcc fatal error") << QByteArray(kGccFatal) << QString() << u"main.cpp"_s << 1 << 10
                                         << u"gcc"_s << u"missing.h: No such file or directory"_s;
        QTest::newRow("linker: no line, the error line")
            << QByteArray(kGccLinker) << QString() << QString() << 0 << 0 << u"generic"_s
            << u"collect2: error: ld returned 1 exit status"_s;
        QTest::newRow("py_compile") << QByteArray(kPyCompile) << QString() << u"bad.py"_s << 1 << 0
                                    << u"python"_s << u"SyntaxError: invalid syntax"_s;
        QTest::newRow("compileall") << QByteArray(kCompileAll) << QString() << u"./pkg/bad.py"_s << 1 << 0
                                    << u"python"_s << u"SyntaxError: invalid syntax"_s;
        QTest::newRow("py_compile Sorry: form") << QByteArray(kPySorry) << QString() << u"ind.py"_s << 2 << 0
                                                << u"python"_s << u"IndentationError: unexpected indent"_s;
        QTest::newRow("traceback: innermost frame")
            << QByteArray(kPyTraceback) << u"/home/dev/p/"_s << u"helper.py"_s << 2 << 0 << u"python"_s
            << u"ValueError: boom"_s;
        QTest::newRow("mypy, note first") << QByteArray(kMypy) << QString() << u"app/tools.py"_s << 17 << 0
                                          << u"mypy"_s << u"Incompatible return value type"_s;
        QTest::newRow("mypy --show-column-numbers")
            << QByteArray(kMypyColumns) << QString() << u"typed.py"_s << 4 << 10 << u"mypy"_s
            << u"Incompatible types in assignment"_s;
        QTest::newRow("generic path:line:") << QByteArray(kGeneric) << QString() << u"schema/tools.json"_s
                                            << 7 << 0 << u"generic"_s << u"unexpected key \"nmae\""_s;
        QTest::newRow("generic: a warning is no error")
            << QByteArray(kGenericWarningOnly) << QString() << QString() << 0 << 0 << u"generic"_s
            << u"Build failed."_s;
    }

    void parsesFirstError()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, cwd);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, tool);
        QFETCH(QString, message);
        const auto error = parseFirstBuildError(QString::fromUtf8(output), cwd);
        QVERIFY(error.has_value());
        QCOMPARE(error->file, file);
        QCOMPARE(error->line, line);
        QCOMPARE(error->column, column);
        QCOMPARE(error->tool, tool);
        QVERIFY2(error->message.startsWith(message), qPrintable(error->message));
        if (!file.isEmpty())
            QVERIFY(error->summary().startsWith(file + u':' + QString::number(line) + u": "_s));
    }

    void nothingToReport()
    {
        QVERIFY(!parseFirstBuildError(u"compiled 12 files\nall good\n"_s).has_value());
        QVERIFY(!parseFirstBuildError(QString()).has_value());
    }

    void succeeds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BuildRunner runner(settingsFor(dir.path(), u"echo built > out.txt; echo done"_s));
        QSignalSpy started(&runner, &BuildRunner::started);
        const BuildResult result = runToEnd(runner);
        QCOMPARE(started.size(), 1);
        QCOMPARE(result.outcome, BuildResult::Outcome::Succeeded);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.output.contains(u"done"_s));
        QVERIFY(!result.firstError.has_value());
        QVERIFY(result.durationMs >= 0);
        QVERIFY(QFile::exists(dir.filePath(u"out.txt"_s))); // ran in server.cwd
        QVERIFY(!runner.isRunning());
    }

    void failsWithFirstError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // stderr and stdout both kept, in order.
        BuildRunner runner(settingsFor(dir.path(),
            u"echo compiling; echo 'src/a.ts(3,5): error TS1005: \";\" expected.' >&2; echo second >&2; exit 2"_s));
        const BuildResult result = runToEnd(runner);
        QCOMPARE(result.outcome, BuildResult::Outcome::Failed);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.firstError.has_value());
        QCOMPARE(result.firstError->location(), u"src/a.ts:3"_s);
        QVERIFY(result.output.indexOf(u"compiling"_s) < result.output.indexOf(u"second"_s));
        QCOMPARE(result.summary(), u"build failed: src/a.ts:3: TS1005: \";\" expected."_s);
    }

    void timesOutAndStopsTheWholeGroup()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A grandchild that would outlive a kill of the shell alone.
        BuildRunner runner(settingsFor(dir.path(), u"sleep 30 & echo $! > child.pid; wait"_s, 500));
        const BuildResult result = runToEnd(runner);
        QCOMPARE(result.outcome, BuildResult::Outcome::TimedOut);
        QVERIFY2(result.durationMs >= 450 && result.durationMs < 5000,
            qPrintable(QString::number(result.durationMs)));
        QVERIFY(result.summary().contains(u"timed out"_s));
        QFile pidFile(dir.filePath(u"child.pid"_s));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 child = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(child), 5000);
    }

    void startAgainCancelsTheRunningBuild()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BuildRunner runner(
            settingsFor(dir.path(), u"echo run >> runs.txt; sleep 2; echo finished >> runs.txt"_s));
        QSignalSpy finished(&runner, &BuildRunner::finished);
        runner.start();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(u"runs.txt"_s)), 10000);
        runner.start(); // newer edits: the first run's output is stale
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<BuildResult>().outcome, BuildResult::Outcome::Cancelled);
        QVERIFY(finished.wait(10000));
        const auto second = finished.at(1).at(0).value<BuildResult>();
        QCOMPARE(second.outcome, BuildResult::Outcome::Succeeded);
        QVERIFY(second.id > finished.at(0).at(0).value<BuildResult>().id);
        QFile runs(dir.filePath(u"runs.txt"_s));
        QVERIFY(runs.open(QIODevice::ReadOnly));
        // Two starts, one finish: the cancelled run never got to its end.
        QCOMPARE(runs.readAll(), QByteArray("run\nrun\nfinished\n"));
    }

    void cancelStops()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BuildRunner runner(settingsFor(dir.path(), u"sleep 20"_s));
        QSignalSpy finished(&runner, &BuildRunner::finished);
        runner.start();
        QVERIFY(runner.isRunning());
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<BuildResult>().outcome, BuildResult::Outcome::Cancelled);
        QVERIFY(!runner.isRunning());
    }

    void missingToolIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerSettings settings;
        settings.cwd = dir.path();
        settings.build.command = u"no-such-build-tool-xyz"_s;
        BuildRunner runner(settings);
        const BuildResult result = runToEnd(runner);
        QCOMPARE(result.outcome, BuildResult::Outcome::FailedToStart);
        QVERIFY(result.summary().contains(u"no-such-build-tool-xyz"_s));
        QVERIFY(result.summary().contains(u"not found on PATH"_s));
    }
};

QTEST_GUILESS_MAIN(TestBuildRunner)
#include "tst_buildrunner.moc"
