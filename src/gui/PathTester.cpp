#include "PathTester.h"

#include "MonitoredSession.h"
#include "SettingsChecks.h"
#include "analyze/ChangeAnalyzer.h"
#include "match/PathFilter.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

int ruleNumber(const QList<Rule>& rules, const QString& match)
{
    for (int i = 0; i < rules.size(); ++i) {
        if (rules[i].match == match)
            return i + 1;
    }
    return 0;
}

bool insideWatchPaths(const QStringList& watchPaths, const QString& absolute)
{
    return std::any_of(watchPaths.cbegin(), watchPaths.cend(),
        [&](const QString& path) { return absolute == path || absolute.startsWith(path + u'/'); });
}

} // namespace

PathTester::PathTester(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    m_edit->setObjectName(u"testPathEdit"_s);
    m_edit->setAccessibleName(tr("Path to test against the rules"));
    m_edit->setPlaceholderText(u"tools/weather.py"_s);
    m_result->setObjectName(u"testPathResult"_s);
    m_result->setAccessibleName(tr("Which rule matches the tested path"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_result);
    // The form's "Test a path" label (its buddy is this widget) and Tab land in the line edit.
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &PathTester::update);
    update();
}

void PathTester::setConfig(const Config& config)
{
    m_config = config;
    update();
}

QString PathTester::resultText() const
{
    return m_result->text();
}

void PathTester::update()
{
    const QString path = m_edit->text().trimmed();
    m_result->setText(path.isEmpty() ? tr("Type a path to see which rule decides it, e.g. tools/weather.py")
                                     : describe(m_config, path));
}

QString PathTester::describe(const Config& config, const QString& path)
{
    const QString root = config.projectRoot;
    const QString absolute = QDir::cleanPath(QDir(root).absoluteFilePath(path));
    // Broken patterns are shown next to their fields; here they would only be logged, per keystroke.
    ChangeAnalyzer analyzer(root, SettingsChecks::validRules(config.rules), config.defaultStrategy);
    analyzer.setPathFilter(std::make_shared<PathFilter>(
        root, SettingsChecks::validPatterns(config.watch.exclude), config.watch.respectGitignore));
    const FileChange change
        = analyzer.classify(absolute, FileEvent::Kind::Modified, QFileInfo(absolute).isDir());

    QString result;
    if (change.excluded) {
        result = tr("Excluded: changes to %1 are ignored (%2).")
                     .arg(change.relativePath, MonitoredSession::strategyText(change.strategy));
    } else if (!change.rule.isEmpty()) {
        result = tr("Rule %1 (%2) matches → %3")
                     .arg(QString::number(ruleNumber(config.rules, change.rule)), change.rule,
                         MonitoredSession::strategyText(change.strategy));
        if (!change.components.isEmpty())
            result += u" "_s + tr("[components: %1]").arg(change.components.join(u", "_s));
    } else {
        result = tr("No rule matches → default: %1").arg(MonitoredSession::strategyText(change.strategy));
    }
    if (!insideWatchPaths(config.watch.paths, absolute))
        result += u"\n"_s + tr("Note: this path is not inside any watch path, so it is not watched.");
    return result;
}

} // namespace foxreload::gui
