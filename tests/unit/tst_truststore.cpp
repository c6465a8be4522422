#include "config/TrustStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

bool writeText(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace

class TestTrustStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void defaultStoreFollowsXdgDataHome();
    void trustChangeAndRevoke();
    void trustingExactContents();
    void symlinkedPathsShareOneEntry();
    void storesDoNotOverwriteEachOther();
    void unreadableAndMissingFiles();
    void damagedStoreIsNeverOverwritten();
    void storeFormat();

private:
    QTemporaryDir m_dataHome;
    QTemporaryDir m_projects;
    QString m_store;
    QString m_config;
};

void TestTrustStore::initTestCase()
{
    QVERIFY(m_dataHome.isValid());
    QVERIFY(m_projects.isValid());
    // Never the user's real trust store.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path()));
}

void TestTrustStore::init()
{
    // A fresh store and a fresh project for every test.
    static int round = 0;
    ++round;
    m_store = m_dataHome.filePath(u"store-%1/trusted-configs.json"_s.arg(round));
    const QString project = m_projects.filePath(u"project-%1"_s.arg(round));
    QVERIFY(QDir().mkpath(project));
    m_config = project + u"/.foxreload.yaml"_s;
    QVERIFY(writeText(m_config, "server: {command: python3}\n"));
}

void TestTrustStore::defaultStoreFollowsXdgDataHome()
{
    const QString file = TrustStore::defaultStoreFile();
    QVERIFY2(file.startsWith(QDir::cleanPath(m_dataHome.path()) + u'/'), qPrintable(file));
    QVERIFY(file.endsWith(u"/trusted-configs.json"_s));
    QCOMPARE(TrustStore().storeFile(), file);
}

void TestTrustStore::trustChangeAndRevoke()
{
    TrustStore store(m_store);
    QCOMPARE(store.status(m_config), TrustStore::Status::Unknown);
    QVERIFY(!store.isTrusted(m_config));

    QString error;
    QVERIFY2(store.trust(m_config, &error), qPrintable(error));
    QCOMPARE(store.status(m_config), TrustStore::Status::Trusted);
    QVERIFY(QFile::exists(m_store));

    // Any edit withdraws the trust ...
    QVERIFY(writeText(m_config, "server: {command: rm, args: [-rf, /]}\n"));
    QCOMPARE(store.status(m_config), TrustStore::Status::Changed);
    QVERIFY(!store.isTrusted(m_config));
    // ... and putting the old bytes back restores it: the content is what was trusted.
    QVERIFY(writeText(m_config, "server: {command: python3}\n"));
    QCOMPARE(store.status(m_config), TrustStore::Status::Trusted);

    QVERIFY2(store.revoke(m_config, &error), qPrintable(error));
    QCOMPARE(store.status(m_config), TrustStore::Status::Unknown);
    QVERIFY(store.entries().isEmpty());
    // Revoking again is harmless.
    QVERIFY(store.revoke(m_config, &error));
}

void TestTrustStore::trustingExactContents()
{
    TrustStore store(m_store);
    // The user was shown other bytes than the file now holds: it must stay untrusted.
    QVERIFY(store.trustContents(m_config, "server: {command: node}\n"));
    QCOMPARE(store.status(m_config), TrustStore::Status::Changed);
    QVERIFY(store.trustContents(m_config, "server: {command: python3}\n"));
    QCOMPARE(store.status(m_config), TrustStore::Status::Trusted);
}

void TestTrustStore::symlinkedPathsShareOneEntry()
{
    const QString link = m_projects.filePath(u"link-%1"_s.arg(QFileInfo(m_store).dir().dirName()));
    QVERIFY(QFile::link(QFileInfo(m_config).absolutePath(), link));
    TrustStore store(m_store);
    QVERIFY(store.trust(link + u"/.foxreload.yaml"_s));
    QCOMPARE(store.status(m_config), TrustStore::Status::Trusted);
    QCOMPARE(store.entries().size(), 1);
    QCOMPARE(store.entries().constFirst().path, QFileInfo(m_config).canonicalFilePath());
    // A relative spelling reaches the same entry too.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QFileInfo(m_config).absolutePath()));
    const auto status = store.status(u".foxreload.yaml"_s);
    QVERIFY(QDir::setCurrent(previous));
    QCOMPARE(status, TrustStore::Status::Trusted);
}

void TestTrustStore::storesDoNotOverwriteEachOther()
{
    // Two FoxReload processes, each with its own view of the store: every change re-reads
    // the file, so neither loses the other's entry.
    TrustStore first(m_store);
    TrustStore second(m_store);
    QStringList configs;
    for (int i = 0; i < 6; ++i) {
        const QString dir = QFileInfo(m_config).absolutePath() + u"/p%1"_s.arg(i);
        QVERIFY(QDir().mkpath(dir));
        configs.append(dir + u"/.foxreload.yaml"_s);
        QVERIFY(writeText(configs.last(), "server: {command: python3}\n# " + QByteArray::number(i) + '\n'));
    }
    for (int i = 0; i < configs.size(); ++i)
        QVERIFY((i % 2 ? first : second).trust(configs.at(i)));
    QVERIFY(first.revoke(configs.at(2)));
    for (int i = 0; i < configs.size(); ++i)
        QCOMPARE(second.isTrusted(configs.at(i)), i != 2);
    QCOMPARE(first.entries().size(), configs.size() - 1);
    // No lock file is left behind.
    QVERIFY(!QFile::exists(m_store + u".lock"_s));
}

void TestTrustStore::unreadableAndMissingFiles()
{
    TrustStore store(m_store);
    QVERIFY(store.trust(m_config));
    QVERIFY(QFile::remove(m_config));
    QCOMPARE(store.status(m_config), TrustStore::Status::Unreadable);
    QString error;
    QVERIFY(!store.trust(m_config, &error));
    QVERIFY2(error.startsWith(u"cannot read "_s), qPrintable(error));
    // The entry of a deleted config can still be revoked by name.
    QVERIFY(store.revoke(m_config));
    QVERIFY(store.entries().isEmpty());
}

void TestTrustStore::damagedStoreIsNeverOverwritten()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_store).absolutePath()));
    QVERIFY(writeText(m_store, "{ not json"));
    TrustStore store(m_store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is damaged"_s));
    QCOMPARE(store.status(m_config), TrustStore::Status::Unknown);
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"is damaged"_s));
    QVERIFY(!store.trust(m_config, &error));
    QVERIFY2(error.contains(u"is damaged"_s) && error.contains(m_store), qPrintable(error));
    QFile file(m_store);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "{ not json"_ba);
}

void TestTrustStore::storeFormat()
{
    TrustStore store(m_store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(store.trust(m_config));
    QFile file(m_store);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonObject entry
        = root.value(u"configs"_s).toObject().value(QFileInfo(m_config).canonicalFilePath()).toObject();
    // sha256 of "server: {command: python3}\n"
    QCOMPARE(entry.value(u"sha256"_s).toString().toLatin1(),
        TrustStore::sha256Hex("server: {command: python3}\n"));
    QCOMPARE(entry.value(u"sha256"_s).toString().size(), 64);
    const QList<TrustStore::Entry> entries = store.entries();
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.constFirst().trustedAt >= before);
    QCOMPARE(entries.constFirst().trustedAt.timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestTrustStore)
#include "tst_truststore.moc"
