#include "DashboardHeader.h"

#include "ProjectManager.h"
#include "ResourceText.h"
#include "TrayIcons.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLocale>
#include <QPalette>
#include <QPushButton>
#include <QResizeEvent>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

namespace {

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return DashboardHeader::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return DashboardHeader::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return DashboardHeader::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

ElidedLabel* valueLabel(QWidget* parent, const QString& accessibleName, bool bold = true)
{
    auto* label = new ElidedLabel(parent);
    label->setAccessibleName(accessibleName);
    if (bold) {
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
    }
    return label;
}

} // namespace

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString& text)
{
    if (text == m_fullText && !QLabel::text().isEmpty())
        return;
    m_fullText = text;
    updateElided();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return { metrics.horizontalAdvance(u"…"_s) * 3, metrics.height() };
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    updateElided();
}

void ElidedLabel::updateElided()
{
    const QString first = m_fullText.section(u'\n', 0, 0);
    const QString shown = fontMetrics().elidedText(first, Qt::ElideRight, std::max(width(), 1));
    setText(shown);
    const QString elided = shown == m_fullText ? QString() : m_fullText;
    setToolTip(m_detail.isEmpty() ? elided : elided.isEmpty() ? m_detail : elided + u"\n\n"_s + m_detail);
}

void ElidedLabel::setDetail(const QString& detail)
{
    m_detail = detail;
    updateElided();
}

DashboardHeader::DashboardHeader(ProjectManager* projects, QWidget* parent)
    : QFrame(parent)
    , m_projects(projects)
{
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Session summary"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(10, 8, 10, 8);
    grid->setHorizontalSpacing(18);

    m_stateIcon = new QLabel(this);
    m_stateIcon->setFixedSize(48, 48);
    grid->addWidget(m_stateIcon, 0, 0, 2, 1);

    auto* projectLabel = new QLabel(tr("Pro&ject:"), this);
    m_projectBox = new QComboBox(this);
    m_projectBox->setAccessibleName(tr("Project"));
    m_projectBox->setMinimumContentsLength(18);
    m_projectBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    projectLabel->setBuddy(m_projectBox);
    connect(m_projectBox, &QComboBox::activated, this, [this](int index) {
        const auto sessions = m_projects->sessions();
        if (index >= 0 && index < sessions.size())
            m_projects->setCurrent(sessions[index]);
    });
    grid->addWidget(projectLabel, 0, 1);
    grid->addWidget(m_projectBox, 0, 2);

    m_state = valueLabel(this, tr("Server state"));
    m_pid = valueLabel(this, tr("Process ID"));
    m_uptime = valueLabel(this, tr("Uptime"));
    m_tools = valueLabel(this, tr("Tool count"));
    m_lastReload = valueLabel(this, tr("Last reload"));
    m_resources = valueLabel(this, tr("FoxReload's own CPU and memory"));
    m_location = valueLabel(this, tr("Project folder"), false);

    const std::array<std::pair<QString, QLabel*>, 5> cells { { { tr("State"), m_state }, { tr("PID"), m_pid },
        { tr("Uptime"), m_uptime }, { tr("Tools"), m_tools }, { tr("Own use"), m_resources } } };
    int column = 3;
    const QFontMetrics metrics(m_state->font());
    for (const auto& [caption, label] : cells) {
        auto* captionLabel = new QLabel(caption, this);
        if (label == m_resources) {
            m_resourcesCaption = captionLabel;
            m_resourcesColumn = column;
        }
        // A quieter colour that every theme keeps readable, light or dark.
        captionLabel->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(captionLabel, 0, column);
        grid->addWidget(label, 1, column);
        // Room for the usual values, so that the columns do not move as they change.
        int width = metrics.horizontalAdvance(u"00 h 00 min"_s);
        if (label == m_state) {
            for (int status = 0; status <= int(MonitoredSession::Status::Paused); ++status)
                width = std::max(width,
                    metrics.horizontalAdvance(
                        MonitoredSession::statusText(MonitoredSession::Status(status))));
            width += metrics.horizontalAdvance(u"  "_s); // the label's own margins
        }
        if (label == m_pid)
            width = metrics.horizontalAdvance(u"0000000  "_s); // pid_max is 4194304
        else if (label == m_resources)
            width = std::max(
                metrics.horizontalAdvance(u"100.0 % CPU · 000 MB  "_s), captionLabel->sizeHint().width());
        else if (label != m_state && label != m_uptime)
            width /= 2;
        if (label == m_resources)
            m_resourcesWidth = width; // set by fitResourcesColumn(), when there is room for it
        else
            grid->setColumnMinimumWidth(column, width);
        ++column;
    }
    m_resources->hide(); // until fitResourcesColumn() finds room for it
    m_resourcesCaption->hide();
    grid->addWidget(m_location, 1, 1, 1, 2);
    auto* lastCaption = new QLabel(tr("Last reload"), this);
    lastCaption->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(lastCaption, 0, column);
    grid->addWidget(m_lastReload, 1, column);
    grid->setColumnStretch(column, 1);

    m_trustButton = new QPushButton(tr("&Trust and start…"), this);
    m_trustButton->setAccessibleDescription(
        tr("Allow this project's configuration to start its server command"));
    m_trustButton->hide();
    connect(m_trustButton, &QPushButton::clicked, this, &DashboardHeader::trustRequested);
    grid->addWidget(m_trustButton, 0, column + 1, 2, 1);
    // Two rows of text or the icon, whichever is taller; the trust button does not change it.
    setFixedHeight(std::max(48, metrics.height() * 2 + grid->verticalSpacing())
        + std::max(m_trustButton->sizeHint().height() - 48, 0) + grid->contentsMargins().top()
        + grid->contentsMargins().bottom() + 2 * frameWidth());
}

void DashboardHeader::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    fitResourcesColumn();
}

// The own-use column is the first to give way on a narrow window, so that the dashboard still
// fits a small screen: its figures are in the tray tooltip and `foxreload stats` as well. The
// header's minimum leaves it out, or the window could never become narrow enough to drop it.
QSize DashboardHeader::minimumSizeHint() const
{
    QSize size = QFrame::minimumSizeHint();
    if (m_resources->isVisibleTo(this))
        size.rwidth() -= m_resourcesWidth + static_cast<QGridLayout*>(layout())->horizontalSpacing();
    return size;
}

void DashboardHeader::fitResourcesColumn()
{
    auto* grid = static_cast<QGridLayout*>(layout());
    const bool fits = width() >= minimumSizeHint().width() + m_resourcesWidth + grid->horizontalSpacing();
    if (fits == m_resources->isVisibleTo(this))
        return;
    grid->setColumnMinimumWidth(m_resourcesColumn, fits ? m_resourcesWidth : 0);
    m_resources->setVisible(fits);
    m_resourcesCaption->setVisible(fits);
    updateGeometry();
}

void DashboardHeader::bindSession(MonitoredSession* session)
{
    m_session = session;
    const auto sessions = m_projects->sessions();
    m_projectBox->setCurrentIndex(int(sessions.indexOf(session)));
    refresh();
}

void DashboardHeader::rebuildProjectList()
{
    m_projectBox->clear();
    const auto sessions = m_projects->sessions();
    for (auto* session : sessions)
        m_projectBox->addItem(stateIcon(session->status()), session->name());
    m_projectBox->setCurrentIndex(int(sessions.indexOf(m_session.data())));
}

void DashboardHeader::refresh()
{
    if (!m_session) {
        m_state->setFullText(tr("No project"));
        m_stateIcon->setPixmap(stateIcon(MonitoredSession::Status::Stopped).pixmap(48, 48));
        for (auto* label : { m_pid, m_uptime, m_tools, m_lastReload, m_location, m_resources })
            label->setFullText(u"—"_s);
        m_trustButton->hide();
        return;
    }
    const auto status = m_session->status();
    m_stateIcon->setPixmap(stateIcon(status).pixmap(48, 48));
    m_stateIcon->setAccessibleName(MonitoredSession::statusText(status));
    m_state->setFullText(MonitoredSession::statusText(status));
    m_pid->setFullText(m_session->serverPid() > 0 ? QString::number(m_session->serverPid()) : u"—"_s);
    m_tools->setFullText(m_session->toolCount() >= 0 ? QLocale().toString(m_session->toolCount()) : u"—"_s);
    m_location->setFullText(m_session->location());
    m_trustButton->setVisible(status == MonitoredSession::Status::Untrusted);
    fitResourcesColumn(); // the trust button takes room too
    const MonitoredSession::Resources& resources = m_session->resources();
    m_resources->setFullText(ResourceText::summary(resources));
    m_resources->setDetail(ResourceText::details(resources));
    // A palette, not a style sheet: the tooltip would take the style sheet's colour too.
    QPalette palette = m_state->palette();
    if (resources.throttle.throttled)
        palette.setColor(QPalette::WindowText, QColor(0xe6, 0x51, 0x00));
    m_resources->setPalette(palette);

    if (const auto& last = m_session->lastReload()) {
        QString text = tr("%1, %2 ms, %3")
                           .arg(MonitoredSession::strategyText(last->performed))
                           .arg(last->totalMs)
                           .arg(QLocale().toString(last->finishedAtUtc.isValid()
                                   ? last->finishedAtUtc.toLocalTime().time()
                                   : QTime::currentTime(),
                               QLocale::ShortFormat));
        if (!last->succeeded())
            text = tr("failed: %1").arg(m_session->lastError());
        m_lastReload->setFullText(text);
        m_lastReload->setStyleSheet(last->succeeded() ? QString() : u"color: #c62828;"_s);
    } else {
        m_lastReload->setFullText(tr("none yet"));
        m_lastReload->setStyleSheet({});
    }
    updateUptime();
}

void DashboardHeader::updateUptime()
{
    if (!m_session || !m_session->serverSince().isValid() || m_session->serverPid() <= 0) {
        m_uptime->setFullText(u"—"_s);
        return;
    }
    m_uptime->setFullText(formatDuration(m_session->serverSince().secsTo(QDateTime::currentDateTime())));
}

QString DashboardHeader::text() const
{
    return QStringList { m_projectBox->currentText(), m_state->fullText(), m_pid->fullText(),
        m_uptime->fullText(), m_tools->fullText(), m_lastReload->fullText() }
        .join(u" · "_s);
}

} // namespace foxreload::gui
