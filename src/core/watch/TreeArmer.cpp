#include "TreeArmer.h"

#include "platform/DirectoryReader.h"

#include <QFile>

#include <algorithm>
#include <cerrno>

namespace foxreload {

namespace {

// Listings armed ahead of the taker: enough to keep the workers busy, few enough that a taker
// slower than the workers does not hold a large part of the tree's names at once.
constexpr size_t kMaxWaitingListings = 64;

} // namespace

TreeArmer::TreeArmer(std::function<int(const QByteArray&)> addWatch, int workers)
    : m_addWatch(std::move(addWatch))
{
    for (int i = 0; i < workers; ++i)
        m_threads.emplace_back(&TreeArmer::work, this);
}

TreeArmer::~TreeArmer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_workArrived.notify_all();
    m_roomForListings.notify_all();
    for (auto& thread : m_threads)
        thread.join();
}

int TreeArmer::defaultWorkers()
{
    // Two threads halve a large walk; a third adds nothing measurable on two cores and little on
    // more, as the kernel serialises part of each watch.
    const int cores = int(std::thread::hardware_concurrency());
    return cores > 1 ? std::min(cores, 2) : 0;
}

ArmedListing TreeArmer::arm(const QString& path) const
{
    ArmedListing listing;
    listing.path = path;
    const QByteArray bytes = QFile::encodeName(path);
    listing.wd = m_addWatch(bytes);
    if (listing.wd < 0) {
        listing.watchError = errno;
        // Out of watches, the directory is polled; its subdirectories are still to be found.
        if (listing.watchError != ENOSPC)
            return listing;
    }
    platform::DirectoryReader reader(bytes);
    listing.readable = reader.isOpen();
    while (reader.next()) {
        const QByteArrayView name = reader.nameView();
        listing.m_entries.push_back(reader.isDirectory() ? '\1' : '\0');
        listing.m_entries.append(name.data(), size_t(name.size()));
        listing.m_entries.push_back('\0');
    }
    return listing;
}

void TreeArmer::run(
    const QString& root, const std::function<void(const ArmedListing&, std::vector<QString>& next)>& take)
{
    std::vector<QString> next;
    if (m_threads.empty()) {
        std::vector<QString> pending { root };
        while (!pending.empty()) {
            const QString path = std::move(pending.back());
            pending.pop_back();
            next.clear();
            take(arm(path), next);
            std::move(next.begin(), next.end(), std::back_inserter(pending));
        }
        return;
    }

    size_t outstanding = 1; // directories to arm, being armed, or armed and not yet taken
    {
        std::lock_guard lock(m_mutex);
        m_work.push_back(root);
    }
    m_workArrived.notify_one();
    while (outstanding > 0) {
        ArmedListing listing;
        {
            std::unique_lock lock(m_mutex);
            m_listingArrived.wait(lock, [this] { return !m_listings.empty(); });
            listing = std::move(m_listings.front());
            m_listings.pop_front();
        }
        m_roomForListings.notify_one();
        next.clear();
        take(listing, next);
        --outstanding;
        if (next.empty())
            continue;
        outstanding += next.size();
        {
            std::lock_guard lock(m_mutex);
            std::move(next.begin(), next.end(), std::back_inserter(m_work));
        }
        m_workArrived.notify_all();
    }
}

void TreeArmer::work()
{
    for (;;) {
        QString path;
        {
            std::unique_lock lock(m_mutex);
            m_workArrived.wait(lock, [this] { return m_stopping || !m_work.empty(); });
            if (m_stopping)
                return;
            path = std::move(m_work.back());
            m_work.pop_back();
        }
        ArmedListing listing = arm(path);
        {
            std::unique_lock lock(m_mutex);
            m_roomForListings.wait(
                lock, [this] { return m_stopping || m_listings.size() < kMaxWaitingListings; });
            if (m_stopping)
                return;
            m_listings.push_back(std::move(listing));
        }
        m_listingArrived.notify_one();
    }
}

} // namespace foxreload
