// Issue 10, hole 3: terminal injection. Everything FoxReload prints that it did not write
// itself (a server's stderr, file names, config keys) reaches a real pseudo-terminal with its
// control characters shown (`\x1b`), never obeyed; --json stays exact JSON.
#include "PtyProcess.h"
#include "common/CliProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using foxreload::test::PtyProcess;

namespace {

const QString kFixtures = QStringLiteral(FOXRELOAD_SOURCE_DIR "/tests/fixtures");
constexpr char kEsc = '\x1b';

QString python()
{
    const QString found = QStandardPaths::findExecutable(u"python3"_s);
    return found.isEmpty() ? u"python3"_s : found;
}

void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(contents);
}

// Control bytes a terminal would act on, other than the line breaks FoxReload writes.
QByteArray controlBytes(const QByteArray& output)
{
    QByteArray found;
    for (const char c : output) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7f)
            found.append(c);
    }
    // An 8-bit CSI in UTF-8.
    if (output.contains("\xc2\x9b"))
        found.append("\xc2\x9b");
    return found;
}

} // namespace

class EscapesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = foxreload::test::isolatedEnvironment(m_home.path());
        env.insert(u"NO_COLOR"_s, u"1"_s); // FoxReload's own colours would be escapes too
        env.insert(u"TERM"_s, u"xterm-256color"_s);
        return env;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void serverStderrIsShownNotObeyed()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        PtyProcess run;
        QVERIFY(run.start(QStringLiteral(FOXRELOAD_EXECUTABLE),
            { u"run"_s, u"--no-game"_s, u"--db"_s, project.filePath(u"history.sqlite"_s), u"--watch"_s,
                project.path(), u"--"_s, python(), kFixtures + u"/escape_server.py"_s },
            environment(), project.path()));
        // The server's lines, as FoxReload shows them, and the startup line after them.
        QVERIFY2(run.readUntil(
                     [](const QByteArray& out) {
                         return out.contains("escape_server ready") && out.contains("server ready in")
                             && out.contains("eight-bit");
                     },
                     30000),
            run.output().constData());
        run.terminate();
        const QByteArray out = run.output();
        QVERIFY2(out.contains("title \\x1b]0;pwned-title\\x07 set"), out.constData());
        QVERIFY(out.contains("clipboard \\x1b]52;c;cHduZWQ=\\x07 written"));
        QVERIFY(out.contains("screen \\x1b[2J\\x1b[H cleared"));
        QVERIFY(out.contains("carriage \\x0d return"));
        QVERIFY(out.contains("eight-bit \\u009b2J csi"));
        QCOMPARE(controlBytes(out), QByteArray());
    }

    void fileNameIsShownNotObeyed_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }
    void fileNameIsShownNotObeyed()
    {
        QFETCH(bool, json);
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        QStringList arguments { u"watch"_s, tree.path() };
        if (json)
            arguments.append(u"--json"_s);
        PtyProcess watch;
        QVERIFY(watch.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments, environment(), tree.path()));
        QVERIFY2(watch.readUntil([](const QByteArray& out) { return out.contains("watching "); }, 20000),
            watch.output().constData());
        const QString evilName = u"evil\x1b]0;pwned\x07\x1b[2J.py"_s;
        writeFile(tree.filePath(evilName), "x = 1\n");
        QVERIFY2(watch.readUntil([](const QByteArray& out) { return out.contains(".py"); }, 20000),
            watch.output().constData());
        watch.terminate();
        const QByteArray out = watch.output();
        QCOMPARE(controlBytes(out), QByteArray());
        if (!json) {
            const QByteArray expected
                = "created " + QFile::encodeName(tree.path()) + "/evil\\x1b]0;pwned\\x07\\x1b[2J.py";
            QVERIFY2(out.contains(expected), out.constData());
            return;
        }
        // --json: exact JSON, whose path is the real name, escapes and all.
        QJsonObject event;
        for (const QByteArray& line : out.split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line.trimmed()).object();
            if (object.value("path"_L1).toString().endsWith(u".py"_s))
                event = object;
        }
        QCOMPARE(event.value("path"_L1).toString(), tree.filePath(evilName));
    }

    void configKeyIsShownNotObeyed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("check-config") << QStringList { u"check-config"_s };
        QTest::newRow("run") << QStringList { u"run"_s, u"--no-game"_s };
        QTest::newRow("trust") << QStringList { u"trust"_s };
    }
    void configKeyIsShownNotObeyed()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir project;
        QVERIFY(project.isValid());
        // YAML's "\e" is ESC: a key that, echoed raw, would set the title and clear the screen.
        writeFile(project.filePath(u".foxreload.yaml"_s),
            "server:\n  command: python3\n  args: [main.py]\n\"evil\\e]0;pwned\\a\\e[2J\": 1\n");
        PtyProcess process;
        QVERIFY(
            process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments, environment(), project.path()));
        const int exitCode = process.wait(20000);
        const QByteArray out = process.output();
        QVERIFY2(exitCode != 0 && exitCode != -1, out.constData());
        QVERIFY2(out.contains("evil\\x1b]0;pwned\\x07\\x1b[2J"), out.constData());
        QCOMPARE(controlBytes(out), QByteArray());
    }

    void checkConfigJsonStaysExact()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        writeFile(project.filePath(u".foxreload.yaml"_s),
            "server:\n  command: python3\n  args: [main.py]\n\"evil\\e]0;pwned\\a\": 1\n");
        foxreload::test::CliProcess check;
        check.setEnvironment(environment());
        check.setWorkingDirectory(project.path());
        QVERIFY(check.start({ u"check-config"_s, u"--json"_s }));
        QVERIFY(check.waitForFinished());
        const QJsonObject result = QJsonDocument::fromJson(check.lines().join(u'\n').toUtf8()).object();
        QVERIFY2(!result.isEmpty(), qPrintable(check.allOutput()));
        const QString key = result.value("errors"_L1).toArray().at(0).toObject().value("key"_L1).toString();
        QCOMPARE(key, u"evil\x1b]0;pwned\x07"_s);
        // ... while the text on stderr shows it.
        QVERIFY(!check.stderrText().contains(QLatin1Char(kEsc)));
        QVERIFY(check.stderrText().contains(u"evil\\x1b]0;pwned\\x07"_s));
    }
};

QTEST_GUILESS_MAIN(EscapesTest)
#include "tst_escapes.moc"
