// YamlEditor's edits: each one parses the current text, computes ONE byte-span replacement and
// applies it. Compound changes (a list, a map) are sequences of such edits, each on a fresh
// parse, so no edit ever works from stale positions.

#include "YamlEditor.h"
#include "YamlRender.h"
#include "YamlText.h"

using namespace Qt::StringLiterals;

namespace foxreload {

using namespace yamltext;

namespace {

QList<YamlPathStep> plus(QList<YamlPathStep> path, YamlPathStep step)
{
    path.append(std::move(step));
    return path;
}

} // namespace

bool YamlEditor::setSteps(
    const QList<YamlPathStep>& path, const YamlDocument& value, int valueNode, QString* error)
{
    const auto document = parsed(error);
    if (!document)
        return false;
    int found = 0;
    QString problem;
    const int node = resolve(*document, path, &found, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (node >= 0)
        return replace(*document, node, path, value, valueNode, error);

    // Missing from path[found] on: create it below the deepest node that exists.
    int parent = document->root();
    for (qsizetype i = 0; i < found; ++i) {
        const YamlPathStep& step = path.at(i);
        parent = step.isIndex() ? document->node(parent).children.at(step.index)
                                : document->mappingValue(parent, step.key);
    }
    const Layout layout = this->layout(*document);
    const YamlPathStep& first = path.at(found);
    std::optional<Edit> edit;
    if (first.isIndex()) {
        const YamlNode* list = parent >= 0 ? &document->node(parent) : nullptr;
        const qsizetype size = list && list->kind == Kind::Sequence ? list->children.size() : -1;
        if (size < 0 || first.index != size || found + 1 != path.size()) {
            *error = pathText(path) + u": "_s
                + (size < 0 ? QString(
                       pathText(path.first(found)) + u" is not a list yet; set it to a list first"_s)
                            : pathText(path.first(found)) + u" has "_s + QString::number(size)
                            + u" item(s); an index up to "_s + QString::number(size)
                            + u" (to append) is allowed"_s);
            return false;
        }
        edit = addItem(*document, parent, first.index, value, valueNode, layout);
    } else {
        const QList<YamlPathStep> keys = path.mid(found);
        if (std::any_of(
                keys.cbegin(), keys.cend(), [](const YamlPathStep& step) { return step.isIndex(); })) {
            *error = pathText(path) + u": "_s + pathText(path.first(path.size() - 1))
                + u" does not exist; set the whole list instead"_s;
            return false;
        }
        edit = addKeys(*document, parent, path.first(found), keys, value, valueNode, layout, error);
    }
    if (!edit)
        return false;
    apply(*edit, layout);
    return true;
}

bool YamlEditor::insertSteps(
    const QList<YamlPathStep>& path, const YamlDocument& value, int valueNode, QString* error)
{
    const auto document = parsed(error);
    if (!document)
        return false;
    const QList<YamlPathStep> listPath = path.first(path.size() - 1);
    int found = 0;
    QString problem;
    const int list = resolve(*document, listPath, &found, &problem);
    if (list < 0 || document->node(list).kind != Kind::Sequence) {
        *error
            = !problem.isEmpty() ? problem : pathText(listPath) + u" is not a list; set it to a list first"_s;
        return false;
    }
    const int index = path.constLast().index;
    if (index > document->node(list).children.size()) {
        *error = pathText(path) + u": the list has only "_s
            + QString::number(document->node(list).children.size()) + u" item(s)"_s;
        return false;
    }
    const Layout layout = this->layout(*document);
    const auto edit = addItem(*document, list, index, value, valueNode, layout);
    if (!edit) {
        *error = pathText(path) + u": cannot insert here (unusual layout); edit the file by hand"_s;
        return false;
    }
    apply(*edit, layout);
    return true;
}

bool YamlEditor::removeSteps(const QList<YamlPathStep>& path, QString* error)
{
    const auto document = parsed(error);
    if (!document)
        return false;
    int found = 0;
    QString problem;
    const int node = resolve(*document, path, &found, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (node < 0)
        return true;
    if (document->hasAnchorsOrAliases(node)) {
        *error = anchorMessage(pathText(path));
        return false;
    }
    const Layout layout = this->layout(*document);
    const auto edit = removeChild(*document, node, layout);
    if (!edit) {
        *error = pathText(path) + u": cannot remove it here (unusual layout); edit the file by hand"_s;
        return false;
    }
    apply(*edit, layout);
    return true;
}

bool YamlEditor::replace(const YamlDocument& document, int node, const QList<YamlPathStep>& path,
    const YamlDocument& value, int valueNode, QString* error)
{
    if (YamlDocument::equal(document, node, value, valueNode))
        return true;
    if (document.hasAnchorsOrAliases(node)) {
        *error = anchorMessage(pathText(path));
        return false;
    }
    const YamlNode& target = document.node(node);
    const YamlNode& wanted = value.node(valueNode);
    const bool bothFilled = !target.children.isEmpty() && !wanted.children.isEmpty();
    if (bothFilled && target.kind == Kind::Mapping && wanted.kind == Kind::Mapping) {
        // Key by key: the keys that stay keep their bytes. Set first, remove last, so the map
        // never passes through empty (which would turn a block map into {}).
        QStringList gone;
        for (const auto& [key, unused] : document.entries(node)) {
            if (value.mappingValue(valueNode, document.node(key).value) < 0)
                gone.append(document.node(key).value);
        }
        for (const auto& [key, child] : value.entries(valueNode)) {
            if (!setSteps(plus(path, { value.node(key).value, -1 }), value, child, error))
                return false;
        }
        for (const QString& key : gone) {
            if (!removeSteps(plus(path, { key, -1 }), error))
                return false;
        }
        return true;
    }
    if (bothFilled && target.kind == Kind::Sequence && wanted.kind == Kind::Sequence) {
        // Item by item: equal items at both ends stay; the middle is changed in place, and
        // what is left over removed or inserted.
        const QList<int> oldItems = target.children;
        const QList<int> newItems = wanted.children;
        const qsizetype n = oldItems.size();
        const qsizetype m = newItems.size();
        qsizetype prefix = 0;
        while (prefix < n && prefix < m
            && YamlDocument::equal(document, oldItems.at(prefix), value, newItems.at(prefix)))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix
            && YamlDocument::equal(document, oldItems.at(n - 1 - suffix), value, newItems.at(m - 1 - suffix)))
            ++suffix;
        const qsizetype oldMiddle = n - prefix - suffix;
        const qsizetype newMiddle = m - prefix - suffix;
        for (qsizetype i = 0; i < std::min(oldMiddle, newMiddle); ++i) {
            if (!setSteps(plus(path, { QString(), int(prefix + i) }), value, newItems.at(prefix + i), error))
                return false;
        }
        for (qsizetype i = oldMiddle - 1; i >= newMiddle; --i) {
            if (!removeSteps(plus(path, { QString(), int(prefix + i) }), error))
                return false;
        }
        for (qsizetype i = oldMiddle; i < newMiddle; ++i) {
            if (!insertSteps(
                    plus(path, { QString(), int(prefix + i) }), value, newItems.at(prefix + i), error))
                return false;
        }
        return true;
    }
    const Layout layout = this->layout(document);
    const auto edit = replaceWhole(document, node, value, valueNode, layout);
    if (!edit) {
        *error = pathText(path) + u": cannot replace it here (unusual layout); edit the file by hand"_s;
        return false;
    }
    apply(*edit, layout);
    return true;
}

std::optional<YamlEditor::Edit> YamlEditor::replaceWhole(const YamlDocument& document, int node,
    const YamlDocument& value, int valueNode, const Layout& layout) const
{
    const YamlNode& target = document.node(node);
    const YamlNode& wanted = value.node(valueNode);
    const bool inFlow = document.inFlowContext(node);
    const bool newBlock = !inFlow && yaml::rendersAsBlock(value, valueNode);
    const bool targetBlock
        = target.isCollection() && target.style == Style::Block && !target.children.isEmpty();
    const bool targetEmpty = target.start == target.end;

    QByteArray text;
    if (wanted.kind == Kind::Scalar && !wanted.isNull() && target.kind == Kind::Scalar && !target.isNull())
        text = yaml::scalarInStyle(wanted.value, target.style, inFlow); // keep the quoting style
    else if (inFlow)
        text = yaml::flow(value, valueNode);
    else if (!newBlock)
        text = yaml::block(value, valueNode, 0, layout.step, layout.indentlessSequences);

    if (inFlow)
        return Edit { target.start, target.end, (targetEmpty ? " "_ba : QByteArray()) + text };
    if (!targetBlock && !targetEmpty && !newBlock)
        return Edit { target.start, target.end, text };

    const int parent = target.parent;
    if (parent >= 0 && document.node(parent).kind == Kind::Mapping) {
        const qsizetype colon = colonEnd(document, node);
        const int keyColumn = column(m_text, document.node(keyOf(document, node)).start);
        const qsizetype keyLineEnd = lineEnd(m_text, colon);
        if (newBlock) {
            const bool sequence = wanted.kind == Kind::Sequence;
            const int indent = keyColumn + (sequence && layout.indentlessSequences ? 0 : layout.step);
            const QByteArray blockText = '\n' + spaces(indent)
                + yaml::block(value, valueNode, indent, layout.step, layout.indentlessSequences);
            if (targetBlock || targetEmpty)
                return Edit { keyLineEnd, std::max(keyLineEnd, target.end), blockText };
            return Edit { colon, target.end, blockText };
        }
        // A block collection's last line goes whole, with any comment on it.
        const qsizetype end = targetBlock ? lineEnd(m_text, target.end) : std::max(target.end, keyLineEnd);
        return Edit { colon, end, ' ' + text + keyLineComment(m_text, colon) };
    }
    if (newBlock) {
        const int indent = column(m_text, target.start);
        text = yaml::block(value, valueNode, indent, layout.step, layout.indentlessSequences);
    }
    if (targetEmpty && parent >= 0)
        return std::nullopt; // an empty list item ("-" alone): no place to write it reliably
    if (targetEmpty && parent < 0)
        return Edit { target.start, target.end, text };
    return Edit { target.start, target.end, text };
}

std::optional<YamlEditor::Edit> YamlEditor::addKeys(const YamlDocument& document, int parent,
    const QList<YamlPathStep>& parentPath, const QList<YamlPathStep>& keys, const YamlDocument& value,
    int valueNode, const Layout& layout, QString* error) const
{
    const bool valueBlock = yaml::rendersAsBlock(value, valueNode);
    // "a: {b: value}" for flow places.
    auto flowEntry = [&]() -> QByteArray {
        QByteArray text;
        for (qsizetype i = 0; i < keys.size(); ++i)
            text += yaml::scalar(keys.at(i).key, true) + (i + 1 < keys.size() ? ": {"_ba : ": "_ba);
        return text + yaml::flow(value, valueNode) + QByteArray(keys.size() - 1, '}');
    };
    // "a:\n  b: value" at `indent`, first line not indented.
    auto blockEntry = [&](int indent) -> QByteArray {
        QByteArray text;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            text += yaml::scalar(keys.at(i).key, false) + ':';
            if (i + 1 < keys.size()) {
                indent += layout.step;
                text += '\n' + spaces(indent);
            }
        }
        if (valueBlock) {
            const bool sequence = value.node(valueNode).kind == Kind::Sequence;
            const int childIndent = indent + (sequence && layout.indentlessSequences ? 0 : layout.step);
            return text + '\n' + spaces(childIndent)
                + yaml::block(value, valueNode, childIndent, layout.step, layout.indentlessSequences);
        }
        return text + ' '
            + yaml::block(value, valueNode, indent + layout.step, layout.step, layout.indentlessSequences);
    };

    const YamlNode* target = parent >= 0 ? &document.node(parent) : nullptr;
    if (!target || (parent == document.root() && target->isNull() && target->start == target->end)) {
        // No document yet (empty file, only comments, a bare "---"): append at the end.
        const QByteArray entry = blockEntry(0);
        if (m_text.isEmpty())
            return Edit { 0, 0, entry + '\n' };
        if (m_text.endsWith('\n'))
            return Edit { m_text.size(), m_text.size(), entry + '\n' };
        return Edit { m_text.size(), m_text.size(), '\n' + entry };
    }
    if (target->isNull()) {
        const int grandparent = target->parent;
        if (target->start == target->end && grandparent >= 0
            && document.node(grandparent).kind == Kind::Mapping && !document.inFlowContext(parent)) {
            // "server:" with nothing after it: the new keys go on the lines below.
            const qsizetype keyLineEnd = lineEnd(m_text, colonEnd(document, parent));
            const int indent = column(m_text, document.node(keyOf(document, parent)).start) + layout.step;
            return Edit { keyLineEnd, keyLineEnd, '\n' + spaces(indent) + blockEntry(indent) };
        }
        if (target->start == target->end && grandparent >= 0)
            return Edit { target->start, target->end, " {"_ba + flowEntry() + '}' };
        return Edit { target->start, target->end, '{' + flowEntry() + '}' };
    }
    if (target->kind != Kind::Mapping) {
        *error = pathText(parentPath) + u" is "_s + describeKind(*target) + u", not a map of keys"_s;
        return std::nullopt;
    }
    const QList<std::pair<int, int>> entries = document.entries(parent);
    const bool flow = target->style == Style::Flow || document.inFlowContext(parent);
    if (entries.isEmpty()) {
        const qsizetype brace = m_text.indexOf('{', target->start);
        return Edit { brace + 1, brace + 1, flowEntry() };
    }
    // After the existing key that comes last among those that precede the new one in the key order.
    const int newRank = rank(plus(parentPath, keys.constFirst()));
    qsizetype after = entries.size() - 1;
    if (newRank >= 0) {
        after = -1;
        int best = -1;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const int existing = rank(plus(parentPath, { document.node(entries.at(i).first).value, -1 }));
            if (existing >= 0 && existing <= newRank && existing >= best) {
                best = existing;
                after = i;
            }
        }
        const bool anyRanked = std::any_of(entries.cbegin(), entries.cend(), [&](const auto& entry) {
            return rank(plus(parentPath, { document.node(entry.first).value, -1 })) >= 0;
        });
        if (after < 0 && !anyRanked)
            after = entries.size() - 1;
    }
    const YamlNode& firstKey = document.node(entries.constFirst().first);
    auto entryEnd = [&](qsizetype i) {
        return std::max(document.node(entries.at(i).first).end, document.node(entries.at(i).second).end);
    };
    if (flow) {
        if (after < 0)
            return Edit { firstKey.start, firstKey.start, flowEntry() + ", " };
        return Edit { entryEnd(after), entryEnd(after), ", " + flowEntry() };
    }
    const int indent = column(m_text, firstKey.start);
    if (after < 0 && onlySpacesBefore(m_text, firstKey.start)) {
        const qsizetype start = attachedCommentsStart(m_text, lineStart(m_text, firstKey.start), indent);
        return Edit { start, start, spaces(indent) + blockEntry(indent) + '\n' };
    }
    const qsizetype at = pastDeeperComments(m_text, entryEnd(std::max<qsizetype>(after, 0)), indent);
    return Edit { at, at, '\n' + spaces(indent) + blockEntry(indent) };
}

std::optional<YamlEditor::Edit> YamlEditor::addItem(const YamlDocument& document, int sequence, int index,
    const YamlDocument& value, int valueNode, const Layout& layout) const
{
    const YamlNode& list = document.node(sequence);
    const QList<int>& items = list.children;
    if (list.style == Style::Flow || document.inFlowContext(sequence)) {
        const QByteArray text = yaml::flow(value, valueNode);
        if (items.isEmpty()) {
            const qsizetype bracket = m_text.indexOf('[', list.start);
            return Edit { bracket + 1, bracket + 1, text };
        }
        if (index < items.size()) {
            const qsizetype at = document.node(items.at(index)).start;
            return Edit { at, at, text + ", " };
        }
        const qsizetype at = document.node(items.constLast()).end;
        return Edit { at, at, ", " + text };
    }
    const qsizetype firstDash = dashBefore(m_text, document.node(items.constFirst()).start);
    if (firstDash < 0)
        return std::nullopt;
    const int dashColumn = column(m_text, firstDash);
    // A new item takes the style of its neighbours: block maps beside block maps.
    const bool matchBlock = yaml::rendersAsBlock(document, items.constLast());
    const QByteArray item = "- "
        + yaml::block(value, valueNode, dashColumn + 2, layout.step, layout.indentlessSequences, matchBlock);
    if (index == 0) {
        if (!onlySpacesBefore(m_text, firstDash))
            return std::nullopt;
        const qsizetype start = lineStart(m_text, firstDash);
        return Edit { start, start, spaces(dashColumn) + item + '\n' };
    }
    const qsizetype at = pastDeeperComments(m_text, document.node(items.at(index - 1)).end, dashColumn);
    return Edit { at, at, '\n' + spaces(dashColumn) + item };
}

std::optional<YamlEditor::Edit> YamlEditor::removeChild(
    const YamlDocument& document, int node, const Layout&) const
{
    const YamlNode& target = document.node(node);
    const int parent = target.parent;
    if (parent < 0)
        return Edit { 0, m_text.size(), QByteArray() };
    const YamlNode& container = document.node(parent);
    const bool isMap = container.kind == Kind::Mapping;
    const qsizetype position = container.children.indexOf(node);
    const qsizetype index = isMap ? position / 2 : position;
    const qsizetype count = isMap ? container.children.size() / 2 : container.children.size();
    auto startOf = [&](qsizetype i) { return document.node(container.children.at(isMap ? 2 * i : i)).start; };
    auto endOf = [&](qsizetype i) {
        return isMap ? std::max(document.node(container.children.at(2 * i)).end,
                   document.node(container.children.at(2 * i + 1)).end)
                     : document.node(container.children.at(i)).end;
    };
    const qsizetype spanStart = startOf(index);
    const qsizetype spanEnd = endOf(index);

    if (container.style == Style::Flow || document.inFlowContext(parent)) {
        if (count == 1)
            return Edit { spanStart, spanEnd, QByteArray() };
        if (index + 1 < count)
            return Edit { spanStart, startOf(index + 1), QByteArray() };
        return Edit { endOf(index - 1), spanEnd, QByteArray() };
    }
    if (count == 1 && container.parent >= 0) {
        // The list or map becomes empty: written [] or {} in place of its lines.
        const QByteArray empty = isMap ? "{}" : "[]";
        const int grandparent = container.parent;
        if (document.node(grandparent).kind == Kind::Mapping
            && document.node(grandparent).style == Style::Block) {
            const qsizetype colon = colonEnd(document, parent);
            return Edit { colon, lineEnd(m_text, container.end),
                ' ' + empty + keyLineComment(m_text, colon) };
        }
        return Edit { container.start, container.end, empty };
    }
    const qsizetype itemStart = isMap ? spanStart : dashBefore(m_text, spanStart);
    if (itemStart < 0)
        return std::nullopt;
    if (!onlySpacesBefore(m_text, itemStart)) {
        // The first key of a map written after a list dash ("- match: x"): the next key moves up.
        if (isMap && index + 1 < count)
            return Edit { spanStart, startOf(index + 1), QByteArray() };
        return std::nullopt;
    }
    const qsizetype start
        = attachedCommentsStart(m_text, lineStart(m_text, itemStart), column(m_text, itemStart));
    const qsizetype end = lineEnd(m_text, spanEnd);
    if (end < m_text.size())
        return Edit { start, end + breakLength(m_text, end), QByteArray() };
    // The last line, without a final newline: take the line break before it instead, so the
    // file still ends without one.
    qsizetype breakStart = start;
    if (breakStart > 0 && m_text.at(breakStart - 1) == '\n')
        --breakStart;
    if (breakStart > 0 && m_text.at(breakStart - 1) == '\r')
        --breakStart;
    return Edit { breakStart, end, QByteArray() };
}

} // namespace foxreload
