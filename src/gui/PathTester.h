#pragma once

#include "config/Config.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace foxreload::gui {

// "Test a path": the user types a path and sees which rule decides it (or that an exclude
// drops it), with the strategy it gets, and whether it lies inside a watch path at all. The
// answer comes from the same ChangeAnalyzer and PathFilter a watch uses, so it cannot drift
// from what a reload would do.
class PathTester : public QWidget
{
    Q_OBJECT
public:
    explicit PathTester(QWidget* parent = nullptr);

    // The rules, excludes and watch paths the path is tested against; the answer is redone at once.
    void setConfig(const Config& config);
    // What decides `path` (relative to the project root, or absolute) under `config`.
    static QString describe(const Config& config, const QString& path);

    QLineEdit* pathEdit() const { return m_edit; }
    QString resultText() const;

private:
    void update();

    QLineEdit* m_edit;
    QLabel* m_result;
    Config m_config;
};

} // namespace foxreload::gui
