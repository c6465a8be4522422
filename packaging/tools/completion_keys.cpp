// Build-time helper: fills the config keys into a shell completion template, so the keys that
// `foxreload config get/set` completes are the ones the code knows (configKeyOrder()), never a
// hand copy that drifts.
//
//   completion_keys TEMPLATE OUTPUT   replaces @FOXRELOAD_CONFIG_KEYS@ with the keys, one space apart

#include "CompletableKeys.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: completion_keys TEMPLATE OUTPUT\n");
        return 2;
    }
    QFile input(arguments.at(1));
    if (!input.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "completion_keys: cannot read %s\n", qPrintable(arguments.at(1)));
        return 1;
    }
    QByteArray text = input.readAll();
    const QByteArray placeholder = "@FOXRELOAD_CONFIG_KEYS@";
    if (!text.contains(placeholder)) {
        std::fprintf(
            stderr, "completion_keys: %s has no %s\n", qPrintable(arguments.at(1)), placeholder.data());
        return 1;
    }
    text.replace(placeholder, foxreload::packaging::completableConfigKeys().join(u' ').toUtf8());
    QSaveFile output(arguments.at(2));
    if (!output.open(QIODevice::WriteOnly) || output.write(text) != text.size() || !output.commit()) {
        std::fprintf(stderr, "completion_keys: cannot write %s\n", qPrintable(arguments.at(2)));
        return 1;
    }
    return 0;
}
