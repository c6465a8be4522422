#include "ConfigFileShapes.h"
#include "config/ConfigFileEditor.h"
#include "config/ConfigLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace foxreload;
using namespace foxreload::testing;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeAll(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

// The settings as the dialog would have them: loaded from the file, or the defaults when the
// file does not hold a loadable config yet (empty, only comments).
Config loadOrDefaults(const QString& path, const QString& root)
{
    const ConfigLoadResult result = ConfigLoader::loadFile(path);
    return result.ok() ? *result.config : Config::defaults(root);
}

const QByteArray kBase = "# base\n"
                         "server:\n"
                         "  command: python3  # interpreter\n"
                         "  args: [main.py]\n"
                         "  env:\n"
                         "    PYTHONUNBUFFERED: \"1\"\n"
                         "watch:\n"
                         "  paths:\n"
                         "    - tools/\n"
                         "    - main.py   # entry\n"
                         "  exclude: [\"**/__pycache__/**\"]\n"
                         "rules:\n"
                         "  - {match: main.py, strategy: full_restart}\n"
                         "  # tools\n"
                         "  - {match: \"tools/**\", strategy: hot_reload, components: [tool_registry]}\n"
                         "gamification: {enabled: true, xp_multiplier: 1.0}\n";

using Mutation = std::function<void(Config&, const QString& root)>;

// One change per setting, keyed like ConfigWriter::toJson names it.
const QMap<QString, Mutation>& mutations()
{
    static const QMap<QString, Mutation> all = {
        { u"server.command"_s, [](Config& c, const QString&) { c.server.command = u"node"_s; } },
        { u"server.args"_s,
            [](Config& c, const QString&) {
                c.server.args = { u"-u"_s, u"main.py"_s };
            } },
        { u"server.cwd"_s, [](Config& c, const QString& root) { c.server.cwd = root + u"/tools"_s; } },
        { u"server.env"_s,
            [](Config& c, const QString&) {
                c.server.env.remove(u"PYTHONUNBUFFERED"_s);
                c.server.env.insert(u"MODE"_s, u"dev: yes"_s);
            } },
        { u"server.hot_reload.method"_s,
            [](Config& c, const QString&) { c.server.hotReload.method = u"x/reload"_s; } },
        { u"server.hot_reload.timeout_ms"_s,
            [](Config& c, const QString&) { c.server.hotReload.timeoutMs = 900; } },
        { u"server.shutdown_grace_ms"_s, [](Config& c, const QString&) { c.server.shutdownGraceMs = 10; } },
        { u"server.ready_timeout_ms"_s, [](Config& c, const QString&) { c.server.readyTimeoutMs = 300; } },
        { u"server.restart_mode"_s,
            [](Config& c, const QString&) { c.server.restartMode = RestartMode::StopStart; } },
        { u"server.crash_loop.limit"_s, [](Config& c, const QString&) { c.server.crashLoopLimit = 9; } },
        { u"server.crash_loop.window_ms"_s,
            [](Config& c, const QString&) { c.server.crashLoopWindowMs = 5000; } },
        { u"server.stderr_tail_lines"_s, [](Config& c, const QString&) { c.server.stderrTailLines = 7; } },
        { u"server.transport"_s,
            [](Config& c, const QString&) { c.server.transport = ServerTransport::Http; } },
        { u"server.url"_s,
            [](Config& c, const QString&) { c.server.url = u"http://127.0.0.1:{port}/rpc"_s; } },
        { u"metrics.listen"_s, [](Config& c, const QString&) { c.metrics.listen = u"127.0.0.1:9464"_s; } },
        { u"proxy.listen"_s, [](Config& c, const QString&) { c.proxy.listen = u"127.0.0.1:8765"_s; } },
        { u"notifications.webhooks"_s,
            [](Config& c, const QString&) {
                c.notifications.webhooks = {
                    { u"https://hooks.example/services/T0/B0/abc?x=1&y=2#frag"_s, WebhookFormat::Slack,
                        { u"reload_failed"_s, u"level_up"_s } },
                    { u"http://127.0.0.1:9/hook"_s, WebhookFormat::Generic, { u"crash_loop"_s } },
                };
            } },
        { u"watch.paths"_s,
            [](Config& c, const QString& root) {
                c.watch.paths = { root + u"/tools"_s, root + u"/protocol"_s };
            } },
        { u"watch.exclude"_s, [](Config& c, const QString&) { c.watch.exclude.append(u"**/*.log"_s); } },
        { u"watch.respect_gitignore"_s, [](Config& c, const QString&) { c.watch.respectGitignore = false; } },
        { u"watch.debounce_ms"_s, [](Config& c, const QString&) { c.watch.debounceMs = 75; } },
        { u"watch.max_wait_ms"_s, [](Config& c, const QString&) { c.watch.maxWaitMs = 4000; } },
        { u"watch.settle_ms"_s, [](Config& c, const QString&) { c.watch.settleMs = 20; } },
        { u"watch.max_reloads_per_minute"_s,
            [](Config& c, const QString&) { c.watch.maxReloadsPerMinute = 3; } },
        { u"watch.backend"_s, [](Config& c, const QString&) { c.watch.backend = u"polling"_s; } },
        { u"watch.poll_interval_ms"_s, [](Config& c, const QString&) { c.watch.pollIntervalMs = 250; } },
        { u"watch.follow_imports"_s, [](Config& c, const QString&) { c.watch.followImports = false; } },
        { u"server.build"_s,
            [](Config& c, const QString&) {
                c.server.build.command = u"npm"_s;
                c.server.build.args = { u"run"_s, u"build"_s };
            } },
        { u"server.build_timeout_ms"_s, [](Config& c, const QString&) { c.server.buildTimeoutMs = 60000; } },
        { u"rules[].build"_s, [](Config& c, const QString&) { c.rules[0].build = true; } },
        { u"rules[].fixed"_s, [](Config& c, const QString&) { c.rules[0].fixed = true; } },
        { u"resources.enabled"_s, [](Config& c, const QString&) { c.resources.enabled = false; } },
        { u"resources.max_cpu_percent"_s,
            [](Config& c, const QString&) { c.resources.maxCpuPercent = 2.5; } },
        { u"resources.max_rss_mb"_s, [](Config& c, const QString&) { c.resources.maxRssMb = 80; } },
        { u"rules"_s,
            [](Config& c, const QString&) {
                c.rules[0].strategy = ReloadStrategy::ServiceRestart;
                c.rules[1].components.clear();
                Rule rule;
                rule.match = u"{a,b}/*.json"_s;
                rule.strategy = ReloadStrategy::None;
                rule.components = { u"x"_s };
                c.rules.append(rule);
            } },
        { u"default_strategy"_s,
            [](Config& c, const QString&) { c.defaultStrategy = ReloadStrategy::None; } },
        { u"gamification.enabled"_s, [](Config& c, const QString&) { c.gamification.enabled = false; } },
        { u"gamification.xp_multiplier"_s,
            [](Config& c, const QString&) { c.gamification.xpMultiplier = 2.5; } },
        { u"gamification.notifications"_s,
            [](Config& c, const QString&) { c.gamification.notifications = false; } },
        { u"gamification.player"_s, [](Config& c, const QString&) { c.gamification.player = u"vixen"_s; } },
        { u"gamification.team"_s, [](Config& c, const QString&) { c.gamification.team = u"den"_s; } },
        { u"history.retention_days"_s, [](Config& c, const QString&) { c.history.retentionDays = 5; } },
        { u"history.max_raw_reloads"_s, [](Config& c, const QString&) { c.history.maxRawReloads = 5000; } },
        { u"proxy.request_grace_ms"_s, [](Config& c, const QString&) { c.proxy.requestGraceMs = 1; } },
        { u"proxy.max_queued_requests"_s, [](Config& c, const QString&) { c.proxy.maxQueuedRequests = 2; } },
        { u"database"_s, [](Config& c, const QString& root) { c.database = root + u"/db.sqlite"_s; } },
    };
    return all;
}

// Every setting ConfigWriter::toJson writes, as dotted keys (maps of the user's own names
// and lists count as one setting).
void collectKeys(const QJsonObject& object, const QString& prefix, QStringList* keys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (key == u"source_file" || key == u"project_root")
            continue;
        if (it.value().isObject() && key != u"server.env")
            collectKeys(it.value().toObject(), key, keys);
        else
            keys->append(key);
    }
}

} // namespace

class TestConfigFileEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void savesOnlyTheChange_data();
    void savesOnlyTheChange();
    void refuses_data();
    void refuses();
    void everySettingHasACase();
    void everySettingIsSaved_data();
    void everySettingIsSaved();
    void nothingChangedWritesNothing();
    void createsAMissingFile();
    void keepsPermissions();
    void saveTimeOnAThousandLines();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_path;
};

void TestConfigFileEditor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = QDir(m_dir->path()).canonicalPath();
    m_path = m_root + u"/.foxreload.yaml"_s;
    QVERIFY(createShapeProject(m_root));
}

void TestConfigFileEditor::savesOnlyTheChange_data()
{
    QTest::addColumn<int>("index");
    const QList<ConfigFileShape> shapes = configFileShapes();
    QVERIFY(shapes.size() >= 15);
    for (qsizetype i = 0; i < shapes.size(); ++i)
        QTest::newRow(shapes.at(i).name) << int(i);
}

void TestConfigFileEditor::savesOnlyTheChange()
{
    QFETCH(int, index);
    const ConfigFileShape shape = configFileShapes().at(index);
    QVERIFY(writeAll(m_path, shape.original));
    const Config before = loadOrDefaults(m_path, m_root);
    Config after = before;
    shape.change(after, m_root);

    QString error;
    QVERIFY2(ConfigFileEditor::save(m_path, before, after, &error), qPrintable(error));
    QCOMPARE(readAll(m_path), shape.expected);
    QCOMPARE(readAll(m_path + u".bak"_s), shape.original);
    const ConfigLoadResult reloaded = ConfigLoader::loadFile(m_path);
    QVERIFY(reloaded.ok());
    QVERIFY(*reloaded.config == after);
}

void TestConfigFileEditor::refuses_data()
{
    QTest::addColumn<int>("index");
    const QList<RefusedEdit> edits = refusedEdits();
    for (qsizetype i = 0; i < edits.size(); ++i) {
        if (edits.at(i).change)
            QTest::newRow(edits.at(i).name) << int(i);
    }
}

void TestConfigFileEditor::refuses()
{
    QFETCH(int, index);
    const RefusedEdit edit = refusedEdits().at(index);
    QVERIFY(writeAll(m_path, edit.original));
    const Config before = loadOrDefaults(m_path, m_root);
    Config after = before;
    edit.change(after);
    QString error;
    QVERIFY(!ConfigFileEditor::save(m_path, before, after, &error));
    QVERIFY2(error.contains(edit.message), qPrintable(error));
    QCOMPARE(readAll(m_path), edit.original);
    QVERIFY(!QFile::exists(m_path + u".bak"_s));
}

void TestConfigFileEditor::everySettingHasACase()
{
    // Fails when Config gains a setting that ConfigWriter writes but this test (and so,
    // probably, ConfigFileEditor::edits) does not know.
    QStringList keys;
    collectKeys(ConfigWriter::toJson(Config::defaults(m_root)), QString(), &keys);
    QVERIFY(keys.size() >= 30);
    for (const QString& key : std::as_const(keys))
        QVERIFY2(mutations().contains(key), qPrintable(u"no save test changes "_s + key));
}

void TestConfigFileEditor::everySettingIsSaved_data()
{
    QTest::addColumn<QString>("key");
    for (const QString& key : mutations().keys())
        QTest::newRow(qPrintable(key)) << key;
}

void TestConfigFileEditor::everySettingIsSaved()
{
    QFETCH(QString, key);
    QVERIFY(writeAll(m_path, kBase));
    const ConfigLoadResult loaded = ConfigLoader::loadFile(m_path);
    QVERIFY(loaded.ok());
    const Config before = *loaded.config;
    Config after = before;
    mutations().value(key)(after, m_root);
    QVERIFY2(!(after == before), "the mutation changes nothing");

    QString error;
    QVERIFY2(ConfigFileEditor::save(m_path, before, after, &error), qPrintable(error));
    const ConfigLoadResult reloaded = ConfigLoader::loadFile(m_path);
    QVERIFY(reloaded.ok());
    QVERIFY2(*reloaded.config == after, qPrintable(QString::fromUtf8(readAll(m_path))));
    // The rest of the file is still there: every comment, and the other settings' spelling.
    const QByteArray saved = readAll(m_path);
    for (const QByteArray& comment :
        { "# base\n"_ba, "  # interpreter\n"_ba, "   # entry\n"_ba, "  # tools\n"_ba }) {
        if (key != u"watch.paths" || comment != "   # entry\n")
            QVERIFY2(saved.contains(comment), comment.constData());
    }
    if (key != u"watch.paths")
        QVERIFY(saved.contains("    - tools/\n"));
    if (key != u"gamification.xp_multiplier")
        QVERIFY(saved.contains("xp_multiplier: 1.0"));
    QCOMPARE(readAll(m_path + u".bak"_s), kBase);
}

void TestConfigFileEditor::nothingChangedWritesNothing()
{
    QVERIFY(writeAll(m_path, kBase));
    const Config config = *ConfigLoader::loadFile(m_path).config;
    QString error;
    QVERIFY(ConfigFileEditor::save(m_path, config, config, &error));
    QCOMPARE(readAll(m_path), kBase);
    QVERIFY(!QFile::exists(m_path + u".bak"_s));
}

void TestConfigFileEditor::createsAMissingFile()
{
    Config after = Config::defaults(m_root);
    after.server.command = u"python3"_s;
    after.server.args = { u"main.py"_s };
    QString error;
    QVERIFY2(ConfigFileEditor::save(m_path, after, after, &error), qPrintable(error));
    const ConfigLoadResult reloaded = ConfigLoader::loadFile(m_path);
    QVERIFY(reloaded.ok());
    QVERIFY(*reloaded.config == after);
    QVERIFY(!QFile::exists(m_path + u".bak"_s));
}

void TestConfigFileEditor::keepsPermissions()
{
    QVERIFY(writeAll(m_path, kBase));
    const auto permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
    QVERIFY(QFile::setPermissions(m_path, permissions));
    const QFileDevice::Permissions expected = QFile::permissions(m_path); // owner and "user" bits
    const Config before = *ConfigLoader::loadFile(m_path).config;
    Config after = before;
    after.watch.debounceMs = 99;
    QString error;
    QVERIFY2(ConfigFileEditor::save(m_path, before, after, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(m_path), expected);
    QCOMPARE(QFile::permissions(m_path + u".bak"_s), expected);
}

void TestConfigFileEditor::saveTimeOnAThousandLines()
{
    QByteArray text = "server:\n  command: python3\n  env:\n";
    for (int i = 0; i < 990; ++i)
        text += "    VAR_" + QByteArray::number(i) + ": \"value " + QByteArray::number(i) + "\"  # note\n";
    text += "watch:\n  debounce_ms: 50\n";
    QVERIFY(writeAll(m_path, text));
    const Config before = *ConfigLoader::loadFile(m_path).config;
    constexpr int kRounds = 20;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRounds; ++i) {
        Config after = before;
        after.watch.debounceMs = 60 + i;
        QString error;
        QVERIFY2(ConfigFileEditor::save(m_path, before, after, &error), qPrintable(error));
    }
    const double perSave = double(timer.nsecsElapsed()) / kRounds / 1e6;
    qInfo("ConfigFileEditor::save of a 1,000-line config: %.2f ms (edit, two loads to validate, .bak, atomic "
          "write)",
        perSave);
    QVERIFY(readAll(m_path).endsWith("debounce_ms: 79\n"));
}

QTEST_GUILESS_MAIN(TestConfigFileEditor)
#include "tst_configfileeditor.moc"
