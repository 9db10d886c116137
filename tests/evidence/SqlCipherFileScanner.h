#pragma once

#include <QByteArray>
#include <QString>

namespace alpr::test {

/// Decrypts every page of an SQLCipher 3 store file and of its WAL with the raw store key, so a test can search
/// the bytes the files really hold (free pages, stale WAL frames and all) for text that should be gone. A byte search
/// of the encrypted file itself could never find anything and would prove nothing.
///
/// SQLCipher 3 page layout (raw key, so no KDF): AES-256-CBC over the page minus a reserve of 48 bytes at its end
/// (16-byte IV, 20-byte HMAC-SHA1, padding); page 1 starts with the 16-byte salt, which is not encrypted.
class SqlCipherFileScanner {
public:
    static constexpr int kPageSize = 4096;
    static constexpr int kReserve = 48;

    explicit SqlCipherFileScanner(QByteArray key) : m_key(std::move(key)) {}

    /// The decrypted pages of the database file followed by those of every frame in its WAL. Empty and error()
    /// set when the file does not decrypt as expected (a wrong layout must fail the test, not pass it).
    [[nodiscard]] QByteArray plaintext(const QString& databasePath);
    [[nodiscard]] const QString& error() const { return m_error; }
    /// How many pages and WAL frames the last plaintext() decrypted.
    [[nodiscard]] int pagesRead() const { return m_pages; }

private:
    bool decryptPage(const QByteArray& page, bool firstPage, QByteArray& out);

    QByteArray m_key;
    QString m_error;
    int m_pages = 0;
};

} // namespace alpr::test
