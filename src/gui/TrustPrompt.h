#pragma once

#include "config/Config.h"

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace foxreload::gui {

class ProjectController;

// Asks the user to trust a project's config before FoxReload runs its command. It shows
// exactly what trusting allows (the CLI's `foxreload trust` text: the quoted command line,
// working directory, environment) and makes the careful answer the easy one: Cancel is the
// default button, so Enter or Escape right after it opens trusts nothing.
class TrustPrompt : public QDialog
{
    Q_OBJECT
public:
    TrustPrompt(const QString& configFile, const Config& config, QWidget* parent = nullptr);

    // The whole text the prompt shows (introduction and summary), for tests and screen readers.
    QString text() const;
    QPushButton* trustButton() const { return m_trust; }
    QPushButton* cancelButton() const { return m_cancel; }

    // Asks about the config the project waits to run (ProjectController::configToTrust()) and
    // on "Trust and Start" trusts exactly that and starts it. False when the user cancelled or
    // the file is gone (then a message says so: no prompt for a file that does not exist).
    static bool askAndStart(ProjectController* project, QWidget* parent);
    // The same question without waiting for the answer (window-modal, the event loop goes on):
    // for a project that waits for trust when the app opens. Returns the prompt, or nullptr
    // when there is nothing to ask.
    static TrustPrompt* openFor(ProjectController* project, QWidget* parent);

private:
    static bool canAsk(ProjectController* project, QWidget* parent);
    static bool trustAndStart(ProjectController* project, QWidget* parent);

    QString m_intro;
    QString m_summary;
    QPlainTextEdit* m_summaryView = nullptr;
    QPushButton* m_trust = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace foxreload::gui
