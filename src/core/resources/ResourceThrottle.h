#pragma once

#include <QObject>

#include <chrono>

namespace foxreload {
class ChangeBatcher;
}

namespace foxreload::resources {

// What FoxReload turns down while over its budget, and back up afterwards:
// - the batcher's quiet window grows (kQuietFactor times, at least kMinThrottledQuiet), so a
//   burst costs fewer batches, analyses and reloads;
// - content hashing pauses (a save without edits then reloads, which is cheaper than reading
//   every file of a large checkout);
// Preview scans (the desktop app's settings dialog) ask isThrottled() and wait.
// The settings in force before throttling are restored exactly.
class ResourceThrottle : public QObject
{
    Q_OBJECT
public:
    static constexpr int kQuietFactor = 4;
    static constexpr std::chrono::milliseconds kMinThrottledQuiet { 250 };

    explicit ResourceThrottle(ChangeBatcher* batcher, QObject* parent = nullptr);

    void setThrottled(bool throttled);
    bool isThrottled() const { return m_throttled; }

    static std::chrono::milliseconds throttledQuiet(std::chrono::milliseconds normal);

private:
    ChangeBatcher* m_batcher;
    bool m_throttled = false;
    std::chrono::milliseconds m_normalQuiet { 0 };
    bool m_normalHashing = true;
};

} // namespace foxreload::resources
