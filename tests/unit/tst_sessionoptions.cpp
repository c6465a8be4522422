// The flags of `run` and `proxy` on top of a config file: each checked as the file's value would be
// (ConfigSchema), and the rules between keys applied again once every flag is in.

#include "cli/SessionOptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

class TestSessionOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overrides_data();
    void overrides();
};

void TestSessionOptions::overrides_data()
{
    QTest::addColumn<QByteArray>("watch"); // the config file's watch: map
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("error"); // empty: resolves
    QTest::addColumn<int>("debounceMs");
    QTest::addColumn<int>("settleMs");

    QTest::newRow("no flags") << "{}"_ba << QStringList() << QString() << 50 << 5;
    QTest::newRow("--debounce within max_wait_ms")
        << "{}"_ba << QStringList { u"--debounce"_s, u"500"_s } << QString() << 500 << 5;
    QTest::newRow("--debounce over the default max_wait_ms")
        << "{}"_ba << QStringList { u"--debounce"_s, u"5000"_s }
        << u"--debounce 5000: watch.max_wait_ms (1000) must be at least watch.debounce_ms (5000); change "
           u"watch.max_wait_ms in the config, or give --debounce a value that fits"_s
        << 0 << 0;
    QTest::newRow("--debounce over the file's max_wait_ms")
        << "{max_wait_ms: 200}"_ba << QStringList { u"--debounce"_s, u"300"_s }
        << u"--debounce 300: watch.max_wait_ms (200) must be at least watch.debounce_ms (300); change "
           u"watch.max_wait_ms in the config, or give --debounce a value that fits"_s
        << 0 << 0;
    QTest::newRow("--debounce fits the file's raised max_wait_ms")
        << "{max_wait_ms: 10000}"_ba << QStringList { u"--debounce"_s, u"5000"_s } << QString() << 5000 << 5;
    QTest::newRow("--debounce 0 turns the default settle off")
        << "{}"_ba << QStringList { u"--debounce"_s, u"0"_s } << QString() << 0 << 0;
    QTest::newRow("--debounce below the file's settle_ms shortens it")
        << "{debounce_ms: 40, settle_ms: 20}"_ba << QStringList { u"--debounce"_s, u"10"_s } << QString()
        << 10 << 10;
    QTest::newRow("--debounce out of range")
        << "{}"_ba << QStringList { u"--debounce"_s, u"70000"_s }
        << u"--debounce: expected a whole number of milliseconds (0–60000), got \"70000\""_s << 0 << 0;
    QTest::newRow("--debounce not a number")
        << "{}"_ba << QStringList { u"--debounce"_s, u"soon"_s }
        << u"--debounce: expected a whole number of milliseconds (0–60000), got \"soon\""_s << 0 << 0;
    QTest::newRow("--backend unknown")
        << "{}"_ba << QStringList { u"--backend"_s, u"fsevents"_s }
        << u"--backend: expected one of auto, inotify, qt, polling, got \"fsevents\""_s << 0 << 0;
    QTest::newRow("--backend misspelt")
        << "{}"_ba << QStringList { u"--backend"_s, u"inotfy"_s }
        << u"--backend: expected one of auto, inotify, qt, polling, got \"inotfy\" (did you mean \"inotify\"?)"_s
        << 0 << 0;
    QTest::newRow("--backend known") << "{}"_ba << QStringList { u"--backend"_s, u"polling"_s } << QString()
                                     << 50 << 5;
    QTest::newRow("--transport unknown")
        << "{}"_ba << QStringList { u"--transport"_s, u"sse"_s }
        << u"--transport: expected one of stdio, http, got \"sse\""_s << 0 << 0;
    QTest::newRow("two wrong flags, both said")
        << "{}"_ba << QStringList { u"--debounce"_s, u"-1"_s, u"--transport"_s, u"sse"_s }
        << u"--debounce: expected a whole number of milliseconds (0–60000), got \"-1\"\n"
           u"--transport: expected one of stdio, http, got \"sse\""_s
        << 0 << 0;
}

void TestSessionOptions::overrides()
{
    QFETCH(QByteArray, watch);
    QFETCH(QStringList, flags);
    QFETCH(QString, error);
    QFETCH(int, debounceMs);
    QFETCH(int, settleMs);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u".foxreload.yaml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("server: {command: python3}\nwatch: " + watch + '\n');
    file.close();

    cli::SessionOptions options;
    QCommandLineParser parser;
    options.addTo(parser);
    QVERIFY2(parser.parse(QStringList { u"foxreload"_s, u"--config"_s, dir.path() } + flags),
        qPrintable(parser.errorText()));
    QStringList errors;
    const std::optional<Config> config = options.resolve(parser, &errors);
    QCOMPARE(errors.join(u'\n'), error);
    QCOMPARE(config.has_value(), error.isEmpty());
    if (!config)
        return;
    QCOMPARE(config->watch.debounceMs, debounceMs);
    QCOMPARE(config->watch.settleMs, settleMs);
    QVERIFY(config->watch.settleMs <= config->watch.debounceMs);
    QVERIFY(config->watch.debounceMs <= config->watch.maxWaitMs);
}

QTEST_GUILESS_MAIN(TestSessionOptions)
#include "tst_sessionoptions.moc"
