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
        auto raw = ts.ownerConnection();
        QVERIFY(raw);
        test::TestStore::dropTrigger(*raw, QStringLiteral("audit_no_update"), QStringLiteral("audit"));
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
        auto raw = ts.ownerConnection();
        QVERIFY(raw);
        test::TestStore::dropTrigger(*raw, QStringLiteral("audit_no_delete"), QStringLiteral("audit"));
        raw->exec(QStringLiteral("DELETE FROM audit WHERE seq = 3"));
        auto v = AuditLog::verify(ts.session().database());
        QVERIFY(v && !v->intact);
        QCOMPARE(v->firstBadSeq, 3);
    }

    void removingTheNewestRecordsIsFoundAgainstAnAnchor()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        for (int i = 0; i < 6; ++i)
            QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("search.plate"), QStringLiteral("reads"))));
        auto anchor = AuditLog::anchor(ts.session().database());
        QVERIFY(anchor);
        QVERIFY(anchor->count >= 6);
        QCOMPARE(anchor->hash.size(), 64);
        auto parsed = AuditAnchor::parse(anchor->toString());
        QVERIFY(parsed);
        QCOMPARE(parsed->count, anchor->count);
        QCOMPARE(parsed->hash, anchor->hash);
        auto before = AuditLog::verifyAgainst(ts.session().database(), *anchor);
        QVERIFY(before && before->intact);

        // Later records do not disturb an older anchor.
        QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("read.view"), QStringLiteral("read:1"))));
        auto later = AuditLog::verifyAgainst(ts.session().database(), *anchor);
        QVERIFY(later && later->intact);

        // A tamperer removes the newest records: what is left still chains, so plain verification passes ...
        auto raw = ts.ownerConnection();
        QVERIFY(raw);
        test::TestStore::dropTrigger(*raw, QStringLiteral("audit_no_delete"), QStringLiteral("audit"));
        raw->exec(QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(anchor->count - 2));
        auto plain = AuditLog::verify(ts.session().database());
        QVERIFY(plain && plain->intact);
        // ... and the anchor names what is missing.
        auto against = AuditLog::verifyAgainst(ts.session().database(), *anchor);
        QVERIFY(against);
        QVERIFY(!against->intact);
        QCOMPARE(against->firstBadSeq, anchor->count - 1);
        QVERIFY2(against->reason.contains(QLatin1String("2 record(s) were removed")), qPrintable(against->reason));

        // Appending again up to the old count does not hide it: the hash at the anchor differs.
        for (int i = 0; i < 3; ++i)
            QVERIFY(ts.session().recordAccess(ts.session().auditRecord(QStringLiteral("search.plate"), QStringLiteral("x"))));
        auto rebuilt = AuditLog::verifyAgainst(ts.session().database(), *anchor);
        QVERIFY(rebuilt && !rebuilt->intact);
        QCOMPARE(rebuilt->firstBadSeq, anchor->count);
    }

    void malformedAnchorsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("no hash") << QStringLiteral("12:");
        QTest::newRow("short hash") << QStringLiteral("12:abcdef");
        QTest::newRow("zero count") << QStringLiteral("0:%1").arg(QString(64, QLatin1Char('a')));
        QTest::newRow("not hex") << QStringLiteral("3:%1").arg(QString(64, QLatin1Char('g')));
        QTest::newRow("negative") << QStringLiteral("-3:%1").arg(QString(64, QLatin1Char('a')));
    }

    void malformedAnchorsAreRefused()
    {
        QFETCH(QString, text);
        auto parsed = AuditAnchor::parse(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
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
