// The shell completions against the program. bash and fish are driven for real (the generated
// script is sourced and asked what follows "foxreload CMD -"); zsh, which cannot be driven without
// a terminal, is parsed (zsh -n) and searched. Every command and option of --help must be offered,
// and `config get/set` must offer exactly the keys of the code's known-keys table.
#include "CliUsage.h"
#include "CompletableKeys.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {

const QString kCompletionDir = QStringLiteral(FOXRELOAD_COMPLETION_DIR);

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Runs `shell -c script` and returns its stdout split into words (the first column for fish).
QStringList runShell(const QString& shell, const QString& script)
{
    QProcess process;
    process.start(shell, { u"-c"_s, script });
    if (!process.waitForFinished(30000))
        return { u"<timed out>"_s };
    QStringList words;
    const QStringList lines
        = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines)
        words.append(line.section(u'\t', 0, 0).trimmed());
    return words;
}

// What bash's completion function offers for the words typed so far (the last one is being completed).
QStringList bashCompletes(const QStringList& typed)
{
    QStringList quoted;
    for (const QString& word : typed)
        quoted.append(u"'"_s + QString(word).replace(u"'"_s, u"'\\''"_s) + u"'"_s);
    const QString script = u"source '%1/foxreload'; COMP_WORDS=(%2); COMP_CWORD=%3; _foxreload; "
                           u"printf '%s\\n' \"${COMPREPLY[@]}\""_s.arg(kCompletionDir, quoted.join(u' '))
                               .arg(typed.size() - 1);
    return runShell(u"bash"_s, script);
}

QStringList fishCompletes(const QString& commandLine)
{
    return runShell(
        u"fish"_s, u"source '%1/foxreload.fish'; complete -C '%2'"_s.arg(kCompletionDir, commandLine));
}

QStringList optionWords(const QList<CliOption>& options)
{
    QStringList words;
    for (const CliOption& option : options) {
        words.append(u"--"_s + option.longName);
        if (!option.shortName.isEmpty())
            words.append(u"-"_s + option.shortName);
    }
    return words;
}

QStringList missingFrom(const QStringList& offered, const QStringList& expected)
{
    QStringList missing;
    for (const QString& word : expected) {
        if (!offered.contains(word))
            missing.append(word);
    }
    return missing;
}

} // namespace

class TestCompletions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void generatedFromTheTemplates_data();
    void generatedFromTheTemplates();
    void bashOffersEveryCommand();
    void bashOffersEveryOption_data();
    void bashOffersEveryOption();
    void bashOffersTheConfigKeys_data();
    void bashOffersTheConfigKeys();
    void fishOffersEveryOption_data();
    void fishOffersEveryOption();
    void fishOffersTheConfigKeys();
    void zshNamesEveryOption();

private:
    void commandRows();
    QStringList m_commands;
    QStringList m_keys;
};

void TestCompletions::initTestCase()
{
    m_commands = cliCommands();
    QVERIFY2(m_commands.size() >= 7, qPrintable(m_commands.join(u' ')));
    m_keys = foxreload::packaging::completableConfigKeys();
    QVERIFY(m_keys.contains(u"watch.debounce_ms"_s));
    QVERIFY(m_keys.contains(u"rules[0].strategy"_s));
    QVERIFY(m_keys.contains(u"server.env."_s));
}

void TestCompletions::commandRows()
{
    QTest::addColumn<QString>("command");
    for (const QString& command : cliCommands())
        QTest::newRow(qPrintable(command)) << command;
}

void TestCompletions::generatedFromTheTemplates_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("bash") << u"foxreload"_s;
    QTest::newRow("zsh") << u"_foxreload"_s;
    QTest::newRow("fish") << u"foxreload.fish"_s;
}

void TestCompletions::generatedFromTheTemplates()
{
    QFETCH(QString, file);
    const QString text = readText(kCompletionDir + u'/' + file);
    QVERIFY2(!text.isEmpty(), qPrintable(kCompletionDir + u'/' + file));
    QVERIFY2(!text.contains(u"@FOXRELOAD_"_s), "a placeholder was left unfilled");
    // The keys are filled in as one list, in the table's order.
    QVERIFY(text.contains(m_keys.join(u' ')));
}

void TestCompletions::bashOffersEveryCommand()
{
    const QStringList offered = bashCompletes({ u"foxreload"_s, QString() });
    QVERIFY2(missingFrom(offered, m_commands).isEmpty(), qPrintable(offered.join(u' ')));
    QCOMPARE(bashCompletes({ u"foxreload"_s, u"che"_s }), QStringList { u"check-config"_s });
}

void TestCompletions::bashOffersEveryOption_data()
{
    commandRows();
}

void TestCompletions::bashOffersEveryOption()
{
    QFETCH(QString, command);
    const QStringList expected = optionWords(cliOptions(command));
    QVERIFY(!expected.isEmpty());
    const QStringList offered = bashCompletes({ u"foxreload"_s, command, u"-"_s });
    const QStringList missing = missingFrom(offered, expected);
    QVERIFY2(missing.isEmpty(), qPrintable(u"bash does not offer: "_s + missing.join(u' ')));
    // Nothing is offered that the command would reject.
    const QStringList unknown = missingFrom(expected, offered);
    QVERIFY2(unknown.isEmpty(), qPrintable(u"bash offers unknown options: "_s + unknown.join(u' ')));
}

void TestCompletions::bashOffersTheConfigKeys_data()
{
    QTest::addColumn<QStringList>("typed");
    QTest::newRow("get") << QStringList { u"foxreload"_s, u"config"_s, u"get"_s, QString() };
    QTest::newRow("set, after --config")
        << QStringList { u"foxreload"_s, u"config"_s, u"-c"_s, u"a.yaml"_s, u"set"_s, QString() };
}

void TestCompletions::bashOffersTheConfigKeys()
{
    QFETCH(QStringList, typed);
    QCOMPARE(bashCompletes(typed), m_keys);
    typed.last() = u"watch.de"_s;
    QCOMPARE(bashCompletes(typed), QStringList { u"watch.debounce_ms"_s });
    QCOMPARE(bashCompletes({ u"foxreload"_s, u"config"_s, QString() }),
        (QStringList { u"get"_s, u"set"_s, u"unset"_s }));
}

void TestCompletions::fishOffersEveryOption_data()
{
    commandRows();
}

void TestCompletions::fishOffersEveryOption()
{
    if (QStandardPaths::findExecutable(u"fish"_s).isEmpty())
        QSKIP("fish is not installed");
    QFETCH(QString, command);
    const QStringList expected = optionWords(cliOptions(command));
    QStringList offered = fishCompletes(u"foxreload "_s + command + u" -"_s);
    offered += fishCompletes(u"foxreload "_s + command + u" --"_s);
    const QStringList missing = missingFrom(offered, expected);
    QVERIFY2(missing.isEmpty(), qPrintable(u"fish does not offer: "_s + missing.join(u' ')));
    QVERIFY2(fishCompletes(u"foxreload "_s).contains(command), "fish does not offer the command");
}

void TestCompletions::fishOffersTheConfigKeys()
{
    if (QStandardPaths::findExecutable(u"fish"_s).isEmpty())
        QSKIP("fish is not installed");
    const QStringList offered = fishCompletes(u"foxreload config set "_s);
    QCOMPARE(QSet<QString>(offered.cbegin(), offered.cend()), QSet<QString>(m_keys.cbegin(), m_keys.cend()));
}

void TestCompletions::zshNamesEveryOption()
{
    const QString text = readText(kCompletionDir + u"/_foxreload"_s);
    for (const QString& command : std::as_const(m_commands)) {
        QVERIFY2(text.contains(u"'"_s + command + u":"_s), qPrintable(command));
        for (const CliOption& option : cliOptions(command)) {
            const QString name = u"--"_s + option.longName;
            QVERIFY2(text.contains(name + u'[') || text.contains(u',' + name + u'}'),
                qPrintable(u"zsh: "_s + command + u' ' + name));
        }
    }
    if (QStandardPaths::findExecutable(u"zsh"_s).isEmpty())
        QSKIP("zsh is not installed: the script was searched, not parsed");
    QProcess zsh;
    zsh.start(u"zsh"_s, { u"-n"_s, kCompletionDir + u"/_foxreload"_s });
    QVERIFY(zsh.waitForFinished(30000));
    QVERIFY2(zsh.exitCode() == 0, zsh.readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(TestCompletions)
#include "tst_completions.moc"
