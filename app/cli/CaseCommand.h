#pragma once

#include "common/Result.h"

#include <QList>

namespace alpr::cli {

class CliContext;

/// alprctl case add|list|show|attach|close|reopen (see the usage text in CaseCommand.cpp).
int runCaseCommand(CliContext& context);

/// "12,15,20-24" -> 12, 15, 20, 21, 22, 23, 24 (in that order, duplicates dropped). For every command taking read ids.
[[nodiscard]] Result<QList<qint64>> parseIdList(const QString& text);

} // namespace alpr::cli
