#pragma once

#include "AppSettings.h"
#include "PreviewScanner.h"
#include "SettingsChecks.h"
#include "config/Config.h"

#include <QDialog>
#include <QTimer>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace Ui {
class SettingsDialog;
}

namespace foxreload::gui {

class FieldErrorMarker;
class RewardsPicker;
class RulesModel;

// Edits a project's .foxreload.yaml and the app's own preferences. Every edit
// is validated the way the file will be read (SettingsChecks), and every problem
// is shown at once next to the field it belongs to; while there is one, Save is
// disabled and the summary above the buttons says why. Save changes only what the
// user changed in the file (ConfigFileEditor): comments and layout stay. A live
// preview counts the files the watch paths and excludes would watch, and "Test a
// path" (PathTester) shows which rule decides a path.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode {
        EditProject, // the project's existing .foxreload.yaml (or its defaults)
        NewProject, // a folder without .foxreload.yaml: Save creates it
    };

    explicit SettingsDialog(const Config& config, QWidget* parent = nullptr);
    SettingsDialog(const Config& config, Mode mode, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Guided setup for a folder that has no .foxreload.yaml yet. The fields start from what
    // ProjectDetector finds in the folder (server command, watch paths, excludes); the dialog
    // opens on the Server tab and says that Save creates `folder`/.foxreload.yaml; when no
    // command could be guessed, the command field has the focus. Nothing is written before Save;
    // Save creates the file, trusts it (the user wrote it here) and emits saved(). The dialog is
    // returned unshown; `parent` owns it (without a parent, set Qt::WA_DeleteOnClose or delete it).
    static SettingsDialog* forNewProject(const QString& folder, QWidget* parent = nullptr);
    Mode mode() const { return m_mode; }

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
    RewardsPicker* rewardsPicker() const { return m_rewardsPicker; } // Desktop tab; Save applies it
    const std::optional<PreviewResult>& lastPreview() const { return m_preview; }
    QStringList markedFields() const; // objectNames of the error labels now shown
    const QList<SettingsProblem>& problems() const { return m_problems; } // as of the last check
    QPushButton* saveButton() const;
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
    void updateUrlField();
    void scheduleChecks();
    void runChecks();
    void showPreview(const PreviewResult& result);
    void showProblems(const QList<SettingsProblem>& problems);
    void setupNewProject();
    void addWatchPath(bool directory);
    void moveSelectedRule(int delta);
    QStringList watchPaths() const; // absolute
    QStringList excludes() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Mode m_mode = Mode::EditProject;
    Config m_original;
    QList<SettingsProblem> m_problems;
    std::unique_ptr<FieldErrorMarker> m_marker;
    RulesModel* m_rules;
    PreviewScanner* m_scanner;
    RewardsPicker* m_rewardsPicker = nullptr;
    std::optional<PreviewResult> m_preview;
    QTimer m_checkTimer;
    bool m_loading = false;
};

} // namespace foxreload::gui
