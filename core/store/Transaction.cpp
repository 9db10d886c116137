#include "store/Transaction.h"

#include "store/Database.h"

namespace alpr::store {

Transaction::Transaction(Database& db, Mode mode) : m_db(db)
{
    m_db.exec(mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    try {
        m_db.exec(QStringLiteral("ROLLBACK"));
    } catch (...) {
        // Nothing to do: a failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit()
{
    m_db.exec(QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace alpr::store
