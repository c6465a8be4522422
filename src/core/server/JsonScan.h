#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// A small, strict JSON scanner for the message path: it validates a document in one pass
// (RFC 8259: grammar, escapes, UTF-8, at most kMaxDepth levels) and then hands out byte spans
// of members and elements, so that a message can be routed and forwarded without building a
// tree and without changing a byte of what it does not touch.
namespace foxreload::jsonscan {

enum class Type : quint8 { Object, Array, String, Number, True, False, Null };

// Same limit as QJsonDocument's parser, so that what one accepts the other accepts.
constexpr int kMaxDepth = 1024;

struct Value
{
    Type type = Type::Null;
    qsizetype begin = -1; // first byte of the token ('{', '"', '-', digit, 't', ...)
    qsizetype end = -1; // one past its last byte

    bool isValid() const { return begin >= 0; }
};

struct Error
{
    qsizetype offset = 0;
    const char* what = ""; // "unterminated string", "invalid UTF-8", ...
};

// True when `text` is exactly one JSON value, with optional whitespace around it.
bool validate(QByteArrayView text, Value* root, Error* error);

// Walks the members of an object of VALIDATED text (begin = its '{').
class Members
{
public:
    Members(QByteArrayView text, const Value& object);
    // The next member: `key` spans the key's raw content (between its quotes, escapes kept).
    bool next(QByteArrayView* key, Value* value);

private:
    QByteArrayView m_text;
    qsizetype m_pos;
    bool m_done = false;
};

// Walks the elements of an array of VALIDATED text (begin = its '[').
class Elements
{
public:
    Elements(QByteArrayView text, const Value& array);
    bool next(Value* value);

private:
    QByteArrayView m_text;
    qsizetype m_pos;
    bool m_done = false;
};

// The type of the value that starts at `pos` in validated text, and where it ends.
Value valueAt(QByteArrayView text, qsizetype pos);

// Whether a key's raw content (escapes kept) names `wanted` (plain ASCII/UTF-8, no escapes).
bool keyEquals(QByteArrayView rawKey, QByteArrayView wanted);
// The last member called `key` of an object (as QJsonDocument keeps the last of duplicates).
Value member(QByteArrayView text, const Value& object, QByteArrayView key, int* occurrences = nullptr);

// The text of a validated string's raw content (without its quotes).
QString decodeString(QByteArrayView rawContent);
// A spelling-independent key for a validated number: 1, 1.0, 10e-1 and 1E+0 give the same key;
// every digit counts (no rounding to double). The key is written after `prefix`.
QByteArray numberKey(QByteArrayView number, QByteArrayView prefix = {});

} // namespace foxreload::jsonscan
