#include "ConfigKeys.h"

#include "ConfigSchema.h"
#include "KeySuggestion.h"

using namespace Qt::StringLiterals;

namespace foxreload {

const QStringList& configKeyOrder()
{
    static const QStringList order = [] {
        QStringList paths;
        for (const ConfigKeyInfo& key : configSchema())
            paths.append(key.path);
        return paths;
    }();
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
