#pragma once

#include "canvass/CanvassResult.h"
#include "canvass/CanvassScene.h"
#include "common/JobContext.h"
#include "common/Result.h"

#include <functional>

class QIODevice;

namespace alpr {

class Session;

namespace store {
class Database;
}

/// The canvass as the policy wants it: only for a role that may search reads, only with a purpose and a case
/// number, and every canvass, saved scene and export written to the audit trail in the same transaction as the
/// thing it records. Refusals are audited too.
///
/// Threading: db is the calling thread's connection (session.database() on the GUI or CLI thread, a connection from
/// session.openConnection() on a worker); the session itself is only read (account, clock, workstation).
class CanvassService {
public:
    /// Writes an export's bytes; the service decides where they go and commits them with the audit record.
    using ExportWriter = std::function<VoidResult(QIODevice& device)>;

    CanvassService(const Session& session, store::Database& db) : m_session(session), m_db(db) {}

    /// Reads in the area and window, grouped by plate, with plates also read at the case's other saved scenes
    /// flagged. PermissionDenied / PurposeRequired / InvalidInput refusals are audited; Cancelled is not.
    [[nodiscard]] Result<CanvassResult> run(const CanvassQuery& query, const AccessPurpose& purpose,
                                            JobContext* job = nullptr);

    /// Saves the area and window as a named scene of the purpose's case (audited as a change to case data).
    [[nodiscard]] Result<CanvassScene> saveScene(const QString& label, const CanvassQuery& query,
                                                 const AccessPurpose& purpose);
    /// The scenes saved under the purpose's case.
    [[nodiscard]] Result<QList<CanvassScene>> scenes(const AccessPurpose& purpose);

    /// Writes result to path atomically through writer and appends a canvass.export record naming format and path;
    /// the file appears only if the record commits. The purpose is the canvass's own, validated again.
    [[nodiscard]] VoidResult exportResult(const CanvassResult& result, const QString& format, const QString& path,
                                          const ExportWriter& writer);
    [[nodiscard]] VoidResult exportCsv(const CanvassResult& result, const QString& path);
    [[nodiscard]] VoidResult exportKml(const CanvassResult& result, const QString& path);

private:
    /// Permission and purpose; on failure the refusal is audited and returned.
    [[nodiscard]] VoidResult authorize(const QString& action, const QString& object, const QString& parameters,
                                       const AccessPurpose& purpose);
    void markRepeatPlates(CanvassResult& result, JobContext* job);

    const Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
