#pragma once

#include <QObject>

#include <memory>

namespace foxreload::platform {

// Notices that the process that started FoxReload is gone (an MCP client killed without closing
// our stdin, whose children still hold the pipe). Without wake-ups where the OS can say so: Linux
// a pidfd of the parent, Windows the parent's process handle; elsewhere (an old kernel, macOS) a
// check every half second whether we were re-parented.
class ParentWatch : public QObject
{
    Q_OBJECT
public:
    explicit ParentWatch(QObject* parent = nullptr);
    ~ParentWatch() override;

    qint64 parentPid() const;
    bool parentGone() const;
    // gone() is emitted once, when the parent ends (at once if it already has).
    void start();

Q_SIGNALS:
    void gone();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace foxreload::platform
