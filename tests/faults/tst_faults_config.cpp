// Fault: a .foxreload.yaml broken in every way a file can be -- invalid YAML, tab indentation, NUL,
// control and binary bytes, invalid UTF-8, wrong types, out-of-range values, an unknown key, an
// empty or comment-only file, a directory or a symbolic link loop where the file should be, an
// unreadable file, a YAML alias bomb, 100,000 levels of nesting, a 10 MB scalar, duplicate keys,
// a list at the top.
// Promise: check-config, trust, run and config set each exit with 1 (the code docs/config.md gives
// config errors) within a time bound, never by a signal; the message says what is wrong and where
// (file:line:column when there is a line); the file and its .bak stay byte for byte as they were;
// nothing is trusted and no server is started; memory stays bounded. A UTF-8 BOM and CRLF line
// endings are plain text: such files load, are trusted, run, and are edited keeping both
// (docs/reliability.md).

#include "MemoryProbes.h"
#include "common/CliProcess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {

constexpr int kExitConfigError = 1; // docs/config.md: "1 errors (or no config found)"
constexpr int kFastMs = 5000; // a small file: ~50 ms measured; the rest is a loaded 2-core machine
constexpr int kBigMs = 60000; // a 10 MB file: yaml-cpp alone needs 2-8 s here
// A file of these sizes needs ~150 MB at most (yaml-cpp's tree of 10 MB); an alias bomb that
// expanded would need gigabytes.
constexpr qint64 kPeakRssMb = 400;
constexpr qint64 kMaxOutputBytes = 64 * 1024; // a 10 MB value must not be echoed whole

const QByteArray kMarker = "started.marker";
// Lines 1-5. The server, if FoxReload ever started it, leaves a marker in the project.
const QByteArray kGoodConfig = "server:\n"
                               "  command: sh\n"
                               "  args: [-c, \"touch started.marker\"]\n"
                               "watch:\n"
                               "  paths: [.]\n";

enum class Setup {
    File, // the bytes, as .foxreload.yaml
    Directory, // .foxreload.yaml is a directory
    SymlinkLoop, // .foxreload.yaml -> .foxreload.yaml
    Unreadable, // the bytes, mode 000 (and, as root, the commands run as nobody)
};

QByteArray replaced(QByteArray text, const QByteArray& from, const QByteArray& to)
{
    Q_ASSERT(text.contains(from));
    return text.replace(from, to);
}

QByteArray aliasBomb()
{
    // Nine levels of ten aliases each: 10^9 strings if anything expanded it.
    QByteArray text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level <= 8; ++level) {
        QByteArrayList aliases;
        for (int i = 0; i < 10; ++i)
            aliases.append("*a" + QByteArray::number(level - 1));
        text += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " ["
            + aliases.join(", ") + "]\n";
    }
    return text + "server:\n  command: sh\n  args: *a8\nwatch:\n  paths: [.]\n";
}

struct Outcome
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    qint64 elapsedMs = 0;
    QString out;
    QString err;
    bool finished = false;
};

// What a directory holds, byte for byte: path -> kind, permissions and content (or link target).
QMap<QString, QByteArray> snapshot(const QString& root)
{
    QMap<QString, QByteArray> entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        QByteArray entry = QByteArray::number(info.permissions().toInt(), 16) + ' ';
        if (info.isSymLink()) {
            entry += "link " + QFile::encodeName(info.symLinkTarget());
        } else if (info.isDir()) {
            entry += "dir";
        } else {
            QFile file(path);
            const QFileDevice::Permissions mode = file.permissions();
            const bool raised = !info.isReadable() && file.setPermissions(mode | QFileDevice::ReadOwner);
            entry += file.open(QIODevice::ReadOnly)
                ? "file " + QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()
                : QByteArray("unreadable");
            file.close();
            if (raised)
                file.setPermissions(mode);
        }
        entries.insert(QDir(root).relativeFilePath(path), entry);
    }
    return entries;
}

qint64 peakChildRssMb()
{
    rusage usage {};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss / 1024;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

Q_DECLARE_METATYPE(Setup)

class TestFaultsConfig : public QObject
{
    Q_OBJECT

private:
    // Runs foxreload in `project` (it finds .foxreload.yaml there) with its own XDG directories.
    Outcome foxreload(
        const QStringList& arguments, const QString& project, int limitMs, bool asNobody = false)
    {
        CliProcess cli;
        cli.setEnvironment(isolatedEnvironment(m_home->path()));
        cli.setWorkingDirectory(project);
        if (asNobody)
            cli.process().setChildProcessModifier([uid = m_nobodyUid, gid = m_nobodyGid] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                    ::_exit(126);
            });
        Outcome outcome;
        QElapsedTimer clock;
        clock.start();
        if (!cli.start(arguments))
            return outcome;
        // Far longer than the bound, so that a slow run is measured, not killed.
        outcome.finished = cli.waitForFinished(std::max(limitMs * 4, 30000));
        outcome.elapsedMs = clock.elapsed();
        outcome.exitCode = cli.exitCode();
        outcome.status = cli.exitStatus();
        outcome.out = cli.lines().join(u'\n');
        outcome.err = cli.stderrText();
        return outcome;
    }

    static QString describe(const QString& command, const Outcome& outcome)
    {
        return u"%1: exit %2 (%3) after %4 ms\nstdout: %5\nstderr: %6"_s.arg(command)
            .arg(outcome.exitCode)
            .arg(outcome.status == QProcess::NormalExit ? u"normal"_s : u"signal or not finished"_s)
            .arg(outcome.elapsedMs)
            .arg(outcome.out.left(2000), outcome.err.left(2000));
    }

    std::optional<QTemporaryDir> m_home;
    uid_t m_nobodyUid = 0;
    gid_t m_nobodyGid = 0;

private Q_SLOTS:
    void initTestCase()
    {
        if (const passwd* nobody = ::getpwnam("nobody")) {
            m_nobodyUid = nobody->pw_uid;
            m_nobodyGid = nobody->pw_gid;
        }
    }

    void init()
    {
        m_home.emplace();
        QVERIFY(m_home->isValid());
    }

    void brokenConfigIsRefused_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("parts"); // what every command's message must say
        QTest::addColumn<int>("line"); // the line it must name; 0: the problem has no line
        QTest::addColumn<int>("limitMs");

        const QByteArray debounceAt6 = kGoodConfig + "  debounce_ms: ";
        QTest::newRow("invalid YAML syntax")
            << Setup::File << replaced(kGoodConfig, "marker\"]", "marker\"]]")
            << QStringList { u"invalid YAML"_s } << 3 << kFastMs;
        QTest::newRow("tab indentation") << Setup::File << replaced(kGoodConfig, "  command", "\tcommand")
                                         << QStringList { u"indented with a tab"_s } << 2 << kFastMs;
        // yaml-cpp read "s<NUL>h" as "s\rh" and ran that.
        QTest::newRow("NUL byte") << Setup::File << replaced(kGoodConfig, "command: sh", "command: s\0h"_ba)
                                  << QStringList { u"control character \\x00"_s } << 2 << kFastMs;
        QTest::newRow("escape and DEL bytes")
            << Setup::File << replaced(kGoodConfig, "command: sh", "command: sh\x1b[2J\x7f")
            << QStringList { u"control character \\x1b"_s } << 2 << kFastMs;
        QTest::newRow("binary file (PNG header)")
            << Setup::File << "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"_ba
            << QStringList { u"not valid UTF-8 (byte \\x89)"_s } << 1 << kFastMs;
        // Latin-1 where UTF-8 belongs: yaml-cpp made it U+FFFD and the server ran with that.
        QTest::newRow("invalid UTF-8")
            << Setup::File << replaced(kGoodConfig, "started.marker", "caf\xe9.marker")
            << QStringList { u"not valid UTF-8 (byte \\xe9)"_s } << 3 << kFastMs;
        QTest::newRow("wrong type") << Setup::File << debounceAt6 + "abc\n"
                                    << QStringList { u"watch.debounce_ms"_s, u"expected a whole number"_s,
                                           u"got \"abc\""_s }
                                    << 6 << kFastMs;
        QTest::newRow("out of range")
            << Setup::File << debounceAt6 + "999999\n"
            << QStringList { u"watch.debounce_ms"_s, u"(0–60000), got 999999"_s } << 6 << kFastMs;
        QTest::newRow("unknown key") << Setup::File << kGoodConfig + "  debounse_ms: 50\n"
                                     << QStringList { u"watch.debounse_ms: unknown key"_s,
                                            u"did you mean \"debounce_ms\""_s }
                                     << 6 << kFastMs;
        QTest::newRow("empty file") << Setup::File << QByteArray()
                                    << QStringList { u"server.command: missing"_s } << 1 << kFastMs;
        QTest::newRow("only comments") << Setup::File << "# FoxReload settings\n# (none yet)\n"_ba
                                       << QStringList { u"server.command: missing"_s } << 1 << kFastMs;
        QTest::newRow("directory named .foxreload.yaml")
            << Setup::Directory << QByteArray() << QStringList { u".foxreload.yaml is a directory"_s } << 0
            << kFastMs;
        QTest::newRow("symbolic link loop")
            << Setup::SymlinkLoop << QByteArray()
            << QStringList { u".foxreload.yaml is a symbolic link that leads nowhere"_s } << 0 << kFastMs;
        QTest::newRow("unreadable file")
            << Setup::Unreadable << kGoodConfig << QStringList { u"cannot read"_s, u"Permission denied"_s }
            << 0 << kFastMs;
        QTest::newRow("alias bomb") << Setup::File << aliasBomb()
                                    << QStringList { u"a0: unknown key"_s,
                                           u"server.args[0]: expected a string, got a list"_s }
                                    << 1 << kFastMs;
        QTest::newRow("100,000 nested lists")
            << Setup::File
            << replaced(
                   kGoodConfig, "paths: [.]", "paths: " + QByteArray(100000, '[') + QByteArray(100000, ']'))
            << QStringList { u"nested more than 2000 levels deep"_s } << 5 << kFastMs;
        QTest::newRow("100,000 unclosed maps")
            << Setup::File
            << replaced(kGoodConfig, "paths: [.]", "paths: " + QByteArray("{a: ").repeated(100000))
            << QStringList { u"nested more than 2000 levels deep"_s } << -1 << kFastMs;
        QTest::newRow("10 MB single-line scalar")
            << Setup::File << debounceAt6 + QByteArray(10 * 1024 * 1024, 'x') + '\n'
            << QStringList { u"watch.debounce_ms"_s, u"expected a whole number"_s, u"got \"xxxxxxxxxx"_s }
            << 6 << kBigMs;
        QTest::newRow("duplicate keys")
            << Setup::File << kGoodConfig + "watch:\n  paths: [.]\n"
            << QStringList { u"watch: duplicate key (first set on line 4"_s } << 6 << kFastMs;
        QTest::newRow("top-level list") << Setup::File << "- server\n- watch\n"_ba
                                        << QStringList { u"expected a map of settings"_s } << 1 << kFastMs;
    }

    void brokenConfigIsRefused()
    {
        QFETCH(Setup, setup);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, parts);
        QFETCH(int, line);
        QFETCH(int, limitMs);

        QTemporaryDir projectDir;
        QVERIFY(projectDir.isValid());
        const QString project = projectDir.path();
        const QString config = projectDir.filePath(u".foxreload.yaml"_s);
        const QString marker = projectDir.filePath(QString::fromLatin1(kMarker));
        bool asNobody = false;
        switch (setup) {
        case Setup::File:
            writeFile(config, content);
            break;
        case Setup::Directory:
            QVERIFY(QDir().mkpath(config));
            writeFile(config + u"/.foxreload.yaml"_s, kGoodConfig); // not where FoxReload looks
            break;
        case Setup::SymlinkLoop:
            QVERIFY(QFile::link(u".foxreload.yaml"_s, config));
            break;
        case Setup::Unreadable:
            writeFile(config, content);
            QVERIFY(QFile::setPermissions(config, QFileDevice::Permissions()));
            if (::geteuid() == 0) {
                // Permissions do not stop root: the commands run as nobody, who needs to reach the file.
                if (m_nobodyUid == 0)
                    QSKIP("running as root and there is no user 'nobody' to be refused the file");
                QProcess probe;
                probe.setChildProcessModifier([uid = m_nobodyUid, gid = m_nobodyGid] {
                    if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                        ::_exit(126);
                });
                // It must also be able to run foxreload: a build in a private directory (mktemp -d) is not.
                probe.start(u"/bin/sh"_s,
                    { u"-c"_s, u"test -x \"$1\""_s, u"sh"_s, QStringLiteral(FOXRELOAD_EXECUTABLE) });
                if (!probe.waitForFinished(10000) || probe.exitCode() == 126)
                    QSKIP("running as root and cannot drop to user 'nobody' here (a container?)");
                if (probe.exitCode() != 0)
                    QSKIP("running as root and user 'nobody' cannot run the foxreload build (it lies in a "
                          "private directory)");
                QVERIFY(QFile::setPermissions(project,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                        | QFileDevice::ExeOther));
                for (QDir up(project); up.cdUp() && !up.isRoot();) {
                    if (!(QFileInfo(up.path()).permissions() & QFileDevice::ExeOther))
                        QSKIP("running as root in a directory user 'nobody' cannot reach: set TMPDIR");
                }
                asNobody = true;
            }
            break;
        }
        const QMap<QString, QByteArray> before = snapshot(project);
        const QString where = line > 0 ? u".foxreload.yaml:%1:"_s.arg(line) : u".foxreload.yaml"_s;

        // Every command below: refused with the config-error code, in time, saying what and where.
        qint64 slowestMs = 0;
        auto expectRefusal = [&](const QString& command, const Outcome& outcome, const QStringList& says) {
            slowestMs = std::max(slowestMs, outcome.elapsedMs);
            const QString context = describe(command, outcome);
            QVERIFY2(outcome.finished, qPrintable(context));
            QVERIFY2(outcome.status == QProcess::NormalExit, qPrintable(context)); // no signal
            QVERIFY2(outcome.exitCode == kExitConfigError, qPrintable(context));
            QVERIFY2(outcome.elapsedMs < limitMs, qPrintable(context));
            for (const QString& part : says)
                QVERIFY2(
                    outcome.err.contains(part), qPrintable(u"missing \"%1\" in %2"_s.arg(part, context)));
            QVERIFY2(outcome.out.toUtf8().size() + outcome.err.toUtf8().size() < kMaxOutputBytes,
                qPrintable(command + u": printed too much"_s));
            QVERIFY2(!QFileInfo::exists(marker), qPrintable(command + u" started the server"_s));
        };

#define EXPECT_REFUSAL(...)                                                                                  \
    do {                                                                                                     \
        expectRefusal(__VA_ARGS__);                                                                          \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

        // check-config, as text and as JSON.
        const Outcome check = foxreload({ u"check-config"_s }, project, limitMs, asNobody);
        EXPECT_REFUSAL(u"check-config"_s, check, parts + QStringList { where });
        if (line < 0) // no line to hold it to, but a position it has
            QVERIFY2(QRegularExpression(uR"(\.foxreload\.yaml:\d+:\d+: )"_s).match(check.err).hasMatch(),
                qPrintable(check.err.left(2000)));
        const Outcome json = foxreload({ u"check-config"_s, u"--json"_s }, project, limitMs, asNobody);
        EXPECT_REFUSAL(u"check-config --json"_s, json, parts);
        if (setup == Setup::File) {
            QJsonParseError parseError;
            const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8(), &parseError).object();
            QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
            const QJsonArray errors = object.value("errors"_L1).toArray();
            QVERIFY(!errors.isEmpty());
            if (line > 0)
                QCOMPARE(errors.first().toObject().value("line"_L1).toInt(), line);
        }

        // trust: refused, and nothing is in the trust store afterwards.
        EXPECT_REFUSAL(u"trust"_s, foxreload({ u"trust"_s }, project, limitMs, asNobody), parts);
        const Outcome listed = foxreload({ u"trust"_s, u"--list"_s }, project, kFastMs);
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.contains(u"no config file is trusted yet"_s),
            qPrintable(describe(u"trust --list"_s, listed)));

        // run --trust: trust is granted up front, so only the config itself can stop the server.
        EXPECT_REFUSAL(u"run --trust"_s,
            foxreload(
                { u"run"_s, u"--trust"_s, u"--no-game"_s, u"--db"_s, m_home->filePath(u"history.sqlite"_s) },
                project, limitMs, asNobody),
            parts + QStringList { u"foxreload run: "_s });

        // config set: refused, with and without an earlier .bak, which stays as it was.
        const QStringList set { u"config"_s, u"set"_s, u"server.shutdown_grace_ms"_s, u"1500"_s };
        // A file that does not load keeps its bytes ("not changed"); one that cannot be found or read
        // says why, as the other commands do.
        const QStringList setSays
            = setup == Setup::File ? QStringList { u".foxreload.yaml"_s, u"not changed"_s } : parts;
        EXPECT_REFUSAL(u"config set"_s, foxreload(set, project, limitMs, asNobody), setSays);
        QCOMPARE(snapshot(project), before);
        if (setup != Setup::Directory && setup != Setup::SymlinkLoop) {
            const QString backup = config + u".bak"_s;
            writeFile(backup, "an earlier version\n");
            const QMap<QString, QByteArray> withBackup = snapshot(project);
            EXPECT_REFUSAL(
                u"config set (with a .bak)"_s, foxreload(set, project, limitMs, asNobody), setSays);
            QCOMPARE(snapshot(project), withBackup);
            QVERIFY(QFile::remove(backup));
        }

        // Byte for byte as it was, nothing added (no marker, no .bak, no temporary file).
        QCOMPARE(snapshot(project), before);
        if (setup == Setup::Unreadable)
            QFile::setPermissions(config, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#undef EXPECT_REFUSAL
        qInfo("slowest command %lld ms (bound %d ms); peak child RSS so far %lld MB", slowestMs, limitMs,
            peakChildRssMb());
        // The largest child so far (rows run in order; every one must stay below the bound).
        if (kMemoryBoundsApply)
            QVERIFY2(peakChildRssMb() < kPeakRssMb, qPrintable(u"peak RSS %1 MB"_s.arg(peakChildRssMb())));
    }

    void textVariantsLoad_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::addColumn<bool>("crlf");
        QTest::newRow("UTF-8 BOM") << true << false;
        QTest::newRow("CRLF line endings") << false << true;
        QTest::newRow("BOM and CRLF") << true << true;
    }

    void textVariantsLoad()
    {
        QFETCH(bool, bom);
        QFETCH(bool, crlf);
        QTemporaryDir projectDir;
        QVERIFY(projectDir.isValid());
        const QString project = projectDir.path();
        const QString config = projectDir.filePath(u".foxreload.yaml"_s);
        const QString marker = projectDir.filePath(QString::fromLatin1(kMarker));
        const QByteArray eol = crlf ? "\r\n" : "\n";
        QByteArray original = kGoodConfig;
        original.replace("\n", eol);
        if (bom)
            original.prepend("\xEF\xBB\xBF");
        writeFile(config, original);

        // Loads, with exactly the values written (no BOM in the first key, no \r in any value).
        const Outcome check = foxreload({ u"check-config"_s, u"--json"_s }, project, kFastMs);
        QVERIFY2(
            check.exitCode == 0 && check.elapsedMs < kFastMs, qPrintable(describe(u"check-config"_s, check)));
        const QJsonObject resolved = QJsonDocument::fromJson(check.out.toUtf8()).object();
        const QJsonObject server = resolved.value("server"_L1).toObject();
        QCOMPARE(server.value("command"_L1).toString(), u"sh"_s);
        QCOMPARE(server.value("args"_L1).toArray(), (QJsonArray { u"-c"_s, u"touch started.marker"_s }));
        QCOMPARE(resolved.value("watch"_L1).toObject().value("paths"_L1).toArray(),
            QJsonArray { QDir(project).canonicalPath() });

        // Trusted, then run: the server starts (the marker that must never appear for a broken file).
        const Outcome trusted = foxreload({ u"trust"_s }, project, kFastMs);
        QVERIFY2(trusted.exitCode == 0, qPrintable(describe(u"trust"_s, trusted)));
        QVERIFY(trusted.out.contains(u"sh -c 'touch started.marker'"_s));
        CliProcess run;
        run.setEnvironment(isolatedEnvironment(m_home->path()));
        run.setWorkingDirectory(project);
        QVERIFY(run.start({ u"run"_s, u"--no-game"_s, u"--db"_s, m_home->filePath(u"history.sqlite"_s) }));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(marker), 15000);
        run.terminate();
        QVERIFY(run.waitForFinished(15000));
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QVERIFY(QFile::remove(marker));

        // Untouched by reading; an edit changes one line and keeps the BOM and the line endings.
        QFile file(config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), original);
        file.close();
        const Outcome set = foxreload(
            { u"config"_s, u"set"_s, u"server.shutdown_grace_ms"_s, u"1500"_s }, project, kFastMs);
        QVERIFY2(set.exitCode == 0, qPrintable(describe(u"config set"_s, set)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray edited = file.readAll();
        file.close();
        const QByteArray insertedLine = "  shutdown_grace_ms: 1500" + eol;
        QCOMPARE(edited.count(insertedLine), 1);
        QCOMPARE(QByteArray(edited).replace(insertedLine, ""), original);
        QCOMPARE(edited.startsWith("\xEF\xBB\xBF"), bom);
        if (crlf)
            QCOMPARE(edited.count("\r\n"), edited.count('\n'));
        QFile backup(config + u".bak"_s);
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), original);
    }
};

QTEST_GUILESS_MAIN(TestFaultsConfig)
#include "tst_faults_config.moc"
