#pragma once

#include "game/GamificationEngine.h"

namespace foxreload::gui::gametext {

// The game's tables keep English text (marked with QT_TRANSLATE_NOOP in GameRules.cpp);
// these return it in the user's language.
QString title(const AchievementDef& def);
QString description(const AchievementDef& def);
QString title(const ChallengeDef& def);
QString description(const ChallengeDef& def);
QString translate(const QString& text); // context "GameRules"

} // namespace foxreload::gui::gametext
