#pragma once

#include <QDateTime>
#include <QString>

namespace alpr {

/// One access or change, as the audit trail keeps it. Everything except seq/hash is supplied by the caller.
struct AuditRecord {
    qint64 seq = 0;
    QDateTime timeUtc;
    QString user;
    QString workstation;
    QString action;     ///< dotted verb: login, search.plate, evidence.export, user.add ...
    QString object;     ///< what was accessed or changed (a read id, a user name, a case)
    QString parameters; ///< e.g. the query, as compact JSON
    QString purpose;
    QString caseNumber;
    QString outcome;    ///< ok, refused: <reason>, results: N ...
    QString hash;       ///< hex SHA-256(previous hash || canonicalForm())

    /// The bytes the chain hashes: each field length-prefixed, so no field value can imitate a separator.
    [[nodiscard]] QByteArray canonicalForm() const;
    [[nodiscard]] QString computeHash(const QString& previousHash) const;
};

} // namespace alpr
