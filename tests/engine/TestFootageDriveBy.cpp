#include "EngineTestData.h"
#include "engine/FootageRecognizer.h"

#include <QFile>
#include <QTimeZone>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

/// The synthetic drive-by (8 still photos, 2 s each): every plate once, inside its ground-truth window, placed in
/// time from the given start and in space from the given location.
class TestFootageDriveBy : public QObject {
    Q_OBJECT

private slots:
    void eachPlateOnceInItsWindow()
    {
        const QString clip = enginetest::sharedFootage(QStringLiteral("us_driveby_synthetic.mp4"));
        if (clip.isEmpty())
            QSKIP("shared data (../shared/data or ALPR_SHARED_DATA) is absent");
        QFile truthFile(enginetest::sharedFootage(QStringLiteral("us_driveby_synthetic.groundtruth.csv")));
        QVERIFY(truthFile.open(QIODevice::ReadOnly));

        PlateRecognizer::setComputeThreads(1);
        auto recognizer = PlateRecognizer::create();
        QVERIFY(recognizer.has_value());
        FootageRecognizer footage(**recognizer);
        FootageOptions options;
        options.startTimeUtc = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
        options.fixedLocation = GeoPoint{39.29, -76.61, {}};
        int streamed = 0;
        options.onPlate = [&](const TrackedPlate&) { ++streamed; };
        JobContext job;
        const auto plates = footage.run(clip, options, job);
        QVERIFY2(plates.has_value(), qPrintable(plates ? QString() : plates.error().toString()));
        QCOMPARE(streamed, plates->size());

        QStringList expected;
        for (const QByteArray& line : truthFile.readAll().split('\n').mid(1)) {
            const QList<QByteArray> f = line.trimmed().split(',');
            if (f.size() < 3)
                continue;
            const QString plate = QString::fromUtf8(f[2]);
            expected.append(plate);
            const double start = f[0].toDouble();
            const double end = f[1].toDouble();
            QList<TrackedPlate> reports;
            for (const auto& p : *plates)
                if (p.text == plate)
                    reports.append(p);
            QVERIFY2(reports.size() == 1, qPrintable(QStringLiteral("%1 reported %2 times").arg(plate).arg(reports.size())));
            const TrackedPlate& p = reports.first();
            QVERIFY2(p.firstSeenSeconds >= start - 0.05 && p.lastSeenSeconds <= end + 0.05,
                     qPrintable(QStringLiteral("%1 seen %2-%3").arg(plate).arg(p.firstSeenSeconds).arg(p.lastSeenSeconds)));
            QVERIFY(p.observations >= 2);
            QVERIFY(!p.crop.isNull() && !p.context.isNull());
            QCOMPARE(p.firstSeenUtc, options.startTimeUtc.addMSecs(qRound64(p.firstSeenSeconds * 1000)));
            QVERIFY(p.location.has_value());
            QCOMPARE(p.location->latitude, 39.29);
        }
        QVERIFY(expected.size() >= 8);
        // Nothing else was reported (no duplicates, no phantom plates).
        QCOMPARE(plates->size(), expected.size());
    }
};

QTEST_GUILESS_MAIN(TestFootageDriveBy)
#include "TestFootageDriveBy.moc"
