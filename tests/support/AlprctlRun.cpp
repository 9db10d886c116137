#include "AlprctlRun.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace alpr::test {

AlprctlRun runAlprctl(const QString& program, const QStringList& arguments, const QStringList& stdinLines)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALPR_KDF_ITERATIONS"), QStringLiteral("2000"));
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    if (!p.waitForStarted())
        return {};
    p.write((stdinLines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace alpr::test
