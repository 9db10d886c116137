#include "SqlCipherFileScanner.h"

#include <QFile>

#include <openssl/evp.h>

#include <memory>

namespace alpr::test {

namespace {
constexpr int kSaltBytes = 16;
constexpr int kWalHeaderBytes = 32;
constexpr int kWalFrameHeaderBytes = 24;
} // namespace

bool SqlCipherFileScanner::decryptPage(const QByteArray& page, bool firstPage, QByteArray& out)
{
    const int offset = firstPage ? kSaltBytes : 0;
    const int cipherBytes = kPageSize - kReserve - offset;
    const auto* iv = reinterpret_cast<const unsigned char*>(page.constData() + kPageSize - kReserve);
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray plain(cipherBytes, '\0');
    int produced = 0;
    if (!EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr,
                            reinterpret_cast<const unsigned char*>(m_key.constData()), iv) ||
        !EVP_CIPHER_CTX_set_padding(ctx.get(), 0) ||
        !EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &produced,
                           reinterpret_cast<const unsigned char*>(page.constData() + offset), cipherBytes) ||
        produced != cipherBytes) {
        m_error = QStringLiteral("AES decryption failed");
        return false;
    }
    out += plain;
    ++m_pages;
    return true;
}

QByteArray SqlCipherFileScanner::plaintext(const QString& databasePath)
{
    m_error.clear();
    m_pages = 0;
    QFile db(databasePath);
    if (!db.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot open ") + databasePath;
        return {};
    }
    const QByteArray file = db.readAll();
    if (file.size() < kPageSize || file.size() % kPageSize != 0) {
        m_error = QStringLiteral("file size %1 is not a multiple of the page size").arg(file.size());
        return {};
    }
    QByteArray out;
    for (qsizetype at = 0; at < file.size(); at += kPageSize)
        if (!decryptPage(file.mid(at, kPageSize), at == 0, out))
            return {};
    // Page 1 decrypted from byte 16 on: the header's page size (big-endian at offset 16) and reserve (offset 20)
    // must read 4096 and 48, or the layout assumed here is wrong.
    if (quint8(out[0]) != 0x10 || quint8(out[1]) != 0x00 || quint8(out[4]) != kReserve) {
        m_error = QStringLiteral("page 1 does not decrypt to an SQLite header: wrong key or layout");
        return {};
    }
    QFile wal(databasePath + QStringLiteral("-wal"));
    if (wal.open(QIODevice::ReadOnly)) {
        const QByteArray frames = wal.readAll();
        for (qsizetype at = kWalHeaderBytes; at + kWalFrameHeaderBytes + kPageSize <= frames.size();
             at += kWalFrameHeaderBytes + kPageSize) {
            const auto* header = reinterpret_cast<const uchar*>(frames.constData() + at);
            const quint32 pageNumber = (quint32(header[0]) << 24) | (quint32(header[1]) << 16) |
                                       (quint32(header[2]) << 8) | quint32(header[3]);
            if (!decryptPage(frames.mid(at + kWalFrameHeaderBytes, kPageSize), pageNumber == 1, out))
                return {};
        }
    }
    return out;
}

} // namespace alpr::test
