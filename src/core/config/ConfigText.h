#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace foxreload {

// Where a config file stops being text, and why.
struct ConfigTextFault
{
    int line = 0; // 1-based
    int column = 0; // 1-based, in characters
    QString message;
};

// YAML is printable Unicode in UTF-8 (tab and line breaks aside), but yaml-cpp does not check:
// it read "sh<NUL>rm" as "sh\rm" and turned invalid UTF-8 into U+FFFD, so the command that
// ran was not the one the file holds (and not the bytes the user trusted). The first byte that
// is invalid UTF-8 or a control character YAML forbids; nullopt for text. A leading BOM is text.
std::optional<ConfigTextFault> findNonTextByte(QByteArrayView text);

// How deep lists and maps may nest. yaml-cpp stops at 2000 levels on its own; libyaml has no
// limit and scans deep flow nesting in quadratic time (100,000 '[' took minutes), so YamlDocument
// stops at the same depth. A real config nests four or five levels.
inline constexpr int kMaxYamlNesting = 2000;

} // namespace foxreload
