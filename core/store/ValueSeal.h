#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace alpr::store {

/// Values that a server store must not hold in clear (plate crops and context images), sealed on the workstation
/// with AES-256-GCM under a key derived from the store key, which the server never sees: the server's table files,
/// its backups and a superuser's SELECT hold only ciphertext, and a changed byte fails the tag. The embedded store
/// needs none of this (SQLCipher encrypts its pages whole).
///
/// Sealed form: "ALS1", a 12-byte random nonce, the ciphertext, the 16-byte tag.
class ValueSeal {
public:
    /// From the 32-byte store key; the seal key is HMAC-SHA256(store key, purpose), so it never equals the key
    /// that SQLCipher or the key slots use.
    explicit ValueSeal(const QByteArray& storeKey);

    [[nodiscard]] QByteArray seal(const QByteArray& value) const;
    /// Corrupt when the value is not sealed, or sealed under another key, or changed since.
    [[nodiscard]] Result<QByteArray> open(const QByteArray& sealed) const;

private:
    QByteArray m_key;
};

} // namespace alpr::store
