#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "import/ImportRequest.h"

namespace alpr {

class Session;
namespace store {
class Database;
}

/// Imports footage and stills: recognises plates, stores each read with its crop, context image, source file and
/// frame time, matches new reads against watch entries, and writes one audit record per file in the file's
/// transaction. A file already imported (same content hash) is skipped, so re-running an interrupted import loses
/// nothing and duplicates nothing. A bad file is reported and the others go on.
///
/// Runs on the calling thread with the given connection (a worker's own, from Session::openConnection()).
class ImportService {
public:
    ImportService(const Session& session, store::Database& db) : m_session(session), m_db(db) {}

    /// Fails as a whole only for refusals (permission), a bad request (no unit, unreadable GPS track) or
    /// cancellation; per-file problems are in the summary.
    [[nodiscard]] Result<ImportSummary> run(const ImportRequest& request, JobContext& job);

private:
    const Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
