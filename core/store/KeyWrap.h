#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>

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
    /// 1M iterations take ~0.25 s on an idle core of this machine (0.4-0.6 s under load): above OWASP's 2023
    /// minimum for PBKDF2-SHA256 (600k), inside the 0.2-1 s a login may take. Tests pass fewer explicitly; the
    /// count is stored per slot, so raising it later leaves existing slots valid.
    static constexpr int kDefaultIterations = 1000000;

    [[nodiscard]] static QByteArray randomBytes(int count);
    [[nodiscard]] static Result<WrappedKey> wrap(const QByteArray& databaseKey, const QString& password,
                                                 const QString& userName, int iterations);
    /// AuthenticationFailed when the password is wrong (the GCM tag does not verify).
    /// One slot's fields as keyslots.json's entries hold them (kdf, salt, iterations, cipher, nonce, wrapped, tag).
    [[nodiscard]] static QJsonObject toJson(const WrappedKey& wrapped);
    /// The fields back, unchecked (an absent field comes back empty).
    [[nodiscard]] static WrappedKey fromJson(const QJsonObject& object);
    /// One slot as text (toJson, compact), for a server's key_slots table.
    [[nodiscard]] static QString toText(const WrappedKey& wrapped);
    /// Corrupt when the text is not a slot.
    [[nodiscard]] static Result<WrappedKey> fromText(const QString& text);
    [[nodiscard]] static Result<QByteArray> unwrap(const WrappedKey& wrapped, const QString& password,
                                                   const QString& userName);
};

} // namespace alpr::store
