// docs/foxreload.1 against the program: every command of `foxreload --help` has its section, every
// option of `foxreload COMMAND --help` is named in it (or in SESSION OPTIONS, which run and proxy
// refer to), nothing is documented that the program does not have, and groff reads it cleanly.
#include "CliUsage.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload::test;

namespace {

// The man page cut at its headings: ".SH NAME" -> "NAME", ".SS \"foxreload run ...\"" -> "run".
QMap<QString, QString> sectionsOf(const QString& page)
{
    QMap<QString, QString> sections;
    QString current;
    static const QRegularExpression commandHeading(u"^\\.SS \"foxreload ([a-z\\\\-]+)"_s);
    for (const QString& line : page.split(u'\n')) {
        if (line.startsWith(u".SH "_s)) {
            current = line.mid(4).remove(u'"');
        } else if (const auto match = commandHeading.match(line); match.hasMatch()) {
            current = match.captured(1).remove(u'\\');
        }
        sections[current] += line + u'\n';
    }
    return sections;
}

QString roff(const QString& option)
{
    QString escaped = option;
    return escaped.replace(u"-"_s, u"\\-"_s);
}

bool names(const QString& text, const QString& option)
{
    // "\-\-db" must not be satisfied by "\-\-debounce", nor "\-\-no" by "\-\-no\-socket".
    const QRegularExpression pattern(QRegularExpression::escape(roff(option)) + u"(?![A-Za-z0-9\\\\])"_s);
    return pattern.match(text).hasMatch();
}

// What the page fails to say about `command`; empty when it documents every option.
QStringList missingOptions(
    const QMap<QString, QString>& sections, const QString& command, const QList<CliOption>& options)
{
    QString text = sections.value(command);
    if (text.contains(u"SESSION OPTIONS"_s))
        text += sections.value(u"SESSION OPTIONS"_s);
    text += sections.value(u"OPTIONS"_s); // -h, --help is documented once, for every command
    QStringList missing;
    for (const CliOption& option : options) {
        if (!names(text, u"--"_s + option.longName))
            missing.append(u"--"_s + option.longName);
        if (!option.shortName.isEmpty() && !names(text, u"-"_s + option.shortName))
            missing.append(u"-"_s + option.shortName);
    }
    return missing;
}

QString readManPage()
{
    QFile file(QStringLiteral(FOXRELOAD_SOURCE_DIR "/docs/foxreload.1"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestManPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCommandHasASection();
    void noSectionForAMissingCommand();
    void everyOptionIsDocumented_data();
    void everyOptionIsDocumented();
    void aMissingOptionIsNoticed();
    void groffReadsItWithoutWarnings();

private:
    QString m_page;
    QMap<QString, QString> m_sections;
    QStringList m_commands;
};

void TestManPage::initTestCase()
{
    m_page = readManPage();
    QVERIFY(!m_page.isEmpty());
    m_sections = sectionsOf(m_page);
    m_commands = cliCommands();
    QVERIFY2(m_commands.size() >= 7, qPrintable(m_commands.join(u' ')));
}

void TestManPage::everyCommandHasASection()
{
    for (const QString& command : std::as_const(m_commands))
        QVERIFY2(
            m_sections.contains(command), qPrintable(u"no .SS \"foxreload "_s + command + u"\" section"_s));
}

void TestManPage::noSectionForAMissingCommand()
{
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it) {
        const bool heading = it.key() == it.key().toUpper(); // .SH sections
        QVERIFY2(heading || m_commands.contains(it.key()),
            qPrintable(
                u"the man page documents \"foxreload "_s + it.key() + u"\", which --help does not list"_s));
    }
}

void TestManPage::everyOptionIsDocumented_data()
{
    QTest::addColumn<QString>("command");
    for (const QString& command : cliCommands())
        QTest::newRow(qPrintable(command)) << command;
}

void TestManPage::everyOptionIsDocumented()
{
    QFETCH(QString, command);
    const QList<CliOption> options = cliOptions(command);
    QVERIFY2(!options.isEmpty(), "foxreload COMMAND --help lists no options");
    const QStringList missing = missingOptions(m_sections, command, options);
    QVERIFY2(missing.isEmpty(),
        qPrintable(
            u"docs/foxreload.1 does not document foxreload "_s + command + u" "_s + missing.join(u", "_s)));
}

void TestManPage::aMissingOptionIsNoticed()
{
    // The checker itself: an option the page lacks, and one that only shares a prefix.
    const QList<CliOption> options { { {}, u"debounce"_s }, { u"z"_s, u"zebra"_s }, { {}, u"no"_s } };
    const QMap<QString, QString> sections
        = sectionsOf(u".SS \"foxreload run\"\n.BI \\-\\-debounce \" ms\"\n.B \\-\\-no\\-game\n"_s);
    QCOMPARE(missingOptions(sections, u"run"_s, options), (QStringList { u"--zebra"_s, u"-z"_s, u"--no"_s }));
}

void TestManPage::groffReadsItWithoutWarnings()
{
    const QString groff = QStandardPaths::findExecutable(u"groff"_s);
    if (groff.isEmpty())
        QSKIP("groff is not installed (apt-get install groff-base)");
    QProcess process;
    process.start(
        groff, { u"-man"_s, u"-ww"_s, u"-z"_s, QStringLiteral(FOXRELOAD_SOURCE_DIR "/docs/foxreload.1") });
    QVERIFY(process.waitForFinished(30000));
    const QByteArray warnings = process.readAllStandardError();
    QVERIFY2(warnings.isEmpty(), warnings.constData());
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
