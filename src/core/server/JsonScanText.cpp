// The text side of the scanner: what a validated string or number means (JsonScan.h).
#include "JsonScan.h"

#include <algorithm>
#include <cstring>

namespace foxreload::jsonscan {

namespace {
inline bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}
} // namespace

bool keyEquals(QByteArrayView rawKey, QByteArrayView wanted)
{
    if (!rawKey.contains('\\'))
        return rawKey == wanted;
    return decodeString(rawKey).toUtf8() == wanted;
}

QString decodeString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    QByteArray utf8;
    utf8.reserve(raw.size());
    QString result;
    const auto flush = [&] {
        result += QString::fromUtf8(utf8);
        utf8.clear();
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c != '\\') {
            utf8.append(c);
            continue;
        }
        const char e = raw[++i];
        switch (e) {
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            char16_t unit = 0;
            for (int k = 1; k <= 4; ++k)
                unit = char16_t((unit << 4) | hexValue(raw[i + k]));
            i += 4;
            flush();
            result += QChar(unit); // a pair arrives as two escapes and forms one character again
            break;
        }
        default: // '"', '\\', '/'
            utf8.append(e);
            break;
        }
    }
    flush();
    return result;
}

QByteArray numberKey(QByteArrayView number, QByteArrayView prefix)
{
    // The common id, an integer without trailing zeros, is its own key: one allocation, one copy.
    const qsizetype sign = number.startsWith('-') ? 1 : 0;
    if (number.size() > sign && number[sign] != '0' && number.back() != '0'
        && std::all_of(number.begin() + sign, number.end(), [](char c) { return isDigit(uchar(c)); })) {
        QByteArray key(prefix.size() + number.size(), Qt::Uninitialized);
        if (!prefix.isEmpty()) // memcpy from a null view's data() is undefined even for 0 bytes
            std::memcpy(key.data(), prefix.data(), size_t(prefix.size()));
        std::memcpy(key.data() + prefix.size(), number.data(), size_t(number.size()));
        return key;
    }
    qsizetype i = 0;
    bool negative = false;
    if (i < number.size() && number[i] == '-') {
        negative = true;
        ++i;
    }
    QByteArray digits;
    digits.reserve(number.size());
    qint64 exponent = 0;
    while (i < number.size() && isDigit(uchar(number[i])))
        digits.append(number[i++]);
    if (i < number.size() && number[i] == '.') {
        ++i;
        while (i < number.size() && isDigit(uchar(number[i]))) {
            digits.append(number[i++]);
            --exponent;
        }
    }
    if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < number.size() && (number[i] == '+' || number[i] == '-'))
            negativeExponent = number[i++] == '-';
        qint64 written = 0;
        while (i < number.size() && isDigit(uchar(number[i]))) {
            // Beyond 10^15 no id can tell the difference; saturate instead of overflowing.
            if (written < qint64(1e15))
                written = written * 10 + (number[i] - '0');
            ++i;
        }
        exponent += negativeExponent ? -written : written;
    }
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == '0')
        ++first;
    if (first == digits.size())
        return prefix.toByteArray() + '0';
    qsizetype last = digits.size();
    while (digits[last - 1] == '0') {
        --last;
        ++exponent;
    }
    QByteArray key;
    key.reserve(prefix.size() + last - first + 24);
    key.append(prefix);
    if (negative)
        key.append('-');
    key.append(digits.constData() + first, last - first);
    if (exponent != 0) {
        key.append('e');
        key.append(QByteArray::number(exponent));
    }
    return key;
}

} // namespace foxreload::jsonscan
