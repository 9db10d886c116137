#include "EngineTestData.h"
#include "engine/Frame.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

/// Bad input must give a clear error and never crash or allocate absurdly.
class TestFrame : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

    static QByteArray fixtureBytes(const QString& name)
    {
        QFile file(enginetest::fixture(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // A syntactically valid PNG header announcing the given size, with no pixel data after it.
    static QByteArray pngHeader(quint32 width, quint32 height)
    {
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        png.append(QByteArray("\x00\x00\x00\x0dIHDR", 8));
        for (const quint32 v : {width, height})
            for (int shift = 24; shift >= 0; shift -= 8)
                png.append(static_cast<char>((v >> shift) & 0xFF));
        png.append(QByteArray("\x08\x02\x00\x00\x00\x00\x00\x00\x00", 9));
        return png;
    }

private slots:
    void decodesFixture()
    {
        const auto frame = Frame::fromFile(enginetest::fixture(QStringLiteral("car_627WWI.jpg")));
        QVERIFY2(frame.has_value(), qPrintable(frame ? QString() : frame.error().toString()));
        QVERIFY(frame->width() > 100 && frame->height() > 50);
        QCOMPARE(frame->bgr().size(), qsizetype(frame->width()) * frame->height() * 3);
        const auto encoded = frame->encode(QStringLiteral(".png"));
        QVERIFY(encoded.has_value());
        const auto again = Frame::fromEncoded(*encoded);
        QVERIFY(again.has_value());
        QCOMPARE(again->bgr(), frame->bgr()); // PNG is lossless
    }

    void zeroByteFile()
    {
        const auto frame = Frame::fromFile(write(QStringLiteral("empty.jpg"), {}));
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::InvalidInput);
        QVERIFY(frame.error().message.contains(QStringLiteral("empty")));
    }

    void missingFile()
    {
        const auto frame = Frame::fromFile(m_dir.filePath(QStringLiteral("nope.jpg")));
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::Io);
    }

    void nonImage()
    {
        const auto frame =
            Frame::fromFile(write(QStringLiteral("notes.jpg"), QByteArray("plain text, not a picture\n")));
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::InvalidInput);
        QVERIFY(frame.error().message.contains(QStringLiteral("not an image")));
    }

    void truncatedJpeg()
    {
        const QByteArray whole = fixtureBytes(QStringLiteral("car_627WWI.jpg"));
        QVERIFY(whole.size() > 1000);
        const auto frame = Frame::fromFile(write(QStringLiteral("cut.jpg"), whole.left(whole.size() / 2)));
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::Corrupt);
        QVERIFY(frame.error().message.contains(QStringLiteral("truncated")));
    }

    void truncatedPng()
    {
        const auto original = Frame::fromFile(enginetest::fixture(QStringLiteral("car_627WWI.jpg")));
        QVERIFY(original.has_value());
        const QByteArray png = *original->encode(QStringLiteral(".png"));
        const auto frame = Frame::fromEncoded(png.left(png.size() / 3));
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::Corrupt);
    }

    void corruptBody()
    {
        QByteArray bytes = fixtureBytes(QStringLiteral("car_627WWI.jpg"));
        // Keep the JPEG signature, scramble the tables and frame header that follow it.
        for (qsizetype i = 4; i < 700; ++i)
            bytes[i] = static_cast<char>((i * 7919) & 0xFF);
        const auto frame = Frame::fromEncoded(bytes);
        QVERIFY(!frame);
        QCOMPARE(frame.error().code, ErrorCode::Corrupt);
        QVERIFY(frame.error().message.contains(QStringLiteral("damaged")));
    }

    void absurdDimensions()
    {
        const auto huge = Frame::fromFile(write(QStringLiteral("huge.png"), pngHeader(100000, 100000)));
        QVERIFY(!huge);
        QCOMPARE(huge.error().code, ErrorCode::InvalidInput);
        QVERIFY(huge.error().message.contains(QStringLiteral("too large")));
        const auto zero = Frame::fromEncoded(pngHeader(0, 480));
        QVERIFY(!zero);
        QCOMPARE(zero.error().code, ErrorCode::Corrupt);
        // Two 32-bit sides multiply past qint64 (signed overflow, found by UBSan): still refused as too large.
        const auto widest = Frame::fromEncoded(pngHeader(0xFFFFFFFFu, 0xFFFFFFFFu));
        QVERIFY(!widest);
        QCOMPARE(widest.error().code, ErrorCode::InvalidInput);
        QVERIFY(widest.error().message.contains(QStringLiteral("too large")));
    }

    void rawBgrSizeMustMatch()
    {
        QVERIFY(Frame::fromBgr(2, 2, QByteArray(11, '\0')).isNull());
        QVERIFY(!Frame::fromBgr(2, 2, QByteArray(12, '\0')).isNull());
        QVERIFY(!Frame().encode().has_value());
    }
};

QTEST_GUILESS_MAIN(TestFrame)
#include "TestFrame.moc"
