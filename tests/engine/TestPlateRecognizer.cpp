#include "EngineTestData.h"
#include "engine/PlateRecognizer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

/// The shipped models, loaded through OpenCV's dnn module, read the fixtures in tests/data/engine.
class TestPlateRecognizer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PlateRecognizer> m_recognizer;

    // fixtures.tsv: file <TAB> kind (scene|crop) <TAB> plate
    static QList<QStringList> fixtures()
    {
        QList<QStringList> rows;
        QFile file(enginetest::fixture(QStringLiteral("fixtures.tsv")));
        if (!file.open(QIODevice::ReadOnly))
            return rows;
        for (const QByteArray& line : file.readAll().split('\n')) {
            const QStringList fields = QString::fromUtf8(line).trimmed().split(QLatin1Char('\t'));
            if (fields.size() == 3 && !fields[0].startsWith(QLatin1Char('#')))
                rows.append(fields);
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        PlateRecognizer::setComputeThreads(1);
        auto recognizer = PlateRecognizer::create();
        QVERIFY2(recognizer.has_value(), qPrintable(recognizer ? QString() : recognizer.error().toString()));
        m_recognizer = std::move(*recognizer);
        QVERIFY(fixtures().size() >= 4);
    }

    void ocrReadsPlateCrops_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("plate");
        for (const QStringList& row : fixtures())
            if (row[1] == QLatin1String("crop"))
                QTest::newRow(qPrintable(row[0])) << row[0] << row[2];
    }

    void ocrReadsPlateCrops()
    {
        QFETCH(QString, file);
        QFETCH(QString, plate);
        const auto crop = Frame::fromFile(enginetest::fixture(file));
        QVERIFY(crop.has_value());
        const auto read = m_recognizer->readCrop(*crop);
        QVERIFY(read.has_value());
        QCOMPARE(read->text, plate);
        QVERIFY(read->confidence > 0.5 && read->confidence <= 1.0);
        QCOMPARE(read->candidates.first().text, read->text);
    }

    void scenesGiveTheirPlates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("plate");
        for (const QStringList& row : fixtures())
            if (row[1] == QLatin1String("scene"))
                QTest::newRow(qPrintable(row[0])) << row[0] << row[2];
    }

    void scenesGiveTheirPlates()
    {
        QFETCH(QString, file);
        QFETCH(QString, plate);
        const auto frame = Frame::fromFile(enginetest::fixture(file));
        QVERIFY(frame.has_value());
        const auto reads = m_recognizer->recognize(*frame);
        QVERIFY(reads.has_value());
        QVERIFY(!reads->isEmpty());
        const auto hit =
            std::find_if(reads->begin(), reads->end(), [&](const PlateRead& r) { return r.text == plate; });
        QVERIFY2(hit != reads->end(),
                 qPrintable(QStringLiteral("%1 not read (got %2)").arg(plate, reads->first().text)));
        // The reported geometry is the plate's: inside the image, plate-shaped, with a crop.
        QVERIFY(QRect(0, 0, frame->width(), frame->height()).contains(hit->box));
        QVERIFY(hit->box.width() > hit->box.height());
        QCOMPARE(hit->crop.width(), 2 * hit->crop.height());
        for (qsizetype i = 1; i < hit->candidates.size(); ++i)
            QVERIFY(hit->candidates[i - 1].confidence >= hit->candidates[i].confidence);
    }

    // Looking at the contrast-equalised view as well (footage does by default) never loses a plate the plain view
    // reads. (What the equalised view adds, a washed-out plate, is checked on real footage in TestFootageDriveBy.)
    void bothViewsKeepWhatThePlainViewReads_data() { scenesGiveTheirPlates_data(); }

    void bothViewsKeepWhatThePlainViewReads()
    {
        QFETCH(QString, file);
        QFETCH(QString, plate);
        const auto frame = Frame::fromFile(enginetest::fixture(file));
        QVERIFY(frame.has_value());
        const auto reads = m_recognizer->recognize(*frame, DetectionView::Both);
        QVERIFY(reads.has_value());
        QVERIFY(std::any_of(reads->begin(), reads->end(), [&](const PlateRead& r) { return r.text == plate; }));
    }

    // car_627WWI.jpg has a memorial sticker on the rear window that the OCR reads as E3H9 at 0.99. Beside a sure
    // read shaped like a plate, a text shaped like none is doubted: the plate stays confident, the sticker does not.
    void stickerBesidePlateIsNotConfident()
    {
        const auto frame = Frame::fromFile(enginetest::fixture(QStringLiteral("car_627WWI.jpg")));
        QVERIFY(frame.has_value());
        const auto reads = m_recognizer->recognize(*frame);
        QVERIFY(reads.has_value());
        const auto plate = std::find_if(reads->begin(), reads->end(),
                                        [](const PlateRead& r) { return r.text == QLatin1String("627WWI"); });
        QVERIFY(plate != reads->end());
        QVERIFY(plate->candidates.first().matchesFormat);
        QVERIFY2(plate->confidence >= 0.9, qPrintable(QString::number(plate->confidence)));
        for (const PlateRead& r : *reads) {
            if (r.candidates.first().matchesFormat)
                continue;
            QVERIFY2(r.confidence <= 0.5, qPrintable(QStringLiteral("%1 at %2").arg(r.text).arg(r.confidence)));
            QCOMPARE(r.candidates.first().confidence, r.confidence);
        }
    }

    void emptySceneGivesNothing()
    {
        const int w = 640, h = 360;
        QByteArray grey(w * h * 3, char(128));
        const auto reads = m_recognizer->recognize(Frame::fromBgr(w, h, grey));
        QVERIFY(reads.has_value());
        QVERIFY(reads->isEmpty());
    }

    void nullFrameIsAnError()
    {
        const auto reads = m_recognizer->recognize(Frame());
        QVERIFY(!reads);
        QCOMPARE(reads.error().code, ErrorCode::InvalidInput);
    }

    void tinyAndExtremeShapes()
    {
        // 1x1 and 4000x8 images must go through detection without a crash.
        for (const QSize size : {QSize(1, 1), QSize(4000, 8), QSize(8, 3000)}) {
            const auto reads = m_recognizer->recognize(
                Frame::fromBgr(size.width(), size.height(), QByteArray(size.width() * size.height() * 3, char(200))));
            QVERIFY(reads.has_value());
        }
    }

    void missingModelsAreReported()
    {
        QTemporaryDir empty;
        RecognizerOptions options;
        options.modelDirectory = empty.path();
        const auto recognizer = PlateRecognizer::create(options);
        QVERIFY(!recognizer);
        QCOMPARE(recognizer.error().code, ErrorCode::NotFound);
    }

    void damagedModelIsReported()
    {
        QTemporaryDir dir;
        const QString source = paths::sourceDirectory() + QStringLiteral("/resources/models/");
        for (const QString& name : {QStringLiteral("engine.json"), QStringLiteral("plate_formats.json"),
                                    QStringLiteral("plate_detector.onnx")})
            QVERIFY(QFile::copy(source + name, dir.filePath(name)));
        QFile broken(dir.filePath(QStringLiteral("plate_ocr.onnx")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("this is not an ONNX graph");
        broken.close();
        RecognizerOptions options;
        options.modelDirectory = dir.path();
        const auto recognizer = PlateRecognizer::create(options);
        QVERIFY(!recognizer);
        QCOMPARE(recognizer.error().code, ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestPlateRecognizer)
#include "TestPlateRecognizer.moc"
