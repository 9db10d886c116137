#pragma once

namespace alpr::store {

class Database;

/// RAII transaction: rolls back unless commit() was called. Immediate by default so that the audit record and
/// the action it records are serialized against other writers.
class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();
    [[nodiscard]] Database& database() const { return m_db; }

private:
    Database& m_db;
    bool m_open = true;
};

} // namespace alpr::store
