#pragma once

// Helpers for the app-shell tests (welcome page, trust prompt, shortcuts).
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace foxreload::test {

// Points every XDG directory at a fresh temporary folder, so that settings, the trust
// store, the history and the instance socket of a test never meet the user's (nor those
// of an earlier run). Call before the QApplication exists.
inline void isolateXdgDirectories(const QTemporaryDir& home)
{
    for (const char* name :
        { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR" }) {
        const QString path = home.filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(path);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv(name, QFile::encodeName(path));
    }
}

// Answers modal dialogs of type T as they appear (a nested exec() would otherwise block
// the test): `answer` decides what to do with each; it sees every one exactly once.
template<typename T>
class DialogAnswerer
{
public:
    explicit DialogAnswerer(std::function<void(T*)> answer)
        : m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const auto widgets = QApplication::topLevelWidgets();
            for (QWidget* widget : widgets) {
                auto* dialog = qobject_cast<T*>(widget);
                if (!dialog || !dialog->isVisible() || m_seen.contains(QPointer<QObject>(dialog)))
                    continue;
                m_seen.append(QPointer<QObject>(dialog));
                ++m_count;
                m_answer(dialog);
            }
        });
        m_timer.start();
    }
    int count() const { return m_count; }

private:
    std::function<void(T*)> m_answer;
    QTimer m_timer;
    QList<QPointer<QObject>> m_seen; // a new dialog may reuse a deleted one's address
    int m_count = 0;
};

} // namespace foxreload::test
