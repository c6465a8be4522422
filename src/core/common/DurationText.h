#pragma once

#include <QString>

namespace foxreload {

// "21 ms", "1.4 s", "2 min 5 s": how FoxReload writes a duration in history texts.
QString durationText(qint64 ms);

} // namespace foxreload
