#include "VisibleText.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

bool isBidiControl(char16_t c)
{
    // LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI: they reorder what is
    // shown ("Trojan Source"), so a file name could look like another.
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool needsEscape(char16_t c)
{
    if (c == u'\t' || c == u'\n')
        return false;
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || isBidiControl(c);
}

} // namespace

bool hasInvisibleControls(QStringView text)
{
    for (const QChar c : text) {
        if (needsEscape(c.unicode()))
            return true;
    }
    return false;
}

QString visibleText(QStringView untrusted)
{
    if (!hasInvisibleControls(untrusted))
        return untrusted.toString();
    QString visible;
    visible.reserve(untrusted.size() + 16);
    for (const QChar c : untrusted) {
        const char16_t code = c.unicode();
        if (!needsEscape(code))
            visible.append(c);
        else if (code < 0x80)
            visible.append(u"\\x"_s + QString::number(code, 16).rightJustified(2, u'0'));
        else
            visible.append(u"\\u"_s + QString::number(code, 16).rightJustified(4, u'0'));
    }
    return visible;
}

} // namespace foxreload
