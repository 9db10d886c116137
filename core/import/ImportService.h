#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "import/ImportRequest.h"

#include <memory>

namespace alpr {

class Session;
namespace engine {
class PlateRecognizer;
}
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
    ImportService(const Session& session, store::Database& db);
    ~ImportService();

    /// Fails as a whole only for refusals (permission), a bad request (no unit, unreadable GPS track) or
    /// cancellation; per-file problems are in the summary. The recognition model is loaded on the first run and
    /// kept for the next ones (a queue imports its files one run at a time).
    [[nodiscard]] Result<ImportSummary> run(const ImportRequest& request, JobContext& job);

    /// The checks run() makes of a request before touching any file (unit, GPS track, location), for callers that
    /// accept a request now and run it later.
    [[nodiscard]] static VoidResult checkRequest(const ImportRequest& request);

private:
    const Session& m_session;
    store::Database& m_db;
    std::unique_ptr<engine::PlateRecognizer> m_recognizer;
};

} // namespace alpr
