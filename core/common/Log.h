#pragma once

#include <QString>

namespace alpr::diag {

/// Diagnostics only (Boost.Log behind this facade). Never pass plate text, passwords, keys or case details:
/// those belong in the audit trail, which is data in the encrypted store.
enum class Sink { Console, RotatingFile, ConsoleAndFile };

/// Call once from main(). directory is used for RotatingFile sinks (created if missing).
void initialize(Sink sink, const QString& directory = {}, bool verbose = false);

void debug(const QString& message);
void info(const QString& message);
void warning(const QString& message);
void error(const QString& message);

} // namespace alpr::diag
