#include "NumberedId.h"

#include <charconv>
#include <cstring>

namespace foxreload::proxyid {

QByteArray token(QByteArrayView quotedPrefix, quint64 number)
{
    char digits[20]; // 2^64 has 20 digits
    const char* end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    // One allocation at the final size: this runs for every forwarded request.
    const qsizetype length = end - digits;
    QByteArray text(quotedPrefix.size() + length + 1, Qt::Uninitialized);
    char* at = text.data();
    std::memcpy(at, quotedPrefix.data(), size_t(quotedPrefix.size()));
    std::memcpy(at + quotedPrefix.size(), digits, size_t(length));
    at[quotedPrefix.size() + length] = '"';
    return text;
}

quint64 number(QByteArrayView quotedPrefix, QByteArrayView rawId)
{
    if (!rawId.startsWith(quotedPrefix) || !rawId.endsWith('"'))
        return 0;
    const QByteArrayView digits = rawId.sliced(quotedPrefix.size(), rawId.size() - quotedPrefix.size() - 1);
    if (digits.isEmpty() || digits.size() > 19) // 19 digits always fit in 64 bits
        return 0;
    quint64 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return 0;
        value = value * 10 + quint64(c - '0');
    }
    return value;
}

} // namespace foxreload::proxyid
