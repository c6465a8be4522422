#include "ShellQuote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload {

QString shellQuote(const QString& word)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_@%+=:,./-]+$"_s);
    if (plain.match(word).hasMatch())
        return word;
    return u'\'' + QString(word).replace(u"'"_s, u"'\\''"_s) + u'\'';
}

QString shellCommandLine(const QString& command, const QStringList& args)
{
    QStringList words { shellQuote(command) };
    for (const QString& arg : args)
        words.append(shellQuote(arg));
    return words.join(u' ');
}

} // namespace foxreload
