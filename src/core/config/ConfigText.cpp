#include "ConfigText.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {

QString hexByte(unsigned char byte)
{
    return u"\\x"_s + QString::number(byte, 16).rightJustified(2, u'0');
}

// The length of the UTF-8 sequence at `at` when it is well formed (no overlong forms, no
// surrogates, nothing above U+10FFFF), else 0.
qsizetype sequenceLength(QByteArrayView text, qsizetype at, char32_t* codePoint)
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(text.at(i)); };
    const unsigned char lead = byte(at);
    qsizetype length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        secondMin = lead == 0xE0 ? 0xA0 : 0x80; // overlong
        secondMax = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        secondMin = lead == 0xF0 ? 0x90 : 0x80; // overlong
        secondMax = lead == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    char32_t value = lead & (0xFF >> (length + 1));
    for (qsizetype i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        const bool inRange = i == 1 ? next >= secondMin && next <= secondMax : next >= 0x80 && next <= 0xBF;
        if (!inRange)
            return 0;
        value = (value << 6) | (next & 0x3F);
    }
    *codePoint = value;
    return length;
}

} // namespace

std::optional<ConfigTextFault> findNonTextByte(QByteArrayView text)
{
    int line = 1;
    int column = 1;
    const qsizetype start = text.startsWith("\xEF\xBB\xBF") ? 3 : 0; // the BOM takes no column
    for (qsizetype at = start; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text.at(at));
        if (byte < 0x80) {
            if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F)
                return ConfigTextFault { line, column,
                    u"control character "_s + hexByte(byte)
                        + u" in the file; YAML allows only printable text (a config file is UTF-8 text, "
                          u"written with a text editor)"_s };
            if (byte == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            ++at;
            continue;
        }
        char32_t codePoint = 0;
        const qsizetype length = sequenceLength(text, at, &codePoint);
        if (length == 0)
            return ConfigTextFault { line, column,
                u"not valid UTF-8 (byte "_s + hexByte(byte)
                    + u"); FoxReload reads config files as UTF-8 text: save the file as UTF-8"_s };
        if (codePoint >= 0x80 && codePoint <= 0x9F && codePoint != 0x85)
            return ConfigTextFault { line, column,
                u"control character U+00"_s + QString::number(codePoint, 16).toUpper()
                    + u" in the file; YAML allows only printable text"_s };
        at += length;
        ++column;
    }
    return std::nullopt;
}

} // namespace foxreload
