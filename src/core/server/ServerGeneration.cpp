#include "ServerGeneration.h"

#include "ServerChannelFactory.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString ServerGeneration::substitutePort(QString text, quint16 port)
{
    return text.replace(u"{port}"_s, QString::number(port));
}

ServerGeneration ServerGeneration::prepare(const ServerSettings& configured, ServerChannelFactory* transports)
{
    ServerGeneration generation;
    generation.settings = configured;
    if (configured.transport != ServerTransport::Http)
        return generation;
    if (!transports) {
        generation.error = u"server.transport is http, but this FoxReload command has no HTTP transport"_s;
        return generation;
    }
    QString error;
    const quint16 port = transports->pickFreePort(&error);
    if (port == 0) {
        generation.error = error;
        return generation;
    }
    generation.port = port;
    ServerSettings& settings = generation.settings;
    for (QString& argument : settings.args)
        argument = substitutePort(argument, port);
    for (auto it = settings.env.begin(); it != settings.env.end(); ++it)
        it.value() = substitutePort(it.value(), port);
    if (!settings.env.contains(u"PORT"_s)) // the user's own PORT (say, "{port}" or a fixed one) wins
        settings.env.insert(u"PORT"_s, QString::number(port));
    generation.url = QUrl(substitutePort(configured.url, port), QUrl::StrictMode);
    if (!generation.url.isValid())
        generation.error = u"server.url \"%1\" is not a valid URL"_s.arg(configured.url);
    return generation;
}

} // namespace foxreload
