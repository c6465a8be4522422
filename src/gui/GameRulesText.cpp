#include "GameRulesText.h"

#include <QCoreApplication>

namespace foxreload::gui::gametext {

QString translate(const QString& text)
{
    return QCoreApplication::translate("GameRules", text.toUtf8().constData());
}

QString title(const AchievementDef& def)
{
    return translate(def.title);
}

QString description(const AchievementDef& def)
{
    return translate(def.description);
}

QString title(const ChallengeDef& def)
{
    return translate(def.title);
}

QString description(const ChallengeDef& def)
{
    return translate(def.description);
}

} // namespace foxreload::gui::gametext
