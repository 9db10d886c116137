#include "store/KeyWrap.h"
#include "store/ValueSeal.h"

#include <QtTest>

using namespace alpr;
using alpr::store::ValueSeal;

// What a server store holds of an image (store::ValueSeal): only the store key opens it, and any change fails.
class TestValueSeal : public QObject {
    Q_OBJECT

    const QByteArray m_key = store::KeyWrap::randomBytes(32);
    const QByteArray m_image = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArrayLiteral("crop of 7ABC123");

private slots:
    void opensWhatItSealed()
    {
        const ValueSeal seal(m_key);
        const QByteArray sealed = seal.seal(m_image);
        QVERIFY(!sealed.contains("7ABC123") && !sealed.contains("PNG"));
        QCOMPARE(sealed.size(), m_image.size() + 4 + 12 + 16);
        const auto opened = seal.open(sealed);
        QVERIFY(opened);
        QCOMPARE(*opened, m_image);
        QCOMPARE(*seal.open(seal.seal(QByteArray())), QByteArray());
    }

    void twoSealsOfOneValueDiffer()
    {
        const ValueSeal seal(m_key);
        QVERIFY(seal.seal(m_image) != seal.seal(m_image)); // a fresh nonce each time
    }

    void anotherStoresKeyDoesNotOpenIt()
    {
        const QByteArray sealed = ValueSeal(m_key).seal(m_image);
        const auto opened = ValueSeal(store::KeyWrap::randomBytes(32)).open(sealed);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    }

    void anyChangedByteFails()
    {
        const ValueSeal seal(m_key);
        const QByteArray sealed = seal.seal(m_image);
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QByteArray changed = sealed;
            changed[i] = char(changed[i] ^ 0x01);
            QVERIFY2(!seal.open(changed), qPrintable(QString::number(i)));
        }
        QVERIFY(!seal.open(sealed.left(sealed.size() - 1)));
        QVERIFY(!seal.open(sealed + 'x'));
    }

    void refusesValuesThatWereNeverSealed()
    {
        const auto opened = ValueSeal(m_key).open(m_image);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Corrupt);
        QVERIFY(!ValueSeal(m_key).open(QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestValueSeal)
#include "TestValueSeal.moc"
