// Two programs writing one store at once: writes are serialized (each waits for the other's transaction) and
// nothing is lost; a writer that waits longer than its busy timeout is told "the store is busy, try again" in
// words a user can act on, never SQLite's "database is locked", and changes nothing.
#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "store/Transaction.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;

namespace {

const QString kAdmin = QStringLiteral("chief");
const QString kPassword = QStringLiteral("Commander-2026!");

QProcess* startAlprctl(const QString& store, const QStringList& args, int busyTimeoutMs = 0)
{
    auto* p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ALPR_KDF_ITERATIONS"), QStringLiteral("2000"));
    if (busyTimeoutMs > 0)
        env.insert(QStringLiteral("ALPR_BUSY_TIMEOUT_MS"), QString::number(busyTimeoutMs));
    p->setProcessEnvironment(env);
    QStringList all{QStringLiteral("--store"), store};
    if (args.first() != QLatin1String("init"))
        all += QStringList{QStringLiteral("--user"), kAdmin, QStringLiteral("--password-stdin")};
    p->start(QStringLiteral(ALPRCTL_PATH), all + args);
    p->waitForStarted();
    p->write((kPassword + QLatin1Char('\n')).toUtf8());
    p->closeWriteChannel();
    return p;
}

} // namespace

class TestConcurrentWriters : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.filePath(QStringLiteral("store")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::unique_ptr<QProcess> init(
            startAlprctl(store(), {QStringLiteral("init"), QStringLiteral("--admin"), kAdmin,
                                   QStringLiteral("--training-until"), QStringLiteral("2099-12-31")}));
        QVERIFY(init->waitForFinished(60000));
        QCOMPARE(init->exitCode(), 0);
    }

    void twoWritersAtOnceAreSerializedAndLoseNothing()
    {
        constexpr int kWriters = 3;
        constexpr int kReadsEach = 15000;
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int i = 0; i < kWriters; ++i)
            writers.emplace_back(
                startAlprctl(store(), {QStringLiteral("demo-data"), QStringLiteral("--reads"),
                                       QString::number(kReadsEach), QStringLiteral("--seed"), QString::number(100 + i),
                                       QStringLiteral("--images"), QStringLiteral("0")}));
        // A case written from a third program while the bulk inserts run.
        std::unique_ptr<QProcess> caseWriter(
            startAlprctl(store(), {QStringLiteral("case"), QStringLiteral("add"), QStringLiteral("26-0800"),
                                   QStringLiteral("--title"), QStringLiteral("Written during bulk inserts")}));
        for (auto& w : writers) {
            QVERIFY(w->waitForFinished(300000));
            QVERIFY2(w->exitCode() == 0, w->readAllStandardError().constData());
        }
        QVERIFY(caseWriter->waitForFinished(300000));
        QVERIFY2(caseWriter->exitCode() == 0, caseWriter->readAllStandardError().constData());

        auto session = Session::login(store(), kAdmin, kPassword);
        QVERIFY(session);
        auto& db = (*session)->database();
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM reads")), qint64(kWriters) * kReadsEach);
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'demo.generate'")),
                 qint64(kWriters));
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM cases WHERE number = '26-0800'")), 1);
        // Every program's login is on record too (the three writers, the case writer, this test).
        QVERIFY(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'login'")) >= kWriters + 2);
        auto verified = AuditLog::verify(db);
        QVERIFY(verified && verified->intact);
    }

    void aWriterThatWaitsTooLongIsToldTheStoreIsBusy()
    {
        auto session = Session::login(store(), kAdmin, kPassword);
        QVERIFY(session);
        auto& db = (*session)->database();
        const qint64 casesBefore = db.queryInt64(QStringLiteral("SELECT count(*) FROM cases"));
        {
            // This process holds the write lock, as a long import or purge in the workstation would.
            store::Transaction hold(db, store::Transaction::Mode::Immediate);
            std::unique_ptr<QProcess> blocked(
                startAlprctl(store(),
                             {QStringLiteral("case"), QStringLiteral("add"), QStringLiteral("26-0801"),
                              QStringLiteral("--title"), QStringLiteral("Blocked")},
                             300));
            QVERIFY(blocked->waitForFinished(60000));
            const QString err = QString::fromUtf8(blocked->readAllStandardError());
            QCOMPARE(blocked->exitCode(), 4);
            QVERIFY2(err.contains(QLatin1String("busy")) && err.contains(QLatin1String("try again")), qPrintable(err));
            QVERIFY2(!err.contains(QLatin1String("database is locked")), qPrintable(err));
            hold.commit();
        }
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM cases")), casesBefore);
        // Once the store is free the same command goes through.
        std::unique_ptr<QProcess> again(
            startAlprctl(store(),
                         {QStringLiteral("case"), QStringLiteral("add"), QStringLiteral("26-0801"),
                          QStringLiteral("--title"), QStringLiteral("Blocked")},
                         300));
        QVERIFY(again->waitForFinished(60000));
        QVERIFY2(again->exitCode() == 0, again->readAllStandardError().constData());
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM cases")), casesBefore + 1);
    }
};

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "TestConcurrentWriters.moc"
