#include "store/Transaction.h"

#include "store/Database.h"

namespace alpr::store {

namespace {
// PostgreSQL: one advisory lock stands for SQLite's single writer. The services read, decide and write in one
// transaction (the audit chain's previous hash, a unit's last transfer, a purge's lease), relying on no other
// writer between; the lock keeps that true on a shared server. Readers are never blocked.
constexpr auto kPostgresWriterLock = "SELECT pg_advisory_xact_lock(1095520338)"; // 'ALPR'
} // namespace

Transaction::Transaction(Database& db, Mode mode) : m_db(db)
{
    if (m_db.isPostgres()) {
        // Deferred transactions are the parallel readers' snapshots (PlateIndex): one view across statements.
        m_db.execVerbatim(mode == Mode::Deferred ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ")
                                                 : QStringLiteral("BEGIN"));
        if (mode == Mode::Immediate) {
            try {
                takeWriterLock();
            } catch (...) {
                m_db.execVerbatim(QStringLiteral("ROLLBACK"));
                throw;
            }
        }
        return;
    }
    m_db.exec(mode == Mode::Deferred ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    try {
        m_db.execVerbatim(QStringLiteral("ROLLBACK"));
    } catch (...) {
        // Nothing to do: a failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::takeWriterLock()
{
    if (m_db.isPostgres() && !m_writerLocked)
        m_db.execVerbatim(QLatin1String(kPostgresWriterLock));
    m_writerLocked = true;
}

void Transaction::commit()
{
    m_db.execVerbatim(QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace alpr::store
