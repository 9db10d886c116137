#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace alpr::store {

/// A database key wrapped under a password: PBKDF2-HMAC-SHA256 derives a key-encryption key from the password
/// and a random salt; AES-256-GCM seals the database key with the user name as associated data, so a slot cannot
/// be moved to another account.
struct WrappedKey {
    QByteArray salt;
    int iterations = 0;
    QByteArray nonce;
    QByteArray ciphertext;
    QByteArray tag;
};

class KeyWrap {
public:
    /// 600k iterations take ~0.4 s on this class of machine: slow enough to make offline guessing costly (OWASP's
    /// 2023 figure for PBKDF2-SHA256), fast enough for a login. Tests pass fewer explicitly.
    static constexpr int kDefaultIterations = 600000;

    [[nodiscard]] static QByteArray randomBytes(int count);
    [[nodiscard]] static Result<WrappedKey> wrap(const QByteArray& databaseKey, const QString& password,
                                                 const QString& userName, int iterations);
    /// AuthenticationFailed when the password is wrong (the GCM tag does not verify).
    [[nodiscard]] static Result<QByteArray> unwrap(const WrappedKey& wrapped, const QString& password,
                                                   const QString& userName);
};

} // namespace alpr::store
