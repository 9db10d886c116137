#pragma once

#include <QStringList>

namespace alpr::cli {

/// alprctl recognize [--json] FILE...
/// Reads plates in images and footage without a store. Data goes to stdout (one JSON object a line with --json:
/// per image {"file","plates":[...]}, per tracked plate in footage {"file","text",...,"first_seen","last_seen"}),
/// messages to stderr. Returns 0, 1 for a usage error, 4 when a file could not be read (the others are still
/// processed).
int runRecognizeCommand(const QStringList& arguments);

} // namespace alpr::cli
