#pragma once

// A raw SQL connection to a history database, an SQLite file or a postgresql:// URL, beside the
// store's own: for tests that build, inspect or damage a database behind the store's back.

#include "common/DatabaseLocation.h"

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace foxreload::test {

class RawDb
{
public:
    explicit RawDb(const QString& location)
        : m_name(QStringLiteral("tst-raw-%1").arg(++s_counter))
    {
        if (const auto url = PostgresUrl::parse(location)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            db.setHostName(url->host);
            db.setPort(url->port);
            db.setUserName(url->user);
            db.setDatabaseName(url->database);
            m_ok = db.open();
            return;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(location);
        m_ok = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }
    QVariant value(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    bool ok() const { return m_ok; }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

} // namespace foxreload::test
