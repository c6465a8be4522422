#include "NameTable.h"

#include <QByteArrayView>
#include <QHashFunctions>

#include <algorithm>
#include <cstring>

namespace foxreload {

namespace {

constexpr size_t kCompactAtDeadBytes = 64 * 1024; // and at least half of the pool

size_t hashOf(std::string_view name)
{
    return qHash(QByteArrayView(name.data(), qsizetype(name.size())), 0);
}

constexpr size_t kFirstSlots = 64;

size_t homeOf(quint32 id, size_t mask)
{
    return size_t(id * 0x9e3779b1u) & mask; // ids are dense: spread neighbours apart
}

} // namespace

size_t NameTable::slotOf(std::string_view name) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = hashOf(name) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_slots[slot];
        if (entry == 0 || holdsAt(entry - 1, name))
            return slot;
    }
}

quint32 NameTable::find(std::string_view name) const
{
    if (m_slots.empty())
        return kNone;
    const quint32 entry = m_slots[slotOf(name)];
    return entry == 0 ? kNone : entry - 1;
}

bool NameTable::holdsAt(quint32 id, std::string_view name) const
{
    // strncmp stops at the pool's NUL, so a shorter stored name never reads past its end.
    const char* start = m_pool.data() + m_offset[id];
    return std::strncmp(start, name.data(), name.size()) == 0 && start[name.size()] == '\0';
}

std::string_view NameTable::name(quint32 id) const
{
    const char* start = m_pool.data() + m_offset[id];
    return std::string_view(start, std::strlen(start));
}

quint32 NameTable::acquire(std::string_view name)
{
    if ((size_t(m_live) + 1) * 4 > m_slots.size() * 3) // keep the load at three quarters or less
        grow();
    const size_t slot = slotOf(name);
    if (m_slots[slot] != 0) {
        const quint32 id = m_slots[slot] - 1;
        ++m_references[id];
        return id;
    }
    quint32 id = 0;
    if (!m_free.empty()) {
        id = m_free.back();
        m_free.pop_back();
    } else {
        id = quint32(m_offset.size());
        m_offset.push_back(0);
        m_references.push_back(0);
    }
    m_offset[id] = quint32(m_pool.size());
    m_pool.append(name);
    m_pool.push_back('\0');
    m_references[id] = 1;
    m_slots[slot] = id + 1;
    ++m_live;
    return id;
}

void NameTable::release(quint32 id)
{
    if (id >= m_references.size() || m_references[id] == 0 || --m_references[id] > 0)
        return;
    // Out of the hash with a backward shift, so no tombstone slows later lookups.
    const size_t mask = m_slots.size() - 1;
    size_t hole = slotOf(name(id));
    for (size_t next = (hole + 1) & mask; m_slots[next] != 0; next = (next + 1) & mask) {
        const size_t home = hashOf(name(m_slots[next] - 1)) & mask;
        // The entry at `next` may move into the hole when its home is not between them.
        if (((next - home) & mask) >= ((next - hole) & mask)) {
            m_slots[hole] = m_slots[next];
            hole = next;
        }
    }
    m_slots[hole] = 0;
    m_deadBytes += name(id).size() + 1;
    m_free.push_back(id);
    --m_live;
    if (m_deadBytes > kCompactAtDeadBytes && m_deadBytes * 2 > m_pool.size())
        compact();
}

void NameTable::grow()
{
    const size_t size = std::max<size_t>(64, m_slots.size() * 2);
    m_slots.assign(size, 0);
    const size_t mask = size - 1;
    for (quint32 id = 0; id < m_references.size(); ++id) {
        if (m_references[id] == 0)
            continue;
        size_t slot = hashOf(name(id)) & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = id + 1;
    }
}

void NameTable::compact()
{
    // Ids stay as they are (directories hold them); only the bytes move.
    std::string pool;
    pool.reserve(m_pool.size() - m_deadBytes);
    for (quint32 id = 0; id < m_references.size(); ++id) {
        if (m_references[id] == 0)
            continue;
        const std::string_view bytes = name(id);
        m_offset[id] = quint32(pool.size());
        pool.append(bytes);
        pool.push_back('\0');
    }
    m_pool = std::move(pool);
    m_deadBytes = 0;
}

void NameTable::clear()
{
    *this = NameTable();
}

quint32 EntryList::decode(size_t* pos) const
{
    quint32 value = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(m_bytes[(*pos)++]);
        value |= quint32(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
}

size_t EntryList::findId(quint32 id, size_t* end, bool* isDirectory) const
{
    for (size_t pos = 0; pos < m_bytes.size();) {
        const size_t start = pos;
        const quint32 code = decode(&pos);
        if ((code >> 1) == id) {
            *end = pos;
            if (isDirectory)
                *isDirectory = (code & 1) != 0;
            return start;
        }
    }
    return std::string::npos;
}

bool EntryList::add(NameTable& names, std::string_view name, bool isDirectory)
{
    const quint32 id = names.acquire(name); // one hash lookup, handed back if the list has it
    size_t end = 0;
    if (findId(id, &end, nullptr) != std::string::npos) {
        names.release(id);
        return false;
    }
    append(id, isDirectory);
    return true;
}

void EntryList::append(quint32 id, bool isDirectory)
{
    quint32 code = (id << 1) | (isDirectory ? 1u : 0u);
    while (code >= 0x80) {
        m_bytes.push_back(char((code & 0x7f) | 0x80));
        code >>= 7;
    }
    m_bytes.push_back(char(code));
}

bool EntryList::remove(NameTable& names, std::string_view name, bool* isDirectory)
{
    const quint32 id = names.find(name);
    if (id == NameTable::kNone)
        return false;
    size_t end = 0;
    const size_t start = findId(id, &end, isDirectory);
    if (start == std::string::npos)
        return false;
    m_bytes.erase(start, end - start);
    names.release(id);
    return true;
}

bool EntryList::contains(const NameTable& names, std::string_view name) const
{
    const quint32 id = names.find(name);
    size_t end = 0;
    return id != NameTable::kNone && findId(id, &end, nullptr) != std::string::npos;
}

void EntryList::clear(NameTable& names)
{
    for (size_t pos = 0; pos < m_bytes.size();)
        names.release(decode(&pos) >> 1);
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

std::vector<EntryList::Entry> EntryList::sorted(const NameTable& names) const
{
    std::vector<Entry> result;
    forEach(names, [&](std::string_view name, bool isDirectory) {
        result.push_back({ std::string(name), isDirectory });
    });
    std::sort(result.begin(), result.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return result;
}

EntryListFiller::EntryListFiller(NameTable& names)
    : m_names(names)
{ }

void EntryListFiller::start(EntryList* list)
{
    Q_ASSERT(list->isEmpty());
    m_list = list;
    // Clearing costs what the last list added, not what the largest one made the set grow to.
    if (m_count * 4 < m_slots.size())
        m_slots.assign(std::min<size_t>(m_slots.size(), kFirstSlots), 0);
    else
        std::fill(m_slots.begin(), m_slots.end(), 0);
    m_count = 0;
}

bool EntryListFiller::add(std::string_view name, bool isDirectory)
{
    const quint32 id = m_names.acquire(name);
    if (!insertId(id)) {
        m_names.release(id);
        return false;
    }
    m_list->append(id, isDirectory);
    return true;
}

bool EntryListFiller::insertId(quint32 id)
{
    if ((m_count + 1) * 2 > m_slots.size()) // at most half full: short probes
        grow();
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = homeOf(id, mask);; slot = (slot + 1) & mask) {
        if (m_slots[slot] == id + 1)
            return false;
        if (m_slots[slot] == 0) {
            m_slots[slot] = id + 1;
            ++m_count;
            return true;
        }
    }
}

void EntryListFiller::grow()
{
    std::vector<quint32> old = std::move(m_slots);
    m_slots.assign(std::max<size_t>(kFirstSlots, old.size() * 2), 0);
    const size_t mask = m_slots.size() - 1;
    for (const quint32 entry : old) {
        if (entry == 0)
            continue;
        size_t slot = homeOf(entry - 1, mask);
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = entry;
    }
}

} // namespace foxreload
