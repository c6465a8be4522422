// The schema table (ConfigSchema.h) against what it drives: every row read by the loader, written
// by the writer and read back; every plain row's wrong value reported with the table's words; and
// docs/config.md documenting exactly the table's keys, with their defaults and ranges.

#include "common/ConfigErrorText.h"
#include "config/ConfigKeys.h"
#include "config/ConfigLoader.h"
#include "config/ConfigSchema.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace foxreload;

namespace {

// A config with a server command and `path: value`, nested as blocks ("watch.debounce_ms", "60000"
// -> "...watch:\n  debounce_ms: 60000\n"); the value stands on the last line.
QByteArray documentFor(const QString& path, const QString& value)
{
    QStringList parts = path.split(u'.');
    QString yaml = u"server: {command: python3}\n"_s;
    qsizetype indent = 0;
    if (parts.size() > 1 && parts.constFirst() == u"server") {
        yaml = u"server:\n  command: python3\n"_s;
        parts.removeFirst();
        indent = 1;
    }
    for (qsizetype i = 0; i < parts.size(); ++i) {
        yaml += QString((indent + i) * 2, u' ') + parts.at(i) + u':';
        yaml += i + 1 == parts.size() ? u' ' + value + u'\n' : u"\n"_s;
    }
    return yaml.toUtf8();
}

// A row that docs/config.md must document: every key a user writes, but not the sections that
// only hold keys, list items, free-form names, or rules (documented by its own heading).
bool documentable(const ConfigKeyInfo& key)
{
    return key.type != ConfigType::Section && !key.path.endsWith(u"[]") && !key.path.endsWith(u".*")
        && key.path != u"rules";
}

QString plainText(QString cell)
{
    return cell.remove(u'`').remove(u"**"_s).trimmed();
}

QString formatted(const ConfigKeyInfo& key, const QVariant& value)
{
    switch (key.type) {
    case ConfigType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case ConfigType::Double:
        return QString::number(value.toDouble());
    default:
        return value.toString();
    }
}

struct DocumentedKey
{
    QString defaultCell;
    QString typeCell;
    int line = 0;
};

// The reference tables of docs/config.md: under each "### `section`" heading, the first table
// (its Key column relative to the section; a table without one documents the section's own key).
QMap<QString, DocumentedKey> documentedKeys(const QString& markdown)
{
    QMap<QString, DocumentedKey> keys;
    static const QRegularExpression heading(u"^### `([a-z_]+)`"_s);
    const QStringList lines = markdown.split(u'\n');
    QString section;
    bool tableDone = true;
    QStringList header;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.startsWith(u'#')) {
            const auto match = heading.match(line);
            section = match.hasMatch() ? match.captured(1) : QString();
            tableDone = section.isEmpty();
            header.clear();
            continue;
        }
        if (tableDone)
            continue;
        if (!line.startsWith(u'|')) {
            tableDone = !header.isEmpty();
            continue;
        }
        QStringList cells = line.split(u'|');
        cells = cells.mid(1, cells.size() - 2);
        for (QString& cell : cells)
            cell = cell.trimmed();
        if (header.isEmpty()) {
            header = cells;
            continue;
        }
        if (cells.value(0).startsWith(u"---"))
            continue;
        const qsizetype keyColumn = header.indexOf(u"Key"_s);
        QString path = section;
        if (keyColumn >= 0)
            path = (section == u"rules" ? u"rules[]"_s : section) + u'.' + plainText(cells.value(keyColumn));
        keys.insert(path,
            { cells.value(header.indexOf(u"Default"_s)), cells.value(header.indexOf(u"Type"_s)),
                int(i + 1) });
    }
    return keys;
}

} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tableIsConsistent();
    void plainKeyRoundTrips_data();
    void plainKeyRoundTrips();
    void otherKeyRoundTrips_data();
    void otherKeyRoundTrips();
    void wrongPlainValueIsReported_data();
    void wrongPlainValueIsReported();
    void constraints_data();
    void constraints();
    void docsDescribeTheTable();

private:
    ConfigLoadResult load(const QByteArray& yaml) const
    {
        return ConfigLoader::parse(yaml, u".foxreload.yaml"_s, m_root);
    }
    void checkRoundTrip(const QByteArray& yaml, const Config& loaded);

    QTemporaryDir m_dir;
    QString m_root;
};

void TestConfigSchema::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = QDir::cleanPath(m_dir.path());
    QVERIFY(QDir(m_root).mkpath(u"sub"_s));
}

void TestConfigSchema::tableIsConsistent()
{
    QStringList seen;
    for (const ConfigKeyInfo& key : configSchema()) {
        QVERIFY2(!seen.contains(key.path), qPrintable(key.path + u" is in the table twice"_s));
        seen.append(key.path);
        QVERIFY2(!key.doc.isEmpty(), qPrintable(key.path + u" has no doc text"_s));
        // A key's section comes before it, so the writer opens it first.
        if (!key.parentPath().isEmpty())
            QVERIFY2(seen.contains(key.parentPath()), qPrintable(key.path));
        QCOMPARE(configKeyInfo(key.path), &key);
        if (key.isPlain()) {
            QVERIFY2(key.access.set, qPrintable(key.path));
            QVERIFY2(!key.defaultText.isEmpty(), qPrintable(key.path));
        }
        if (key.type == ConfigType::Int || key.type == ConfigType::Double)
            QVERIFY2(key.min < key.max, qPrintable(key.path));
        if (key.type == ConfigType::Choice)
            QVERIFY2(key.choices && !key.choices().isEmpty(), qPrintable(key.path));
    }
    QCOMPARE(configKeyOrder(), seen);
}

void TestConfigSchema::checkRoundTrip(const QByteArray& yaml, const Config& loaded)
{
    const QByteArray written = ConfigWriter::toYaml(loaded);
    const ConfigLoadResult again = load(written);
    QVERIFY2(again.ok(),
        qPrintable(test::configErrorText(again) + u"\n--- written:\n"_s + QString::fromUtf8(written)));
    QVERIFY2(*again.config == loaded,
        qPrintable(
            u"--- read:\n"_s + QString::fromUtf8(yaml) + u"--- written:\n"_s + QString::fromUtf8(written)));
}

void TestConfigSchema::plainKeyRoundTrips_data()
{
    QTest::addColumn<QString>("path");
    for (const ConfigKeyInfo& key : configSchema()) {
        if (key.isPlain())
            QTest::newRow(qPrintable(key.path)) << key.path;
    }
}

void TestConfigSchema::plainKeyRoundTrips()
{
    QFETCH(QString, path);
    const ConfigKeyInfo& key = *configKeyInfo(path);
    // Values other than the default, from the table: the ends of a range, the other choices.
    QStringList candidates;
    switch (key.type) {
    case ConfigType::Int:
        candidates = { QString::number(qint64(key.min)), QString::number(qint64(key.max)) };
        break;
    case ConfigType::Double:
        candidates = { QString::number(key.min), QString::number(key.max) };
        break;
    case ConfigType::Bool:
        candidates = { u"true"_s, u"false"_s };
        break;
    case ConfigType::Choice:
        candidates = key.choices();
        break;
    default:
        candidates = { u"custom/value"_s };
        break;
    }
    candidates.removeAll(key.defaultText);
    QVERIFY(!candidates.isEmpty());
    int accepted = 0;
    for (const QString& candidate : std::as_const(candidates)) {
        const QByteArray yaml = documentFor(path, candidate);
        const ConfigLoadResult loaded = load(yaml);
        // A value the rules between keys refuse (max_wait_ms 0 < debounce_ms 50) is said so.
        if (!loaded.ok()) {
            QVERIFY2(test::configErrorText(loaded).contains(u"must be at"_s),
                qPrintable(test::configErrorText(loaded)));
            continue;
        }
        ++accepted;
        QCOMPARE(formatted(key, key.access.get(*loaded.config)), candidate);
        checkRoundTrip(yaml, *loaded.config);
    }
    QVERIFY2(accepted > 0, "no value other than the default loads");
}

void TestConfigSchema::otherKeyRoundTrips_data()
{
    // The keys with readers of their own, each with a value that is not its default. A new such
    // row needs a line here: the test fails for a row without one.
    const QMap<QString, QByteArray> samples {
        { u"server.command"_s, "server: {command: /bin/sh}\n" },
        { u"server.args"_s, "server: {command: python3, args: [main.py, -v]}\n" },
        { u"server.cwd"_s, "server: {command: python3, cwd: sub}\n" },
        { u"server.env"_s, "server: {command: python3, env: {PORT: 8080, EMPTY: \"\"}}\n" },
        { u"server.url"_s, "server: {command: python3, url: \"http://127.0.0.1:{port}/rpc\"}\n" },
        { u"server.build.command"_s, "server: {command: python3, build: {command: /bin/sh}}\n" },
        { u"server.build.args"_s,
            "server: {command: python3, build: {command: /bin/sh, args: [-c, make]}}\n" },
        { u"watch.paths"_s, "server: {command: python3}\nwatch: {paths: [sub, .]}\n" },
        { u"watch.exclude"_s, "server: {command: python3}\nwatch: {exclude: [\"**/*.o\"]}\n" },
        { u"rules[].match"_s, "server: {command: python3}\nrules: [{match: \"sub/**\", strategy: none}]\n" },
        { u"rules[].strategy"_s,
            "server: {command: python3}\nrules: [{match: a.py, strategy: hot_reload}]\n" },
        { u"rules[].components"_s,
            "server: {command: python3}\nrules: [{match: a.py, strategy: hot_reload, components: [x, "
            "y]}]\n" },
        { u"rules[].build"_s,
            "server: {command: python3, build: {command: /bin/sh}}\n"
            "rules: [{match: a.py, strategy: hot_reload, build: true}]\n" },
        { u"rules[].fixed"_s,
            "server: {command: python3}\nrules: [{match: a.py, strategy: hot_reload, fixed: true}]\n" },
        { u"proxy.listen"_s, "server: {command: python3}\nproxy: {listen: \"127.0.0.1:0\"}\n" },
        { u"metrics.listen"_s, "server: {command: python3}\nmetrics: {listen: \"localhost:9464\"}\n" },
        { u"notifications.webhooks"_s,
            "server: {command: python3}\nnotifications: {webhooks: [{url: \"https://example.org/h\"}]}\n" },
        { u"notifications.webhooks[].url"_s,
            "server: {command: python3}\nnotifications: {webhooks: [{url: \"http://127.0.0.1:9/x\"}]}\n" },
        { u"notifications.webhooks[].format"_s,
            "server: {command: python3}\nnotifications: {webhooks: [{url: \"https://e.org/h\", format: "
            "slack}]}\n" },
        { u"notifications.webhooks[].events"_s,
            "server: {command: python3}\n"
            "notifications: {webhooks: [{url: \"https://e.org/h\", events: [level_up, achievement]}]}\n" },
        { u"database"_s, "server: {command: python3}\ndatabase: sub/history.sqlite\n" },
    };
    QTest::addColumn<QByteArray>("yaml");
    for (const ConfigKeyInfo& key : configSchema()) {
        if (key.isPlain() || !documentable(key))
            continue;
        QTest::newRow(qPrintable(key.path)) << samples.value(key.path);
    }
}

void TestConfigSchema::otherKeyRoundTrips()
{
    QFETCH(QByteArray, yaml);
    QVERIFY2(!yaml.isEmpty(), "this key has no sample in otherKeyRoundTrips_data()");
    const ConfigLoadResult loaded = load(yaml);
    QVERIFY2(loaded.ok(), qPrintable(test::configErrorText(loaded)));
    Config plain = Config::defaults(m_root);
    plain.server.command = u"python3"_s;
    QVERIFY2(!(*loaded.config == plain), "the sample sets nothing a config can tell apart from the defaults");
    checkRoundTrip(yaml, *loaded.config);
}

void TestConfigSchema::wrongPlainValueIsReported_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("got");
    for (const ConfigKeyInfo& key : configSchema()) {
        if (!key.isPlain())
            continue;
        const std::pair<QString, QString> wrong = [&key]() -> std::pair<QString, QString> {
            switch (key.type) {
            case ConfigType::Int:
                return { u"1.5"_s, u"1.5"_s };
            case ConfigType::Double:
                return { u"fast"_s, u"\"fast\""_s };
            case ConfigType::Bool:
                return { u"maybe"_s, u"\"maybe\""_s };
            case ConfigType::Choice:
                return { u"[a, b]"_s, u"a list"_s };
            default:
                return { u"{a: 1}"_s, u"a map"_s };
            }
        }();
        QTest::newRow(qPrintable(key.path)) << key.path << wrong.first << wrong.second;
    }
}

void TestConfigSchema::wrongPlainValueIsReported()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, got);
    const ConfigKeyInfo& key = *configKeyInfo(path);
    const QByteArray yaml = documentFor(path, value);
    const ConfigLoadResult loaded = load(yaml);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.errors.size(), 1);
    const ConfigError& error = loaded.errors.constFirst();
    QCOMPARE(error.key, path);
    QCOMPARE(error.line, int(yaml.count('\n')));
    QCOMPARE(error.column, int(path.count(u'.')) * 2 + int(key.name().size()) + 3);
    QCOMPARE(error.message, u"expected "_s + key.expectation() + u", got "_s + got);
}

void TestConfigSchema::constraints_data()
{
    QTest::addColumn<QByteArray>("watch");
    QTest::addColumn<QString>("error"); // empty: loads
    QTest::addColumn<int>("settleMs");

    QTest::newRow("defaults") << "{}"_ba << QString() << WatchSettings().settleMs;
    QTest::newRow("max_wait below debounce")
        << "{debounce_ms: 500, max_wait_ms: 100}"_ba
        << u".foxreload.yaml:2:40: watch.max_wait_ms: watch.max_wait_ms (100) must be at least "
           u"watch.debounce_ms (500)"_s
        << 0;
    QTest::newRow("debounce alone above the default max_wait")
        << "{debounce_ms: 5000}"_ba
        << u".foxreload.yaml:2:22: watch.debounce_ms: watch.max_wait_ms (1000) must be at least "
           u"watch.debounce_ms (5000)"_s
        << 0;
    QTest::newRow("settle_ms above debounce_ms")
        << "{debounce_ms: 10, settle_ms: 20}"_ba
        << u".foxreload.yaml:2:37: watch.settle_ms: watch.settle_ms (20) must be at most watch.debounce_ms (10)"_s
        << 0;
    QTest::newRow("settle_ms equal to debounce_ms")
        << "{debounce_ms: 10, settle_ms: 10}"_ba << QString() << 10;
    QTest::newRow("a default settle shrinks to a shorter debounce")
        << "{debounce_ms: 0}"_ba << QString() << 0;
    QTest::newRow("settle_ms 0 turns it off") << "{settle_ms: 0}"_ba << QString() << 0;
}

void TestConfigSchema::constraints()
{
    QFETCH(QByteArray, watch);
    QFETCH(QString, error);
    QFETCH(int, settleMs);
    const ConfigLoadResult loaded = load("server: {command: python3}\nwatch: " + watch + '\n');
    QCOMPARE(test::configErrorText(loaded), error);
    if (error.isEmpty())
        QCOMPARE(loaded.config->watch.settleMs, settleMs);
}

void TestConfigSchema::docsDescribeTheTable()
{
    QFile file(QStringLiteral(FOXRELOAD_SOURCE_DIR) + u"/docs/config.md"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + u": "_s + file.errorString()));
    const QMap<QString, DocumentedKey> documented = documentedKeys(QString::fromUtf8(file.readAll()));
    QVERIFY(documented.size() > 40);

    for (const ConfigKeyInfo& key : configSchema()) {
        if (!documentable(key))
            continue;
        QVERIFY2(documented.contains(key.path),
            qPrintable(key.path + u" is not in the reference of docs/config.md"_s));
        const DocumentedKey& doc = documented.value(key.path);
        const QString where = u"docs/config.md:"_s + QString::number(doc.line) + u": "_s + key.path;
        QVERIFY2(!doc.defaultCell.isEmpty(), qPrintable(where + u": no default"_s));
        const QString docDefault = plainText(doc.defaultCell);
        if (key.type == ConfigType::Double) {
            QCOMPARE(docDefault.toDouble(), key.defaultText.toDouble());
        } else {
            QVERIFY2(docDefault == key.defaultText,
                qPrintable(where + u": documented default \""_s + docDefault + u"\", the table says \""_s
                    + key.defaultText + u'"'));
        }
        if (key.type == ConfigType::Int || key.type == ConfigType::Double) {
            const QString range
                = QString::number(key.min, 'g', 12) + u"–"_s + QString::number(key.max, 'g', 12);
            QVERIFY2(doc.typeCell.contains(range),
                qPrintable(where + u": the type \""_s + doc.typeCell + u"\" does not say "_s + range));
        }
        if (key.type == ConfigType::Choice) {
            for (const QString& choice : key.choices())
                QVERIFY2(doc.typeCell.contains(u'`' + choice + u'`') || doc.typeCell.contains(u"name"_s),
                    qPrintable(where + u": the type does not name "_s + choice));
        }
    }
    for (auto it = documented.cbegin(); it != documented.cend(); ++it) {
        const ConfigKeyInfo* key = configKeyInfo(it.key());
        QVERIFY2(key && documentable(*key),
            qPrintable(u"docs/config.md:"_s + QString::number(it->line) + u": "_s + it.key()
                + u" is documented, but the schema has no such key"_s));
    }
}

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
