#include "ListChangeTracker.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
// Resources are identified by their URI, tools and prompts by their name.
QString itemKey(ListKind kind, const QJsonObject& item)
{
    return kind == ListKind::Resources ? item.value("uri"_L1).toString() : item.value("name"_L1).toString();
}
} // namespace

QString ListChangeTracker::kindName(ListKind kind)
{
    switch (kind) {
    case ListKind::Tools:
        return u"tools"_s;
    case ListKind::Prompts:
        return u"prompts"_s;
    case ListKind::Resources:
        return u"resources"_s;
    }
    return {};
}

QString ListChangeTracker::method(ListKind kind)
{
    return kindName(kind) + u"/list"_s;
}

QString ListChangeTracker::notification(ListKind kind)
{
    return u"notifications/"_s + kindName(kind) + u"/list_changed"_s;
}

QString ListChangeTracker::itemsKey(ListKind kind)
{
    return kindName(kind);
}

QString ListChangeTracker::capability(ListKind kind)
{
    return kindName(kind);
}

ListChangeTracker::Diff ListChangeTracker::update(ListKind kind, const QJsonArray& items)
{
    QHash<QString, QByteArray> fresh;
    for (const auto& value : items) {
        const QJsonObject item = value.toObject();
        // QJsonObject keeps its keys sorted, so the compact form is canonical.
        fresh.insert(itemKey(kind, item), QJsonDocument(item).toJson(QJsonDocument::Compact));
    }
    Diff diff;
    const auto previous = m_seen.constFind(kind);
    if (previous != m_seen.cend()) {
        for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
            const auto before = previous->constFind(it.key());
            if (before == previous->cend())
                diff.added.append(it.key());
            else if (before.value() != it.value())
                diff.changed.append(it.key());
        }
        for (auto it = previous->cbegin(); it != previous->cend(); ++it) {
            if (!fresh.contains(it.key()))
                diff.removed.append(it.key());
        }
        diff.added.sort();
        diff.removed.sort();
        diff.changed.sort();
    }
    m_seen.insert(kind, std::move(fresh));
    return diff;
}

QStringList ListChangeTracker::names(ListKind kind) const
{
    QStringList keys = m_seen.value(kind).keys();
    keys.sort();
    return keys;
}

} // namespace foxreload
