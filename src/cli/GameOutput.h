#pragma once

#include "session/SessionHistory.h"
#include "store/HistoryStore.h"

#include <QObject>

#include <memory>

namespace foxreload {
class GamificationEngine;
class Session;
struct Config;
} // namespace foxreload

namespace foxreload::cli {

class ConsoleReporter;

// "▰▰▰▰▰▱▱▱▱▱": `fraction` (0..1) of `width` cells filled.
QString progressBar(double fraction, int width = 10);

// History and game for a CLI session: opens the history database (history.* retention),
// wires the session to it and to the game (SessionHistory, as the desktop app does) and
// prints the game's rewards through the ConsoleReporter — lines in text mode, events in JSON mode.
// A database that cannot be used is reported once; the session goes on.
class GameOutput : public QObject
{
    Q_OBJECT
public:
    GameOutput(Session* session, ConsoleReporter* reporter, const Config& config, bool quiet,
        const QString& kind = QStringLiteral("run"), QObject* parent = nullptr);
    ~GameOutput() override;

    HistoryStore& store() { return m_store; }
    GamificationEngine* engine() const { return m_history->engine(); }

private:
    void onXp(int amount, const QString& reason, qint64 total);
    void onLevelUp(int level);
    void onAchievement(const QString& id);
    void onChallenge(const QString& id);
    void onStreak(int days);
    void onStoreWarning(const QString& message);
    bool json() const;

    ConsoleReporter* m_reporter;
    bool m_quiet;
    HistoryStore m_store;
    std::unique_ptr<SessionHistory> m_history;
    int m_lastStreak = -1;
};

} // namespace foxreload::cli
