#pragma once

// Line and indentation helpers shared by YamlEditor's source files (not a public API).

#include "YamlDocument.h"

#include <QByteArray>
#include <QString>

namespace foxreload::yamltext {

using namespace Qt::StringLiterals;
using Kind = YamlNode::Kind;
using Style = YamlNode::Style;

inline qsizetype lineStart(const QByteArray& text, qsizetype pos)
{
    return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

// Where the line holding `pos` ends: at its "\r\n" or "\n", or at the end of the text.
inline qsizetype lineEnd(const QByteArray& text, qsizetype pos)
{
    const qsizetype newline = text.indexOf('\n', pos);
    if (newline < 0)
        return text.size();
    return newline > 0 && text.at(newline - 1) == '\r' && newline - 1 >= pos ? newline - 1 : newline;
}

inline qsizetype breakLength(const QByteArray& text, qsizetype pos)
{
    if (pos >= text.size())
        return 0;
    return text.at(pos) == '\r' ? 2 : (text.at(pos) == '\n' ? 1 : 0);
}

inline int column(const QByteArray& text, qsizetype pos)
{
    return int(pos - lineStart(text, pos));
}

inline bool onlySpacesBefore(const QByteArray& text, qsizetype pos)
{
    for (qsizetype i = lineStart(text, pos); i < pos; ++i) {
        if (text.at(i) != ' ')
            return false;
    }
    return true;
}

inline QByteArray spaces(int count)
{
    return QByteArray(std::max(count, 0), ' ');
}

// Indentation of a line, and whether it is a comment line at exactly that indentation.
inline bool isCommentLineAt(const QByteArray& text, qsizetype start, qsizetype end, int indent, bool deeper)
{
    int count = 0;
    while (start + count < end && text.at(start + count) == ' ')
        ++count;
    if (start + count >= end || text.at(start + count) != '#')
        return false;
    return deeper ? count > indent : count == indent;
}

// The start of the comment lines directly above the line at `start` (same indentation, no
// blank line between): the lines that describe the entry there.
inline qsizetype attachedCommentsStart(const QByteArray& text, qsizetype start, int indent)
{
    while (start > 0) {
        const qsizetype previousStart = lineStart(text, start - 1);
        if (!isCommentLineAt(text, previousStart, lineEnd(text, previousStart), indent, false))
            break;
        start = previousStart;
    }
    return start;
}

// Past the comment lines below `pos`'s line that are indented deeper than `indent`: they still
// belong to the entry above (commented-out items), so new entries go after them.
inline qsizetype pastDeeperComments(const QByteArray& text, qsizetype pos, int indent)
{
    qsizetype end = lineEnd(text, pos);
    while (end < text.size()) {
        const qsizetype next = end + breakLength(text, end);
        const qsizetype nextEnd = lineEnd(text, next);
        if (next >= text.size() || !isCommentLineAt(text, next, nextEnd, indent, true))
            break;
        end = nextEnd;
    }
    return end;
}

// The dash of the block sequence item that starts at `itemStart`, or -1.
inline qsizetype dashBefore(const QByteArray& text, qsizetype itemStart)
{
    qsizetype pos = itemStart - 1;
    while (pos >= 0 && text.at(pos) == ' ')
        --pos;
    return pos >= 0 && text.at(pos) == '-' ? pos : -1;
}

inline int keyOf(const YamlDocument& document, int value)
{
    const YamlNode& parent = document.node(document.node(value).parent);
    const qsizetype at = parent.children.indexOf(value);
    return at > 0 ? parent.children.at(at - 1) : -1;
}

// Just past the ':' after a mapping key.
inline qsizetype colonEnd(const YamlDocument& document, int value)
{
    const int key = keyOf(document, value);
    const qsizetype colon = document.text().indexOf(':', document.node(key).end);
    return colon < 0 ? document.node(value).start : colon + 1;
}

// A comment that follows on a key's line, kept when what follows the key is rewritten.
inline QByteArray keyLineComment(const QByteArray& text, qsizetype colon)
{
    const QByteArray tail = text.mid(colon, lineEnd(text, colon) - colon);
    const QByteArray trimmed = tail.trimmed();
    if (!trimmed.startsWith('#'))
        return {};
    return tail.first(tail.indexOf('#')) + trimmed;
}

inline QString describeKind(const YamlNode& node)
{
    switch (node.kind) {
    case Kind::Sequence:
        return u"a list"_s;
    case Kind::Mapping:
        return u"a map"_s;
    default:
        return u"a single value"_s;
    }
}

inline QString anchorMessage(const QString& path)
{
    return path
        + u": holds a YAML anchor (&name) or alias (*name); changing it here would also change every "
          u"place that refers to it, so FoxReload does not edit it (edit the file by hand)"_s;
}

} // namespace foxreload::yamltext
