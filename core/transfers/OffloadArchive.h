#pragma once

#include "common/Result.h"

namespace alpr {

/// An offload that arrives as one file (a .zip, .tar, .tar.gz or .tgz from a share or mail) is unpacked into a
/// folder first, with the system's tar or unzip, which refuse members that climb out of the folder. Links are not
/// accepted in an offload (they could point anywhere on this machine). QtCore only: the tools run as processes.
class OffloadArchive {
public:
    [[nodiscard]] static bool isArchive(const QString& path);
    /// Unpacks into `folder` (empty, existing) and returns the offload folder inside it: the folder itself, or its
    /// single top-level folder. VerificationFailed for a damaged archive or one holding links.
    [[nodiscard]] static Result<QString> extract(const QString& archive, const QString& folder);
};

} // namespace alpr
