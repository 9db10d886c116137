#pragma once

#include <QString>

namespace alpr::paths {

/// The per-user store directory used when --store is not given (XDG data dir / alpr-workstation/store).
[[nodiscard]] QString defaultStoreDirectory();
/// Where diagnostics logs rotate.
[[nodiscard]] QString diagnosticsDirectory();
/// ../shared/data next to the source tree, or $ALPR_SHARED_DATA; empty when absent (tests then skip).
[[nodiscard]] QString sharedDataDirectory();
/// The source tree (tests find resources/ through it): $ALPR_SOURCE_DIR or the compiled-in path.
[[nodiscard]] QString sourceDirectory();

} // namespace alpr::paths
