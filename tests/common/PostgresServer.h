#pragma once

// A throw-away PostgreSQL server for tests: initdb + pg_ctl (Debian's `postgresql`) in a
// temporary directory, trust authentication, a free 127.0.0.1 port and its unix socket in the
// same directory. Stopped in the destructor. PostgreSQL refuses to run as root: as root the
// server runs as `nobody` (setpriv), which owns the directory.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace foxreload::test {

using namespace Qt::StringLiterals;

class PostgresServer
{
public:
    PostgresServer() = default;
    ~PostgresServer() { stop(); }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // Creates the cluster (once) and starts the server. False, with why(), when PostgreSQL or
    // Qt's QPSQL driver is missing or the server does not come up.
    bool start()
    {
        if (m_running)
            return true;
#ifndef Q_OS_UNIX
        m_why = u"PostgreSQL test servers are started on Unix only"_s;
        return false;
#else
        if (!m_dir && !initialize())
            return false;
        const QString options = u"-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off"
                                u" -c synchronous_commit=off -c full_page_writes=off"_s.arg(m_port)
                                    .arg(m_dir->path());
        if (!run(u"pg_ctl"_s,
                { u"-D"_s, dataDir(), u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s, u"-t"_s, u"60"_s,
                    u"-o"_s, options, u"start"_s }))
            return false;
        m_running = true;
        return true;
#endif
    }

    // Fast shutdown: connections are cut, as when a shared server goes away.
    bool stop()
    {
        if (!m_running)
            return true;
        m_running = false;
        return run(u"pg_ctl"_s, { u"-D"_s, dataDir(), u"-m"_s, u"fast"_s, u"-w"_s, u"stop"_s });
    }

    bool isRunning() const
    {
        return m_running;
    }
    QString why() const
    {
        return m_why;
    }
    int port() const
    {
        return m_port;
    }

    // A new, empty database; its URL (no password: trust authentication).
    QString createDatabase(const QString& name)
    {
        const QString connection = u"tst-pg-admin-%1"_s.arg(name);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
            db.setHostName(u"127.0.0.1"_s);
            db.setPort(m_port);
            db.setUserName(QString(kUser));
            db.setDatabaseName(u"postgres"_s);
            if (db.open()) {
                QSqlQuery query(db);
                ok = query.exec(u"CREATE DATABASE %1"_s.arg(name));
                if (!ok)
                    m_why = query.lastError().text();
            } else {
                m_why = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok ? url(name) : QString();
    }

    QString url(const QString& database) const
    {
        return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(kUser).arg(m_port).arg(database);
    }

private:
    static constexpr auto kUser = QLatin1StringView("foxreload");

    QString dataDir() const
    {
        return m_dir->filePath(u"data"_s);
    }

    static QString findBinDir()
    {
        const QString fromEnv = qEnvironmentVariable("FOXRELOAD_TEST_PG_BINDIR");
        if (!fromEnv.isEmpty())
            return fromEnv;
        // Debian keeps initdb and pg_ctl out of PATH, per major version.
        QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end(),
            [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
        for (const QString& version : std::as_const(versions)) {
            const QString bin = u"/usr/lib/postgresql/%1/bin"_s.arg(version);
            if (QFile::exists(bin + u"/initdb"_s))
                return bin;
        }
        const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
        return initdb.isEmpty() ? QString() : QFileInfo(initdb).absolutePath();
    }

#ifdef Q_OS_UNIX
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        ::close(fd);
        return port;
    }

    bool initialize()
    {
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            m_why
                = u"Qt's PostgreSQL driver (QPSQL) is not installed (scripts/dev.sh deps: libqt6sql6-psql)"_s;
            return false;
        }
        m_binDir = findBinDir();
        if (m_binDir.isEmpty()) {
            m_why = u"PostgreSQL's initdb and pg_ctl were not found (scripts/dev.sh deps: postgresql)"_s;
            return false;
        }
        m_port = freePort();
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid() || m_port <= 0) {
            m_why = u"no temporary directory or free port"_s;
            return false;
        }
        if (::geteuid() == 0) {
            const passwd* nobody = ::getpwnam("nobody");
            if (!nobody
                || ::chown(QFile::encodeName(dir->path()).constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
                m_why = u"running as root, and cannot hand the directory to the user nobody"_s;
                return false;
            }
            m_runAs = { u"--reuid=%1"_s.arg(nobody->pw_uid), u"--regid=%1"_s.arg(nobody->pw_gid),
                u"--clear-groups"_s };
        }
        m_dir = std::move(dir);
        if (!run(u"initdb"_s,
                { u"-D"_s, dataDir(), u"-A"_s, u"trust"_s, u"-U"_s, QString(kUser), u"-E"_s, u"UTF8"_s,
                    u"--locale=C"_s, u"--no-sync"_s })) {
            m_dir.reset();
            return false;
        }
        return true;
    }
#endif

    bool run(const QString& tool, const QStringList& arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir->path());
        const QString program = m_binDir + u'/' + tool;
        if (m_runAs.isEmpty())
            process.start(program, arguments);
        else
            process.start(u"setpriv"_s, m_runAs + QStringList { program } + arguments);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            m_why = u"%1 failed: %2"_s.arg(tool, QString::fromLocal8Bit(process.readAll()).trimmed());
            return false;
        }
        return true;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QStringList m_runAs;
    QString m_why;
    int m_port = -1;
    bool m_running = false;
};

} // namespace foxreload::test
