#include "store/KeyWrap.h"

#include <QJsonDocument>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace alpr::store {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
constexpr int kKekBytes = 32;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

QByteArray associatedData(const QString& userName)
{
    return QByteArrayLiteral("alpr-keyslot-v1:") + userName.toUtf8();
}

Result<QByteArray> deriveKek(const QString& password, const QByteArray& salt, int iterations)
{
    QByteArray kek(kKekBytes, '\0');
    const QByteArray secret = password.toUtf8();
    if (PKCS5_PBKDF2_HMAC(secret.constData(), int(secret.size()), reinterpret_cast<const unsigned char*>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), kKekBytes,
                          reinterpret_cast<unsigned char*>(kek.data())) != 1)
        return fail(ErrorCode::Internal, QStringLiteral("Key derivation failed"), QStringLiteral("PBKDF2"));
    return kek;
}

unsigned char* bytes(QByteArray& a) { return reinterpret_cast<unsigned char*>(a.data()); }
const unsigned char* bytes(const QByteArray& a) { return reinterpret_cast<const unsigned char*>(a.constData()); }

} // namespace

QByteArray KeyWrap::randomBytes(int count)
{
    QByteArray out(count, '\0');
    if (RAND_bytes(bytes(out), count) != 1)
        qFatal("The system random generator failed");
    return out;
}

Result<WrappedKey> KeyWrap::wrap(const QByteArray& databaseKey, const QString& password, const QString& userName,
                                 int iterations)
{
    WrappedKey w;
    w.salt = randomBytes(kSaltBytes);
    w.iterations = iterations;
    w.nonce = randomBytes(kNonceBytes);
    auto kek = deriveKek(password, w.salt, iterations);
    if (!kek)
        return std::unexpected(kek.error());
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    const QByteArray aad = associatedData(userName);
    w.ciphertext.resize(databaseKey.size());
    w.tag.resize(kTagBytes);
    int len = 0;
    bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(*kek), bytes(w.nonce)) == 1 &&
              EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) == 1 &&
              EVP_EncryptUpdate(ctx.get(), bytes(w.ciphertext), &len, bytes(databaseKey), int(databaseKey.size())) == 1 &&
              EVP_EncryptFinal_ex(ctx.get(), bytes(w.ciphertext) + len, &len) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(w.tag)) == 1;
    kek->fill('\0');
    if (!ok)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot protect the store key"), QStringLiteral("AES-GCM"));
    return w;
}

Result<QByteArray> KeyWrap::unwrap(const WrappedKey& w, const QString& password, const QString& userName)
{
    auto kek = deriveKek(password, w.salt, w.iterations);
    if (!kek)
        return std::unexpected(kek.error());
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    const QByteArray aad = associatedData(userName);
    QByteArray key(w.ciphertext.size(), '\0');
    QByteArray tag = w.tag;
    int len = 0;
    const bool ok = w.nonce.size() == kNonceBytes && tag.size() == kTagBytes &&
                    EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
                    EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(*kek), bytes(w.nonce)) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), bytes(key), &len, bytes(w.ciphertext), int(w.ciphertext.size())) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) == 1 &&
                    EVP_DecryptFinal_ex(ctx.get(), bytes(key) + len, &len) == 1;
    kek->fill('\0');
    if (!ok) {
        key.fill('\0');
        return fail(ErrorCode::AuthenticationFailed, QStringLiteral("Wrong user name or password"));
    }
    return key;
}

QJsonObject KeyWrap::toJson(const WrappedKey& w)
{
    const auto b64 = [](const QByteArray& a) { return QString::fromLatin1(a.toBase64()); };
    return QJsonObject{{QStringLiteral("kdf"), QStringLiteral("pbkdf2-hmac-sha256")},
                       {QStringLiteral("salt"), b64(w.salt)},
                       {QStringLiteral("iterations"), w.iterations},
                       {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
                       {QStringLiteral("nonce"), b64(w.nonce)},
                       {QStringLiteral("wrapped"), b64(w.ciphertext)},
                       {QStringLiteral("tag"), b64(w.tag)}};
}

WrappedKey KeyWrap::fromJson(const QJsonObject& o)
{
    const auto unb64 = [&](const char* key) {
        return QByteArray::fromBase64(o.value(QLatin1String(key)).toString().toLatin1());
    };
    return WrappedKey{unb64("salt"), o.value(QStringLiteral("iterations")).toInt(), unb64("nonce"), unb64("wrapped"),
                      unb64("tag")};
}

QString KeyWrap::toText(const WrappedKey& w)
{
    return QString::fromUtf8(QJsonDocument(toJson(w)).toJson(QJsonDocument::Compact));
}

Result<WrappedKey> KeyWrap::fromText(const QString& text)
{
    const WrappedKey w = fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
    if (w.iterations <= 0 || w.salt.isEmpty() || w.nonce.isEmpty() || w.ciphertext.isEmpty() || w.tag.isEmpty())
        return fail(ErrorCode::Corrupt, QStringLiteral("A key slot on the server is damaged"));
    return w;
}

} // namespace alpr::store
