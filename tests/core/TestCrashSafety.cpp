#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/Statement.h"

#include <QProcess>
#include <QTest>

using namespace alpr;

class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void killedWriterLosesNothingCommitted()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString dir = ts.directory();
        QProcess writer;
        writer.start(QStringLiteral(CRASH_WRITER_PATH), {dir, test::TestStore::kAdmin, test::TestStore::kPassword});
        QVERIFY(writer.waitForStarted());
        int lastReported = 0;
        QByteArray pending;
        // Let it commit a number of batches, then kill it in the middle of whatever it is doing.
        while (lastReported < 12) {
            QVERIFY2(writer.waitForReadyRead(30000), writer.readAllStandardError().constData());
            pending += writer.readAllStandardOutput();
            while (pending.contains('\n')) {
                const qsizetype nl = pending.indexOf('\n');
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line.startsWith("committed "))
                    lastReported = line.mid(10).toInt();
            }
        }
        writer.kill(); // SIGKILL
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        auto session = ts.login(test::TestStore::kAdmin);
        QVERIFY(session);
        auto& db = session->database();
        for (int batch = 1; batch <= lastReported; ++batch) {
            auto s = db.prepare(QStringLiteral("SELECT count(*) FROM reads WHERE source_file = ?1"));
            s.bind(1, QStringLiteral("batch-%1").arg(batch));
            QVERIFY(s.step());
            QCOMPARE(s.int64(0), 500);
        }
        // No half batch: every batch present is whole.
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")) % 500, 0);
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'import.batch'")),
                 db.queryInt64(QStringLiteral("SELECT count(DISTINCT source_file) FROM reads")));
        auto v = AuditLog::verify(db);
        QVERIFY(v);
        QVERIFY2(v->intact, qPrintable(v->reason));
        QCOMPARE(db.queryText(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
