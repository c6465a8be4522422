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

} // namespace

size_t NameTable::slotOf(std::string_view name) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = hashOf(name) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_slots[slot];
        if (entry == 0 || this->name(entry - 1) == name)
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
    if (contains(names, name))
        return false;
    quint32 code = (names.acquire(name) << 1) | (isDirectory ? 1u : 0u);
    while (code >= 0x80) {
        m_bytes.push_back(char((code & 0x7f) | 0x80));
        code >>= 7;
    }
    m_bytes.push_back(char(code));
    return true;
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

} // namespace foxreload
