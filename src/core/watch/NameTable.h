#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace foxreload {

// Every distinct entry name of a watched tree, stored once and counted. A tree repeats its names
// in thousands of directories (__init__.py, index.ts, package.json, f00.py …), so a directory's
// snapshot holds small ids (see EntryList) instead of the bytes: about 1–2 bytes an entry where
// names repeat, instead of the name's length. A name no directory holds any more is dropped.
class NameTable
{
public:
    static constexpr quint32 kNone = 0xffffffffu;

    // The id of `name`, holding one more reference to it.
    quint32 acquire(std::string_view name);
    void release(quint32 id);
    // kNone when no directory holds an entry of that name.
    quint32 find(std::string_view name) const;
    std::string_view name(quint32 id) const;
    qsizetype size() const { return m_live; }
    void clear();

private:
    size_t slotOf(std::string_view name) const; // where `name` is, or the empty slot it would take
    bool holdsAt(quint32 id, std::string_view name) const;
    void grow();
    void compact();

    std::string m_pool; // each name's bytes and a NUL
    std::vector<quint32> m_offset; // id → where its name starts in m_pool
    std::vector<quint32> m_references; // id → how many entries hold it (0: a free id)
    std::vector<quint32> m_free; // ids to hand out again
    std::vector<quint32> m_slots; // open addressing, linear probing: id + 1, 0 when empty
    size_t m_deadBytes = 0; // bytes of m_pool no id points at any more
    qsizetype m_live = 0;
};

// One directory's entries as (name id, is a directory) pairs, each a varint of id·2 + kind:
// a single byte for the first 64 names of the table. Kept in arrival order; lookups scan, as a
// directory holds hundreds of entries, not millions.
class EntryList
{
public:
    struct Entry
    {
        std::string name; // a copy: releasing names may move the table's bytes
        bool isDirectory = false;
    };

    // The list takes a reference to the name; false when it holds it already.
    bool add(NameTable& names, std::string_view name, bool isDirectory);
    // Drops one entry and its reference; false when it was not there.
    bool remove(NameTable& names, std::string_view name, bool* isDirectory = nullptr);
    bool contains(const NameTable& names, std::string_view name) const;
    // Releases every name (call before dropping the list, or the table keeps them).
    void clear(NameTable& names);
    bool isEmpty() const { return m_bytes.empty(); }
    void squeeze() { m_bytes.shrink_to_fit(); }

    template<typename Function>
    void forEach(const NameTable& names, Function function) const
    {
        for (size_t pos = 0; pos < m_bytes.size();) {
            const quint32 code = decode(&pos);
            function(names.name(code >> 1), (code & 1) != 0);
        }
    }
    // Sorted by name, for a merge with another listing. The views forEach() passes are valid
    // only until a name is acquired or released; these copies are not.
    std::vector<Entry> sorted(const NameTable& names) const;

private:
    friend class EntryListFiller;
    void append(quint32 id, bool isDirectory);
    quint32 decode(size_t* pos) const;
    // Where the entry with this id starts, and where it ends; npos when it is not there.
    size_t findId(quint32 id, size_t* end, bool* isDirectory) const;

    std::string m_bytes;
};

// Fills empty lists, each from one read of its directory. A read names an entry once unless the
// directory changes while it is read, so a set of the ids added so far finds a repeat in one
// lookup where EntryList::add() scans the list: quadratic in the directory's size otherwise.
class EntryListFiller
{
public:
    explicit EntryListFiller(NameTable& names);
    // The list to fill from now on; it must be empty.
    void start(EntryList* list);
    // false when the current list holds that name already.
    bool add(std::string_view name, bool isDirectory);

private:
    bool insertId(quint32 id); // false when it is in the set already
    void grow();

    NameTable& m_names;
    EntryList* m_list = nullptr;
    std::vector<quint32> m_slots; // open addressing, linear probing: id + 1, 0 when empty
    size_t m_count = 0;
};

} // namespace foxreload
