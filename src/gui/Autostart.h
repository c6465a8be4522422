#pragma once

#include <QByteArray>
#include <QString>

namespace foxreload::gui {

// "Start at login": the XDG autostart entry $XDG_CONFIG_HOME/autostart/io.github.foxreload.FoxReload.desktop
// that starts FoxReload in the tray (`foxreload --minimized`).
//
// An entry FoxReload wrote carries a digest of its own text (X-FoxReload-Digest). An entry without
// one, or whose text no longer matches it, is the user's: it is never overwritten or deleted;
// enabling or disabling first moves it aside to a free "<name>.bak" (".bak.1", ...) and says where.
class Autostart
{
public:
    enum class State {
        Off, // no entry, or one that is hidden/disabled
        On, // FoxReload's own entry
        UserEntry, // an entry the user wrote or edited; it starts something at login
    };

    struct Result
    {
        bool ok = true;
        QString backupPath; // where the user's own entry went, if it was moved aside
        QString error;
    };

    static QString entryPath();
    static State state();
    static bool isEnabled() { return state() != State::Off; }

    // Writes (enabled) or removes (disabled) the entry. `executable` is the foxreload binary.
    static Result setEnabled(bool enabled, const QString& executable);

    // The Exec= value for `executable`: "foxreload --minimized" when PATH finds that very binary,
    // otherwise its absolute path, quoted as the Desktop Entry spec asks.
    static QString execLine(const QString& executable);
    // The whole entry, digest included.
    static QByteArray entryContents(const QString& executable);
    // True when `contents` is an entry FoxReload wrote and nobody has edited since.
    static bool isOwnEntry(const QByteArray& contents);
};

} // namespace foxreload::gui
