#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace foxreload {

// Registering a FoxReload proxy with an MCP client (Claude Desktop, Cursor, VS Code): where
// each client keeps its server list, and adding one entry to that file.
//
// The file is the user's: comments (VS Code and Cursor read JSON with comments), their
// spacing, key order and every other server stay byte for byte. So an existing file is never
// re-serialised; the new entry is inserted as text at the end of the server map. Only a file
// that is missing or blank is written from a QJsonDocument, since there is nothing to keep.
enum class McpClient { Claude, Cursor, VsCode };

std::optional<McpClient> mcpClientFromName(QStringView name); // "claude", "cursor", "vscode"
QStringList mcpClientNames();
QString mcpClientTitle(McpClient client); // "Claude Desktop"

enum class HostOs { Linux, MacOs, Windows };
HostOs currentHostOs();

// The environment the paths are built from; fromSystem() reads the real one.
struct ClientPathEnvironment
{
    QString home; // HOME (USERPROFILE on Windows)
    QString xdgConfigHome; // XDG_CONFIG_HOME; empty: home/.config
    QString appData; // APPDATA (Windows)

    static ClientPathEnvironment fromSystem();
};

// The client's config file: Claude Desktop's and Cursor's per user, VS Code's in the project
// (.vscode/mcp.json, the workspace's list).
QString clientConfigPath(
    McpClient client, HostOs os, const ClientPathEnvironment& environment, const QString& projectDir);

// The server entry: what the client launches.
struct ClientServerEntry
{
    QString name;
    QString command;
    QStringList args;
};

struct ClientConfigEdit
{
    enum class Status { Added, AlreadyThere, NameTaken, Invalid };
    Status status = Status::Invalid;
    QByteArray text; // the new file when Added
    QString existingName; // the entry that already launches this config, when AlreadyThere
    QString error; // why, when Invalid
};

// `original` with the entry added to the client's server map ("mcpServers"; VS Code:
// "servers"). An entry with the same command and arguments is AlreadyThere (a second run adds
// nothing); another entry under the same name is NameTaken.
ClientConfigEdit addClientServer(
    const QByteArray& original, McpClient client, const ClientServerEntry& entry);

struct ClientInstallResult
{
    ClientConfigEdit::Status status = ClientConfigEdit::Status::Invalid;
    QString backup; // the copy of the old file, when there was one and it changed
    QString existingName;
    QString error;
};

// Reads `path`, adds the entry, backs the old file up, writes the new one atomically.
// Creates the file (and its folder) when missing.
ClientInstallResult installClientServer(
    const QString& path, McpClient client, const ClientServerEntry& entry);

} // namespace foxreload
