#pragma once

#include <QString>

#include <optional>

namespace foxreload {

// Where the history lives: an SQLite file (a path) or a shared PostgreSQL database
// ("postgresql://USER[:PASS]@HOST[:PORT]/DB[?libpq options]"). A URL without a password
// leaves it to libpq (PGPASSWORD, ~/.pgpass).
struct PostgresUrl
{
    QString user;
    QString password; // empty: libpq finds it
    QString host; // empty: libpq's default (its unix socket)
    int port = -1; // -1: libpq's default
    QString database;
    QString options; // libpq keywords from the query, "key=value;key=value"

    // Also "postgres://". nullopt when `location` is not such a URL, or one without a database.
    static std::optional<PostgresUrl> parse(const QString& location);
};

// True for "postgresql://…" and "postgres://…" (any case): not a file path.
bool isDatabaseUrl(const QString& location);

// `location` as it may be shown: a URL's password is "***"; a path is returned unchanged.
// A quoted location (a YAML scalar) keeps its quotes.
QString redactedDatabase(const QString& location);

} // namespace foxreload
