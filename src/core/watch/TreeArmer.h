#pragma once

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace foxreload {

// One directory as TreeArmer found it: its watch, then its entries, read after the watch was in
// place so that nothing created in between is missed.
class ArmedListing
{
public:
    QString path;
    int wd = -1;
    int watchError = 0; // errno of the failed watch when wd < 0; the directory was not read then
    bool readable = false; // it was opened after its watch (false: gone, or no permission)

    // Each entry once, in the order the directory listed them.
    template<typename Function>
    void forEachEntry(Function function) const
    {
        for (size_t pos = 0; pos < m_entries.size();) {
            const bool isDirectory = m_entries[pos] != 0;
            const char* name = m_entries.data() + pos + 1;
            const size_t length = std::char_traits<char>::length(name);
            function(std::string_view(name, length), isDirectory);
            pos += length + 2;
        }
    }

private:
    friend class TreeArmer;
    std::string m_entries; // per entry: a kind byte, the name, a NUL
};

// Arms a directory tree: a watch on each directory, then a read of it. That is the kernel's work
// (a watch visits the directory's cached children, a read hashes every name it lists) and most of
// the cost of a large tree: worker threads do it for different directories at once, while the
// calling thread takes each listing in turn and says which subdirectories to arm next. A bare walk
// of 1,000,000 files on two cores: 360 ms on one thread, 210 ms on two.
class TreeArmer
{
public:
    // `addWatch` returns a watch descriptor or -1 with errno set; with workers it is called on
    // their threads. With no workers the caller's thread does everything, in the same order.
    TreeArmer(std::function<int(const QByteArray&)> addWatch, int workers);
    ~TreeArmer();
    TreeArmer(const TreeArmer&) = delete;
    TreeArmer& operator=(const TreeArmer&) = delete;

    // Arms `root` and, depth first, every subdirectory `take` appends to `next`. `take` runs on
    // the calling thread, one listing at a time.
    void run(const QString& root,
        const std::function<void(const ArmedListing&, std::vector<QString>& next)>& take);

    // Workers worth starting on this machine for a start-up walk (0: do it on one thread).
    static int defaultWorkers();

private:
    ArmedListing arm(const QString& path) const;
    void work();

    std::function<int(const QByteArray&)> m_addWatch;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_workArrived;
    std::condition_variable m_listingArrived;
    std::condition_variable m_roomForListings;
    std::vector<QString> m_work; // a stack: depth first keeps it short
    std::deque<ArmedListing> m_listings;
    bool m_stopping = false;
};

} // namespace foxreload
