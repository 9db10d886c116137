#include "evidence/EvidenceVerifier.h"

#include "evidence/EvidenceExporter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace alpr {

QString EvidenceProblem::kindName() const
{
    switch (kind) {
    case Kind::Modified:
        return QStringLiteral("MODIFIED");
    case Kind::Missing:
        return QStringLiteral("MISSING");
    case Kind::Extra:
        return QStringLiteral("EXTRA");
    case Kind::Unreadable:
        return QStringLiteral("UNREADABLE");
    }
    return {};
}

Result<EvidenceVerification> EvidenceVerifier::verify(const QString& packageDirectory, const QByteArray& signingKey)
{
    const QDir dir(packageDirectory);
    if (!dir.exists())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("There is no folder %1").arg(QDir::toNativeSeparators(packageDirectory)));
    // An export killed after writing its manifest but before taking its final name (and its audit record) may hold
    // every file intact; it is still not a package anyone exported, so it never verifies.
    if (QFileInfo(QDir::cleanPath(packageDirectory))
            .fileName()
            .startsWith(QLatin1String(EvidenceExporter::kIncompletePrefix)))
        return fail(ErrorCode::VerificationFailed,
                    QStringLiteral("%1 is an export that was interrupted before it finished: it is not an evidence "
                                   "package; export again")
                        .arg(QDir::toNativeSeparators(packageDirectory)));
    QFile manifestFile(dir.filePath(QLatin1String(EvidenceManifest::kFileName)));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::VerificationFailed,
                    QStringLiteral("%1 has no readable %2: it is not a complete evidence package")
                        .arg(QDir::toNativeSeparators(packageDirectory), QLatin1String(EvidenceManifest::kFileName)));
    const QByteArray manifestBytes = manifestFile.readAll();
    auto manifest = EvidenceManifest::parse(manifestBytes);
    if (!manifest)
        return fail(ErrorCode::VerificationFailed, manifest.error().message);

    EvidenceVerification v;
    v.manifestSha256 = QString::fromLatin1(QCryptographicHash::hash(manifestBytes, QCryptographicHash::Sha256).toHex());
    for (auto it = manifest->entries().cbegin(); it != manifest->entries().cend(); ++it) {
        const QString path = dir.filePath(it.key());
        const QFileInfo info(path);
        if (!info.exists() || !info.isFile()) {
            v.problems.append({EvidenceProblem::Kind::Missing, it.key()});
            continue;
        }
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            v.problems.append({EvidenceProblem::Kind::Unreadable, it.key()});
            continue;
        }
        ++v.filesChecked;
        if (hash.result() != it.value())
            v.problems.append({EvidenceProblem::Kind::Modified, it.key()});
    }
    // Hidden and system entries count: an added ".hidden" file is as much an alteration as any other.
    QDirIterator files(packageDirectory, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString relative = dir.relativeFilePath(files.next());
        if (relative == QLatin1String(EvidenceManifest::kFileName) ||
            relative == QLatin1String(EvidenceManifest::kSignatureFileName))
            continue;
        if (!manifest->entries().contains(relative))
            v.problems.append({EvidenceProblem::Kind::Extra, relative});
    }
    std::sort(v.problems.begin(), v.problems.end(),
              [](const EvidenceProblem& a, const EvidenceProblem& b) { return a.path < b.path; });

    QFile signatureFile(dir.filePath(QLatin1String(EvidenceManifest::kSignatureFileName)));
    const QByteArray signatureBytes = signatureFile.open(QIODevice::ReadOnly) ? signatureFile.readAll() : QByteArray();
    v.signature = EvidenceManifest::checkSignature(manifestBytes, signatureBytes, signingKey);
    return v;
}

} // namespace alpr
