#pragma once

#include "store/Database.h"

#include <functional>
#include <vector>

namespace alpr {

/// Extra read-only connections to the same store, so that a search can read the index on several cores: each random
/// page it reads is decrypted (AES + HMAC), and a broad pattern reads thousands. Opened on first use, kept for the
/// owner's lifetime; each connection is used by one thread at a time. A connection that cannot be opened is logged
/// and done without: the search then reads on fewer threads, never fails for it.
class ReaderConnections {
public:
    using Opener = std::function<Result<store::Database>()>;

    /// maxConnections 0 = one less than the machine's cores (the caller's own thread reads too), at most 3.
    explicit ReaderConnections(Opener opener, int maxConnections = 0);

    /// The connections (opened now if this is the first call). They see what is committed: callers commit index
    /// maintenance before reading in parallel.
    [[nodiscard]] std::vector<store::Database*> connections();

private:
    Opener m_opener;
    int m_maxConnections = 0;
    bool m_opened = false;
    std::vector<store::Database> m_connections;
};

} // namespace alpr
