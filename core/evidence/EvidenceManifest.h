#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace alpr {

/// MANIFEST.sha256 of an evidence package: one "<sha256 hex>  <relative path>" line per file, sorted by path, in
/// the format of coreutils' sha256sum, so anyone can check a package with `sha256sum -c` and no workstation.
/// Beside it, MANIFEST.sha256.hmac holds an HMAC-SHA256 over the manifest's bytes under a key derived from the store
/// key: only a workstation with that store can check (or make) it, which shows the package came from that store.
class EvidenceManifest {
public:
    static constexpr auto kFileName = "MANIFEST.sha256";
    static constexpr auto kSignatureFileName = "MANIFEST.sha256.hmac";

    enum class SignatureStatus {
        Unchecked, ///< no key at hand (verified without a store)
        Valid,
        Invalid,    ///< the manifest was changed after signing, or the signature file was
        Missing,    ///< no signature file
        OtherStore, ///< signed, but by a different store's key
    };

    /// Adds or replaces a file. path is relative, '/'-separated; sha256 is the raw 32-byte digest.
    void add(const QString& path, const QByteArray& sha256);
    [[nodiscard]] const QMap<QString, QByteArray>& entries() const { return m_entries; }
    [[nodiscard]] QByteArray toBytes() const;
    /// Corrupt, naming the line, for anything that is not a manifest line or names an unsafe path.
    [[nodiscard]] static Result<EvidenceManifest> parse(const QByteArray& bytes);
    /// A path that stays inside the package: relative, no "..", no control characters.
    [[nodiscard]] static bool isSafePath(const QString& path);

    /// HMAC-SHA256(store key, "evidence-manifest"): the signing key, never the store key itself.
    [[nodiscard]] static QByteArray signingKey(const QByteArray& storeKey);
    /// The contents of MANIFEST.sha256.hmac for these manifest bytes.
    [[nodiscard]] static QByteArray signatureFile(const QByteArray& manifestBytes, const QByteArray& signingKey);
    [[nodiscard]] static SignatureStatus
    checkSignature(const QByteArray& manifestBytes, const QByteArray& signatureFileBytes, const QByteArray& signingKey);
    [[nodiscard]] static QString signatureStatusText(SignatureStatus status);

private:
    QMap<QString, QByteArray> m_entries;
};

} // namespace alpr
