// Webhook notifications (notifications.webhooks) against a real HTTP server in the test:
// the payload of each format, retries with backoff, giving up, the rate limit, secrets kept
// out of logs and check-config, and a hung or failing endpoint that never delays a reload.

#include "HookServer.h"
#include "common/ExampleProject.h"
#include "config/ConfigLoader.h"
#include "game/GamificationEngine.h"
#include "net/webhooks/WebhookNotifier.h"
#include "session/Session.h"
#include "store/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace foxreload;
using namespace foxreload::test;
using namespace foxreload::webhooks;

Q_DECLARE_METATYPE(foxreload::ReloadResult)

namespace {
constexpr int kTimeout = 30000;
// What a real Slack or Discord URL holds after the host: the part that must never be shown.
const QString kSecret = u"T0SECRET/B0SECRET/xoxSECRETtoken"_s;

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_messages.append(message);
    g_previousHandler(type, context, message);
}

ReloadResult failedReload()
{
    ReloadResult result;
    result.trigger = ReloadTrigger::FileChange;
    result.requested = ReloadStrategy::FullRestart;
    result.performed = ReloadStrategy::FullRestart;
    result.outcome = ReloadOutcome::Failed;
    result.error = u"the new server exited during its handshake (exit code 1)"_s;
    result.errorDetail = u"Traceback (most recent call last):\n  File \"main.py\", line 3\n    def broken(:\n"
                         u"SyntaxError: invalid syntax\n\n"_s;
    FileChange change;
    change.relativePath = u"main.py"_s;
    result.plan.files = { change };
    result.finishedAtUtc = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    return result;
}

QJsonObject parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s: %s", qPrintable(error.errorString()), json.constData());
    return document.object();
}

WebhookSettings hook(
    const QString& url, WebhookFormat format, const QStringList& events = { u"reload_failed"_s })
{
    WebhookSettings settings;
    settings.url = url;
    settings.format = format;
    settings.events = events;
    return settings;
}

WebhookSender::Limits fastLimits()
{
    WebhookSender::Limits limits;
    limits.timeout = 2000ms;
    limits.retries = 2;
    limits.backoff = 100ms;
    limits.maxBackoff = 1000ms;
    limits.maxPerMinute = 100;
    return limits;
}
} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ReloadResult>(); }
    void payloadOfEachFormat_data();
    void payloadOfEachFormat();
    void payloadsStayWithinTheServicesLimits_data();
    void payloadsStayWithinTheServicesLimits();
    void onlySubscribedEvents();
    void gameEventsFromARealEngine();
    void retriesWithBackoff_data();
    void retriesWithBackoff();
    void rateLimitHolds();
    void urlIsNeverShown_data();
    void urlIsNeverShown();
    void secretsStayOutOfCheckConfig();
    void brokenEndpointDoesNotDelayAReload_data();
    void brokenEndpointDoesNotDelayAReload();
};

void TestWebhooks::payloadOfEachFormat_data()
{
    QTest::addColumn<WebhookFormat>("format");
    QTest::addColumn<QByteArray>("expected");
    // The shapes of the services' documentation: Slack's incoming webhook message (text +
    // Block Kit sections with mrkdwn, &, < and > escaped), Discord's Execute Webhook body
    // (content + embeds with title, description, color, fields, footer, timestamp).
    QTest::newRow("slack") << WebhookFormat::Slack << QByteArray(R"json({
      "text": "Reload failed in reynard &lt;&amp;&gt; server: the new server exited during its handshake (exit code 1)",
      "blocks": [
        {"type": "section", "text": {"type": "mrkdwn",
          "text": "*Reload failed in reynard &lt;&amp;&gt; server*\nthe new server exited during its handshake (exit code 1)"}},
        {"type": "section", "fields": [
          {"type": "mrkdwn", "text": "*strategy*\nfull_restart"},
          {"type": "mrkdwn", "text": "*trigger*\nfile_change"},
          {"type": "mrkdwn", "text": "*files*\nmain.py"}]},
        {"type": "section", "text": {"type": "mrkdwn",
          "text": "```\nTraceback (most recent call last):\n  File \"main.py\", line 3\n    def broken(:\nSyntaxError: invalid syntax\n```"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "🦊 FoxReload · reynard &lt;&amp;&gt; server"}]}
      ]
})json");
    QTest::newRow("discord") << WebhookFormat::Discord << QByteArray(R"json({
      "username": "FoxReload",
      "content": "Reload failed in reynard <&> server",
      "embeds": [{
        "title": "Reload failed in reynard <&> server",
        "description": "the new server exited during its handshake (exit code 1)\n```\nTraceback (most recent call last):\n  File \"main.py\", line 3\n    def broken(:\nSyntaxError: invalid syntax\n```",
        "color": 15548997,
        "fields": [{"name": "strategy", "value": "full_restart", "inline": true},
                   {"name": "trigger", "value": "file_change", "inline": true},
                   {"name": "files", "value": "main.py", "inline": true}],
        "footer": {"text": "FoxReload · reynard <&> server"},
        "timestamp": "2026-12-02T10:00:00.000Z"}],
      "allowed_mentions": {"parse": []}})json");
    QTest::newRow("generic") << WebhookFormat::Generic << QByteArray(R"json({
      "source": "foxreload", "event": "reload_failed", "project": "reynard <&> server",
      "title": "Reload failed in reynard <&> server",
      "text": "the new server exited during its handshake (exit code 1)",
      "detail": "Traceback (most recent call last):\n  File \"main.py\", line 3\n    def broken(:\nSyntaxError: invalid syntax",
      "fields": {"strategy": "full_restart", "trigger": "file_change", "files": "main.py"},
      "time": "2026-12-02T10:00:00.000Z"
    })json");
}

void TestWebhooks::payloadOfEachFormat()
{
    QFETCH(WebhookFormat, format);
    QFETCH(QByteArray, expected);
    HookServer server;
    QVERIFY(server.listen());
    WebhookNotifier notifier(
        { hook(server.url(u"/services/"_s + kSecret), format) }, u"reynard <&> server"_s);
    QSignalSpy delivered(notifier.sender(0), &WebhookSender::deliveredOne);
    QCOMPARE(notifier.notify(notifier.reloadFailedEvent(failedReload())), 1);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, kTimeout);

    QCOMPARE(server.requests().size(), 1);
    const HookServer::Request& request = server.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, (u"/services/"_s + kSecret).toUtf8());
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    const QJsonObject actual = parse(request.body);
    const QJsonObject want = parse(expected);
    QVERIFY(!want.isEmpty());
    if (actual != want)
        qWarning("got %s", request.body.constData());
    QCOMPARE(actual, want);
}

void TestWebhooks::payloadsStayWithinTheServicesLimits_data()
{
    QTest::addColumn<WebhookFormat>("format");
    QTest::newRow("slack") << WebhookFormat::Slack;
    QTest::newRow("discord") << WebhookFormat::Discord;
}

void TestWebhooks::payloadsStayWithinTheServicesLimits()
{
    QFETCH(WebhookFormat, format);
    ReloadResult result = failedReload();
    result.error = QString(5000, u'e');
    QStringList traceback;
    for (int i = 0; i < 5000; ++i)
        traceback.append(u"  File \"x.py\", line %1, in f"_s.arg(i));
    traceback.append(u"ValueError: the last line"_s);
    result.errorDetail = traceback.join(u'\n');
    WebhookNotifier notifier({ hook(u"http://127.0.0.1:9/"_s, format) }, QString(400, u'p'));
    const QJsonObject body = payloadFor(format, notifier.reloadFailedEvent(result));
    if (format == WebhookFormat::Slack) {
        for (const QJsonValue& block : body.value("blocks"_L1).toArray()) {
            const QString text = block.toObject().value("text"_L1).toObject().value("text"_L1).toString();
            QVERIFY2(text.size() <= 3000, qPrintable(QString::number(text.size())));
        }
        // The end of a traceback says what broke: it is the part kept.
        QVERIFY(body.value("blocks"_L1)
                    .toArray()
                    .at(2)
                    .toObject()
                    .value("text"_L1)
                    .toObject()
                    .value("text"_L1)
                    .toString()
                    .contains(u"ValueError: the last line"_s));
    } else {
        QVERIFY(body.value("content"_L1).toString().size() <= 2000);
        const QJsonObject embed = body.value("embeds"_L1).toArray().first().toObject();
        QVERIFY(embed.value("title"_L1).toString().size() <= 256);
        QVERIFY(embed.value("description"_L1).toString().size() <= 4096);
        QVERIFY(QJsonDocument(body).toJson().size() < 6000 * 4); // Discord: 6000 characters in all embeds
    }
}

void TestWebhooks::onlySubscribedEvents()
{
    HookServer server;
    QVERIFY(server.listen());
    WebhookNotifier notifier(
        { hook(server.url(u"/a"_s), WebhookFormat::Generic, { u"crash_loop"_s }),
            hook(server.url(u"/b"_s), WebhookFormat::Generic, { u"reload_failed"_s, u"level_up"_s }) },
        u"p"_s);
    QCOMPARE(notifier.notify(notifier.reloadFailedEvent(failedReload())), 1);
    QCOMPARE(notifier.notify(notifier.crashLoopEvent(u"5 crashes in 30 s"_s)), 1);
    QCOMPARE(notifier.notify({ u"achievement"_s, u"p"_s, u"t"_s, u"x"_s, {}, {}, {} }), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, kTimeout);
    QStringList seen;
    for (const auto& request : server.requests())
        seen.append(
            QString::fromUtf8(request.path) + u' ' + parse(request.body).value("event"_L1).toString());
    seen.sort();
    QCOMPARE(seen, (QStringList { u"/a crash_loop"_s, u"/b reload_failed"_s }));
}

void TestWebhooks::gameEventsFromARealEngine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HistoryStore store;
    QVERIFY(store.open(dir.filePath(u"history.sqlite"_s)));
    GamificationEngine engine(&store, GamificationSettings {});
    QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    engine.setClock([&now] { return now; });
    HookServer server;
    QVERIFY(server.listen());
    WebhookNotifier notifier(
        { hook(server.url(u"/game"_s), WebhookFormat::Generic, { u"achievement"_s, u"level_up"_s }) },
        u"fox"_s);
    notifier.attachGame(&engine);
    QSignalSpy levels(&engine, &GamificationEngine::levelUp);
    QSignalSpy achievements(&engine, &GamificationEngine::achievementUnlocked);
    for (int i = 1; i <= 5; ++i) {
        now = now.addSecs(120);
        ReloadResult result;
        result.id = quint64(i);
        result.requested = result.performed = ReloadStrategy::HotReload;
        result.startToReadyMs = result.totalMs = 40;
        result.finishedAtUtc = now;
        const qint64 row = store.recordReload(ReloadRecord::fromResult(1, result));
        engine.handleReload(result, ReloadContext { false, row, 1 });
    }
    QVERIFY(!levels.isEmpty()); // 5 quick hot reloads are worth more than the 50 XP of level 2
    const qsizetype expected = levels.size() + achievements.size();
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), expected, kTimeout);
    QStringList titles;
    for (const auto& request : server.requests())
        titles.append(parse(request.body).value("title"_L1).toString());
    QVERIFY2(titles.contains(u"Level %1 reached"_s.arg(levels.last().first().toInt())),
        qPrintable(titles.join(u'|')));
    for (const QList<QVariant>& unlocked : std::as_const(achievements)) {
        const AchievementDef* def = GamificationEngine::findAchievement(unlocked.first().toString());
        QVERIFY(def);
        QVERIFY2(titles.contains(u"Achievement unlocked: "_s + def->title), qPrintable(titles.join(u'|')));
    }
}

void TestWebhooks::retriesWithBackoff_data()
{
    QTest::addColumn<QList<int>>("answers"); // per attempt; the last repeats
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("delivered");
    QTest::addColumn<QString>("error");
    QTest::newRow("500 always: retried, then given up") << QList { 500 } << 3 << false << u"HTTP 500"_s;
    QTest::newRow("503 then 200: delivered") << QList { 503, 200 } << 2 << true << QString();
    QTest::newRow("429 then 200: delivered") << QList { 429, 200 } << 2 << true << QString();
    QTest::newRow("404: not retried") << QList { 404 } << 1 << false << u"HTTP 404"_s;
    QTest::newRow("hangs: timed out, retried, given up")
        << QList { 0 } << 3 << false << u"no answer within 300 ms"_s;
}

void TestWebhooks::retriesWithBackoff()
{
    QFETCH(QList<int>, answers);
    QFETCH(int, attempts);
    QFETCH(bool, delivered);
    QFETCH(QString, error);
    HookServer server;
    QVERIFY(server.listen());
    server.setAnswer([answers](int index) { return answers.value(index, answers.last()); });
    WebhookNotifier notifier({ hook(server.url(u"/hook"_s), WebhookFormat::Generic) }, u"p"_s);
    WebhookSender::Limits limits = fastLimits();
    limits.timeout = 300ms;
    notifier.setLimits(limits);
    WebhookSender* sender = notifier.sender(0);
    QSignalSpy deliveredSpy(sender, &WebhookSender::deliveredOne);
    QSignalSpy gaveUp(sender, &WebhookSender::gaveUp);
    QCOMPARE(notifier.notify(notifier.reloadFailedEvent(failedReload())), 1);
    QTRY_COMPARE_WITH_TIMEOUT(deliveredSpy.size() + gaveUp.size(), 1, kTimeout);
    QCOMPARE(deliveredSpy.size(), delivered ? 1 : 0);
    if (!delivered)
        QCOMPARE(gaveUp.first().first().toString(), error);
    QCOMPARE(server.requests().size(), attempts);
    QCOMPARE(sender->inFlight(), 0);
    // Backoff doubles: 100 ms before the second attempt, 200 ms before the third (plus the
    // time an attempt took).
    for (int i = 1; i < attempts; ++i) {
        const qint64 gap = server.requests().at(i).atMs - server.requests().at(i - 1).atMs;
        QVERIFY2(gap >= 100 * (1 << (i - 1)) - 5, qPrintable(u"gap %1: %2 ms"_s.arg(i).arg(gap)));
    }
    QTest::qWait(500); // and nothing more comes
    QCOMPARE(server.requests().size(), attempts);
}

void TestWebhooks::rateLimitHolds()
{
    HookServer server;
    QVERIFY(server.listen());
    WebhookNotifier notifier({ hook(server.url(u"/hook"_s), WebhookFormat::Generic) }, u"p"_s);
    WebhookSender::Limits limits = fastLimits();
    limits.maxPerMinute = 3;
    limits.window = 1500ms;
    notifier.setLimits(limits);
    WebhookSender* sender = notifier.sender(0);
    int queued = 0;
    for (int i = 0; i < 10; ++i)
        queued += notifier.notify(notifier.reloadFailedEvent(failedReload()));
    QCOMPARE(queued, 3);
    QCOMPARE(sender->dropped(), 7);
    QTRY_COMPARE_WITH_TIMEOUT(sender->delivered(), 3, kTimeout);
    QTest::qWait(300);
    QCOMPARE(server.requests().size(), 3);
    // Once the window has passed, notifications go out again.
    QTest::qWait(int(limits.window.count()) + 200);
    QCOMPARE(notifier.notify(notifier.reloadFailedEvent(failedReload())), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 4, kTimeout);
}

void TestWebhooks::urlIsNeverShown_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("slack") << u"https://hooks.slack.com/services/"_s + kSecret
                           << u"https://hooks.slack.com/…"_s;
    QTest::newRow("discord") << u"https://discord.com/api/webhooks/123/"_s + kSecret
                             << u"https://discord.com/…"_s;
    QTest::newRow("port and user") << u"http://user:xoxSECRET@127.0.0.1:8080/x?token=xoxSECRET"_s
                                   << u"http://127.0.0.1:8080/…"_s;
    QTest::newRow("not a URL") << u"::"_s + kSecret << u"(a URL, hidden)"_s;
}

void TestWebhooks::urlIsNeverShown()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QCOMPARE(redactedUrl(url), shown);

    // A delivery that fails (nothing listens on the port) is logged: without the secret.
    quint16 deadPort = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        deadPort = closed.serverPort();
    }
    g_messages.clear();
    g_previousHandler = qInstallMessageHandler(recordMessage);
    {
        WebhookNotifier notifier(
            { hook(u"http://127.0.0.1:%1/services/"_s.arg(deadPort) + kSecret, WebhookFormat::Slack) },
            u"p"_s);
        WebhookSender::Limits limits = fastLimits();
        limits.retries = 1;
        notifier.setLimits(limits);
        QSignalSpy gaveUp(notifier.sender(0), &WebhookSender::gaveUp);
        notifier.notify(notifier.reloadFailedEvent(failedReload()));
        QTRY_COMPARE_WITH_TIMEOUT(gaveUp.size(), 1, kTimeout);
        QVERIFY(!gaveUp.first().first().toString().contains(u"SECRET"_s));
    }
    qInstallMessageHandler(g_previousHandler);
    QVERIFY(!g_messages.isEmpty());
    for (const QString& message : std::as_const(g_messages))
        QVERIFY2(!message.contains(u"SECRET"_s), qPrintable(message));
}

void TestWebhooks::secretsStayOutOfCheckConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"good/.foxreload.yaml"_s);
    QVERIFY(writeFile(good,
        "server: {command: python3, args: [main.py]}\n"
        "notifications:\n  webhooks:\n    - url: \"https://hooks.slack.com/services/"
            + kSecret.toUtf8() + "\"\n      format: slack\n      events: [reload_failed, level_up]\n"));
    const QString bad = dir.filePath(u"bad/.foxreload.yaml"_s);
    QVERIFY(writeFile(bad,
        "server: {command: python3}\nnotifications:\n  webhooks:\n    - url: \"ftp://" + kSecret.toUtf8()
            + "\"\n      events: [reload_faild]\n"));

    // The loader keeps the URL (it is needed), and says what is wrong with a bad one without it.
    const ConfigLoadResult loaded = ConfigLoader::loadFile(good);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config->notifications.webhooks.size(), 1);
    QCOMPARE(loaded.config->notifications.webhooks.first().format, WebhookFormat::Slack);
    QCOMPARE(loaded.config->notifications.webhooks.first().events,
        (QStringList { u"reload_failed"_s, u"level_up"_s }));
    const ConfigLoadResult refused = ConfigLoader::loadFile(bad);
    QVERIFY(!refused.ok());
    QString errors;
    for (const ConfigError& error : refused.errors)
        errors += error.toString() + u'\n';
    QVERIFY2(errors.contains(u"notifications.webhooks[0].url: expected an http:// or https:// URL"_s),
        qPrintable(errors));
    QVERIFY2(errors.contains(u"did you mean \"reload_failed\""_s), qPrintable(errors));
    QVERIFY2(!errors.contains(u"SECRET"_s), qPrintable(errors));

    for (const QStringList& arguments : { QStringList { u"check-config"_s, good },
             QStringList { u"check-config"_s, u"--json"_s, good }, QStringList { u"check-config"_s, bad } }) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        QVERIFY(process.waitForFinished(kTimeout));
        const QString output = QString::fromUtf8(process.readAllStandardOutput())
            + QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(!output.contains(u"SECRET"_s), qPrintable(output));
        if (arguments.last() == good)
            QVERIFY2(output.contains(u"https://hooks.slack.com/…"_s), qPrintable(output));
    }
}

void TestWebhooks::brokenEndpointDoesNotDelayAReload_data()
{
    QTest::addColumn<int>("status"); // 0: the endpoint never answers
    QTest::newRow("hangs") << 0;
    QTest::newRow("answers 500") << 500;
}

void TestWebhooks::brokenEndpointDoesNotDelayAReload()
{
    QFETCH(int, status);
    HookServer server;
    QVERIFY(server.listen());
    server.setAnswer([status](int) { return status; });
    ExampleProject project;
    QVERIFY(project.isValid());
    Config config = project.config();
    config.watch.paths = { project.path(u"main.py"_s) };
    config.notifications.webhooks = { hook(server.url(u"/hook"_s), WebhookFormat::Slack) };

    Session session(config);
    QSignalSpy finished(&session.orchestrator(), &ReloadOrchestrator::reloadFinished);
    // Timestamps taken by slots around the notifier's: what the notifier's own slot costs.
    QElapsedTimer clock;
    clock.start();
    qint64 beforeNotifier = -1;
    qint64 afterNotifier = -1;
    connect(
        &session.orchestrator(), &ReloadOrchestrator::reloadFinished, this, [&](const ReloadResult& result) {
            if (!result.succeeded())
                beforeNotifier = clock.nsecsElapsed();
        });
    WebhookNotifier notifier(config.notifications.webhooks, u"p"_s);
    WebhookSender::Limits limits = fastLimits();
    limits.timeout = 20000ms; // longer than the whole test: a hung POST stays open throughout
    limits.backoff = 10000ms; // a 500 is retried only after the fix has reloaded
    notifier.setLimits(limits);
    notifier.attach(&session);
    connect(
        &session.orchestrator(), &ReloadOrchestrator::reloadFinished, this, [&](const ReloadResult& result) {
            if (!result.succeeded())
                afterNotifier = clock.nsecsElapsed();
        });
    session.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeout);
    QVERIFY(finished.last().first().value<ReloadResult>().succeeded());

    // A broken entry point: the restart fails (the old server keeps serving) and is notified.
    const QByteArray original = readFile(project.path(u"main.py"_s));
    QVERIFY(writeFile(project.path(u"main.py"_s), original + "\ndef broken(:\n"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kTimeout);
    QVERIFY(!finished.last().first().value<ReloadResult>().succeeded());
    QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), kTimeout);
    const double notifierMs = double(afterNotifier - beforeNotifier) / 1e6;
    qInfo("the notifier's slot took %.3f ms", notifierMs);
    QVERIFY2(notifierMs < 50, qPrintable(QString::number(notifierMs)));

    // The fix reloads while the POST hangs or is being retried.
    QElapsedTimer fixTimer;
    fixTimer.start();
    QVERIFY(writeFile(project.path(u"main.py"_s), original));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kTimeout);
    const ReloadResult fixed = finished.last().first().value<ReloadResult>();
    QVERIFY(fixed.succeeded());
    qInfo("the fix reloaded in %lld ms (start to ready), %lld ms after the save; webhook POSTs still "
          "open: %d",
        fixed.startToReadyMs, fixTimer.elapsed(), notifier.sender(0)->inFlight());
    QCOMPARE(notifier.sender(0)->inFlight(), 1); // the notification is still under way ...
    QCOMPARE(notifier.sender(0)->delivered(), 0); // ... and the reload did not wait for it
    QVERIFY(fixed.startToReadyMs < limits.timeout.count() / 2);

    QSignalSpy done(&session, &Session::finished);
    session.shutdown();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kTimeout);
}

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
