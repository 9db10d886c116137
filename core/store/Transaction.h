#pragma once

namespace alpr::store {

class Database;

/// RAII transaction: rolls back unless commit() was called. Immediate by default so that the audit record and
/// the action it records are serialized against other writers.
class Transaction {
public:
    /// Access: reads ALPR data, then appends the access's audit record (a search, a canvass, a view). SQLite takes
    /// the writer lock at once as Immediate does; on PostgreSQL the transaction reads at READ COMMITTED without it
    /// and AuditLog::append takes it for the append only, so that workstations' searches run side by side.
    enum class Mode { Deferred, Immediate, Access };
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();
    /// The store's single-writer lock, held to the end of the transaction (PostgreSQL; SQLite's Immediate and
    /// Access transactions hold it from the start). Idempotent.
    void takeWriterLock();
    [[nodiscard]] Database& database() const { return m_db; }

private:
    Database& m_db;
    bool m_open = true;
    bool m_writerLocked = false;
};

} // namespace alpr::store
