#pragma once

#include "common/Result.h"
#include "evidence/EvidenceManifest.h"

#include <QList>

namespace alpr {

/// One way a package differs from its manifest.
struct EvidenceProblem {
    enum class Kind {
        Modified,   ///< content does not match its SHA-256
        Missing,    ///< listed, not present
        Extra,      ///< present, not listed
        Unreadable, ///< present, cannot be read
    };
    Kind kind = Kind::Modified;
    QString path; ///< relative to the package folder

    [[nodiscard]] QString kindName() const; ///< MODIFIED, MISSING, EXTRA, UNREADABLE
};

struct EvidenceVerification {
    qint64 filesChecked = 0;
    QList<EvidenceProblem> problems; ///< sorted by path
    EvidenceManifest::SignatureStatus signature = EvidenceManifest::SignatureStatus::Unchecked;
    QString manifestSha256; ///< hex; what the export's audit record holds

    /// Every file matches, nothing missing or extra, and the signature is not known to be bad.
    [[nodiscard]] bool ok() const
    {
        return problems.isEmpty() && signature != EvidenceManifest::SignatureStatus::Invalid;
    }
};

/// Checks a package folder against its MANIFEST.sha256. Needs no store: pass an empty signing key to check hashes
/// only (the signature is then reported Unchecked). Errors (Corrupt/NotFound) only when there is no usable manifest.
class EvidenceVerifier {
public:
    [[nodiscard]] static Result<EvidenceVerification> verify(const QString& packageDirectory,
                                                             const QByteArray& signingKey = {});
};

} // namespace alpr
