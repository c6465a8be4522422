// ConfigFileMonitor on real files: what an editor, a `git checkout` or a `touch` does to
// a config, and what the monitor reports of it. Also the trust that follows the bytes
// parsed (TrustStore against Config::sourceSha256).

#include "config/ConfigFileMonitor.h"
#include "config/TrustStore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

const QByteArray kFirst = "# the first version\nserver:\n  command: python3\n  args: [main.py]\n";
const QByteArray kSecond = "# the second version\nserver:\n  command: python3\n  args: [main.py, -v]\n";

bool writeInPlace(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

bool writeByRename(const QString& path, const QByteArray& contents)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size() && file.commit();
}

} // namespace

Q_DECLARE_METATYPE(foxreload::ConfigLoadResult)

class TestConfigFileMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dataHome.isValid());
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataHome.path())); // never the user's trust store
        qRegisterMetaType<ConfigLoadResult>();
    }

    void reportsEachRealChange_data()
    {
        QTest::addColumn<bool>("byRename");
        QTest::newRow("written in place") << false;
        QTest::newRow("saved by rename (vim, VS Code, QSaveFile)") << true;
    }
    void reportsEachRealChange()
    {
        QFETCH(bool, byRename);
        QTemporaryDir dir;
        const QString path = dir.filePath(u".foxreload.yaml"_s);
        QVERIFY(writeInPlace(path, kFirst));
        const ConfigLoadResult first = ConfigLoader::loadFile(path);
        QVERIFY(first.ok());

        ConfigFileMonitor monitor;
        QSignalSpy changed(&monitor, &ConfigFileMonitor::changed);
        monitor.watch(path, first.config->sourceSha256);

        // Twice: the second change proves the watch survived the first (a rename ends it).
        for (const QByteArray& contents : { kSecond, kFirst }) {
            const qsizetype before = changed.size();
            QVERIFY(byRename ? writeByRename(path, contents) : writeInPlace(path, contents));
            QTRY_COMPARE_WITH_TIMEOUT(changed.size(), before + 1, 5000);
            const auto result = changed.last().first().value<ConfigLoadResult>();
            QVERIFY(result.ok());
            QCOMPARE(result.config->sourceSha256, TrustStore::sha256Hex(contents));
            QCOMPARE(result.config->server.args.size(), contents == kSecond ? 2 : 1);
        }
        // The same bytes again (a save without edits) and a touch are no change.
        QVERIFY(writeByRename(path, kFirst));
        QTest::qWait(ConfigFileMonitor::kSettleMs * 4);
        QCOMPARE(changed.size(), 2);
    }

    void brokenAndRemovedFilesAreReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u".foxreload.yaml"_s);
        QVERIFY(writeInPlace(path, kFirst));
        ConfigFileMonitor monitor;
        QSignalSpy changed(&monitor, &ConfigFileMonitor::changed);
        QSignalSpy removed(&monitor, &ConfigFileMonitor::removed);
        monitor.watch(path, TrustStore::sha256Hex(kFirst));

        QVERIFY(writeByRename(path, "server:\n  command: [unclosed\n"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        const auto broken = changed.last().first().value<ConfigLoadResult>();
        QVERIFY(!broken.ok());
        QVERIFY(!broken.errors.isEmpty());

        QVERIFY(QFile::remove(path));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
        // It comes back: a change again, and the removal is reported once, not per event.
        QVERIFY(writeByRename(path, kSecond));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 5000);
        QCOMPARE(removed.size(), 1);
    }

    // The trust is checked against the bytes that were parsed, not against whatever the
    // file holds when the check runs: a swap between the two cannot slip anything through.
    void trustFollowsTheBytesParsed()
    {
        QTemporaryDir dir;
        TrustStore store(dir.filePath(u"trusted.json"_s));
        const QString path = dir.filePath(u".foxreload.yaml"_s);
        QVERIFY(writeInPlace(path, kFirst));
        const ConfigLoadResult trustedVersion = ConfigLoader::loadFile(path);
        QVERIFY(trustedVersion.ok());
        QVERIFY(store.trust(*trustedVersion.config));
        QVERIFY(store.isTrusted(*trustedVersion.config));

        QVERIFY(writeByRename(path, kSecond)); // swapped after the check
        QVERIFY(store.isTrusted(*trustedVersion.config)); // what was parsed is still what was trusted
        QCOMPARE(store.status(path), TrustStore::Status::Changed);
        const ConfigLoadResult swapped = ConfigLoader::loadFile(path);
        QVERIFY(swapped.ok());
        QCOMPARE(store.status(*swapped.config), TrustStore::Status::Changed);

        // Trusting a config trusts its bytes: a file changed meanwhile stays untrusted.
        Config stale = *swapped.config;
        QVERIFY(writeByRename(path, kFirst + "# a third version\n"));
        QVERIFY(store.trust(stale));
        QCOMPARE(store.status(path), TrustStore::Status::Changed);

        Config inCode = Config::defaults(dir.path()); // no file: nothing to trust
        QVERIFY(store.isTrusted(inCode));
    }

    void summaryNamesCommandDirectoryAndEnvironment()
    {
        Config config = Config::defaults(u"/srv/project"_s);
        config.server.command = u"python3"_s;
        config.server.args = { u"main.py"_s, u"--name=two words"_s };
        config.server.cwd = u"/srv/project"_s;
        config.server.env.insert(u"API_TOKEN"_s, u"it's secret"_s);
        config.server.env.insert(u"PYTHONUNBUFFERED"_s, u"1"_s);
        const QString text = trustSummary(config);
        QCOMPARE(text,
            u"command:      python3 main.py '--name=two words'\n"
            u"directory:    /srv/project\n"
            u"environment:  API_TOKEN='it'\\''s secret'\n"
            u"              PYTHONUNBUFFERED=1\n"_s);
    }

private:
    QTemporaryDir m_dataHome;
};

QTEST_GUILESS_MAIN(TestConfigFileMonitor)
#include "tst_configfilemonitor.moc"
