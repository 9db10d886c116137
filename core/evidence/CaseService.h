#pragma once

#include "common/Result.h"
#include "evidence/Case.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

struct NewCase {
    QString number;
    QString title;
    QString leadDetective;
};

/// Cases and what is attached to them. Changes need Permission::ManageCases and write their audit record in the
/// same transaction. Works on the connection it is given (the session's own, or a worker's from
/// Session::openConnection()); one instance per thread.
class CaseService {
public:
    static constexpr auto kReadKind = "read";

    explicit CaseService(Session& session);
    CaseService(Session& session, store::Database& db);

    /// The number is trimmed, upper-cased and checked against the agency's case-number format.
    [[nodiscard]] Result<Case> add(const NewCase& newCase);
    [[nodiscard]] Result<QList<Case>> list(bool includeClosed = true);
    /// NotFound when there is no such case.
    [[nodiscard]] Result<Case> find(const QString& number);
    [[nodiscard]] VoidResult setStatus(const QString& number, CaseStatus status);

    /// Attaches items of one kind; returns how many were new. For kind "read" every id must be a stored read
    /// (NotFound names the first that is not); other kinds belong to other capabilities and are taken as given.
    [[nodiscard]] Result<int> attach(const QString& number, const QString& kind, const QList<qint64>& itemIds);
    [[nodiscard]] Result<QList<CaseItem>> items(const QString& number);
    /// The reads the case stands on (the case_item_reads view), oldest first.
    [[nodiscard]] Result<QList<qint64>> readIds(const QString& number);

private:
    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
