#pragma once

#include "common/Result.h"

namespace alpr {

/// Hex SHA-256 of a file's content, read in blocks (footage can be gigabytes).
[[nodiscard]] Result<QString> fileContentHash(const QString& path);

} // namespace alpr
