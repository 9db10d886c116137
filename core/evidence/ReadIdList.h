#pragma once

#include "common/Result.h"

#include <QList>

namespace alpr {

/// Read ids as people type them, in the CLI and in the GUI: "12,15,20-24" (spaces allowed).
class ReadIdList {
public:
    static constexpr qint64 kMaxIdsInOneRange = 100000;
    /// Over the whole list: many maximal ranges would otherwise make a few hundred typed characters cost gigabytes.
    static constexpr qint64 kMaxIds = 100000;

    /// In the order given, duplicates dropped. InvalidInput names the part that is not an id or range, or says the
    /// list names more than kMaxIds reads.
    [[nodiscard]] static Result<QList<qint64>> parse(const QString& text);
};

} // namespace alpr
