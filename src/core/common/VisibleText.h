#pragma once

#include <QString>
#include <QStringView>

namespace foxreload {

// Text that FoxReload did not write itself (a server's stderr, file names, config keys,
// error messages from a peer) made safe to print on a terminal: every control character
// that a terminal would act on (ESC starting an OSC/CSI sequence, CR, BEL, backspace, the
// C1 controls, bidirectional overrides) is shown as an escape such as `\x1b` or `\u202e`
// instead. Tab and newline stay as they are: they move the cursor, but cannot rewrite what
// was printed before or talk to the terminal. Only for text output; JSON escapes on its own.
QString visibleText(QStringView untrusted);

// Whether visibleText() would change anything.
bool hasInvisibleControls(QStringView text);

} // namespace foxreload
