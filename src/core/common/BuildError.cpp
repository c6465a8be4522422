#include "BuildError.h"

using namespace Qt::StringLiterals;

namespace foxreload {

QString BuildError::location() const
{
    if (file.isEmpty())
        return {};
    return line > 0 ? file + u':' + QString::number(line) : file;
}

QString BuildError::summary() const
{
    const QString where = location();
    return where.isEmpty() ? message : where + u": "_s + message;
}

} // namespace foxreload
