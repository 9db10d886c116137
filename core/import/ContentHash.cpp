#include "import/ContentHash.h"

#include <QCryptographicHash>
#include <QFile>

namespace alpr {

Result<QString> fileContentHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1").arg(path), file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read %1").arg(path), file.errorString());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace alpr
