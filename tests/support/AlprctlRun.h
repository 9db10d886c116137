#pragma once

#include <QString>
#include <QStringList>

namespace alpr::test {

/// What one run of the real alprctl binary gave: exit code (-1 when it did not start or crashed), stdout, stderr.
struct AlprctlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs alprctl as a script would: `arguments` as given, `stdinLines` on standard input (one a line, then EOF).
/// Key slots it creates use a low KDF iteration count (ALPR_KDF_ITERATIONS), so tests can add many users.
AlprctlRun runAlprctl(const QString& program, const QStringList& arguments, const QStringList& stdinLines = {});

} // namespace alpr::test
