#include "EngineTestData.h"
#include "engine/FootageRecognizer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace alpr;
using namespace alpr::engine;

/// Footage: failures are clear, cancel works, a clip without plates gives none.
class TestFootageRecognizer : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PlateRecognizer> m_recognizer;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        PlateRecognizer::setComputeThreads(1);
        auto recognizer = PlateRecognizer::create();
        QVERIFY(recognizer.has_value());
        m_recognizer = std::move(*recognizer);
    }

    void recognisesVideoNames()
    {
        QVERIFY(FootageRecognizer::looksLikeVideo(QStringLiteral("/x/clip.MP4")));
        QVERIFY(FootageRecognizer::looksLikeVideo(QStringLiteral("a.mkv")));
        QVERIFY(!FootageRecognizer::looksLikeVideo(QStringLiteral("a.jpg")));
    }

    void missingAndBogusFiles()
    {
        FootageRecognizer footage(*m_recognizer);
        JobContext job;
        const auto missing = footage.run(m_dir.filePath(QStringLiteral("none.mp4")), {}, job);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);

        QFile text(m_dir.filePath(QStringLiteral("notes.mp4")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a video at all\n");
        text.close();
        const auto bogus = footage.run(text.fileName(), {}, job);
        QVERIFY(!bogus);
        QCOMPARE(bogus.error().code, ErrorCode::InvalidInput);
    }

    void cancelStops()
    {
        const QString clip = enginetest::sharedFootage(QStringLiteral("karma.mp4"));
        if (clip.isEmpty())
            QSKIP("shared data (../shared/data or ALPR_SHARED_DATA) is absent");
        FootageRecognizer footage(*m_recognizer);
        JobContext job;
        job.cancel();
        const auto result = footage.run(clip, {}, job);
        QVERIFY(!result);
        QVERIFY(result.error().isCancellation());
    }

    void clipWithoutPlatesGivesNone()
    {
        const QString clip = enginetest::sharedFootage(QStringLiteral("karma.mp4"));
        if (clip.isEmpty())
            QSKIP("shared data (../shared/data or ALPR_SHARED_DATA) is absent");
        FootageRecognizer footage(*m_recognizer);
        qint64 lastDone = 0;
        JobContext job([&](qint64 done, qint64, const QString&) { lastDone = done; });
        const auto plates = footage.run(clip, {}, job);
        QVERIFY2(plates.has_value(), qPrintable(plates ? QString() : plates.error().toString()));
        QStringList texts;
        for (const auto& p : *plates)
            texts.append(p.text);
        QVERIFY2(plates->isEmpty(), qPrintable(texts.join(QLatin1Char(' '))));
        QVERIFY(footage.lastStatistics().framesDecoded > 300);
        QVERIFY(footage.lastStatistics().framesAnalysed > 10);
        QVERIFY(lastDone > 0);
    }
};

QTEST_GUILESS_MAIN(TestFootageRecognizer)
#include "TestFootageRecognizer.moc"
