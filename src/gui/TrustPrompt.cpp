#include "TrustPrompt.h"

#include "ProjectController.h"
#include "config/TrustStore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

TrustPrompt::TrustPrompt(const QString& configFile, const Config& config, QWidget* parent)
    : QDialog(parent)
    , m_intro(tr("%1 is new or has changed since you last trusted it. Trusting it lets FoxReload run:")
                  .arg(QDir::toNativeSeparators(configFile)))
    , m_summary(trustSummary(config))
{
    setWindowTitle(tr("Trust this configuration?"));
    setObjectName(u"trustPrompt"_s);

    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto* intro = new QLabel(m_intro, this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    top->addWidget(intro, 1);
    layout->addLayout(top);

    m_summaryView = new QPlainTextEdit(m_summary.trimmed(), this);
    m_summaryView->setReadOnly(true);
    m_summaryView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summaryView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_summaryView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summaryView->setAccessibleName(tr("What the configuration runs"));
    m_summaryView->setTabChangesFocus(true);
    const QFontMetrics metrics(m_summaryView->font());
    const int lines = std::clamp(int(m_summary.trimmed().count(u'\n')) + 2, 3, 12);
    m_summaryView->setMinimumHeight(metrics.lineSpacing() * lines + 12);
    m_summaryView->setMinimumWidth(metrics.averageCharWidth() * 64);
    layout->addWidget(m_summaryView, 1);

    auto* question = new QLabel(tr("Only trust configurations whose command you know."), this);
    question->setWordWrap(true);
    layout->addWidget(question);

    auto* buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("Trust and &Start"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter must not run a command nobody read: Cancel is the default, and has the focus.
    m_trust->setAutoDefault(false);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

QString TrustPrompt::text() const
{
    return m_intro + u'\n' + m_summary;
}

bool TrustPrompt::canAsk(ProjectController* project, QWidget* parent)
{
    if (QFileInfo::exists(project->configFile()))
        return true;
    // Nothing to trust: never ask about a file that is not there.
    QMessageBox::warning(parent, tr("Cannot start %1").arg(project->name()),
        tr("The configuration %1 does not exist any more.")
            .arg(QDir::toNativeSeparators(project->configFile())));
    return false;
}

bool TrustPrompt::trustAndStart(ProjectController* project, QWidget* parent)
{
    QString error;
    if (project->trustAndStart(&error))
        return true;
    if (!error.isEmpty())
        QMessageBox::warning(parent, tr("Could not trust the configuration"), error);
    return false;
}

bool TrustPrompt::askAndStart(ProjectController* project, QWidget* parent)
{
    if (project->configFile().isEmpty())
        return project->start(); // built in code: nothing to trust
    if (!canAsk(project, parent))
        return false;
    TrustPrompt prompt(project->configFile(), project->configToTrust(), parent);
    if (prompt.exec() != QDialog::Accepted)
        return false;
    return trustAndStart(project, parent);
}

TrustPrompt* TrustPrompt::openFor(ProjectController* project, QWidget* parent)
{
    if (project->configFile().isEmpty() || !canAsk(project, parent))
        return nullptr;
    auto* prompt = new TrustPrompt(project->configFile(), project->configToTrust(), parent);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<ProjectController> guarded(project);
    const QPointer<QWidget> owner(parent);
    connect(prompt, &QDialog::accepted, prompt, [guarded, owner] {
        if (guarded)
            trustAndStart(guarded, owner);
    });
    prompt->open();
    return prompt;
}

} // namespace foxreload::gui
