#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace foxreload::gui {

// What the dashboard shows while there is no project: what FoxReload does, and the two
// ways to begin (a folder of one's own, or the bundled example server).
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    QPushButton* addProjectButton() const { return m_addProject; }
    QPushButton* exampleButton() const { return m_example; }
    // Without a bundled example (a build without it) the example button is disabled and says why.
    void setExampleAvailable(bool available);

Q_SIGNALS:
    void addProjectRequested();
    void exampleRequested();

private:
    QPushButton* m_addProject = nullptr;
    QPushButton* m_example = nullptr;
};

} // namespace foxreload::gui
