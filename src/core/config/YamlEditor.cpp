#include "YamlEditor.h"

#include "YamlRender.h"
#include "YamlText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

using namespace yamltext;

YamlEditor::YamlEditor(QByteArray text)
    : m_text(std::move(text))
{ }

std::optional<QList<YamlPathStep>> YamlEditor::parsePath(QStringView path, QString* error)
{
    QList<YamlPathStep> steps;
    qsizetype i = 0;
    auto fail = [&](const QString& why) {
        if (error)
            *error = u"invalid key \""_s + path.toString() + u"\": "_s + why;
        return std::nullopt;
    };
    while (i < path.size()) {
        qsizetype end = i;
        while (end < path.size() && path.at(end) != u'.' && path.at(end) != u'[')
            ++end;
        if (end == i)
            return fail(u"expected a key name at position "_s + QString::number(i + 1));
        steps.append({ path.mid(i, end - i).toString(), -1 });
        i = end;
        while (i < path.size() && path.at(i) == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            bool ok = false;
            const int index = close < 0 ? -1 : path.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0)
                return fail(u"expected a list index like [0]"_s);
            steps.append({ QString(), index });
            i = close + 1;
        }
        if (i < path.size()) {
            if (path.at(i) != u'.' || i + 1 == path.size())
                return fail(u"expected '.' and a key after position "_s + QString::number(i));
            ++i;
        }
    }
    if (steps.isEmpty())
        return fail(u"empty"_s);
    return steps;
}

QString YamlEditor::pathText(const QList<YamlPathStep>& steps)
{
    QString text;
    for (const YamlPathStep& step : steps) {
        if (step.isIndex())
            text += u'[' + QString::number(step.index) + u']';
        else
            text += (text.isEmpty() ? QString() : u"."_s) + step.key;
    }
    return text;
}

std::optional<YamlDocument> YamlEditor::parsed(QString* error) const
{
    QString problem;
    auto document = YamlDocument::parse(m_text, &problem);
    if (!document && error)
        *error = u"the file is not valid YAML ("_s + problem + u"); fix it first"_s;
    return document;
}

YamlEditor::Layout YamlEditor::layout(const YamlDocument& document) const
{
    Layout result;
    if (m_text.contains("\r\n"))
        result.lineEnding = "\r\n";
    bool stepFound = false;
    bool sequenceFound = false;
    for (qsizetype i = 0; i < document.nodeCount() && !(stepFound && sequenceFound); ++i) {
        const YamlNode& node = document.node(int(i));
        if (node.style != Style::Block || node.children.isEmpty() || node.parent < 0
            || document.node(node.parent).kind != Kind::Mapping
            || document.node(node.parent).style != Style::Block)
            continue;
        const int keyColumn = column(m_text, document.node(keyOf(document, int(i))).start);
        if (node.kind == Kind::Mapping && !stepFound) {
            const int step = column(m_text, document.node(node.children.constFirst()).start) - keyColumn;
            if (step > 0) {
                result.step = step;
                stepFound = true;
            }
        } else if (node.kind == Kind::Sequence && !sequenceFound) {
            const qsizetype dash = dashBefore(m_text, document.node(node.children.constFirst()).start);
            if (dash >= 0) {
                result.indentlessSequences = column(m_text, dash) == keyColumn;
                sequenceFound = true;
            }
        }
    }
    return result;
}

void YamlEditor::apply(const Edit& edit, const Layout& layout)
{
    QByteArray replacement = edit.replacement;
    if (layout.lineEnding == "\r\n")
        replacement.replace("\r\n", "\n").replace("\n", "\r\n");
    m_text.replace(edit.start, edit.end - edit.start, replacement);
}

int YamlEditor::rank(const QList<YamlPathStep>& path) const
{
    QString normalized;
    for (const YamlPathStep& step : path)
        normalized += step.isIndex() ? u"[]"_s : (normalized.isEmpty() ? QString() : u"."_s) + step.key;
    qsizetype at = m_keyOrder.indexOf(normalized);
    if (at < 0 && !path.isEmpty() && !path.constLast().isIndex())
        at = m_keyOrder.indexOf(normalized.left(normalized.size() - path.constLast().key.size()) + u'*');
    return int(at);
}

int YamlEditor::resolve(
    const YamlDocument& document, const QList<YamlPathStep>& path, int* found, QString* error) const
{
    int node = document.root();
    *found = 0;
    if (node < 0)
        return -1;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const YamlNode& current = document.node(node);
        const QString here = i == 0 ? u"the document"_s : pathText(path.first(i));
        if (current.kind == Kind::Alias || !current.anchor.isEmpty()) {
            *error = anchorMessage(pathText(path.first(std::max<qsizetype>(i, 1))));
            return -1;
        }
        const YamlPathStep& step = path.at(i);
        int child = -1;
        if (current.isNull())
            return -1;
        if (step.isIndex()) {
            if (current.kind != Kind::Sequence) {
                *error = here + u" is "_s + describeKind(current) + u", not a list"_s;
                return -1;
            }
            if (step.index < current.children.size())
                child = current.children.at(step.index);
        } else {
            if (current.kind != Kind::Mapping) {
                *error = here + u" is "_s + describeKind(current) + u", not a map of keys"_s;
                return -1;
            }
            child = document.mappingValue(node, step.key);
        }
        if (child < 0)
            return -1;
        node = child;
        *found = int(i) + 1;
    }
    if (document.node(node).kind == Kind::Alias) {
        *error = anchorMessage(pathText(path));
        return -1;
    }
    return node;
}

bool YamlEditor::set(QStringView path, const QByteArray& yamlValue, QString* error)
{
    const auto steps = parsePath(path, error);
    if (!steps)
        return false;
    QString problem;
    const auto value = YamlDocument::parse(yamlValue, &problem);
    if (!value || value->root() < 0) {
        if (error)
            *error = u"invalid value for "_s + path.toString() + u": "_s
                + (value ? u"empty (write \"\" for an empty string)"_s : problem);
        return false;
    }
    if (value->hasAnchorsOrAliases(value->root())) {
        if (error)
            *error = u"invalid value for "_s + path.toString() + u": anchors and aliases are not supported"_s;
        return false;
    }
    const QByteArray original = m_text;
    if (!setSteps(*steps, *value, value->root(), error)) {
        m_text = original;
        return false;
    }
    return true;
}

bool YamlEditor::insert(QStringView path, const QByteArray& yamlValue, QString* error)
{
    const auto steps = parsePath(path, error);
    if (!steps)
        return false;
    if (!steps->constLast().isIndex()) {
        if (error)
            *error = path.toString() + u": insert needs a list index, e.g. rules[0]"_s;
        return false;
    }
    QString problem;
    const auto value = YamlDocument::parse(yamlValue, &problem);
    if (!value || value->root() < 0 || value->hasAnchorsOrAliases(value->root())) {
        if (error)
            *error = u"invalid value for "_s + path.toString() + u": "_s
                + (value ? u"empty, or with anchors/aliases"_s : problem);
        return false;
    }
    const QByteArray original = m_text;
    if (!insertSteps(*steps, *value, value->root(), error)) {
        m_text = original;
        return false;
    }
    return true;
}

bool YamlEditor::remove(QStringView path, QString* error)
{
    const auto steps = parsePath(path, error);
    if (!steps)
        return false;
    const QByteArray original = m_text;
    if (!removeSteps(*steps, error)) {
        m_text = original;
        return false;
    }
    return true;
}

std::optional<QByteArray> YamlEditor::get(QStringView path, QString* error) const
{
    const auto steps = parsePath(path, error);
    if (!steps)
        return std::nullopt;
    const auto document = parsed(error);
    if (!document)
        return std::nullopt;
    int found = 0;
    QString problem;
    const int node = resolve(*document, *steps, &found, &problem);
    if (node < 0) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    const YamlNode& target = document->node(node);
    if (target.kind == Kind::Scalar) {
        const QByteArray raw = m_text.mid(target.start, target.end - target.start);
        if (!raw.contains('\n') && target.anchor.isEmpty() && target.style != Style::Literal
            && target.style != Style::Folded)
            return raw.isEmpty() ? "null"_ba : raw;
        return yaml::scalarInStyle(target.value, Style::DoubleQuoted, false);
    }
    return yaml::flow(*document, node);
}

} // namespace foxreload
