#include "DatabaseLocation.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace foxreload {

bool isDatabaseUrl(const QString& location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive)
        || location.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

std::optional<PostgresUrl> PostgresUrl::parse(const QString& location)
{
    if (!isDatabaseUrl(location))
        return std::nullopt;
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid())
        return std::nullopt;
    PostgresUrl result;
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    result.host = url.host(QUrl::FullyDecoded);
    result.port = url.port(-1);
    result.database = url.path(QUrl::FullyDecoded).mid(1);
    if (result.database.isEmpty() || result.database.contains(u'/'))
        return std::nullopt;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
        options.append(key + u'=' + value);
    result.options = options.join(u';');
    return result;
}

QString redactedDatabase(const QString& location)
{
    // Also a YAML scalar as a config file spells it.
    if (location.size() > 1 && (location.front() == u'"' || location.front() == u'\'')
        && location.back() == location.front())
        return location.front() + redactedDatabase(location.mid(1, location.size() - 2)) + location.back();
    if (!isDatabaseUrl(location))
        return location;
    // Not through QUrl: a URL it cannot parse must not be printed with its password either.
    const qsizetype start = location.indexOf(u"://"_s) + 3;
    const qsizetype slash = location.indexOf(u'/', start);
    const qsizetype authorityEnd = slash < 0 ? location.size() : slash;
    const qsizetype at = location.lastIndexOf(u'@', authorityEnd - 1);
    if (at < start)
        return location;
    const qsizetype colon = location.indexOf(u':', start);
    if (colon < 0 || colon > at)
        return location;
    return location.left(colon + 1) + u"***"_s + location.mid(at);
}

} // namespace foxreload
