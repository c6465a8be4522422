#include "Glob.h"

#include "GlobCompiler.h"
#include "GlobMatcher.h"

namespace foxreload {

using glob::Alternative;
using glob::Mode;

struct Glob::Compiled
{
    QString pattern;
    std::vector<Alternative> alternatives;
};

std::optional<Glob> Glob::compile(QStringView pattern, QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    message.clear();
    std::optional<std::vector<Alternative>> alternatives = glob::compileAlternatives(pattern, message);
    if (!alternatives)
        return std::nullopt;
    auto compiled = std::make_shared<Compiled>();
    compiled->pattern = pattern.toString();
    compiled->alternatives = std::move(*alternatives);
    Glob result;
    result.m_compiled = std::move(compiled);
    return result;
}

QString Glob::pattern() const
{
    return m_compiled ? m_compiled->pattern : QString();
}

bool Glob::matches(QStringView relativePath, bool isDirectory) const
{
    return m_compiled && glob::matchesAny(m_compiled->alternatives, relativePath, isDirectory, Mode::Exact);
}

bool Glob::covers(QStringView relativePath, bool isDirectory) const
{
    return m_compiled && glob::matchesAny(m_compiled->alternatives, relativePath, isDirectory, Mode::Covers);
}

bool Glob::matchesWholeDirectory(QStringView relativeDirPath) const
{
    return m_compiled
        && glob::matchesAny(m_compiled->alternatives, relativeDirPath, true, Mode::WholeDirectory);
}

qsizetype Glob::alternativeCount() const
{
    return m_compiled ? qsizetype(m_compiled->alternatives.size()) : 0;
}

void Glob::start(Position* positions) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i)
        positions[i] = glob::startPosition(m_compiled->alternatives[size_t(i)]);
}

void Glob::advance(Position* positions, QStringView directoryName) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i)
        glob::advancePosition(m_compiled->alternatives[size_t(i)], positions[i], directoryName);
}

bool Glob::coversEverythingAt(const Position* positions) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (positions[i].universalSeen || positions[i].acceptSeen)
            return true;
    }
    return false;
}

bool Glob::coversEntry(const Position* positions, QStringView name, bool isDirectory) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (glob::finish(m_compiled->alternatives[size_t(i)], positions[i], name, isDirectory, Mode::Covers))
            return true;
    }
    return false;
}

bool Glob::matchesWholeDirectoryEntry(const Position* positions, QStringView name) const
{
    for (qsizetype i = 0; i < alternativeCount(); ++i) {
        if (glob::finish(m_compiled->alternatives[size_t(i)], positions[i], name, true, Mode::WholeDirectory))
            return true;
    }
    return false;
}

} // namespace foxreload
