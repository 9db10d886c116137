#include "common/Paths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace alpr::paths {

QString defaultStoreDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/alpr-workstation/store");
}

QString diagnosticsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/alpr-workstation/logs");
}

QString sourceDirectory()
{
    const QString fromEnv = qEnvironmentVariable("ALPR_SOURCE_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef ALPR_COMPILED_SOURCE_DIR
    return QStringLiteral(ALPR_COMPILED_SOURCE_DIR);
#else
    return {};
#endif
}

QString sharedDataDirectory()
{
    const QString fromEnv = qEnvironmentVariable("ALPR_SHARED_DATA");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isDir())
        return QDir(fromEnv).absolutePath();
    const QString source = sourceDirectory();
    if (!source.isEmpty()) {
        const QString candidate = source + QStringLiteral("/../shared/data");
        if (QFileInfo(candidate).isDir())
            return QDir(candidate).absolutePath();
    }
    return {};
}

} // namespace alpr::paths
