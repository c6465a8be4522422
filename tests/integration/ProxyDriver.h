#pragma once

// Test helper: runs `foxreload proxy` as an MCP client would (a QProcess with
// pipes) and speaks raw JSON-RPC lines to it, so tests can send exactly the
// bytes they mean, garbage included.

#include "server/LineFramer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace foxreload::test {

class ProxyDriver
{
public:
    // XDG directories of the run live in `home`, so trust store and event sockets stay private.
    explicit ProxyDriver(const QString& home)
        : m_home(home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QDir().mkpath(home + QStringLiteral("/run"));
        QFile::setPermissions(home + QStringLiteral("/run"),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { readStdout(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
            [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~ProxyDriver()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    void start(const QStringList& arguments, const QString& cwd)
    {
        m_process.setWorkingDirectory(cwd);
        m_process.start(
            QStringLiteral(FOXRELOAD_EXECUTABLE), QStringList { QStringLiteral("proxy") } + arguments);
    }
    bool waitForStarted() { return m_process.waitForStarted(10000); }
    QProcess& process() { return m_process; }
    qint64 pid() const { return m_process.processId(); }
    QString socketPath() const
    {
        return m_home + QStringLiteral("/run/foxreload/session-%1.sock").arg(m_process.processId());
    }

    void sendRaw(const QByteArray& bytes) { m_process.write(bytes); }
    void send(const QJsonObject& message)
    {
        QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
        line.append('\n');
        m_process.write(line);
    }
    void request(const QJsonValue& id, const QString& method, const QJsonObject& params = {})
    {
        QJsonObject message { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("id"), id }, { QStringLiteral("method"), method } };
        if (!params.isEmpty())
            message.insert(QStringLiteral("params"), params);
        send(message);
    }
    void notify(const QString& method, const QJsonObject& params = {})
    {
        QJsonObject message { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("method"), method } };
        if (!params.isEmpty())
            message.insert(QStringLiteral("params"), params);
        send(message);
    }
    void callTool(const QJsonValue& id, const QString& name, const QJsonObject& arguments = {})
    {
        request(id, QStringLiteral("tools/call"),
            { { QStringLiteral("name"), name }, { QStringLiteral("arguments"), arguments } });
    }

    // Every line the proxy wrote: objects, and arrays for batch answers.
    const QList<QJsonValue>& received() const { return m_received; }
    const QList<QByteArray>& rawLines() const { return m_rawLines; }
    QByteArray stderrText() const { return m_stderr; }

    // The answer to `id`, waiting for it up to `timeoutMs`; an empty object when none came.
    QJsonObject answer(const QJsonValue& id, int timeoutMs = 20000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor([&] { return !(found = findAnswer(id)).isEmpty(); }, timeoutMs);
        return found;
    }
    QJsonObject findAnswer(const QJsonValue& id) const
    {
        for (const auto& value : m_received) {
            const QJsonObject object = value.toObject();
            if (object.contains(QStringLiteral("method")))
                continue;
            if (object.contains(QStringLiteral("id")) && object.value(QStringLiteral("id")) == id)
                return object;
        }
        return {};
    }
    int answersTo(const QJsonValue& id) const
    {
        int count = 0;
        for (const auto& value : m_received) {
            const QJsonObject object = value.toObject();
            if (!object.contains(QStringLiteral("method")) && object.value(QStringLiteral("id")) == id)
                ++count;
        }
        return count;
    }
    // Requests and notifications the proxy sent to us, with this method.
    QList<QJsonObject> messages(const QString& method) const
    {
        QList<QJsonObject> found;
        for (const auto& value : m_received) {
            if (value.toObject().value(QStringLiteral("method")) == method)
                found.append(value.toObject());
        }
        return found;
    }

    // initialize + notifications/initialized; returns the InitializeResult.
    QJsonObject initialize(
        const QString& protocolVersion = QStringLiteral("2025-11-25"), const QJsonObject& capabilities = {})
    {
        request(QStringLiteral("init"), QStringLiteral("initialize"),
            { { QStringLiteral("protocolVersion"), protocolVersion },
                { QStringLiteral("capabilities"), capabilities },
                { QStringLiteral("clientInfo"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("tst_proxy") },
                        { QStringLiteral("version"), QStringLiteral("9.9") } } } });
        const QJsonObject answered = answer(QStringLiteral("init"), 30000);
        notify(QStringLiteral("notifications/initialized"));
        return answered.value(QStringLiteral("result")).toObject();
    }

private:
    void readStdout()
    {
        const auto lines = m_framer.feed(m_process.readAllStandardOutput());
        for (const auto& line : lines) {
            m_rawLines.append(line.bytes);
            const QJsonDocument document = QJsonDocument::fromJson(line.bytes);
            if (document.isObject())
                m_received.append(document.object());
            else if (document.isArray())
                m_received.append(document.array());
            else
                m_received.append(QJsonValue(QString::fromUtf8(line.bytes))); // not JSON: a test failure
        }
    }

    QString m_home;
    QProcess m_process;
    LineFramer m_framer;
    QList<QJsonValue> m_received;
    QList<QByteArray> m_rawLines;
    QByteArray m_stderr;
};

// The text of a tools/call answer's first content item.
inline QString resultText(const QJsonObject& answer)
{
    return answer.value(QLatin1StringView("result"))
        .toObject()
        .value(QLatin1StringView("content"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1StringView("text"))
        .toString();
}

// The code of an error answer (0 for a result).
inline int errorCode(const QJsonObject& answer)
{
    return answer.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toInt();
}

} // namespace foxreload::test
