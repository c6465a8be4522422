#include "ProjectManager.h"

#include "AppSettings.h"
#include "ProjectController.h"
#include "ProxiedSession.h"
#include "config/ConfigLoader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace foxreload::gui {

ProjectManager::ProjectManager(QObject* parent)
    : QObject(parent)
{ }

ProjectManager::~ProjectManager()
{
    // Sessions stop their servers as they go and say so: nobody may then walk a half-destroyed list.
    const auto sessions = std::exchange(m_sessions, {});
    for (auto* session : sessions) {
        session->disconnect(this);
        delete session;
    }
}

ProjectController* ProjectManager::addProjectFile(const QString& configFile, QStringList* errors)
{
    const QString absolute = QFileInfo(configFile).absoluteFilePath();
    if (auto* existing = projectForFile(absolute))
        return existing;
    const ConfigLoadResult loaded = ConfigLoader::loadFile(absolute);
    if (!loaded.ok()) {
        for (const auto& error : loaded.errors)
            errors->append(error.toString());
        return nullptr;
    }
    auto* project = new ProjectController(*loaded.config, this);
    adopt(project);
    return project;
}

ProjectController* ProjectManager::addProject(const Config& config)
{
    auto* project = new ProjectController(config, this);
    adopt(project);
    return project;
}

void ProjectManager::addProxiedSession(ProxiedSession* session)
{
    session->setParent(this);
    adopt(session);
}

void ProjectManager::adopt(MonitoredSession* session)
{
    m_sessions.append(session);
    if (!m_current)
        setCurrent(session);
    Q_EMIT sessionsChanged();
}

void ProjectManager::removeSession(MonitoredSession* session)
{
    if (!m_sessions.removeOne(session))
        return;
    if (m_current == session)
        setCurrent(m_sessions.isEmpty() ? nullptr : m_sessions.first());
    if (auto* project = qobject_cast<ProjectController*>(session)) {
        connect(project, &ProjectController::stopped, project, &QObject::deleteLater);
        project->stop();
    } else {
        session->deleteLater();
    }
    Q_EMIT sessionsChanged();
}

QList<MonitoredSession*> ProjectManager::sessions() const
{
    return m_sessions;
}

QList<ProjectController*> ProjectManager::projects() const
{
    QList<ProjectController*> list;
    for (auto* session : m_sessions) {
        if (auto* project = qobject_cast<ProjectController*>(session))
            list.append(project);
    }
    return list;
}

ProjectController* ProjectManager::projectForFile(const QString& configFile) const
{
    const QString absolute = QFileInfo(configFile).absoluteFilePath();
    for (auto* project : projects()) {
        if (!project->configFile().isEmpty() && project->configFile() == absolute)
            return project;
    }
    return nullptr;
}

void ProjectManager::setCurrent(MonitoredSession* session)
{
    if (m_current == session)
        return;
    m_current = session;
    if (auto* project = qobject_cast<ProjectController*>(session);
        project && !project->configFile().isEmpty())
        AppSettings().setCurrentProject(project->configFile());
    Q_EMIT currentChanged(session);
}

QStringList ProjectManager::restore(QStringList* errors)
{
    AppSettings settings;
    QStringList restored;
    const QStringList files = settings.projects();
    for (const auto& file : files) {
        if (addProjectFile(file, errors))
            restored.append(file);
    }
    if (auto* current = projectForFile(settings.currentProject()))
        setCurrent(current);
    return restored;
}

void ProjectManager::remember() const
{
    QStringList files;
    for (auto* project : projects()) {
        if (!project->configFile().isEmpty())
            files.append(project->configFile());
    }
    AppSettings().setProjects(files);
}

void ProjectManager::startAll()
{
    for (auto* project : projects())
        project->start();
}

void ProjectManager::stopAll()
{
    m_stopping = 0;
    const auto list = projects();
    for (auto* project : list) {
        if (!project->isRunning())
            continue;
        ++m_stopping;
        connect(project, &ProjectController::stopped, this, [this] {
            --m_stopping;
            checkAllStopped();
        });
        project->stop();
    }
    checkAllStopped();
}

void ProjectManager::checkAllStopped()
{
    if (m_stopping == 0)
        Q_EMIT allStopped();
}

} // namespace foxreload::gui
