#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/Transaction.h"

#include <QTest>

using namespace alpr;

/// A second writer that finds the store busy gets a message a user can act on, never SQLite's own words, and
/// nothing it tried is half done; once the first writer commits, it goes through.
class TestStoreBusy : public QObject {
    Q_OBJECT
private slots:
    void aWriterBlockedPastTheTimeoutIsToldToTryAgain()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto other = ts.session().openConnection();
        QVERIFY(other);
        const qint64 before = ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM audit"));

        auto first = std::make_unique<store::Transaction>(*other, store::Transaction::Mode::Immediate);
        AuditLog::append(*first, ts.session().auditRecord(QStringLiteral("test.first"), QStringLiteral("a")));

        ts.session().database().setBusyTimeout(150);
        auto second =
            ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("test.second"), QStringLiteral("b")));
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Database);
        QVERIFY2(second.error().message.contains(QLatin1String("busy")), qPrintable(second.error().message));
        QVERIFY(second.error().message.contains(QLatin1String("try again")));
        QVERIFY(!second.error().message.contains(QLatin1String("locked")));
        QVERIFY(second.error().detail.contains(QLatin1String("locked"))); // SQLite's words stay in the log detail

        first->commit();
        first.reset();
        QVERIFY(
            ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("test.second"), QStringLiteral("b"))));
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("SELECT count(*) FROM audit")), before + 2);
        auto verified = AuditLog::verify(ts.session().database());
        QVERIFY(verified && verified->intact);
    }
};

QTEST_GUILESS_MAIN(TestStoreBusy)
#include "TestStoreBusy.moc"
