#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QTest>

using namespace alpr;

class TestAuditLog : public QObject {
    Q_OBJECT
private slots:
    void chainVerifiesAndRecordsAreInOrder()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        for (int i = 0; i < 20; ++i)
            QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("read.view"), QStringLiteral("read:%1").arg(i),
                                                                       {}, {QStringLiteral("Investigation"), QStringLiteral("24-0001")})));
        auto v = AuditLog::verify(ts.session().database());
        QVERIFY(v);
        QVERIFY(v->intact);
        QCOMPARE(v->recordsChecked, 22); // store.init + login + 20 views
        auto list = AuditLog::list(ts.session().database(), AuditFilter{{}, QStringLiteral("read.*"), {}, {}, 0});
        QVERIFY(list);
        QCOMPARE(list->size(), 20);
        QCOMPARE(list->first().caseNumber, QStringLiteral("24-0001"));
    }

    void codeCannotEditOrDeleteRecords()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto& db = ts.session().database();
        QVERIFY(!guarded([&] { db.exec(QStringLiteral("UPDATE audit SET user = 'x' WHERE seq = 1")); }));
        QVERIFY(!guarded([&] { db.exec(QStringLiteral("DELETE FROM audit WHERE seq = 1")); }));
    }

    void oneChangedByteIsFoundAndNamed()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        for (int i = 0; i < 5; ++i)
            QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("search.plate"), QStringLiteral("reads"),
                                                                       QStringLiteral("{\"pattern\":\"7AB%1\"}").arg(i))));
        // A tamperer with the key and a raw connection: drop the guard trigger and change one byte of record 4.
        auto raw = ts.session().openConnection();
        QVERIFY(raw);
        raw->exec(QStringLiteral("DROP TRIGGER audit_no_update"));
        raw->exec(QStringLiteral("UPDATE audit SET parameters = replace(parameters, '7AB2', '7AB3') WHERE seq = 5"));
        auto v = AuditLog::verify(ts.session().database());
        QVERIFY(v);
        QVERIFY(!v->intact);
        QCOMPARE(v->firstBadSeq, 5);
        QVERIFY(v->reason.contains(QLatin1String("5")));
    }

    void aDeletedRecordIsFound()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        for (int i = 0; i < 4; ++i)
            QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("canvass.run"), QStringLiteral("reads"))));
        auto raw = ts.session().openConnection();
        QVERIFY(raw);
        raw->exec(QStringLiteral("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 3"));
        auto v = AuditLog::verify(ts.session().database());
        QVERIFY(v && !v->intact);
        QCOMPARE(v->firstBadSeq, 3);
    }

    void canonicalFormSeparatesFields()
    {
        AuditRecord a;
        a.user = QStringLiteral("ab");
        a.action = QStringLiteral("c");
        AuditRecord b;
        b.user = QStringLiteral("a");
        b.action = QStringLiteral("bc");
        QVERIFY(a.canonicalForm() != b.canonicalForm());
        QVERIFY(a.computeHash({}) != b.computeHash({}));
    }

    void auditRecordRollsBackWithItsAction()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto& db = ts.session().database();
        const qint64 before = db.queryInt64(QStringLiteral("SELECT count(*) FROM audit"));
        auto failed = guarded([&] {
            store::Transaction tx(db);
            AuditLog::append(tx, ts.session().auditRecord(QStringLiteral("user.add"), QStringLiteral("x")));
            raise(ErrorCode::Database, QStringLiteral("the action failed"));
        });
        QVERIFY(!failed);
        QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit")), before);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
