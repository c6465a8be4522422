#include "ConfigFileEditor.h"

#include "ConfigLoader.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload {

// First cut so that callers can link: the text-preserving edit replaces this body.
bool ConfigFileEditor::save(
    const QString& path, const Config& before, const Config& after, QString* errorMessage)
{
    if (QFileInfo::exists(path) && before == after)
        return true;
    if (QFileInfo::exists(path)) {
        QFile::remove(path + u".bak"_s);
        QFile::copy(path, path + u".bak"_s);
    }
    return ConfigWriter::writeFile(after, path, errorMessage);
}

} // namespace foxreload
