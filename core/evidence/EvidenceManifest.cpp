#include "evidence/EvidenceManifest.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>

namespace alpr {

namespace {

constexpr int kSha256Bytes = 32;
constexpr auto kSignatureAlgorithm = "HMAC-SHA256";

// Lets a workstation tell "signed by another store" from "altered" without revealing anything about the key.
QByteArray keyId(const QByteArray& signingKey)
{
    return QMessageAuthenticationCode::hash("alpr-evidence-key-id", signingKey, QCryptographicHash::Sha256)
        .left(8)
        .toHex();
}

} // namespace

void EvidenceManifest::add(const QString& path, const QByteArray& sha256)
{
    Q_ASSERT(sha256.size() == kSha256Bytes && isSafePath(path));
    m_entries.insert(path, sha256);
}

QByteArray EvidenceManifest::toBytes() const
{
    QByteArray out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        out += it.value().toHex() + "  " + it.key().toUtf8() + '\n';
    return out;
}

bool EvidenceManifest::isSafePath(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')))
        return false;
    for (const QString& part : path.split(QLatin1Char('/')))
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
    for (const QChar c : path)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

Result<EvidenceManifest> EvidenceManifest::parse(const QByteArray& bytes)
{
    EvidenceManifest manifest;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        if (line.isEmpty() && i == lines.size() - 1)
            break;
        // sha256sum writes "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode).
        const bool wellFormed = line.size() > 2 * kSha256Bytes + 2 && line[2 * kSha256Bytes] == ' ' &&
                                (line[2 * kSha256Bytes + 1] == ' ' || line[2 * kSha256Bytes + 1] == '*');
        const QByteArray hex = line.left(2 * kSha256Bytes);
        const QByteArray digest = QByteArray::fromHex(hex);
        const QString path = QString::fromUtf8(line.mid(2 * kSha256Bytes + 2));
        if (!wellFormed || digest.size() != kSha256Bytes || digest.toHex() != hex.toLower() || !isSafePath(path))
            return fail(ErrorCode::Corrupt,
                        QStringLiteral("%1 line %2 is not a checksum line for a file in the package")
                            .arg(QLatin1String(kFileName))
                            .arg(i + 1));
        if (manifest.m_entries.contains(path))
            return fail(ErrorCode::Corrupt, QStringLiteral("%1 lists %2 twice").arg(QLatin1String(kFileName), path));
        manifest.m_entries.insert(path, digest);
    }
    return manifest;
}

QByteArray EvidenceManifest::signingKey(const QByteArray& storeKey)
{
    return QMessageAuthenticationCode::hash("evidence-manifest", storeKey, QCryptographicHash::Sha256);
}

QByteArray EvidenceManifest::signatureFile(const QByteArray& manifestBytes, const QByteArray& signingKey)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(manifestBytes, signingKey, QCryptographicHash::Sha256);
    QByteArray out(kSignatureAlgorithm);
    out += ' ' + mac.toHex() + "\nkey-id " + keyId(signingKey) + '\n';
    return out;
}

EvidenceManifest::SignatureStatus EvidenceManifest::checkSignature(const QByteArray& manifestBytes,
                                                                   const QByteArray& signatureFileBytes,
                                                                   const QByteArray& signingKey)
{
    if (signingKey.isEmpty())
        return SignatureStatus::Unchecked;
    if (signatureFileBytes.isEmpty())
        return SignatureStatus::Missing;
    const QByteArray expected = signatureFile(manifestBytes, signingKey);
    if (signatureFileBytes == expected)
        return SignatureStatus::Valid;
    const QByteArray idLine = QByteArray("key-id ") + keyId(signingKey);
    if (!signatureFileBytes.contains(idLine))
        return SignatureStatus::OtherStore;
    return SignatureStatus::Invalid;
}

QString EvidenceManifest::signatureStatusText(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Unchecked:
        return QStringLiteral("signature not checked (no store key at hand)");
    case SignatureStatus::Valid:
        return QStringLiteral("signature valid: made by this store");
    case SignatureStatus::Invalid:
        return QStringLiteral("signature INVALID: the manifest or its signature was altered");
    case SignatureStatus::Missing:
        return QStringLiteral("signature file missing");
    case SignatureStatus::OtherStore:
        return QStringLiteral("signed by a different store; cannot be checked here");
    }
    return {};
}

} // namespace alpr
