#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace foxreload::proxyid {

// The ids the proxy makes up for messages of its own (requests it forwards, listen streams,
// server-initiated requests): the JSON string "<prefix>N", N ≥ 1, as raw bytes with the quotes,
// so it can be compared with a message's raw id without parsing it.

// token("\"px-", 12) → "\"px-12\""
QByteArray token(QByteArrayView quotedPrefix, quint64 number);
// N of a token with this prefix; 0 for any other raw id (another prefix, not all digits, > 19 digits).
quint64 number(QByteArrayView quotedPrefix, QByteArrayView rawId);

} // namespace foxreload::proxyid
