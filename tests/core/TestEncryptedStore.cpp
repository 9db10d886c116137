#include "TestStore.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QFile>
#include <QTest>

using namespace alpr;

class TestEncryptedStore : public QObject {
    Q_OBJECT
private:
    static QByteArray fileBytes(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void runsOnSqlCipher()
    {
        QCOMPARE(store::Database::libraryVersion(), QStringLiteral("3.15.2"));
        test::TestStore ts;
        QVERIFY(ts.isValid());
        QVERIFY(!ts.session().database().queryText(QStringLiteral("PRAGMA cipher_version")).isEmpty());
    }

    void fileOnDiskIsNotPlainSqlite()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QByteArray header = fileBytes(ts.session().databasePath()).left(16);
        QCOMPARE(header.size(), 16);
        QVERIFY2(!header.startsWith("SQLite format 3"), "the store file is plaintext SQLite");
    }

    void plateTextIsNotInTheFileOrWal()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString plate = QStringLiteral("ZQX4821");
        QList<PlateRead> reads;
        for (int i = 0; i < 200; ++i) {
            PlateRead r;
            r.plate = plate;
            r.confidence = 0.93;
            r.timeUtc = ts.clock().nowUtc().addSecs(i);
            r.latitude = 39.29;
            r.longitude = -76.61;
            r.unitId = QStringLiteral("UNIT-SECRET-7");
            r.cropImage = QByteArray("\xff\xd8 crop bytes ZQX4821 \xff\xd9", 24);
            reads.append(r);
        }
        auto& db = ts.session().database();
        auto inserted = guarded([&] {
            store::Transaction tx(db);
            ReadRepository(db).insert(tx, reads);
            tx.commit();
        });
        QVERIFY(inserted);
        // Before a checkpoint the rows live in the WAL; check both files.
        const QByteArray wal = fileBytes(ts.session().databasePath() + QStringLiteral("-wal"));
        QVERIFY(!wal.isEmpty());
        QVERIFY(!wal.contains(plate.toLatin1()));
        QVERIFY(!wal.contains("UNIT-SECRET-7"));
        db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QByteArray main = fileBytes(ts.session().databasePath());
        QVERIFY(main.size() > 4096);
        QVERIFY(!main.contains(plate.toLatin1()));
        QVERIFY(!main.contains("UNIT-SECRET-7"));
        QVERIFY(!main.contains("account"));
        auto count = ReadRepository(db).count();
        QVERIFY(count);
        QCOMPARE(*count, 200);
    }

    void withoutTheKeyNothingReads()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString path = ts.session().databasePath();
        auto plain = store::Database::openPlain(path, true);
        QVERIFY(plain);
        auto attempt = guarded([&] { return plain->queryInt64(QStringLiteral("SELECT count(*) FROM accounts")); });
        QVERIFY(!attempt);
        auto wrongKey = store::Database::openEncrypted(path, QByteArray(32, 'x'));
        QVERIFY(!wrongKey);
        QCOMPARE(wrongKey.error().code, ErrorCode::AuthenticationFailed);
    }

    void schemaIsAtTheLatestVersion()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        QVERIFY(ts.session().database().queryInt64(QStringLiteral("PRAGMA user_version")) >= 1);
        QCOMPARE(ts.session().database().queryText(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(ts.session().database().queryInt64(QStringLiteral("PRAGMA foreign_keys")), 1);
    }
};

QTEST_GUILESS_MAIN(TestEncryptedStore)
#include "TestEncryptedStore.moc"
