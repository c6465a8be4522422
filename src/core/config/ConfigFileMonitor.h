#pragma once

#include "ConfigLoader.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace foxreload {

// Notices when a project's config file is changed outside the session that runs it (an
// editor, `git checkout`, `foxreload config set`) and reads it once the writes have
// settled. Editors replace the file by renaming a new one over it, which ends a watch on
// the file itself, so the directory is watched too and the file re-armed after each
// event. A change is reported only when the bytes differ from the ones last known, and
// the result is parsed from the very bytes that were read (so their digest, which trust
// is checked against, is the digest of what was parsed).
class ConfigFileMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ConfigFileMonitor(QObject* parent = nullptr);

    // Watches `path`; `knownSha256` (hex) is the content already applied.
    void watch(const QString& path, const QByteArray& knownSha256);
    void stop();
    QString path() const { return m_path; }
    // The app wrote the file itself, or applied these bytes: not a change to report.
    void setKnownDigest(const QByteArray& sha256) { m_known = sha256; }

    static constexpr int kSettleMs = 150;

Q_SIGNALS:
    void changed(const foxreload::ConfigLoadResult& result);
    void removed();

private:
    void arm();
    void check();

    QString m_path;
    QByteArray m_known;
    bool m_missing = false;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};

} // namespace foxreload
