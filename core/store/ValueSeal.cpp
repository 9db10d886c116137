#include "store/ValueSeal.h"

#include "store/KeyWrap.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>

#include <memory>

namespace alpr::store {

namespace {

constexpr char kMagic[] = "ALS1";
constexpr int kMagicBytes = 4;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

unsigned char* bytes(QByteArray& a)
{
    return reinterpret_cast<unsigned char*>(a.data());
}
const unsigned char* bytes(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}
const unsigned char* bytes(const char* a)
{
    return reinterpret_cast<const unsigned char*>(a);
}

} // namespace

ValueSeal::ValueSeal(const QByteArray& storeKey)
    : m_key(QMessageAuthenticationCode::hash(QByteArrayLiteral("alpr value seal v1"), storeKey,
                                             QCryptographicHash::Sha256))
{
}

QByteArray ValueSeal::seal(const QByteArray& value) const
{
    const QByteArray nonce = KeyWrap::randomBytes(kNonceBytes);
    QByteArray out(kMagicBytes + kNonceBytes + value.size() + kTagBytes, '\0');
    std::copy_n(kMagic, kMagicBytes, out.data());
    std::copy_n(nonce.constData(), kNonceBytes, out.data() + kMagicBytes);
    unsigned char* cipher = bytes(out) + kMagicBytes + kNonceBytes;
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int tail = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
                    EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(kMagic), kMagicBytes) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), cipher, &len, bytes(value), int(value.size())) == 1 &&
                    EVP_EncryptFinal_ex(ctx.get(), cipher + len, &tail) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + value.size()) == 1;
    if (!ok)
        raise(ErrorCode::Internal, QStringLiteral("Cannot seal a value (OpenSSL AES-256-GCM failed)"));
    return out;
}

Result<QByteArray> ValueSeal::open(const QByteArray& sealed) const
{
    if (sealed.size() < kMagicBytes + kNonceBytes + kTagBytes || !sealed.startsWith(kMagic))
        return fail(ErrorCode::Corrupt, QStringLiteral("A stored image is not sealed with the store key"));
    const qsizetype plainBytes = sealed.size() - kMagicBytes - kNonceBytes - kTagBytes;
    const unsigned char* nonce = bytes(sealed) + kMagicBytes;
    const unsigned char* cipher = nonce + kNonceBytes;
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray plain(plainBytes, '\0');
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int tail = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
                    EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), nonce) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(kMagic), kMagicBytes) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, cipher, int(plainBytes)) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) == 1 &&
                    EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &tail) == 1;
    if (!ok)
        return fail(ErrorCode::Corrupt,
                    QStringLiteral("A stored image does not open with the store key (changed, or another store's)"));
    return plain;
}

} // namespace alpr::store
