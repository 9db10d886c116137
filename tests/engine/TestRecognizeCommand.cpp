#include "EngineTestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

/// `alprctl recognize` as a user sees it: data on stdout, messages on stderr, exit codes 0/1/4.
class TestRecognizeCommand : public QObject {
    Q_OBJECT

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run recognize(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RECOGNIZE_DRIVER_PATH), arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QTemporaryDir m_dir;
    const QString m_scene = alpr::enginetest::fixture(QStringLiteral("car_627WWI.jpg"));

private slots:
    void usageErrors()
    {
        Run run = recognize({});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("usage: alprctl recognize"));
        QVERIFY(run.out.isEmpty());
        run = recognize({QStringLiteral("--bogus"), m_scene});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("unknown option --bogus"));
    }

    void jsonLinePerImage()
    {
        const Run run = recognize({QStringLiteral("--json"), m_scene});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject object = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(object.value(QStringLiteral("file")).toString(), m_scene);
        const QJsonArray plates = object.value(QStringLiteral("plates")).toArray();
        QVERIFY(!plates.isEmpty());
        const QJsonObject plate = plates.first().toObject();
        QCOMPARE(plate.value(QStringLiteral("text")).toString(), QStringLiteral("627WWI"));
        const double confidence = plate.value(QStringLiteral("confidence")).toDouble();
        QVERIFY(confidence > 0.0 && confidence <= 1.0);
        QCOMPARE(plate.value(QStringLiteral("box")).toArray().size(), 4);
        const QJsonArray candidates = plate.value(QStringLiteral("candidates")).toArray();
        QVERIFY(!candidates.isEmpty());
        QCOMPARE(candidates.first().toObject().value(QStringLiteral("text")).toString(), QStringLiteral("627WWI"));
    }

    void plainOutput()
    {
        const Run run = recognize({m_scene});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("627WWI"));
        QVERIFY(run.err.isEmpty());
    }

    void unreadableFileGivesExitFourAndTheRestStillRuns()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty.jpg"));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run run = recognize({QStringLiteral("--json"), empty, m_scene});
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains(empty.toUtf8()));
        QVERIFY(run.err.contains("cannot read"));
        QVERIFY(run.out.contains("627WWI"));
        QCOMPARE(recognize({m_dir.filePath(QStringLiteral("missing.png"))}).exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestRecognizeCommand)
#include "TestRecognizeCommand.moc"
