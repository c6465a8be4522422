#include "BuildProcessGroup.h"

#include <QProcess>
#include <QString>

#include <windows.h>

namespace foxreload::buildgroup {

namespace {

const QString kJobName = QStringLiteral("foxreload-build-job");

// The build's job object: every process the build starts joins it, so stopping the job stops
// the tree, and closing its last handle (FoxReload ending, however it ends) ends it too.
// A child the build starts before it joins escapes; the build's first process starts its
// children only after it has run for a while.
class BuildJob : public QObject
{
public:
    explicit BuildJob(QProcess* process)
        : QObject(process)
        , m_job(::CreateJobObjectW(nullptr, nullptr))
    {
        setObjectName(kJobName);
        if (m_job) {
            JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits {};
            limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
            ::SetInformationJobObject(m_job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
        }
        QObject::connect(process, &QProcess::started, this, [this, process] {
            HANDLE child
                = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, DWORD(process->processId()));
            if (m_job && child)
                ::AssignProcessToJobObject(m_job, child);
            if (child)
                ::CloseHandle(child);
        });
    }
    ~BuildJob() override
    {
        if (m_job)
            ::CloseHandle(m_job);
    }
    BuildJob(const BuildJob&) = delete;
    BuildJob& operator=(const BuildJob&) = delete;

    void terminate()
    {
        if (m_job)
            ::TerminateJobObject(m_job, 1);
    }

private:
    HANDLE m_job;
};

BuildJob* jobOf(QProcess& process)
{
    return dynamic_cast<BuildJob*>(process.findChild<QObject*>(kJobName, Qt::FindDirectChildrenOnly));
}

} // namespace

void prepare(QProcess& process)
{
    if (!jobOf(process))
        new BuildJob(&process);
}

void kill(QProcess& process)
{
    if (BuildJob* job = jobOf(process))
        job->terminate();
    process.kill();
}

} // namespace foxreload::buildgroup
