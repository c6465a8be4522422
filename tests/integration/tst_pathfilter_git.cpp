#include "match/PathFilter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using foxreload::PathFilter;

// PathFilter's .gitignore reading against git itself (`git check-ignore`) on
// one tree with nested ignore files, negations, anchoring, directory-only
// patterns, "**", classes and escapes: every path must get git's answer.
class TestPathFilterGit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithGitCheckIgnore();
};

namespace {
void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
}

QByteArray runGit(
    const QString& git, const QString& dir, const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.setWorkingDirectory(dir);
    // Only the repository's own ignore files: no user or system git configuration,
    // which could name a global excludes file (~/.config/git/ignore).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    env.insert(u"HOME"_s, dir);
    env.insert(u"XDG_CONFIG_HOME"_s, dir + u"/.no-config"_s);
    process.setProcessEnvironment(env);
    process.start(git, args);
    if (!process.waitForStarted(30000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}
} // namespace

void TestPathFilterGit::agreesWithGitCheckIgnore()
{
    const QString git = QStandardPaths::findExecutable(u"git"_s);
    if (git.isEmpty())
        QSKIP("git is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    runGit(git, root, { u"init"_s, u"-q"_s, u"."_s });
    QVERIFY(QFileInfo(root + u"/.git"_s).isDir());

    writeFile(root + u"/.gitignore"_s,
        "# top level\n*.log\n!keep.log\n/build\nout/\n!out/keep.txt\nlogs/**\n!logs/important.txt\n"
        "doc/*.txt\n**/cache/\n[xy].tmp\n\\#hash\nspace.txt   \na/**/deep.py\n*.o\n!/lib/*.o\n");
    writeFile(root + u"/src/.gitignore"_s, "!*.log\n/local.cfg\ngen\n*/x.py\n!gen/\n");
    writeFile(root + u"/src/sub/.gitignore"_s, "*\n!*.py\n!*/\n");
    writeFile(root + u"/.git/info/exclude"_s, "secret.*\n");

    const QStringList names { u"a.log"_s, u"keep.log"_s, u"build"_s, u"out"_s, u"logs"_s, u"doc"_s,
        u"cache"_s, u"x.tmp"_s, u"z.tmp"_s, u"#hash"_s, u"space.txt"_s, u"deep.py"_s, u"x.py"_s,
        u"local.cfg"_s, u"gen"_s, u"m.o"_s, u"lib"_s, u"secret.key"_s, u"important.txt"_s, u"keep.txt"_s,
        u"notes.txt"_s, u"a"_s };
    const QStringList dirs { QString(), u"src"_s, u"src/sub"_s, u"src/sub/gen"_s, u"out"_s, u"logs"_s,
        u"doc"_s, u"a"_s, u"a/b"_s, u"a/b/c"_s, u"lib"_s, u"src/cache"_s, u"x/cache/y"_s, u"build"_s,
        u"src/gen"_s };
    QStringList paths;
    for (const QString& d : dirs) {
        QDir().mkpath(root + u'/' + d);
        // Every directory on the way counts as a path of its own.
        QString prefix;
        for (const QString& part : d.split(u'/', Qt::SkipEmptyParts)) {
            prefix = prefix.isEmpty() ? part : prefix + u'/' + part;
            if (!paths.contains(prefix))
                paths.append(prefix);
        }
    }
    for (const QString& d : dirs) {
        for (const QString& name : names) {
            const QString relative = d.isEmpty() ? name : d + u'/' + name;
            if (paths.contains(relative))
                continue;
            writeFile(root + u'/' + relative, "x");
            paths.append(relative);
        }
    }

    const QByteArray answer = runGit(
        git, root, { u"check-ignore"_s, u"--no-index"_s, u"--stdin"_s }, paths.join(u'\n').toUtf8() + '\n');
    QStringList gitIgnored = QString::fromUtf8(answer).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(gitIgnored.size() > 20, "git ignored too little for this test to mean anything");

    const PathFilter filter(root, {}, true);
    QStringList ours;
    for (const QString& relative : std::as_const(paths)) {
        const QString absolute = root + u'/' + relative;
        if (filter.isExcluded(absolute, QFileInfo(absolute).isDir()))
            ours.append(relative);
    }
    gitIgnored.sort();
    ours.sort();
    QCOMPARE(ours, gitIgnored);
    QVERIFY(ours.size() < paths.size()); // and not everything either
}

QTEST_GUILESS_MAIN(TestPathFilterGit)
#include "tst_pathfilter_git.moc"
