// MANIFEST.sha256 of an evidence package as an examiner's copy may hold it (any bytes: edited, truncated, forged),
// with its MANIFEST.sha256.hmac. A manifest that parses must name only paths inside the package and must write back
// to bytes that parse to the same entries; checking a signature over any bytes must not crash.

#include "evidence/EvidenceManifest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The signature file is whatever follows the first NUL byte (a manifest line never holds one).
    const qsizetype split = bytes.indexOf('\0');
    const QByteArray manifestBytes = split < 0 ? bytes : bytes.left(split);
    const QByteArray signatureBytes = split < 0 ? QByteArray() : bytes.mid(split + 1);

    static const QByteArray signingKey = alpr::EvidenceManifest::signingKey(QByteArray(32, '\x5a'));
    (void)alpr::EvidenceManifest::checkSignature(manifestBytes, signatureBytes, signingKey);

    const auto manifest = alpr::EvidenceManifest::parse(manifestBytes);
    if (!manifest)
        return 0;
    for (auto it = manifest->entries().cbegin(); it != manifest->entries().cend(); ++it)
        if (!alpr::EvidenceManifest::isSafePath(it.key()) || it.value().size() != 32)
            std::abort();
    const auto again = alpr::EvidenceManifest::parse(manifest->toBytes());
    if (!again || again->entries() != manifest->entries())
        std::abort();
    const QByteArray signature = alpr::EvidenceManifest::signatureFile(manifest->toBytes(), signingKey);
    if (alpr::EvidenceManifest::checkSignature(manifest->toBytes(), signature, signingKey) !=
        alpr::EvidenceManifest::SignatureStatus::Valid)
        std::abort();
    return 0;
}
