// ClientConfigs adds FoxReload's proxy to an MCP client's server list, keeping every byte of
// the user's file: its comments, spacing, line endings and other servers.
#include "config/ClientConfigs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

Q_DECLARE_METATYPE(McpClient)
Q_DECLARE_METATYPE(HostOs)

namespace {

const ClientServerEntry kEntry { u"weather"_s, u"/opt/fox/foxreload"_s,
    { u"proxy"_s, u"--config"_s, u"/home/a/weather/.foxreload.yaml"_s } };

// What the client itself reads: JSON once comments and trailing commas are gone. Written for
// these fixtures (no "//" inside their strings).
QJsonObject clientView(const QByteArray& text)
{
    QString json = QString::fromUtf8(text);
    json.remove(QRegularExpression(u"/\\*.*?\\*/"_s, QRegularExpression::DotMatchesEverythingOption));
    json.remove(QRegularExpression(u"//[^\\n]*"_s));
    json.replace(QRegularExpression(u",(\\s*[}\\]])"_s), u"\\1"_s);
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// Every byte of `original` is still there, in order: the edit only inserted.
bool onlyInserted(const QByteArray& original, const QByteArray& edited)
{
    qsizetype at = 0;
    for (const char c : original) {
        at = edited.indexOf(c, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

} // namespace

class TestClientConfigs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addsAndKeepsEveryByte_data();
    void addsAndKeepsEveryByte();
    void secondRunAddsNothing();
    void refusesWhatItCannotEdit_data();
    void refusesWhatItCannotEdit();
    void pathsPerOs_data();
    void pathsPerOs();
};

void TestClientConfigs::addsAndKeepsEveryByte_data()
{
    QTest::addColumn<McpClient>("client");
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QStringList>("otherServers"); // must still be there
    QTest::addColumn<QByteArray>("expectedLine"); // the entry's line, as written (empty: not checked)

    QTest::newRow("no file") << McpClient::Claude << QByteArray() << QStringList() << QByteArray();
    QTest::newRow("blank file") << McpClient::Cursor << QByteArray(" \n") << QStringList() << QByteArray();
    QTest::newRow("empty object") << McpClient::Claude << QByteArray("{}") << QStringList() << QByteArray();
    QTest::newRow("empty server map") << McpClient::Cursor << QByteArray("{\n  \"mcpServers\": {}\n}\n")
                                      << QStringList() << QByteArray("    \"weather\": {\"command\": ");
    QTest::newRow("comments, odd spacing, trailing comma, other servers")
        << McpClient::Claude
        << QByteArray("// my servers\n{\n\t\"mcpServers\" :{\n\t\t// the files one\n"
                      "\t\t\"files\":   { \"command\": \"npx\", \"args\": [\"-y\", \"server-filesystem\"] }, "
                      "  /* keep */\n"
                      "\t\t\"git\": {\"command\":\"uvx\",\"args\":[\"mcp-server-git\"]},\n\t},\n"
                      "  \"globalShortcut\": \"Ctrl+Space\"\n}\n")
        << QStringList { u"files"_s, u"git"_s } << QByteArray("\t\t\"weather\": {\"command\": ");
    QTest::newRow("comment after the last server")
        << McpClient::Cursor
        << QByteArray("{\n  \"mcpServers\": {\n    \"a\": {\"command\": \"a\"} // the a server\n  }\n}\n")
        << QStringList { u"a"_s } << QByteArray("    \"weather\": {");
    QTest::newRow("one line") << McpClient::Cursor << QByteArray(R"({"mcpServers": {"a": {"command": "a"}}})")
                              << QStringList { u"a"_s } << QByteArray();
    QTest::newRow("no server map yet") << McpClient::Claude << QByteArray("{\n  \"theme\": \"dark\"\n}\n")
                                       << QStringList() << QByteArray("  \"mcpServers\": {\"weather\": {");
    QTest::newRow("crlf")
        << McpClient::Claude
        << QByteArray("{\r\n  \"mcpServers\": {\r\n    \"a\": {\"command\": \"a\"}\r\n  }\r\n}\r\n")
        << QStringList { u"a"_s } << QByteArray("\r\n    \"weather\": {");
    QTest::newRow("vscode servers and inputs")
        << McpClient::VsCode
        << QByteArray(
               "{\n  \"inputs\": [],\n  \"servers\": {\n    \"other\": {\"type\": \"stdio\", \"command\": "
               "\"x\"}\n  }\n}\n")
        << QStringList { u"other"_s } << QByteArray("    \"weather\": {\"type\": \"stdio\", ");
    QTest::newRow("mcpServers inside a string stays a string")
        << McpClient::Claude << QByteArray("{\"note\": \"\\\"mcpServers\\\": {}\", \"mcpServers\": {}}")
        << QStringList() << QByteArray();
}

void TestClientConfigs::addsAndKeepsEveryByte()
{
    QFETCH(McpClient, client);
    QFETCH(QByteArray, original);
    QFETCH(QStringList, otherServers);
    QFETCH(QByteArray, expectedLine);

    const ClientConfigEdit edit = addClientServer(original, client, kEntry);
    QCOMPARE(edit.status, ClientConfigEdit::Status::Added);
    QVERIFY2(onlyInserted(original, edit.text), edit.text.constData());
    if (!expectedLine.isEmpty())
        QVERIFY2(edit.text.contains(expectedLine), edit.text.constData());
    if (original.contains("\r\n"))
        QCOMPARE(edit.text.count("\r\n"), edit.text.count('\n'));

    const QJsonObject view = clientView(edit.text);
    QVERIFY2(!view.isEmpty(), edit.text.constData());
    const QJsonObject servers
        = view.value(client == McpClient::VsCode ? u"servers"_s : u"mcpServers"_s).toObject();
    const QJsonObject ours = servers.value(kEntry.name).toObject();
    QCOMPARE(ours.value(u"command"_s).toString(), kEntry.command);
    QCOMPARE(ours.value(u"args"_s).toArray(), QJsonArray::fromStringList(kEntry.args));
    QCOMPARE(ours.value(u"type"_s).toString(), client == McpClient::VsCode ? u"stdio"_s : QString());
    QCOMPARE(servers.size(), otherServers.size() + 1);
    for (const QString& other : otherServers)
        QVERIFY2(servers.contains(other), qPrintable(other));
    // The rest of the file reads as before.
    QJsonObject before = clientView(original);
    QJsonObject after = view;
    before.remove(u"mcpServers"_s);
    after.remove(u"mcpServers"_s);
    before.remove(u"servers"_s);
    after.remove(u"servers"_s);
    QCOMPARE(after, before);
}

void TestClientConfigs::secondRunAddsNothing()
{
    const QByteArray original = "{\n  \"mcpServers\": {\n    \"a\": {\"command\": \"a\"}\n  }\n}\n";
    const ClientConfigEdit first = addClientServer(original, McpClient::Claude, kEntry);
    QCOMPARE(first.status, ClientConfigEdit::Status::Added);
    // Even under another name: the same launch is the same server.
    ClientServerEntry renamed = kEntry;
    renamed.name = u"other-name"_s;
    const ClientConfigEdit second = addClientServer(first.text, McpClient::Claude, renamed);
    QCOMPARE(second.status, ClientConfigEdit::Status::AlreadyThere);
    QCOMPARE(second.existingName, kEntry.name);
    QVERIFY(second.text.isEmpty());
}

void TestClientConfigs::refusesWhatItCannotEdit_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<ClientConfigEdit::Status>("status");
    QTest::addColumn<QString>("errorPart");
    using S = ClientConfigEdit::Status;
    QTest::newRow("name taken by another server")
        << QByteArray(R"({"mcpServers": {"weather": {"command": "python3", "args": ["w.py"]}}})")
        << S::NameTaken << QString();
    QTest::newRow("not JSON") << QByteArray("{ \"mcpServers\": ") << S::Invalid
                              << u"not valid JSON (line 1"_s;
    QTest::newRow("an array") << QByteArray("[]") << S::Invalid << u"not a JSON object"_s;
    QTest::newRow("servers not an object")
        << QByteArray(R"({"mcpServers": []})") << S::Invalid << u"\"mcpServers\" is not an object"_s;
}

void TestClientConfigs::refusesWhatItCannotEdit()
{
    QFETCH(QByteArray, original);
    QFETCH(ClientConfigEdit::Status, status);
    QFETCH(QString, errorPart);
    const ClientConfigEdit edit = addClientServer(original, McpClient::Claude, kEntry);
    QCOMPARE(edit.status, status);
    QVERIFY(edit.text.isEmpty());
    QVERIFY2(edit.error.contains(errorPart), qPrintable(edit.error));
}

void TestClientConfigs::pathsPerOs_data()
{
    QTest::addColumn<McpClient>("client");
    QTest::addColumn<HostOs>("os");
    QTest::addColumn<QString>("xdg");
    QTest::addColumn<QString>("expected");
    QTest::newRow("claude linux") << McpClient::Claude << HostOs::Linux << QString()
                                  << u"/h/.config/Claude/claude_desktop_config.json"_s;
    QTest::newRow("claude linux xdg")
        << McpClient::Claude << HostOs::Linux << u"/x"_s << u"/x/Claude/claude_desktop_config.json"_s;
    QTest::newRow("claude mac") << McpClient::Claude << HostOs::MacOs << QString()
                                << u"/h/Library/Application Support/Claude/claude_desktop_config.json"_s;
    QTest::newRow("claude windows") << McpClient::Claude << HostOs::Windows << QString()
                                    << u"/appdata/Claude/claude_desktop_config.json"_s;
    QTest::newRow("cursor") << McpClient::Cursor << HostOs::Windows << QString() << u"/h/.cursor/mcp.json"_s;
    QTest::newRow("vscode") << McpClient::VsCode << HostOs::MacOs << QString() << u"/p/.vscode/mcp.json"_s;
}

void TestClientConfigs::pathsPerOs()
{
    QFETCH(McpClient, client);
    QFETCH(HostOs, os);
    QFETCH(QString, xdg);
    QFETCH(QString, expected);
    const ClientPathEnvironment environment { u"/h"_s, xdg, u"/appdata"_s };
    QCOMPARE(clientConfigPath(client, os, environment, u"/p"_s), expected);
}

QTEST_GUILESS_MAIN(TestClientConfigs)
#include "tst_clientconfigs.moc"
