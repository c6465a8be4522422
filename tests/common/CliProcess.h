#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <csignal>
#include <functional>

// Runs the real foxreload binary and collects its output line by line, so a
// test can wait (QTRY_*) for a line or a JSON event to appear.
namespace foxreload::test {

// The environment of a foxreload process under test: its data, config and runtime
// directories (trust store, history, event sockets) live in `home`, never in the user's.
inline QProcessEnvironment isolatedEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    return env;
}

class CliProcess
{
public:
    CliProcess()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { drain(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
            [this] { m_stderr += QString::fromUtf8(m_process.readAllStandardError()); });
    }
    ~CliProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    void setEnvironment(const QProcessEnvironment& environment)
    {
        m_process.setProcessEnvironment(environment);
    }
    void setWorkingDirectory(const QString& dir) { m_process.setWorkingDirectory(dir); }

    bool start(const QStringList& arguments)
    {
        m_process.start(QStringLiteral(FOXRELOAD_EXECUTABLE), arguments);
        return m_process.waitForStarted(10000);
    }

    void terminate() { ::kill(pid_t(m_process.processId()), SIGTERM); }
    bool waitForFinished(int ms = 30000) { return m_process.waitForFinished(ms); }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QProcess& process() { return m_process; }

    const QStringList& lines() const { return m_lines; }
    QString stderrText() const { return m_stderr; }
    QString allOutput() const { return m_lines.join(u'\n') + u'\n' + m_stderr; }

    QList<QJsonObject> events(const QString& type = {}) const
    {
        QList<QJsonObject> found;
        for (const auto& line : m_lines) {
            const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
            if (!object.isEmpty()
                && (type.isEmpty() || object.value(QLatin1StringView("event")).toString() == type))
                found.append(object);
        }
        return found;
    }

    int countEvents(const QString& type, const std::function<bool(const QJsonObject&)>& predicate = {}) const
    {
        int count = 0;
        for (const auto& event : events(type))
            count += !predicate || predicate(event);
        return count;
    }

    bool hasLineContaining(const QString& text) const
    {
        for (const auto& line : m_lines) {
            if (line.contains(text))
                return true;
        }
        return false;
    }

private:
    void drain()
    {
        m_partial += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_partial.indexOf('\n')) >= 0) {
            m_lines.append(QString::fromUtf8(m_partial.left(newline)));
            m_partial.remove(0, newline + 1);
        }
    }

    QProcess m_process;
    QByteArray m_partial;
    QStringList m_lines;
    QString m_stderr;
};

} // namespace foxreload::test
