#include "YamlRender.h"

using namespace Qt::StringLiterals;

namespace foxreload::yaml {

namespace {

bool isNullWord(QStringView value)
{
    return value == u"~" || value == u"null" || value == u"Null" || value == u"NULL";
}

bool isFlowIndicator(QChar c)
{
    return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}';
}

QByteArray spaces(int count)
{
    return QByteArray(std::max(count, 0), ' ');
}

// A scalar node of a parsed value in the style it was given, adapted to its new context.
QByteArray scalarNode(const YamlDocument& document, int index, bool inFlow)
{
    const YamlNode& node = document.node(index);
    if (node.isNull())
        return node.value.isEmpty() ? "null"_ba : node.value.toUtf8();
    if (node.style == YamlNode::Style::Plain && !isPlainSafe(node.value, inFlow)) {
        // Plain text that parsed as this one scalar in a block context stays as typed there.
        const QByteArray raw = document.text().mid(node.start, node.end - node.start);
        if (!inFlow && !raw.contains('\n') && node.anchor.isEmpty() && QString::fromUtf8(raw) == node.value)
            return raw;
        return doubleQuoted(node.value);
    }
    if (node.style == YamlNode::Style::SingleQuoted || node.style == YamlNode::Style::DoubleQuoted) {
        // Keep the quoting exactly as typed (escapes included) when it fits on one line.
        const QByteArray raw = document.text().mid(node.start, node.end - node.start);
        if (!raw.contains('\n') && !raw.contains('\r') && node.anchor.isEmpty())
            return raw;
    }
    return scalarInStyle(node.value, node.style, inFlow);
}

} // namespace

bool isPlainSafe(QStringView value, bool inFlow)
{
    if (value.isEmpty() || isNullWord(value) || value.front().isSpace() || value.back().isSpace())
        return false;
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c == u'\uFEFF')
            return false;
        if (inFlow && isFlowIndicator(c))
            return false;
    }
    const QChar first = value.front();
    static const QString kIndicators = u"#,[]{}&*!|>'\"%@`"_s;
    if (kIndicators.contains(first))
        return false;
    if (first == u'-' || first == u'?' || first == u':') {
        // "-v" is plain; "- v", "-" and "--- " are not.
        if (value.size() == 1 || value.at(1).isSpace() || (inFlow && isFlowIndicator(value.at(1))))
            return false;
        if (value.startsWith(u"---") || value.startsWith(u"..."))
            return false;
    }
    if (value.contains(u": "_s) || value.contains(u" #"_s) || value.endsWith(u':'))
        return false;
    if (inFlow && value.contains(u":"_s))
        return false;
    return true;
}

QByteArray doubleQuoted(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    for (QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    return '"' + out.toUtf8() + '"';
}

QByteArray singleQuoted(QStringView value)
{
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return {};
    }
    QString text = value.toString();
    text.replace(u'\'', u"''"_s);
    return '\'' + text.toUtf8() + '\'';
}

QByteArray scalar(QStringView value, bool inFlow)
{
    return isPlainSafe(value, inFlow) ? value.toUtf8() : doubleQuoted(value);
}

QByteArray scalarInStyle(QStringView value, YamlNode::Style style, bool inFlow)
{
    switch (style) {
    case YamlNode::Style::DoubleQuoted:
        return doubleQuoted(value);
    case YamlNode::Style::SingleQuoted: {
        const QByteArray quoted = singleQuoted(value);
        return quoted.isEmpty() ? doubleQuoted(value) : quoted;
    }
    default:
        return scalar(value, inFlow);
    }
}

QByteArray flow(const YamlDocument& document, int index)
{
    const YamlNode& node = document.node(index);
    switch (node.kind) {
    case YamlNode::Kind::Scalar:
        return scalarNode(document, index, true);
    case YamlNode::Kind::Alias:
        return '*' + node.value.toUtf8();
    case YamlNode::Kind::Sequence: {
        QByteArrayList items;
        for (int child : node.children)
            items.append(flow(document, child));
        return '[' + items.join(", ") + ']';
    }
    case YamlNode::Kind::Mapping: {
        QByteArrayList items;
        for (const auto& [key, value] : document.entries(index))
            items.append(flow(document, key) + ": " + flow(document, value));
        return '{' + items.join(", ") + '}';
    }
    }
    return {};
}

bool rendersAsBlock(const YamlDocument& document, int index)
{
    const YamlNode& node = document.node(index);
    return node.isCollection() && node.style == YamlNode::Style::Block && !node.children.isEmpty();
}

QByteArray block(
    const YamlDocument& document, int index, int indent, int step, bool indentlessSequences, bool forceBlock)
{
    const YamlNode& node = document.node(index);
    const bool asBlock
        = rendersAsBlock(document, index) || (forceBlock && node.isCollection() && !node.children.isEmpty());
    if (!asBlock)
        return node.kind == YamlNode::Kind::Scalar ? scalarNode(document, index, false)
                                                   : flow(document, index);
    QByteArrayList lines;
    if (node.kind == YamlNode::Kind::Sequence) {
        for (int child : node.children)
            lines.append("- " + block(document, child, indent + 2, step, indentlessSequences));
    } else {
        for (const auto& [key, value] : document.entries(index)) {
            QByteArray entry = scalarNode(document, key, false) + ':';
            if (rendersAsBlock(document, value)) {
                const bool sequence = document.node(value).kind == YamlNode::Kind::Sequence;
                const int childIndent = indent + (sequence && indentlessSequences ? 0 : step);
                entry += '\n' + spaces(childIndent)
                    + block(document, value, childIndent, step, indentlessSequences);
            } else {
                entry += ' ' + block(document, value, indent + step, step, indentlessSequences);
            }
            lines.append(entry);
        }
    }
    return lines.join('\n' + spaces(indent));
}

} // namespace foxreload::yaml
