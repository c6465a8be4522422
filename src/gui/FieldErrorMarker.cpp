#include "FieldErrorMarker.h"

#include "MonitoredSession.h"
#include "RulesModel.h"
#include "TrayIcons.h"
#include "config/ConfigLoader.h"
#include "ui_SettingsDialog.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

// "&Command:" -> "Command", for naming a field in a sentence.
QString captionText(const QLabel* label)
{
    QString text = label->text();
    text.remove(QRegularExpression(u"&(?!&)"_s));
    text.replace(u"&&"_s, u"&"_s);
    text.remove(QRegularExpression(u"\\s*:\\s*$"_s));
    return text.trimmed();
}

} // namespace

FieldErrorMarker::FieldErrorMarker(Ui::SettingsDialog* ui, RulesModel* rules, QWidget* form)
    : m_ui(ui)
    , m_rules(rules)
    , m_form(form)
    , m_color(errorColor(form))
{
    const auto labels = m_form->findChildren<QLabel*>(QRegularExpression(u"Error$"_s));
    for (auto* label : labels)
        label->setStyleSheet(u"color: %1;"_s.arg(m_color));
}

QString FieldErrorMarker::errorColor(const QWidget* widget)
{
    // A dark red is unreadable on a dark window, a light one on a light window.
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    return dark ? u"#ff8a80"_s : u"#c62828"_s;
}

QLabel* FieldErrorMarker::errorLabelFor(const QString& field) const
{
    static const QHash<QString, QLabel * Ui::SettingsDialog::*> labels {
        { u"server.command"_s, &Ui::SettingsDialog::commandError },
        { u"server.args"_s, &Ui::SettingsDialog::argsError },
        { u"server.cwd"_s, &Ui::SettingsDialog::cwdError },
        { u"server.env"_s, &Ui::SettingsDialog::envError },
        { u"watch.paths"_s, &Ui::SettingsDialog::pathsError },
        { u"watch.exclude"_s, &Ui::SettingsDialog::excludesError },
        { u"watch.debounce_ms"_s, &Ui::SettingsDialog::debounceError },
        { u"watch.max_reloads_per_minute"_s, &Ui::SettingsDialog::maxReloadsError },
        { u"rules"_s, &Ui::SettingsDialog::rulesError },
    };
    const auto it = labels.constFind(field);
    return it == labels.cend() ? nullptr : m_ui->*(*it);
}

QWidget* FieldErrorMarker::widgetFor(const QString& field) const
{
    const std::array<std::pair<QString, QWidget*>, 12> widgets { {
        { u"server.command"_s, m_ui->commandEdit },
        { u"server.args"_s, m_ui->argsEdit },
        { u"server.cwd"_s, m_ui->cwdEdit },
        { u"server.env"_s, m_ui->envTable },
        { u"server.restart_mode"_s, m_ui->restartModeCombo },
        { u"watch.paths"_s, m_ui->pathsList },
        { u"watch.exclude"_s, m_ui->excludesEdit },
        { u"watch.respect_gitignore"_s, m_ui->gitignoreCheck },
        { u"watch.debounce_ms"_s, m_ui->debounceSpin },
        { u"watch.max_reloads_per_minute"_s, m_ui->maxReloadsSpin },
        { u"rules"_s, m_ui->rulesView },
        { u"default_strategy"_s, m_ui->defaultStrategyCombo },
    } };
    for (const auto& [name, widget] : widgets) {
        if (name == field)
            return widget;
    }
    return nullptr;
}

void FieldErrorMarker::clear()
{
    const auto labels = m_form->findChildren<QLabel*>(QRegularExpression(u"Error$"_s));
    for (auto* label : labels) {
        label->clear();
        label->hide();
    }
    for (auto* widget : std::initializer_list<QWidget*> { m_ui->commandEdit, m_ui->argsEdit, m_ui->cwdEdit,
             m_ui->envTable, m_ui->pathsList, m_ui->excludesEdit, m_ui->debounceSpin, m_ui->maxReloadsSpin,
             m_ui->rulesView, m_ui->restartModeCombo, m_ui->gitignoreCheck, m_ui->defaultStrategyCombo }) {
        widget->setStyleSheet({});
        widget->setAccessibleDescription({});
    }
    for (int i = 0; i < m_ui->tabs->count(); ++i)
        m_ui->tabs->setTabIcon(i, {});
    m_rules->setRowErrors({});
}

void FieldErrorMarker::mark(const QString& key, const QString& message)
{
    const QString field = SettingsChecks::fieldOf(key);
    QLabel* label = errorLabelFor(field);
    QWidget* widget = widgetFor(field);
    if (!label) {
        label = m_ui->summaryError; // no place of its own: the summary names the key
        const QString line = key.isEmpty() ? message : key + u": "_s + message;
        label->setText(label->text().isEmpty() ? line : label->text() + u'\n' + line);
    } else {
        label->setText(label->text().isEmpty() ? message : label->text() + u'\n' + message);
    }
    label->show();
    if (widget) {
        // Only the field's own frame: an unqualified rule would also frame its header and editors.
        widget->setStyleSheet(u"#%1 { border: 1px solid %2; }"_s.arg(widget->objectName(), m_color));
        widget->setAccessibleDescription(label->text());
        // Mark the tab too, so a problem on another page is not missed.
        for (QWidget* page = widget->parentWidget(); page; page = page->parentWidget()) {
            const int tab = m_ui->tabs->indexOf(page);
            if (tab >= 0) {
                m_ui->tabs->setTabIcon(tab, stateIcon(MonitoredSession::Status::Error));
                break;
            }
        }
    }
    if (key.startsWith(u"rules["_s)) {
        const int row = key.mid(6, key.indexOf(u']') - 6).toInt();
        QHash<int, QString> errors;
        for (int i = 0; i < m_rules->rowCount(); ++i) {
            if (!m_rules->rowError(i).isEmpty())
                errors.insert(i, m_rules->rowError(i));
        }
        errors.insert(row, errors.contains(row) ? errors.value(row) + u'\n' + message : message);
        m_rules->setRowErrors(errors);
    }
}

QString FieldErrorMarker::show(const QList<SettingsProblem>& problems)
{
    clear();
    for (const auto& problem : problems)
        mark(problem.key, problem.message);
    if (problems.isEmpty())
        return {};
    // Where the problems are, by tab and field: some may be on a page the user does not see.
    QStringList places;
    for (const auto& problem : problems) {
        const QString field = SettingsChecks::fieldOf(problem.key);
        QWidget* widget = widgetFor(field);
        QString place;
        for (QWidget* page = widget ? widget->parentWidget() : nullptr; page; page = page->parentWidget()) {
            const int tab = m_ui->tabs->indexOf(page);
            if (tab >= 0) {
                place = m_ui->tabs->tabText(tab).remove(QRegularExpression(u"&(?!&)"_s));
                break;
            }
        }
        const auto labels = m_form->findChildren<QLabel*>();
        for (const QLabel* caption : labels) {
            if (widget && caption->buddy() == widget) {
                place += u" › "_s + captionText(caption);
                break;
            }
        }
        if (place.isEmpty())
            place = problem.key.isEmpty() ? ConfigLoader::fileName.toString() : problem.key;
        if (!places.contains(place))
            places.append(place);
    }
    const QString reason
        = tr("Save is blocked until %n problem(s) are fixed: %1.", nullptr, int(problems.size()))
              .arg(places.join(u", "_s));
    const QString details = m_ui->summaryError->text();
    m_ui->summaryError->setText(details.isEmpty() ? reason : reason + u'\n' + details);
    m_ui->summaryError->show();
    return reason;
}

QStringList FieldErrorMarker::markedFields() const
{
    QStringList names;
    const auto labels = m_form->findChildren<QLabel*>(QRegularExpression(u"Error$"_s));
    for (auto* label : labels) {
        if (!label->isHidden() && !label->text().isEmpty() && label != m_ui->summaryError)
            names.append(label->objectName());
    }
    names.sort();
    return names;
}

} // namespace foxreload::gui
