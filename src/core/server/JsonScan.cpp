#include "JsonScan.h"

#include <array>
#include <cstring>

namespace foxreload::jsonscan {

namespace {

inline bool isSpace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

inline bool isHex(uchar c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

inline bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

// One validating pass. Containers are tracked in a bit stack (1 = object), so depth costs no
// allocation and no recursion: a hostile line of 10^6 '[' fails at kMaxDepth, not with a crash.
class Validator
{
public:
    Validator(QByteArrayView text, Error* error)
        : m_begin(reinterpret_cast<const uchar*>(text.data()))
        , m_p(m_begin)
        , m_end(m_begin + text.size())
        , m_error(error)
    { }

    bool run(Value* root)
    {
        enum class Next { Value, Key, After };
        Next next = Next::Value;
        int depth = 0;
        for (;;) {
            switch (next) {
            case Next::Value: {
                skipSpace();
                if (m_p == m_end)
                    return fail(m_p, depth == 0 ? "no JSON value" : "unexpected end inside a container");
                const uchar c = *m_p;
                if (depth == 0 && root)
                    root->begin = m_p - m_begin;
                if (c == '{' || c == '[') {
                    if (depth == kMaxDepth)
                        return fail(m_p, "too deeply nested");
                    setObject(depth, c == '{');
                    ++depth;
                    if (depth == 1 && root)
                        root->type = c == '{' ? Type::Object : Type::Array;
                    ++m_p;
                    skipSpace();
                    if (m_p < m_end && *m_p == (c == '{' ? '}' : ']')) {
                        ++m_p;
                        --depth;
                        next = Next::After;
                    } else {
                        next = c == '{' ? Next::Key : Next::Value;
                    }
                    continue;
                }
                Type type;
                if (!scalar(&type))
                    return false;
                if (depth == 0 && root)
                    root->type = type;
                next = Next::After;
                continue;
            }
            case Next::Key:
                skipSpace();
                if (m_p == m_end)
                    return fail(m_p, "unexpected end inside an object");
                if (*m_p != '"')
                    return fail(m_p, "an object key must be a string");
                if (!string())
                    return false;
                skipSpace();
                if (m_p == m_end || *m_p != ':')
                    return fail(m_p, "expected ':' after an object key");
                ++m_p;
                next = Next::Value;
                continue;
            case Next::After:
                if (depth == 0) {
                    if (root)
                        root->end = m_p - m_begin;
                    skipSpace();
                    if (m_p != m_end)
                        return fail(m_p, "unexpected characters after the JSON value");
                    return true;
                }
                skipSpace();
                if (m_p == m_end)
                    return fail(m_p, "unexpected end inside a container");
                const bool inObject = isObject(depth - 1);
                if (*m_p == ',') {
                    ++m_p;
                    next = inObject ? Next::Key : Next::Value;
                } else if (*m_p == (inObject ? '}' : ']')) {
                    ++m_p;
                    --depth;
                } else {
                    return fail(m_p,
                        inObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
                }
                continue;
            }
        }
    }

private:
    bool fail(const uchar* at, const char* what)
    {
        if (m_error) {
            m_error->offset = at - m_begin;
            m_error->what = what;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    void setObject(int depth, bool object)
    {
        const quint64 bit = quint64(1) << (depth & 63);
        if (object)
            m_kinds[size_t(depth >> 6)] |= bit;
        else
            m_kinds[size_t(depth >> 6)] &= ~bit;
    }

    bool isObject(int depth) const { return (m_kinds[size_t(depth >> 6)] >> (depth & 63)) & 1; }

    bool scalar(Type* type)
    {
        const uchar c = *m_p;
        if (c == '"') {
            *type = Type::String;
            return string();
        }
        if (c == '-' || isDigit(c)) {
            *type = Type::Number;
            return number();
        }
        if (c == 't') {
            *type = Type::True;
            return literal("true", 4);
        }
        if (c == 'f') {
            *type = Type::False;
            return literal("false", 5);
        }
        if (c == 'n') {
            *type = Type::Null;
            return literal("null", 4);
        }
        return fail(m_p, "unexpected character");
    }

    bool literal(const char* word, qsizetype length)
    {
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return fail(m_p, "invalid literal");
        m_p += length;
        return true;
    }

    bool number()
    {
        const uchar* start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return fail(start, "invalid number");
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(start, "invalid number: no digit after '.'");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return fail(start, "invalid number: no digit in the exponent");
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        return true;
    }

    bool string()
    {
        const uchar* start = m_p;
        ++m_p;
        for (;;) {
            while (m_p < m_end && *m_p >= 0x20 && *m_p < 0x80 && *m_p != '"' && *m_p != '\\')
                ++m_p;
            if (m_p == m_end)
                return fail(start, "unterminated string");
            const uchar c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                if (!escape())
                    return false;
                continue;
            }
            if (c < 0x20)
                return fail(m_p, "control character in a string");
            if (!utf8())
                return false;
        }
    }

    bool escape()
    {
        const uchar* at = m_p;
        ++m_p;
        if (m_p == m_end)
            return fail(at, "unterminated string");
        switch (*m_p) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++m_p;
            return true;
        case 'u':
            ++m_p;
            for (int i = 0; i < 4; ++i, ++m_p) {
                if (m_p == m_end || !isHex(*m_p))
                    return fail(at, "invalid \\u escape");
            }
            return true;
        default:
            return fail(at, "invalid escape");
        }
    }

    // Well-formed UTF-8 only (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    bool utf8()
    {
        const uchar* at = m_p;
        const uchar lead = *m_p;
        int continuation = 0;
        uchar low = 0x80;
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return fail(at, "invalid UTF-8");
        }
        ++m_p;
        if (m_end - m_p < continuation)
            return fail(at, "invalid UTF-8");
        if (*m_p < low || *m_p > high)
            return fail(at, "invalid UTF-8");
        for (int i = 0; i < continuation; ++i, ++m_p) {
            if (!isContinuation(*m_p))
                return fail(at, "invalid UTF-8");
        }
        return true;
    }

    const uchar* m_begin;
    const uchar* m_p;
    const uchar* m_end;
    Error* m_error;
    std::array<quint64, kMaxDepth / 64 + 1> m_kinds {};
};

qsizetype skipSpace(QByteArrayView text, qsizetype pos)
{
    while (pos < text.size() && isSpace(uchar(text[pos])))
        ++pos;
    return pos;
}

// Past the closing quote of the validated string that starts at `pos`.
qsizetype skipString(QByteArrayView text, qsizetype pos)
{
    const char* data = text.data();
    ++pos;
    for (;;) {
        const void* hit = std::memchr(data + pos, '"', size_t(text.size() - pos));
        if (!hit)
            return text.size();
        qsizetype quote = static_cast<const char*>(hit) - data;
        // A quote preceded by an odd number of backslashes is escaped.
        qsizetype backslashes = 0;
        while (quote - 1 - backslashes > pos - 1 && data[quote - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return quote + 1;
        pos = quote + 1;
    }
}

qsizetype skipContainer(QByteArrayView text, qsizetype pos)
{
    int depth = 0;
    const qsizetype size = text.size();
    const char* data = text.data();
    while (pos < size) {
        const char c = data[pos];
        if (c == '"') {
            pos = skipString(text, pos);
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return pos + 1;
        }
        ++pos;
    }
    return size;
}

} // namespace

bool validate(QByteArrayView text, Value* root, Error* error)
{
    Validator validator(text, error);
    if (root)
        *root = {};
    return validator.run(root);
}

Value valueAt(QByteArrayView text, qsizetype pos)
{
    Value value;
    value.begin = pos;
    switch (text[pos]) {
    case '{':
        value.type = Type::Object;
        value.end = skipContainer(text, pos);
        break;
    case '[':
        value.type = Type::Array;
        value.end = skipContainer(text, pos);
        break;
    case '"':
        value.type = Type::String;
        value.end = skipString(text, pos);
        break;
    case 't':
        value.type = Type::True;
        value.end = pos + 4;
        break;
    case 'f':
        value.type = Type::False;
        value.end = pos + 5;
        break;
    case 'n':
        value.type = Type::Null;
        value.end = pos + 4;
        break;
    default: {
        value.type = Type::Number;
        qsizetype end = pos + 1;
        while (end < text.size()) {
            const char c = text[end];
            if (!(isDigit(uchar(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
                break;
            ++end;
        }
        value.end = end;
        break;
    }
    }
    return value;
}

Members::Members(QByteArrayView text, const Value& object)
    : m_text(text)
    , m_pos(object.begin + 1)
    , m_done(object.type != Type::Object)
{ }

bool Members::next(QByteArrayView* key, Value* value)
{
    if (m_done)
        return false;
    m_pos = skipSpace(m_text, m_pos);
    if (m_pos < m_text.size() && m_text[m_pos] == ',')
        m_pos = skipSpace(m_text, m_pos + 1);
    if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
        m_done = true; // '}'
        return false;
    }
    const qsizetype keyEnd = skipString(m_text, m_pos);
    *key = m_text.sliced(m_pos + 1, keyEnd - m_pos - 2);
    m_pos = skipSpace(m_text, keyEnd) + 1; // past ':'
    m_pos = skipSpace(m_text, m_pos);
    *value = valueAt(m_text, m_pos);
    m_pos = value->end;
    return true;
}

Elements::Elements(QByteArrayView text, const Value& array)
    : m_text(text)
    , m_pos(array.begin + 1)
    , m_done(array.type != Type::Array)
{ }

bool Elements::next(Value* value)
{
    if (m_done)
        return false;
    m_pos = skipSpace(m_text, m_pos);
    if (m_pos < m_text.size() && m_text[m_pos] == ',')
        m_pos = skipSpace(m_text, m_pos + 1);
    if (m_pos >= m_text.size() || m_text[m_pos] == ']') {
        m_done = true;
        return false;
    }
    *value = valueAt(m_text, m_pos);
    m_pos = value->end;
    return true;
}

Value member(QByteArrayView text, const Value& object, QByteArrayView key, int* occurrences)
{
    Value found;
    int count = 0;
    Members members(text, object);
    QByteArrayView name;
    Value value;
    while (members.next(&name, &value)) {
        if (keyEquals(name, key)) {
            found = value;
            ++count;
        }
    }
    if (occurrences)
        *occurrences = count;
    return found;
}

} // namespace foxreload::jsonscan
