#include "ConfigKeys.h"

#include "KeySuggestion.h"

using namespace Qt::StringLiterals;

namespace foxreload {

const QStringList& configKeyOrder()
{
    static const QStringList order = {
        u"server"_s,
        u"server.command"_s,
        u"server.args"_s,
        u"server.args[]"_s,
        u"server.cwd"_s,
        u"server.env"_s,
        u"server.env.*"_s,
        u"server.hot_reload"_s,
        u"server.hot_reload.method"_s,
        u"server.hot_reload.timeout_ms"_s,
        u"server.shutdown_grace_ms"_s,
        u"server.ready_timeout_ms"_s,
        u"server.restart_mode"_s,
        u"server.crash_loop"_s,
        u"server.crash_loop.limit"_s,
        u"server.crash_loop.window_ms"_s,
        u"server.stderr_tail_lines"_s,
        u"server.transport"_s,
        u"server.url"_s,
        u"server.build"_s,
        u"server.build.command"_s,
        u"server.build.args"_s,
        u"server.build.args[]"_s,
        u"server.build_timeout_ms"_s,
        u"watch"_s,
        u"watch.paths"_s,
        u"watch.paths[]"_s,
        u"watch.exclude"_s,
        u"watch.exclude[]"_s,
        u"watch.respect_gitignore"_s,
        u"watch.debounce_ms"_s,
        u"watch.max_wait_ms"_s,
        u"watch.max_reloads_per_minute"_s,
        u"watch.backend"_s,
        u"watch.poll_interval_ms"_s,
        u"watch.follow_imports"_s,
        u"rules"_s,
        u"rules[]"_s,
        u"rules[].match"_s,
        u"rules[].strategy"_s,
        u"rules[].components"_s,
        u"rules[].components[]"_s,
        u"rules[].build"_s,
        u"default_strategy"_s,
        u"gamification"_s,
        u"gamification.enabled"_s,
        u"gamification.xp_multiplier"_s,
        u"gamification.notifications"_s,
        u"history"_s,
        u"history.retention_days"_s,
        u"history.max_raw_reloads"_s,
        u"proxy"_s,
        u"proxy.request_grace_ms"_s,
        u"proxy.max_queued_requests"_s,
        u"proxy.listen"_s,
        u"metrics"_s,
        u"metrics.listen"_s,
        u"resources"_s,
        u"resources.enabled"_s,
        u"resources.max_cpu_percent"_s,
        u"resources.max_rss_mb"_s,
        u"notifications"_s,
        u"notifications.webhooks"_s,
        u"notifications.webhooks[]"_s,
        u"notifications.webhooks[].url"_s,
        u"notifications.webhooks[].format"_s,
        u"notifications.webhooks[].events"_s,
        u"notifications.webhooks[].events[]"_s,
        u"database"_s,
    };
    return order;
}

QString configKeyPattern(const QList<YamlPathStep>& path)
{
    QString pattern;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const YamlPathStep& step = path.at(i);
        if (step.isIndex()) {
            pattern += u"[]"_s;
            continue;
        }
        if (!pattern.isEmpty())
            pattern += u'.';
        // The names of a free-form map are the user's own.
        pattern += pattern == u"server.env." ? u"*"_s : step.key;
    }
    return pattern;
}

QString checkConfigKey(QStringView path)
{
    QString error;
    const auto steps = YamlEditor::parsePath(path, &error);
    if (!steps)
        return error;
    const QString pattern = configKeyPattern(*steps);
    if (configKeyOrder().contains(pattern))
        return {};
    // Compared in schema form ("rules[].strategi" against "rules[].strategy"), then the user's
    // indexes are put back into the suggestion.
    QString suggestion = closestName(pattern, configKeyOrder());
    if (!suggestion.isEmpty()) {
        qsizetype index = 0;
        for (const YamlPathStep& step : *steps) {
            if (!step.isIndex())
                continue;
            const qsizetype at = suggestion.indexOf(u"[]"_s, index);
            if (at < 0)
                break;
            const QString number = u'[' + QString::number(step.index) + u']';
            suggestion.replace(at, 2, number);
            index = at + number.size();
        }
        suggestion.replace(u"server.env.*"_s, u"server.env.NAME"_s);
    }
    QString message = u"unknown key \""_s + path.toString() + u'"';
    if (!suggestion.isEmpty())
        message += u" (did you mean \""_s + suggestion + u"\"?)"_s;
    return message;
}

} // namespace foxreload
