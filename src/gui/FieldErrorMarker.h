#pragma once

#include "SettingsChecks.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QLabel;
class QWidget;

namespace Ui {
class SettingsDialog;
}

namespace foxreload::gui {

class RulesModel;

// Shows the problems of the settings form where they are: the message under its field, a red
// frame around the field, an error icon on its tab, the rule's row tinted; and above the buttons
// a summary that says why Save is blocked and where to look (some problems sit on a tab the
// user does not see).
class FieldErrorMarker
{
    Q_DECLARE_TR_FUNCTIONS(foxreload::gui::FieldErrorMarker)
public:
    FieldErrorMarker(Ui::SettingsDialog* ui, RulesModel* rules, QWidget* form);

    // Replaces what is shown. Returns why Save is blocked ("" when there is no problem).
    QString show(const QList<SettingsProblem>& problems);
    QStringList markedFields() const; // objectNames of the field error labels now shown

    // The red that error text and frames use, readable on the widget's palette (light or dark).
    static QString errorColor(const QWidget* widget);

private:
    void clear();
    void mark(const QString& key, const QString& message);
    QLabel* errorLabelFor(const QString& field) const;
    QWidget* widgetFor(const QString& field) const;

    Ui::SettingsDialog* m_ui;
    RulesModel* m_rules;
    QWidget* m_form;
    QString m_color;
};

} // namespace foxreload::gui
