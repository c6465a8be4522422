#include "ClientConfigs.h"

#include "ConfigLog.h"
#include "FileBackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QOperatingSystemVersion>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

constexpr qint64 kMaxClientConfigBytes = 16 * 1024 * 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A copy of JSON-with-comments text, same length, in which comments, trailing commas and a
// byte order mark are blanked out: what is left parses as JSON, and every offset in it is
// the offset of the same byte in the original, so positions found here are positions there.
QByteArray blankedJsonc(const QByteArray& text)
{
    QByteArray out = text;
    if (out.startsWith("\xEF\xBB\xBF"))
        out.replace(0, 3, "   ");
    const qsizetype size = out.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = out.at(i);
        if (c == '"') {
            for (++i; i < size && out.at(i) != '"'; ++i) {
                if (out.at(i) == '\\')
                    ++i;
            }
        } else if (c == '/' && i + 1 < size && out.at(i + 1) == '/') {
            for (; i < size && out.at(i) != '\n'; ++i)
                out[i] = ' ';
        } else if (c == '/' && i + 1 < size && out.at(i + 1) == '*') {
            const qsizetype end = out.indexOf("*/", i + 2);
            const qsizetype stop = end < 0 ? size : end + 2;
            for (; i < stop; ++i) {
                if (out.at(i) != '\n')
                    out[i] = ' ';
            }
            --i;
        }
    }
    // Trailing commas, now that no comment hides what follows them.
    for (qsizetype i = 0; i < size; ++i) {
        const char c = out.at(i);
        if (c == '"') {
            for (++i; i < size && out.at(i) != '"'; ++i) {
                if (out.at(i) == '\\')
                    ++i;
            }
        } else if (c == ',') {
            qsizetype next = i + 1;
            while (next < size && isSpace(out.at(next)))
                ++next;
            if (next < size && (out.at(next) == '}' || out.at(next) == ']'))
                out[i] = ' ';
        }
    }
    return out;
}

// Walks valid JSON (a blanked copy) by offsets.
class JsonWalker
{
public:
    explicit JsonWalker(const QByteArray& json)
        : m_json(json)
    { }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_json.size() && isSpace(m_json.at(i)))
            ++i;
        return i;
    }

    // The offset just past the value starting at i.
    qsizetype skipValue(qsizetype i) const
    {
        if (i >= m_json.size())
            return i;
        const char c = m_json.at(i);
        if (c == '"')
            return skipString(i);
        if (c == '{' || c == '[') {
            int depth = 0;
            for (; i < m_json.size(); ++i) {
                const char d = m_json.at(i);
                if (d == '"') {
                    i = skipString(i) - 1;
                } else if (d == '{' || d == '[') {
                    ++depth;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0)
                        return i + 1;
                }
            }
            return i;
        }
        while (i < m_json.size() && !isSpace(m_json.at(i)) && m_json.at(i) != ',' && m_json.at(i) != '}'
            && m_json.at(i) != ']')
            ++i;
        return i;
    }

    struct Member
    {
        QString key;
        qsizetype keyStart = 0;
        qsizetype valueStart = 0;
        qsizetype valueEnd = 0;
    };

    // The members of the object whose '{' is at `open`; *close receives its '}'.
    QList<Member> members(qsizetype open, qsizetype* close) const
    {
        QList<Member> result;
        qsizetype i = skipSpace(open + 1);
        while (i < m_json.size() && m_json.at(i) == '"') {
            Member member;
            member.keyStart = i;
            const qsizetype keyEnd = skipString(i);
            member.key
                = QJsonDocument::fromJson("[" + m_json.mid(i, keyEnd - i) + "]").array().at(0).toString();
            i = skipSpace(keyEnd);
            i = skipSpace(i + 1); // the ':'
            member.valueStart = i;
            member.valueEnd = skipValue(i);
            result.append(member);
            i = skipSpace(member.valueEnd);
            if (i < m_json.size() && m_json.at(i) == ',')
                i = skipSpace(i + 1);
        }
        *close = i;
        return result;
    }

private:
    qsizetype skipString(qsizetype i) const
    {
        for (++i; i < m_json.size() && m_json.at(i) != '"'; ++i) {
            if (m_json.at(i) == '\\')
                ++i;
        }
        return i + 1;
    }

    const QByteArray& m_json;
};

QByteArray jsonString(const QString& value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonObject entryObject(McpClient client, const ClientServerEntry& entry)
{
    QJsonObject object;
    if (client == McpClient::VsCode)
        object.insert(u"type"_s, u"stdio"_s); // VS Code wants the transport named
    object.insert(u"command"_s, entry.command);
    object.insert(u"args"_s, QJsonArray::fromStringList(entry.args));
    return object;
}

// One line, in the order a reader expects (type, command, args), whatever the file's style.
QByteArray entryText(McpClient client, const ClientServerEntry& entry)
{
    QByteArray text = "{";
    if (client == McpClient::VsCode)
        text += "\"type\": \"stdio\", ";
    text += "\"command\": " + jsonString(entry.command) + ", \"args\": [";
    for (qsizetype i = 0; i < entry.args.size(); ++i)
        text += (i ? ", " : "") + jsonString(entry.args.at(i));
    return text + "]}";
}

QByteArray lineIndent(const QByteArray& text, qsizetype offset)
{
    const qsizetype lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    qsizetype end = lineStart;
    while (end < text.size() && (text.at(end) == ' ' || text.at(end) == '\t'))
        ++end;
    return text.mid(lineStart, end - lineStart);
}

// Inserts `member` ("key": value) as the last member of the object between `open` and
// `close` (offsets of its braces), in the style of its existing members.
QByteArray insertMember(const QByteArray& original, const QByteArray& blank, qsizetype open, qsizetype close,
    const QList<JsonWalker::Member>& existing, const QByteArray& member, const QByteArray& unit)
{
    const QByteArray newline = original.contains("\r\n") ? "\r\n" : "\n";
    QByteArray text = original;
    if (existing.isEmpty()) {
        const QByteArray parent = lineIndent(original, open);
        QByteArray insertion = newline + parent + unit + member;
        // "{}" gets its closing brace on a line of its own; whatever stood between the
        // braces (space, a comment) stays after the new member.
        if (blank.mid(open + 1, close - open - 1).trimmed().isEmpty()
            && !blank.mid(open + 1, close - open - 1).contains('\n'))
            insertion += newline + parent;
        return text.insert(open + 1, insertion);
    }
    const JsonWalker::Member& first = existing.constFirst();
    const JsonWalker::Member& last = existing.constLast();
    const bool onOwnLines = blank.lastIndexOf('\n', first.keyStart) > open;
    // A trailing comma the file already has (blanked in `blank`) is kept and used.
    qsizetype comma = -1;
    for (qsizetype i = last.valueEnd; i < close; ++i) {
        if (original.at(i) == ',' && blank.at(i) == ' ') {
            comma = i;
            break;
        }
    }
    if (!onOwnLines) {
        const qsizetype at = comma >= 0 ? comma + 1 : last.valueEnd;
        return text.insert(at, (comma >= 0 ? " " : ", ") + member);
    }
    const QByteArray indent = lineIndent(original, first.keyStart);
    // After the comma (or the value), at the end of its line: a comment there stays on it.
    const qsizetype after = comma >= 0 ? comma + 1 : last.valueEnd;
    qsizetype lineEnd = blank.indexOf('\n', after);
    if (lineEnd < 0 || lineEnd > close || !blank.mid(after, lineEnd - after).trimmed().isEmpty())
        lineEnd = after;
    else if (lineEnd > 0 && original.at(lineEnd - 1) == '\r')
        --lineEnd;
    text.insert(lineEnd, newline + indent + member);
    if (comma < 0)
        text.insert(last.valueEnd, ",");
    return text;
}

bool sameLaunch(const QJsonObject& server, const ClientServerEntry& entry)
{
    QStringList args;
    for (const QJsonValue& arg : server.value(u"args"_s).toArray())
        args.append(arg.toString());
    return server.value(u"command"_s).toString() == entry.command && args == entry.args;
}

} // namespace

std::optional<McpClient> mcpClientFromName(QStringView name)
{
    if (name == u"claude")
        return McpClient::Claude;
    if (name == u"cursor")
        return McpClient::Cursor;
    if (name == u"vscode")
        return McpClient::VsCode;
    return std::nullopt;
}

QStringList mcpClientNames()
{
    return { u"claude"_s, u"cursor"_s, u"vscode"_s };
}

QString mcpClientTitle(McpClient client)
{
    switch (client) {
    case McpClient::Claude:
        return u"Claude Desktop"_s;
    case McpClient::Cursor:
        return u"Cursor"_s;
    case McpClient::VsCode:
        return u"VS Code"_s;
    }
    return {};
}

HostOs currentHostOs()
{
    switch (QOperatingSystemVersion::currentType()) {
    case QOperatingSystemVersion::Windows:
        return HostOs::Windows;
    case QOperatingSystemVersion::MacOS:
        return HostOs::MacOs;
    default:
        return HostOs::Linux;
    }
}

ClientPathEnvironment ClientPathEnvironment::fromSystem()
{
    ClientPathEnvironment environment;
    environment.home = currentHostOs() == HostOs::Windows ? qEnvironmentVariable("USERPROFILE")
                                                          : qEnvironmentVariable("HOME");
    if (environment.home.isEmpty())
        environment.home = QDir::homePath();
    environment.xdgConfigHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    environment.appData = qEnvironmentVariable("APPDATA");
    return environment;
}

QString clientConfigPath(
    McpClient client, HostOs os, const ClientPathEnvironment& environment, const QString& projectDir)
{
    const QDir home(environment.home);
    switch (client) {
    case McpClient::Claude:
        if (os == HostOs::Windows)
            return QDir(environment.appData).filePath(u"Claude/claude_desktop_config.json"_s);
        if (os == HostOs::MacOs)
            return home.filePath(u"Library/Application Support/Claude/claude_desktop_config.json"_s);
        // No official Linux build: the community builds read it where XDG puts configs.
        return QDir(QDir::isAbsolutePath(environment.xdgConfigHome) ? environment.xdgConfigHome
                                                                    : home.filePath(u".config"_s))
            .filePath(u"Claude/claude_desktop_config.json"_s);
    case McpClient::Cursor:
        return home.filePath(u".cursor/mcp.json"_s);
    case McpClient::VsCode:
        return QDir(projectDir).filePath(u".vscode/mcp.json"_s);
    }
    return {};
}

ClientConfigEdit addClientServer(const QByteArray& original, McpClient client, const ClientServerEntry& entry)
{
    ClientConfigEdit edit;
    const QString serversKey = client == McpClient::VsCode ? u"servers"_s : u"mcpServers"_s;
    const QJsonObject entryJson = entryObject(client, entry);
    if (original.trimmed().isEmpty()) {
        // Nothing to keep: the whole file comes from QJsonDocument.
        edit.text = QJsonDocument(QJsonObject { { serversKey, QJsonObject { { entry.name, entryJson } } } })
                        .toJson(QJsonDocument::Indented);
        edit.status = ClientConfigEdit::Status::Added;
        return edit;
    }
    const QByteArray blank = blankedJsonc(original);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(blank, &parseError);
    if (!document.isObject()) {
        const qsizetype line = original.left(parseError.offset).count('\n') + 1;
        edit.error = document.isNull()
            ? u"not valid JSON (line %1: %2); left as it is"_s.arg(line).arg(parseError.errorString())
            : u"not a JSON object; left as it is"_s;
        return edit;
    }
    const QJsonValue servers = document.object().value(serversKey);
    if (!servers.isUndefined() && !servers.isObject()) {
        edit.error = u"\"%1\" is not an object; left as it is"_s.arg(serversKey);
        return edit;
    }
    const QJsonObject serverMap = servers.toObject();
    for (auto it = serverMap.begin(); it != serverMap.end(); ++it) {
        if (sameLaunch(it.value().toObject(), entry)) {
            edit.status = ClientConfigEdit::Status::AlreadyThere;
            edit.existingName = it.key();
            return edit;
        }
    }
    if (serverMap.contains(entry.name)) {
        edit.status = ClientConfigEdit::Status::NameTaken;
        edit.existingName = entry.name;
        return edit;
    }

    const JsonWalker walker(blank);
    const qsizetype rootOpen = walker.skipSpace(0);
    qsizetype rootClose = 0;
    const QList<JsonWalker::Member> rootMembers = walker.members(rootOpen, &rootClose);
    const QByteArray unit
        = rootMembers.isEmpty() ? QByteArray("  ") : lineIndent(original, rootMembers.first().keyStart);
    const QByteArray member = jsonString(entry.name) + ": " + entryText(client, entry);
    for (const JsonWalker::Member& rootMember : rootMembers) {
        if (rootMember.key == serversKey) {
            qsizetype close = 0;
            const QList<JsonWalker::Member> existing = walker.members(rootMember.valueStart, &close);
            edit.text = insertMember(original, blank, rootMember.valueStart, close, existing, member,
                unit.isEmpty() ? QByteArray("  ") : unit);
            edit.status = ClientConfigEdit::Status::Added;
            return edit;
        }
    }
    edit.text = insertMember(original, blank, rootOpen, rootClose, rootMembers,
        jsonString(serversKey) + ": {" + member + '}', unit.isEmpty() ? QByteArray("  ") : unit);
    edit.status = ClientConfigEdit::Status::Added;
    return edit;
}

ClientInstallResult installClientServer(const QString& path, McpClient client, const ClientServerEntry& entry)
{
    ClientInstallResult result;
    const QFileInfo info(path);
    QByteArray original;
    if (info.exists()) {
        QFile file(path);
        if (!info.isFile() || info.size() > kMaxClientConfigBytes || !file.open(QIODevice::ReadOnly)) {
            result.error = u"cannot read "_s + path
                + (file.errorString().isEmpty() ? QString() : u": "_s + file.errorString());
            return result;
        }
        original = file.readAll();
    }
    const ClientConfigEdit edit = addClientServer(original, client, entry);
    result.status = edit.status;
    result.existingName = edit.existingName;
    if (edit.status == ClientConfigEdit::Status::Invalid)
        result.error = path + u": "_s + edit.error;
    if (edit.status != ClientConfigEdit::Status::Added)
        return result;
    if (info.exists()) {
        result.backup = backUpFile(path, &result.error);
        if (result.backup.isEmpty()) {
            result.status = ClientConfigEdit::Status::Invalid;
            return result;
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        result.status = ClientConfigEdit::Status::Invalid;
        result.error = u"cannot create the folder "_s + info.absolutePath();
        return result;
    }
    if (!replaceFileContents(path, edit.text, &result.error)) {
        result.status = ClientConfigEdit::Status::Invalid;
        return result;
    }
    qCInfo(lcConfig) << "added" << entry.name << "to" << path;
    return result;
}

} // namespace foxreload
