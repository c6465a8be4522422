#include "YamlDocument.h"

#include "ConfigText.h"

#include <QVarLengthArray>

#include <memory>
#include <yaml.h>

using namespace Qt::StringLiterals;

namespace foxreload {

bool YamlNode::isNull() const
{
    if (kind != Kind::Scalar || style != Style::Plain)
        return false;
    return value.isEmpty() || value == u"~" || value == u"null" || value == u"Null" || value == u"NULL";
}

namespace {

// libyaml counts positions in characters; edits need bytes. Maps one to the other.
class OffsetMap
{
public:
    explicit OffsetMap(const QByteArray& text)
    {
        m_bom = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        bool ascii = true;
        for (qsizetype i = m_bom; i < text.size(); ++i) {
            if (static_cast<unsigned char>(text.at(i)) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii)
            return;
        // Byte offset of every character start (UTF-8 continuation bytes are 10xxxxxx).
        for (qsizetype i = m_bom; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80)
                m_starts.append(i);
        }
        m_starts.append(text.size());
    }

    qsizetype byteOffset(size_t characterIndex) const
    {
        if (m_starts.isEmpty())
            return m_bom + static_cast<qsizetype>(characterIndex);
        const auto index = std::min<qsizetype>(static_cast<qsizetype>(characterIndex), m_starts.size() - 1);
        return m_starts.at(index);
    }

private:
    qsizetype m_bom = 0;
    QList<qsizetype> m_starts; // empty for ASCII text
};

struct ParserDeleter
{
    void operator()(yaml_parser_t* parser) const
    {
        yaml_parser_delete(parser);
        delete parser;
    }
};

QString utf8Text(const yaml_char_t* value, size_t length)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(value), static_cast<qsizetype>(length));
}

QByteArray anchorOf(const yaml_char_t* anchor)
{
    return anchor ? QByteArray(reinterpret_cast<const char*>(anchor)) : QByteArray();
}

YamlNode::Style scalarStyle(yaml_scalar_style_t style)
{
    switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        return YamlNode::Style::SingleQuoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        return YamlNode::Style::DoubleQuoted;
    case YAML_LITERAL_SCALAR_STYLE:
        return YamlNode::Style::Literal;
    case YAML_FOLDED_SCALAR_STYLE:
        return YamlNode::Style::Folded;
    default:
        return YamlNode::Style::Plain;
    }
}

} // namespace

std::optional<YamlDocument> YamlDocument::parse(const QByteArray& input, QString* error)
{
    YamlDocument document;
    document.m_text = input;
    const OffsetMap offsets(input);
    std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
    if (!yaml_parser_initialize(parser.get())) {
        if (error)
            *error = u"cannot start the YAML parser"_s;
        return std::nullopt;
    }
    yaml_parser_set_input_string(
        parser.get(), reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size()));

    QVarLengthArray<int, 16> open; // collections not yet closed
    int documents = 0;
    int depth = 0; // of every document: libyaml scans all of them
    bool done = false;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(parser.get(), &event)) {
            if (error) {
                const yaml_mark_t mark = parser->problem_mark;
                *error = u"line "_s + QString::number(mark.line + 1) + u", column "_s
                    + QString::number(mark.column + 1) + u": "_s
                    + QString::fromUtf8(parser->problem ? parser->problem : "invalid YAML");
                if (parser->context)
                    *error += u" ("_s + QString::fromUtf8(parser->context) + u')';
            }
            return std::nullopt;
        }
        const qsizetype start = offsets.byteOffset(event.start_mark.index);
        const qsizetype end = offsets.byteOffset(event.end_mark.index);
        auto addNode = [&](YamlNode node) {
            node.start = start;
            node.end = end;
            node.parent = open.isEmpty() ? -1 : open.back();
            const int index = int(document.m_nodes.size());
            if (node.parent >= 0)
                document.m_nodes[node.parent].children.append(index);
            else if (document.m_root < 0)
                document.m_root = index;
            document.m_nodes.append(std::move(node));
            return index;
        };
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            ++documents;
            break;
        case YAML_SCALAR_EVENT:
            if (documents <= 1) {
                YamlNode node;
                node.kind = YamlNode::Kind::Scalar;
                node.style = scalarStyle(event.data.scalar.style);
                node.value = utf8Text(event.data.scalar.value, event.data.scalar.length);
                node.anchor = anchorOf(event.data.scalar.anchor);
                addNode(std::move(node));
            }
            break;
        case YAML_ALIAS_EVENT:
            if (documents <= 1) {
                YamlNode node;
                node.kind = YamlNode::Kind::Alias;
                node.value = QString::fromUtf8(anchorOf(event.data.alias.anchor));
                addNode(std::move(node));
            }
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > kMaxYamlNesting) {
                // Stopping here keeps libyaml's cost per token (it grows with the depth) bounded.
                if (error)
                    *error = u"line "_s + QString::number(event.start_mark.line + 1) + u", column "_s
                        + QString::number(event.start_mark.column + 1)
                        + u": lists or maps nested more than "_s + QString::number(kMaxYamlNesting)
                        + u" levels deep"_s;
                yaml_event_delete(&event);
                return std::nullopt;
            }
            if (documents <= 1) {
                const bool sequence = event.type == YAML_SEQUENCE_START_EVENT;
                YamlNode node;
                node.kind = sequence ? YamlNode::Kind::Sequence : YamlNode::Kind::Mapping;
                const bool flow = sequence ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                                           : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
                node.style = flow ? YamlNode::Style::Flow : YamlNode::Style::Block;
                node.anchor
                    = anchorOf(sequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor);
                open.append(addNode(std::move(node)));
            }
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            --depth;
            if (documents <= 1 && !open.isEmpty()) {
                YamlNode& node = document.m_nodes[open.back()];
                open.pop_back();
                if (node.style == YamlNode::Style::Flow)
                    node.end = end;
                else
                    node.end = node.children.isEmpty() ? node.start
                                                       : document.m_nodes.at(node.children.back()).end;
            }
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&event);
    }
    // A block scalar's end mark lies past its trailing line breaks; the value's text ends before them.
    for (YamlNode& node : document.m_nodes) {
        if (node.style == YamlNode::Style::Literal || node.style == YamlNode::Style::Folded) {
            while (
                node.end > node.start && (input.at(node.end - 1) == '\n' || input.at(node.end - 1) == '\r'))
                --node.end;
        }
    }
    // Block collections end where their last child ends, which is known only now for nested ones.
    for (qsizetype i = document.m_nodes.size() - 1; i >= 0; --i) {
        YamlNode& node = document.m_nodes[i];
        if (node.isCollection() && node.style == YamlNode::Style::Block && !node.children.isEmpty())
            node.end = document.m_nodes.at(node.children.back()).end;
    }
    return document;
}

int YamlDocument::mappingValue(int mapping, const QString& key) const
{
    const YamlNode& node = m_nodes.at(mapping);
    if (node.kind != YamlNode::Kind::Mapping)
        return -1;
    for (qsizetype i = 0; i + 1 < node.children.size(); i += 2) {
        const YamlNode& keyNode = m_nodes.at(node.children.at(i));
        if (keyNode.kind == YamlNode::Kind::Scalar && keyNode.value == key)
            return node.children.at(i + 1);
    }
    return -1;
}

QList<std::pair<int, int>> YamlDocument::entries(int mapping) const
{
    QList<std::pair<int, int>> result;
    const YamlNode& node = m_nodes.at(mapping);
    for (qsizetype i = 0; i + 1 < node.children.size(); i += 2)
        result.append({ node.children.at(i), node.children.at(i + 1) });
    return result;
}

bool YamlDocument::inFlowContext(int index) const
{
    for (int parent = m_nodes.at(index).parent; parent >= 0; parent = m_nodes.at(parent).parent) {
        if (m_nodes.at(parent).style == YamlNode::Style::Flow)
            return true;
    }
    return false;
}

bool YamlDocument::hasAnchorsOrAliases(int index) const
{
    const YamlNode& node = m_nodes.at(index);
    if (!node.anchor.isEmpty() || node.kind == YamlNode::Kind::Alias)
        return true;
    for (int child : node.children) {
        if (hasAnchorsOrAliases(child))
            return true;
    }
    return false;
}

bool YamlDocument::equal(const YamlDocument& a, int aIndex, const YamlDocument& b, int bIndex)
{
    const YamlNode& x = a.node(aIndex);
    const YamlNode& y = b.node(bIndex);
    if (x.isNull() || y.isNull())
        return x.isNull() == y.isNull();
    if (x.kind != y.kind || x.children.size() != y.children.size())
        return false;
    switch (x.kind) {
    case YamlNode::Kind::Scalar:
    case YamlNode::Kind::Alias:
        return x.value == y.value;
    case YamlNode::Kind::Sequence:
        for (qsizetype i = 0; i < x.children.size(); ++i) {
            if (!equal(a, x.children.at(i), b, y.children.at(i)))
                return false;
        }
        return true;
    case YamlNode::Kind::Mapping:
        for (const auto& [key, value] : a.entries(aIndex)) {
            const int other = b.mappingValue(bIndex, a.node(key).value);
            if (other < 0 || !equal(a, value, b, other))
                return false;
        }
        return true;
    }
    return false;
}

std::pair<int, int> YamlDocument::lineAndColumn(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    const qsizetype lineStart = offset == 0 ? 0 : m_text.lastIndexOf('\n', offset - 1) + 1;
    const int line = int(QByteArrayView(m_text).first(offset).count('\n')) + 1;
    const int column = int(QString::fromUtf8(m_text.mid(lineStart, offset - lineStart)).size()) + 1;
    return { line, column };
}

} // namespace foxreload
