#pragma once

#include "YamlDocument.h"

#include <QByteArray>
#include <QString>

namespace foxreload::yaml {

// Writing YAML values as text for YamlEditor: scalars in a chosen quoting style, collections
// in flow style ([a, b], {k: v}) or block style at an indentation. Output uses "\n"; the
// editor converts to the file's line ending.

// Whether `value` can be written without quotes and read back as the same string
// (not null, no indicator, no ": " or " #"; in a flow collection also no ,[]{}).
bool isPlainSafe(QStringView value, bool inFlow);

QByteArray doubleQuoted(QStringView value);
// nullopt-like: empty when the value cannot be single-quoted (line breaks, control characters).
QByteArray singleQuoted(QStringView value);

// A string as YAML: plain where safe, double-quoted otherwise. What callers use to build VALUE text.
QByteArray scalar(QStringView value, bool inFlow = false);

// A scalar value written in `style` where that style can hold it, else the nearest that can.
QByteArray scalarInStyle(QStringView value, YamlNode::Style style, bool inFlow);

// A node of `document` as new text: scalars keep the style they were given in (plain only
// where the context allows it), collections as flow.
QByteArray flow(const YamlDocument& document, int node);

// A node as block text for a place whose indentation is `indent` columns: the first line
// has no indentation of its own (the caller writes it after "key:\n<indent>" or "- "), later
// lines are indented. Flow collections and scalars come out as flow().
QByteArray block(const YamlDocument& document, int node, int indent, int step, bool indentlessSequences,
    bool forceBlock = false);

// Whether block() writes this node over several lines.
bool rendersAsBlock(const YamlDocument& document, int node);

} // namespace foxreload::yaml
