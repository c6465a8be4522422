#include "TrustStore.h"

#include "Config.h"
#include "ConfigLog.h"
#include "common/ShellQuote.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

constexpr int kFormatVersion = 1;
constexpr int kLockTimeoutMs = 10000;

// The "configs" object of the store: absolute path -> {sha256, trusted_at}.
std::optional<QJsonObject> readConfigs(const QString& storeFile, QString* errorMessage)
{
    QFile file(storeFile);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = u"cannot read the trust store "_s + storeFile + u": "_s + file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *errorMessage = u"the trust store "_s + storeFile + u" is damaged ("_s
            + (parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                            : u"not a JSON object"_s)
            + u"); fix or delete it"_s;
        return std::nullopt;
    }
    return document.object().value(u"configs"_s).toObject();
}

// Lock, re-read, change, replace atomically: two processes trusting different files at
// the same moment both end up in the store.
bool modifyConfigs(
    const QString& storeFile, const std::function<void(QJsonObject&)>& change, QString* errorMessage)
{
    QString error;
    const QString directory = QFileInfo(storeFile).absolutePath();
    if (!QDir().mkpath(directory)) {
        error = u"cannot create "_s + directory;
    } else {
        QLockFile lock(storeFile + u".lock"_s);
        if (!lock.tryLock(kLockTimeoutMs)) {
            error = u"the trust store "_s + storeFile + u" is locked by another process"_s;
        } else if (std::optional<QJsonObject> configs = readConfigs(storeFile, &error)) {
            change(*configs);
            const QJsonObject root { { u"version"_s, kFormatVersion }, { u"configs"_s, *configs } };
            QSaveFile file(storeFile);
            if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0
                || !file.commit())
                error = u"cannot write the trust store "_s + storeFile + u": "_s + file.errorString();
        }
    }
    if (error.isEmpty())
        return true;
    qCWarning(lcConfig).noquote() << error;
    if (errorMessage)
        *errorMessage = error;
    return false;
}

} // namespace

TrustStore::TrustStore(QString storeFile)
    : m_storeFile(std::move(storeFile))
{ }

QString TrustStore::defaultStoreFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/trusted-configs.json"_s;
}

QString TrustStore::canonicalPath(const QString& configPath)
{
    const QFileInfo info(configPath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QByteArray TrustStore::sha256Hex(const QByteArray& contents)
{
    return QCryptographicHash::hash(contents, QCryptographicHash::Sha256).toHex();
}

TrustStore::Status TrustStore::status(const QString& configPath) const
{
    QFile file(configPath);
    if (!file.open(QIODevice::ReadOnly))
        return Status::Unreadable;
    return statusOfDigest(configPath, sha256Hex(file.readAll()));
}

TrustStore::Status TrustStore::status(const Config& config) const
{
    if (config.sourceFile.isEmpty())
        return Status::Trusted;
    if (config.sourceSha256.isEmpty())
        return status(config.sourceFile); // built in code from a file's name: the file decides
    return statusOfDigest(config.sourceFile, config.sourceSha256);
}

bool TrustStore::isTrusted(const Config& config) const
{
    return status(config) == Status::Trusted;
}

TrustStore::Status TrustStore::statusOfDigest(const QString& configPath, const QByteArray& hash) const
{
    QString error;
    const std::optional<QJsonObject> configs = readConfigs(m_storeFile, &error);
    if (!configs) {
        qCWarning(lcConfig).noquote() << error;
        return Status::Unknown;
    }
    const QJsonValue entry = configs->value(canonicalPath(configPath));
    if (!entry.isObject())
        return Status::Unknown;
    return entry.toObject().value(u"sha256"_s).toString().toLatin1() == hash ? Status::Trusted
                                                                             : Status::Changed;
}

bool TrustStore::trust(const QString& configPath, QString* errorMessage)
{
    QFile file(configPath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorMessage)
            *errorMessage = u"cannot read "_s + configPath + u": "_s + file.errorString();
        return false;
    }
    return trustContents(configPath, file.readAll(), errorMessage);
}

bool TrustStore::trustContents(const QString& configPath, const QByteArray& contents, QString* errorMessage)
{
    return trustDigest(configPath, sha256Hex(contents), errorMessage);
}

bool TrustStore::trust(const Config& config, QString* errorMessage)
{
    if (config.sourceFile.isEmpty())
        return true;
    if (config.sourceSha256.isEmpty())
        return trust(config.sourceFile, errorMessage);
    return trustDigest(config.sourceFile, config.sourceSha256, errorMessage);
}

bool TrustStore::trustDigest(const QString& configPath, const QByteArray& sha256, QString* errorMessage)
{
    const QString key = canonicalPath(configPath);
    const QString hash = QString::fromLatin1(sha256);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const bool ok = modifyConfigs(
        m_storeFile,
        [&](QJsonObject& configs) {
            configs.insert(key, QJsonObject { { u"sha256"_s, hash }, { u"trusted_at"_s, now } });
        },
        errorMessage);
    if (ok)
        qCDebug(lcConfig).noquote() << "trusted" << key << hash;
    return ok;
}

bool TrustStore::revoke(const QString& configPath, QString* errorMessage)
{
    const QString key = canonicalPath(configPath);
    return modifyConfigs(
        m_storeFile, [&](QJsonObject& configs) { configs.remove(key); }, errorMessage);
}

QList<TrustStore::Entry> TrustStore::entries() const
{
    QString error;
    const std::optional<QJsonObject> configs = readConfigs(m_storeFile, &error);
    if (!configs) {
        qCWarning(lcConfig).noquote() << error;
        return {};
    }
    QList<Entry> result;
    for (auto it = configs->begin(); it != configs->end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        result.append({ it.key(), entry.value(u"sha256"_s).toString().toLatin1(),
            QDateTime::fromString(entry.value(u"trusted_at"_s).toString(), Qt::ISODate) });
    }
    return result;
}

QString trustStatusText(TrustStore::Status status)
{
    switch (status) {
    case TrustStore::Status::Trusted:
        return u"trusted"_s;
    case TrustStore::Status::Unknown:
        return u"not trusted"_s;
    case TrustStore::Status::Changed:
        return u"changed since it was trusted"_s;
    case TrustStore::Status::Unreadable:
        return u"unreadable"_s;
    }
    return {};
}

QString trustSummary(const Config& config)
{
    const auto label
        = [](const char* text) { return QCoreApplication::translate("foxreload::TrustSummary", text); };
    const QString command = label(QT_TRANSLATE_NOOP("foxreload::TrustSummary", "command:"));
    const QString directory = label(QT_TRANSLATE_NOOP("foxreload::TrustSummary", "directory:"));
    const QString environment = label(QT_TRANSLATE_NOOP("foxreload::TrustSummary", "environment:"));
    const qsizetype width = std::max({ command.size(), directory.size(), environment.size() }) + 2;

    QString text = command.leftJustified(width) + shellCommandLine(config.server.command, config.server.args)
        + u'\n' + directory.leftJustified(width) + config.server.cwd + u'\n';
    QString heading = environment;
    for (auto it = config.server.env.cbegin(); it != config.server.env.cend(); ++it) {
        text += heading.leftJustified(width) + it.key() + u'=' + shellQuote(it.value()) + u'\n';
        heading.clear();
    }
    return text;
}

} // namespace foxreload
