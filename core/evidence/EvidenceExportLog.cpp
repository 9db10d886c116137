#include "evidence/EvidenceExportLog.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

Result<QList<EvidenceExportRecord>> EvidenceExportLog::list(store::Database& db, const QString& caseNumber)
{
    return guarded([&] {
        auto s = db.prepare(
            QStringLiteral("SELECT e.id, c.number, e.package_name, e.target, e.purpose, e.read_count, e.file_count, "
                           "e.manifest_sha256, "
                           "e.exported_by, e.exported_utc FROM evidence_exports e JOIN cases c ON c.id = e.case_id "
                           "WHERE ?1 = '' OR c.number = ?1 ORDER BY e.exported_utc DESC, e.id DESC"));
        const QString number = caseNumber.trimmed().toUpper();
        s.bind(1, number.isEmpty() ? QStringLiteral("") : number); // '' (not NULL) matches every case
        QList<EvidenceExportRecord> out;
        while (s.step())
            out.append({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), int(s.int64(5)), int(s.int64(6)),
                        s.text(7), s.text(8), QDateTime::fromString(s.text(9), Qt::ISODateWithMs).toUTC()});
        return out;
    });
}

} // namespace alpr
