#pragma once

#include "AppSettings.h"
#include "PreviewScanner.h"
#include "config/Config.h"

#include <QDialog>
#include <QTimer>

#include <memory>
#include <optional>

namespace Ui {
class SettingsDialog;
}

namespace foxreload::gui {

class RulesModel;

// Edits a project's .foxreload.yaml and the app's own preferences. Every edit
// is validated the way the file will be read: the fields are written as YAML
// (ConfigWriter) and parsed back (ConfigLoader), and each problem is shown next
// to the field it belongs to. A live preview counts the files the watch paths
// and excludes would watch, and "Test a path" shows which rule decides a path.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const Config& config, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The config as the fields describe it (not validated).
    Config editedConfig() const;
    // Validates the fields and marks what is wrong; the config as it will be read back, or nullopt.
    std::optional<Config> validate();
    // Where Save writes: the config's own file, or .foxreload.yaml in the project root.
    QString targetFile() const;
    // Validates, writes the file (and trusts it: the user wrote it here), stores the app preferences.
    bool save(QString* errorMessage = nullptr);

    NotificationLevel notificationLevel() const;
    QString language() const; // "" = system

    // Test and accessibility hooks.
    Ui::SettingsDialog* form() const { return m_ui.get(); }
    RulesModel* rulesModel() const { return m_rules; }
    PreviewScanner* previewScanner() const { return m_scanner; }
    const std::optional<PreviewResult>& lastPreview() const { return m_preview; }
    QString pathTestText() const;
    QStringList markedFields() const; // objectNames of the error labels now shown
    void refreshPreviewNow();

Q_SIGNALS:
    void saved(const foxreload::Config& config);
    void previewUpdated(const foxreload::gui::PreviewResult& result);

public Q_SLOTS:
    void accept() override;

protected:
    void done(int result) override;

private:
    void loadFields(const Config& config);
    void connectEditing();
    void scheduleChecks();
    void runChecks();
    void showPreview(const PreviewResult& result);
    void updatePathTest();
    void clearMarks();
    void mark(const QString& key, const QString& message);
    void addWatchPath(bool directory);
    void moveSelectedRule(int delta);
    QStringList watchPaths() const; // absolute
    QStringList excludes() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Config m_original;
    RulesModel* m_rules;
    PreviewScanner* m_scanner;
    std::optional<PreviewResult> m_preview;
    QTimer m_checkTimer;
    bool m_loading = false;
};

} // namespace foxreload::gui
