#include "transfers/OffloadArchive.h"

#include "transfers/TransferManifest.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>

namespace alpr {

namespace {

constexpr int kExtractTimeoutMs = 30 * 60 * 1000;

} // namespace

bool OffloadArchive::isArchive(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    return QFileInfo(path).isFile() &&
           (name.endsWith(QLatin1String(".zip")) || name.endsWith(QLatin1String(".tar")) ||
            name.endsWith(QLatin1String(".tar.gz")) || name.endsWith(QLatin1String(".tgz")));
}

Result<QString> OffloadArchive::extract(const QString& archive, const QString& folder)
{
    const bool zip = QFileInfo(archive).fileName().toLower().endsWith(QLatin1String(".zip"));
    QProcess tool;
    if (zip)
        tool.start(QStringLiteral("unzip"), {QStringLiteral("-q"), QStringLiteral("-o"), archive, QStringLiteral("-d"), folder});
    else
        tool.start(QStringLiteral("tar"), {QStringLiteral("-xf"), archive, QStringLiteral("-C"), folder,
                                           QStringLiteral("--no-same-owner"), QStringLiteral("--no-same-permissions")});
    if (!tool.waitForStarted())
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("%1 is needed to open %2").arg(zip ? QStringLiteral("unzip") : QStringLiteral("tar"),
                                                                   QFileInfo(archive).fileName()));
    if (!tool.waitForFinished(kExtractTimeoutMs) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0)
        return fail(ErrorCode::VerificationFailed,
                    QStringLiteral("%1 cannot be unpacked: it is damaged or not an archive").arg(QFileInfo(archive).fileName()),
                    QString::fromLocal8Bit(tool.readAllStandardError()).left(500));
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().isSymLink())
            return fail(ErrorCode::VerificationFailed,
                        QStringLiteral("%1 holds a link (%2); an offload holds only files")
                            .arg(QFileInfo(archive).fileName(), QDir(folder).relativeFilePath(it.filePath())));
    }
    const QDir root(folder);
    if (root.exists(QLatin1String(TransferManifest::kFileName)))
        return folder;
    const QStringList entries = root.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    if (entries.size() == 1 && QFileInfo(root.filePath(entries.first())).isDir())
        return root.filePath(entries.first());
    return folder;
}

} // namespace alpr
