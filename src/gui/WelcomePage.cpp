#include "WelcomePage.h"

#include "TrayIcons.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    setAccessibleName(tr("Welcome"));
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);

    auto* column = new QVBoxLayout;
    column->setSpacing(14);
    auto* icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);
    column->addWidget(icon);

    auto* title = new QLabel(tr("Welcome to FoxReload"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignHCenter);
    column->addWidget(title);

    auto* text = new QLabel(tr("FoxReload watches an MCP server's source folder and reloads the server the "
                               "moment you save a file: tool code is hot-reloaded, anything else restarts "
                               "the server, and connected clients stay connected."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    column->addWidget(text);

    auto* next = new QLabel(tr("Add the folder of your MCP server to begin. A folder without a "
                               ".foxreload.yaml gets a guided setup. Or try the example server first."),
        this);
    next->setWordWrap(true);
    next->setAlignment(Qt::AlignHCenter);
    next->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(next);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_addProject = new QPushButton(tr("&Add project…"), this);
    m_addProject->setIcon(QIcon::fromTheme(u"list-add"_s, style()->standardIcon(QStyle::SP_DirOpenIcon)));
    m_addProject->setDefault(true);
    m_addProject->setMinimumHeight(m_addProject->sizeHint().height() * 5 / 4);
    connect(m_addProject, &QPushButton::clicked, this, &WelcomePage::addProjectRequested);
    buttons->addWidget(m_addProject);
    m_example = new QPushButton(tr("Try the e&xample"), this);
    m_example->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_example->setMinimumHeight(m_addProject->minimumHeight());
    m_example->setToolTip(tr("Open Reynard, a small MCP server in Python that comes with FoxReload"));
    connect(m_example, &QPushButton::clicked, this, &WelcomePage::exampleRequested);
    buttons->addWidget(m_example);
    buttons->addStretch(1);
    column->addLayout(buttons);

    auto* tray = new QLabel(tr("FoxReload keeps running in the system tray when you close this window; "
                               "quit it from the tray menu or with %1.")
                                .arg(QKeySequence(QKeySequence::Quit).toString(QKeySequence::NativeText)),
        this);
    tray->setWordWrap(true);
    tray->setAlignment(Qt::AlignHCenter);
    tray->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(tray);

    auto* centre = new QHBoxLayout;
    centre->addStretch(1);
    auto* holder = new QWidget(this);
    holder->setLayout(column);
    holder->setMaximumWidth(620);
    centre->addWidget(holder, 4);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(2);
}

void WelcomePage::setExampleAvailable(bool available)
{
    m_example->setEnabled(available);
    if (!available)
        m_example->setToolTip(tr("The example server is not installed with this copy of FoxReload."));
}

} // namespace foxreload::gui
