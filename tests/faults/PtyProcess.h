#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace foxreload::test {

// Runs a program on a real pseudo-terminal, as a user's shell would, and keeps every
// byte it writes there (stdout and stderr both go to the terminal): what a terminal
// would have received, escape sequences included.
class PtyProcess
{
public:
    PtyProcess() = default;
    PtyProcess(const PtyProcess&) = delete;
    PtyProcess& operator=(const PtyProcess&) = delete;
    ~PtyProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }

    bool start(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
        const QString& workingDirectory)
    {
        // Everything the child needs is prepared before fork: after it, only exec.
        std::vector<QByteArray> argv { program.toLocal8Bit() };
        for (const QString& argument : arguments)
            argv.push_back(argument.toLocal8Bit());
        std::vector<QByteArray> envp;
        for (const QString& entry : environment.toStringList())
            envp.push_back(entry.toLocal8Bit());
        std::vector<char*> argPointers;
        for (auto& argument : argv)
            argPointers.push_back(argument.data());
        argPointers.push_back(nullptr);
        std::vector<char*> envPointers;
        for (auto& entry : envp)
            envPointers.push_back(entry.data());
        envPointers.push_back(nullptr);
        const QByteArray directory = workingDirectory.toLocal8Bit();

        m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
        if (m_pid < 0)
            return false;
        if (m_pid == 0) {
            if (::chdir(directory.constData()) != 0)
                ::_exit(126);
            ::execve(argPointers.front(), argPointers.data(), envPointers.data());
            ::_exit(127);
        }
        return true;
    }

    // Reads until `done` holds for what was read, the child has exited and the terminal
    // is drained, or the timeout passes. True when `done` held.
    bool readUntil(const std::function<bool(const QByteArray&)>& done, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!done(m_output)) {
            if (deadline.hasExpired())
                return false;
            pollfd fd { m_master, POLLIN, 0 };
            const int ready = ::poll(&fd, 1, int(qMin<qint64>(100, deadline.remainingTime())));
            if (ready < 0 && errno != EINTR)
                return false;
            if (ready > 0) {
                char buffer[4096];
                const ssize_t length = ::read(m_master, buffer, sizeof buffer);
                if (length > 0)
                    m_output.append(buffer, length);
                else if (length < 0 && errno == EIO)
                    return done(m_output); // the child side is closed: nothing more will come
            }
        }
        return true;
    }

    // SIGTERM, then waits for the child (and drains what it writes on its way out).
    int terminate(int timeoutMs = 15000)
    {
        if (m_pid <= 0)
            return -1;
        ::kill(m_pid, SIGTERM);
        return wait(timeoutMs);
    }

    // Waits for the child to exit; its exit code, or -1 after SIGKILL on timeout.
    int wait(int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        int status = 0;
        while (true) {
            readUntil([](const QByteArray&) { return false; }, 50);
            const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
            if (done == m_pid)
                break;
            ::usleep(5000); // the terminal may be closed already: do not spin
            if (deadline.hasExpired()) {
                ::kill(m_pid, SIGKILL);
                ::waitpid(m_pid, &status, 0);
                m_pid = -1;
                return -1;
            }
        }
        m_pid = -1;
        readUntil([](const QByteArray&) { return false; }, 100);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    const QByteArray& output() const { return m_output; }

private:
    pid_t m_pid = -1;
    int m_master = -1;
    QByteArray m_output;
};

} // namespace foxreload::test
