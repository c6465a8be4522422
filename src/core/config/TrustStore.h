#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace foxreload {

struct Config;

// A config file may start programs, so FoxReload runs a project's server command only
// after the user has trusted that exact file once (like direnv's `allow`). The store
// remembers, per absolute config path, the SHA-256 of the bytes that were trusted; any
// edit makes the file untrusted again until the user looks at it and trusts it anew.
//
// The store is a small JSON file in QStandardPaths::AppDataLocation. Several FoxReload
// processes may change it at once: every change takes a lock file, re-reads the store,
// applies the one change and replaces the file atomically.
class TrustStore
{
public:
    enum class Status {
        Trusted, // trusted, and the file still has the trusted content
        Unknown, // never trusted (or revoked)
        Changed, // trusted once, but the content differs now
        Unreadable, // the config file cannot be read
    };

    struct Entry
    {
        QString path; // absolute (symbolic links resolved)
        QByteArray sha256; // hex
        QDateTime trustedAt; // UTC
    };

    // Without an argument the store lives in AppDataLocation/trusted-configs.json.
    explicit TrustStore(QString storeFile = defaultStoreFile());

    static QString defaultStoreFile();
    QString storeFile() const { return m_storeFile; }

    // The key under which a config is remembered: absolute, symbolic links resolved.
    static QString canonicalPath(const QString& configPath);
    static QByteArray sha256Hex(const QByteArray& contents);

    Status status(const QString& configPath) const;
    bool isTrusted(const QString& configPath) const { return status(configPath) == Status::Trusted; }
    // Whether the bytes this config was parsed from (Config::sourceSha256) are the trusted ones:
    // what is checked is what runs, whatever the file holds by now. A config built in code
    // (no source file) needs no trust.
    Status status(const Config& config) const;
    bool isTrusted(const Config& config) const;

    // Trusts the file's current content.
    bool trust(const QString& configPath, QString* errorMessage = nullptr);
    // Trusts exactly these bytes, e.g. the ones the user was just shown; if the file has
    // changed since, it stays untrusted.
    bool trustContents(
        const QString& configPath, const QByteArray& contents, QString* errorMessage = nullptr);
    // Trusts the bytes this config was parsed from: the ones the user was shown.
    bool trust(const Config& config, QString* errorMessage = nullptr);
    // Forgets the file. Revoking an unknown file succeeds and changes nothing.
    bool revoke(const QString& configPath, QString* errorMessage = nullptr);

    QList<Entry> entries() const;

private:
    Status statusOfDigest(const QString& configPath, const QByteArray& sha256Hex) const;
    bool trustDigest(const QString& configPath, const QByteArray& sha256Hex, QString* errorMessage);

    QString m_storeFile;
};

QString trustStatusText(TrustStore::Status status);

// What trusting a config lets FoxReload run, as every place that asks the user shows it
// (`foxreload trust`, the terminal prompt, the desktop app's prompt): the server command
// quoted for a POSIX shell, its working directory and the environment it adds, one per
// line. The labels are translatable (context "foxreload::TrustSummary").
QString trustSummary(const Config& config);

} // namespace foxreload
