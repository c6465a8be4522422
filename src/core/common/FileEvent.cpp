#include "FileEvent.h"

#include "EnumNames.h"

using namespace Qt::StringLiterals;

namespace foxreload {

namespace {
using Kind = FileEvent::Kind;
constexpr EnumName<Kind> kKindNames[] {
    { Kind::Created, u"created" },
    { Kind::Modified, u"modified" },
    { Kind::Removed, u"removed" },
    { Kind::Renamed, u"renamed" },
    { Kind::WriteClosed, u"write-closed" },
};
} // namespace

QString fileEventKindName(FileEvent::Kind kind)
{
    return nameOf<Kind>(kKindNames, kind);
}

std::optional<FileEvent::Kind> fileEventKindFromName(QStringView name)
{
    return valueOf<Kind>(kKindNames, name);
}

} // namespace foxreload
