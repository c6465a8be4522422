#include "FileEvent.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString fileEventKindName(FileEvent::Kind kind)
{
    switch (kind) {
    case FileEvent::Kind::Created:
        return u"created"_s;
    case FileEvent::Kind::Modified:
        return u"modified"_s;
    case FileEvent::Kind::Removed:
        return u"removed"_s;
    case FileEvent::Kind::Renamed:
        return u"renamed"_s;
    case FileEvent::Kind::WriteClosed:
        return u"write-closed"_s;
    }
    return {};
}

} // namespace foxreload
