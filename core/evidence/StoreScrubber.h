#pragma once

#include "common/Result.h"

namespace alpr {

namespace store {
class Database;
}

/// After deleting personal data: make sure it is gone from the store's files, not only from its tables.
/// secure_delete (compiled on in Debian's SQLCipher, switched on by Database) zeroes freed cells and pages;
/// full-text indexes keep deleted terms in old segments until merged, so they are optimized; VACUUM rewrites the
/// file without free pages; a TRUNCATE checkpoint empties the WAL, whose old frames still hold former page images.
class StoreScrubber {
public:
    struct Outcome {
        int fullTextIndexesMerged = 0;
        bool vacuumed = false;
        bool walTruncated = false; ///< false when another connection kept reading; the next checkpoint finishes it
    };

    /// Must run outside any transaction on this connection. Database errors become the Error.
    [[nodiscard]] static Result<Outcome> scrub(store::Database& db);
    /// Checkpoints the WAL into the database file and truncates it to zero bytes; false when readers blocked it.
    [[nodiscard]] static Result<bool> truncateWal(store::Database& db);
};

} // namespace alpr
