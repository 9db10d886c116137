#include "TestStore.h"

#include "accounts/AccountService.h"
#include "audit/AuditLog.h"
#include "reads/ReadRepository.h"
#include "store/Database.h"
#include "store/KeySlotFile.h"
#include "store/Statement.h"
#include "store/StoreProfile.h"
#include "store/Transaction.h"

#include <QtTest>

#include <optional>

using namespace alpr;
using alpr::test::TestStore;

// On a PostgreSQL store the server itself enforces what an account may read: each user logs in with a role of
// their own (PostgresAccounts, migration postgresql/011_roles.sql). These tests go around the workstation: the
// user's own connection, hand-written SQL.
class TestServerRoles : public QObject {
    Q_OBJECT

    // The SQLState-derived code of running sql; nullopt when the server ran it.
    static std::optional<ErrorCode> outcomeOf(store::Database& db, const QString& sql)
    {
        try {
            auto s = db.prepare(sql);
            while (s.step()) {
            }
            return std::nullopt;
        } catch (const ErrorException& e) {
            return e.error().code;
        }
    }

    static QString firstText(store::Database& db, const QString& sql)
    {
        auto s = db.prepare(sql);
        return s.step() ? s.text(0) : QString();
    }

    // One read, one hot-list entry and one alert on it with CLETS-derived text, written as the store's owner.
    static void seed(TestStore& ts)
    {
        auto owner = ts.ownerConnection();
        QVERIFY(owner);
        owner->exec(QStringLiteral(
            "INSERT INTO units(id, created_utc) VALUES ('CAR-1', '2026-01-01T00:00:00.000Z');"
            "SELECT alpr_add_read_months(ARRAY[1780000000]::BIGINT[]);" // reads live a month a partition (016)
            "INSERT INTO reads(plate, confidence, time_utc, lat, lon, unit_id, source_file, imported_utc) "
            "VALUES ('7ABC123', 0.9, 1780000000, 39.29, -76.61, 'CAR-1', 'seed.csv', 1780000000);"
            "INSERT INTO hotlists(name, source, category, priority, created_utc, refreshed_utc) "
            "VALUES ('Stolen', 'ncic', 'stolen-vehicle', 2, 0, 0);"
            "INSERT INTO hotlist_entries(hotlist_id, plate, canon, category, priority, nic, record_text, created_utc, "
            "created_by) SELECT id, '7ABC123', '7ABC123', 'stolen-vehicle', 2, 'V123456789', 'SECRET CLETS TEXT', 0, "
            "'seed' FROM hotlists;"
            "INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, "
            "source_id, list_name, entry_plate, category, priority, nic, record_text) SELECT 0, r.id, r.plate, 0, "
            "'exact', '', 0, 'hotlist', h.id, h.name, r.plate, 'stolen-vehicle', 2, 'V123456789', 'SECRET CLETS TEXT' "
            "FROM reads r, hotlists h"));
    }

private slots:
    void init()
    {
        if (TestStore::postgresServer().isEmpty())
            QSKIP("PostgreSQL only: installer/test-on-postgres.sh runs it with ALPR_TEST_POSTGRES set");
    }

    void anAuditorsConnectionCannotSelectReads()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        seed(ts);
        auto auditor = ts.addAndLogin(QStringLiteral("aud"), Role::Auditor);
        QVERIFY(auditor);
        auto raw = auditor->openConnection();
        QVERIFY(raw);
        QCOMPARE(firstText(*raw, QStringLiteral("SELECT current_user")),
                 store::StoreProfile::loginRole(firstText(*raw, QStringLiteral("SELECT current_database()")),
                                                QStringLiteral("aud")));
        for (const char* sql :
             {"SELECT * FROM reads", "SELECT plate FROM reads", "SELECT lat, lon FROM reads", "SELECT * FROM images",
              "SELECT * FROM read_alternatives", "SELECT * FROM search_reads", "SELECT * FROM search_canon",
              "SELECT * FROM alerts", "SELECT plate FROM hotlist_entries", "SELECT * FROM transfer_reads",
              "SELECT * FROM reads_2026_05"})
            QVERIFY2(outcomeOf(*raw, QString::fromLatin1(sql)) == ErrorCode::PermissionDenied, sql);
        // What the audit program counts: when and by which unit, never what or where.
        QCOMPARE(firstText(*raw, QStringLiteral("SELECT count(*) FROM reads")), QStringLiteral("1"));
        QCOMPARE(firstText(*raw, QStringLiteral("SELECT unit_id FROM reads")), QStringLiteral("CAR-1"));
        QVERIFY(firstText(*raw, QStringLiteral("SELECT count(*) FROM audit")).toInt() > 0);
        // An investigator's connection reads them.
        auto investigator = ts.addAndLogin(QStringLiteral("inv"), Role::Investigator);
        QVERIFY(investigator);
        auto theirs = investigator->openConnection();
        QVERIFY(theirs);
        QCOMPARE(firstText(*theirs, QStringLiteral("SELECT plate FROM reads")), QStringLiteral("7ABC123"));
        // A month's partition (016_read_months.sql) is reached through reads only, with its grants.
        QCOMPARE(outcomeOf(*theirs, QStringLiteral("SELECT plate FROM reads_2026_05")), ErrorCode::PermissionDenied);
    }

    // Encryption at rest on the server for what a store holds in bulk and a plate text index does not need: images
    // are sealed with a key derived from the store key (store::ValueSeal), which only the workstations hold.
    void imagesAreSealedWithTheStoreKey()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        store::Database& db = ts.session().database();
        PlateRead read;
        read.plate = QStringLiteral("7XYZ999");
        read.unitId = QStringLiteral("CAR-2");
        read.confidence = 0.9;
        read.timeUtc = QDateTime::fromSecsSinceEpoch(1780000000, Qt::UTC);
        read.cropImage = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArrayLiteral("crop of 7XYZ999");
        QList<PlateRead> reads{read};
        {
            store::Transaction tx(db);
            ReadRepository(db).insert(tx, reads);
            tx.commit();
        }
        const qint64 imageId = db.queryInt64(QStringLiteral("SELECT crop_image_id FROM reads"));
        QVERIFY(imageId > 0);
        auto opened = ReadRepository(db).image(imageId);
        QVERIFY(opened);
        QCOMPARE(*opened, read.cropImage);
        // What the server holds, as its owner (or a superuser, or a backup) sees it.
        auto owner = ts.ownerConnection();
        QVERIFY(owner);
        auto raw = owner->prepare(QStringLiteral("SELECT data FROM images"));
        QVERIFY(raw.step());
        const QByteArray stored = raw.blob(0);
        raw.reset();
        QVERIFY(!stored.contains("7XYZ999") && !stored.contains("PNG"));
        QVERIFY(stored.size() > read.cropImage.size());
        // A changed byte does not open: the tag authenticates the image.
        owner->execVerbatim(QStringLiteral("UPDATE images SET data = set_byte(data, 20, get_byte(data, 20) # 1)"));
        auto changed = ReadRepository(db).image(imageId);
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::Corrupt);
    }

    void aUserWithoutCletsGetsNoCletsFields()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        seed(ts);
        auto plain = ts.addAndLogin(QStringLiteral("plain"), Role::Investigator, false);
        auto clets = ts.addAndLogin(QStringLiteral("cleared"), Role::Investigator, true);
        QVERIFY(plain && clets);
        auto theirs = plain->openConnection();
        QVERIFY(theirs);
        for (const char* sql :
             {"SELECT * FROM hotlist_entries", "SELECT record_text FROM hotlist_entries",
              "SELECT nic FROM hotlist_entries", "SELECT vehicle, ori FROM hotlist_entries", "SELECT * FROM alerts",
              "SELECT record_text FROM alerts", "SELECT incident_date FROM alerts",
              "SELECT 1 FROM alerts WHERE record_text LIKE 'SECRET%'"})
            QVERIFY2(outcomeOf(*theirs, QString::fromLatin1(sql)) == ErrorCode::PermissionDenied, sql);
        // The rest of the entry and the alert are theirs to see, as the workstation shows them.
        QCOMPARE(firstText(*theirs, QStringLiteral("SELECT plate FROM hotlist_entries")), QStringLiteral("7ABC123"));
        QCOMPARE(firstText(*theirs, QStringLiteral("SELECT matched_plate FROM alerts")), QStringLiteral("7ABC123"));

        auto cleared = clets->openConnection();
        QVERIFY(cleared);
        QCOMPARE(firstText(*cleared, QStringLiteral("SELECT record_text FROM hotlist_entries")),
                 QStringLiteral("SECRET CLETS TEXT"));
        QCOMPARE(firstText(*cleared, QStringLiteral("SELECT nic FROM alerts")), QStringLiteral("V123456789"));

        // Taking the authorization away takes effect on the server at once, on connections already open too.
        QVERIFY(AccountService(ts.session()).setCletsAuthorization(QStringLiteral("cleared"), false));
        QCOMPARE(outcomeOf(*cleared, QStringLiteral("SELECT record_text FROM hotlist_entries")),
                 ErrorCode::PermissionDenied);
    }

    void theAuditTrailCannotBeChangedByAUser()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        auto commander = ts.session().openConnection();
        QVERIFY(commander);
        for (const char* sql : {"UPDATE audit SET outcome = 'x'", "DELETE FROM audit", "TRUNCATE audit",
                                "DROP TRIGGER audit_no_update ON audit", "ALTER TABLE audit DISABLE TRIGGER USER",
                                "INSERT INTO audit(seq, time_utc, \"user\", workstation, action, object, parameters, "
                                "purpose, case_number, outcome, hash) VALUES (999, '', '', '', '', '', '', '', '', '', "
                                "'forged')"})
            QVERIFY2(outcomeOf(*commander, QString::fromLatin1(sql)) == ErrorCode::PermissionDenied, sql);
    }

    // Over their own connection a user cannot append a record in someone else's name (014_audit_who.sql); the
    // refusals a login records for the accounts they concern still go in.
    void anAccountAppendsAuditRecordsInItsOwnNameOnly()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        auto investigator = ts.addAndLogin(QStringLiteral("inv"), Role::Investigator);
        QVERIFY(investigator);
        auto theirs = investigator->openConnection();
        QVERIFY(theirs);
        const auto append = [&](const char* who, const char* action) {
            return outcomeOf(*theirs, QStringLiteral("SELECT * FROM alpr_audit_append('2026-12-04T00:00:00.000Z', "
                                                     "'%1', 'ws', '%2', 'reads', '', 'p', 'c', 'ok')")
                                          .arg(QLatin1String(who), QLatin1String(action)));
        };
        QVERIFY(append("inv", "search.plate") == std::nullopt);
        QVERIFY(append(TestStore::kAdmin.toLatin1().constData(), "search.plate") == ErrorCode::PermissionDenied);
        QVERIFY(append("nobody", "export.csv") == ErrorCode::PermissionDenied);
        QVERIFY(append(TestStore::kAdmin.toLatin1().constData(), "login.failed") == std::nullopt);
        const auto verified = AuditLog::verify(ts.session().database());
        QVERIFY(verified && verified->intact);
        // And through the product, logins that record others' failed attempts still work.
        QVERIFY(!Session::login(ts.directory(), QStringLiteral("inv"), QStringLiteral("wrong password"), ts.options()));
        QVERIFY(ts.login(TestStore::kAdmin));
        QCOMPARE(firstText(ts.session().database(), QStringLiteral("SELECT count(*) FROM audit WHERE action = "
                                                                   "'login.failed' AND \"user\" = 'inv'")),
                 QStringLiteral("1"));
    }

    // Key slots live on the server (015_key_slots.sql): a workstation with only the store's profile opens it for an
    // account added elsewhere, and after a password change made elsewhere; a role reads its own slot only.
    void keySlotsLiveOnTheServer()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("inv"), Role::Investigator);
        QTemporaryDir other;
        QVERIFY(QFile::copy(QDir(ts.directory()).filePath(QLatin1String(store::StoreProfile::kProfileFileName)),
                            other.filePath(QLatin1String(store::StoreProfile::kProfileFileName))));
        QVERIFY(QFile::copy(QDir(ts.directory()).filePath(QLatin1String(Session::kKeySlotFileName)),
                            other.filePath(QLatin1String(Session::kKeySlotFileName))));
        // The second workstation's file knows the Commander only: as before the account was added.
        {
            auto keySlots = store::KeySlotFile::loadForUpdate(other.filePath(QLatin1String(Session::kKeySlotFileName)));
            QVERIFY(keySlots);
            keySlots->removeSlot(QStringLiteral("inv"));
            QVERIFY(keySlots->save());
        }
        auto elsewhere = Session::login(other.path(), QStringLiteral("inv"), TestStore::kPassword, ts.options());
        QVERIFY2(elsewhere, elsewhere ? "" : qPrintable(elsewhere.error().toString()));
        auto theirs = (*elsewhere)->openConnection();
        QVERIFY(theirs);
        QCOMPARE(firstText(*theirs, QStringLiteral("SELECT count(*) FROM key_slots")), QStringLiteral("1"));
        QCOMPARE(firstText(*theirs, QStringLiteral("SELECT name FROM key_slots")), QStringLiteral("inv"));
        QVERIFY(outcomeOf(*theirs, QStringLiteral("SELECT alpr_set_key_slot('%1', 'x')").arg(TestStore::kAdmin)) ==
                ErrorCode::PermissionDenied);
        QVERIFY(outcomeOf(*theirs, QStringLiteral("UPDATE key_slots SET slot = 'x'")) == ErrorCode::PermissionDenied ||
                firstText(*theirs, QStringLiteral("SELECT slot FROM key_slots")) != QStringLiteral("x"));
        // A wrong password is still refused, by the server, and counted.
        QVERIFY(!Session::login(other.path(), QStringLiteral("inv"), QStringLiteral("not the password"), ts.options()));
        // A password changed on the first workstation opens the second one's stale copy through the server.
        auto first = ts.login(QStringLiteral("inv"));
        QVERIFY(first);
        QVERIFY(
            AccountService(*first).changeOwnPassword(TestStore::kPassword, QStringLiteral("a brand new passphrase")));
        auto again =
            Session::login(other.path(), QStringLiteral("inv"), QStringLiteral("a brand new passphrase"), ts.options());
        QVERIFY2(again, again ? "" : qPrintable(again.error().toString()));
        QVERIFY(!Session::login(other.path(), QStringLiteral("inv"), TestStore::kPassword, ts.options()));
    }

    void theServerWritesTheChainAsTheWorkstationWouldHash()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        store::Database& db = ts.session().database();
        const auto before = AuditLog::anchor(db);
        QVERIFY(before);
        // Text the canonical form must count in UTF-8 bytes, not characters.
        AuditRecord record = ts.session().auditRecord(QStringLiteral("search.plate"), QStringLiteral("reads"),
                                                      QStringLiteral("{\"pattern\":\"7ÄB*\",\"note\":\"日本\"}"));
        const AuditRecord written = guarded([&] {
                                        store::Transaction tx(db);
                                        const AuditRecord r = AuditLog::append(tx, record);
                                        tx.commit();
                                        return r;
                                    }).value();
        QCOMPARE(written.seq, before->count + 1);
        QCOMPARE(written.hash, written.computeHash(before->hash));
        const auto verified = AuditLog::verify(db);
        QVERIFY(verified && verified->intact);
    }

    void aDisabledAccountCannotLogInToTheServer()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("gone"), Role::Investigator);
        auto profile = store::StoreProfile::load(ts.directory());
        QVERIFY(profile);
        QVERIFY(profile->openAs(QStringLiteral("gone"), TestStore::kPassword, {}));
        QVERIFY(AccountService(ts.session()).disable(QStringLiteral("gone")));
        // Even with the password, around the workstation: the role may no longer log in.
        const auto refused = profile->openAs(QStringLiteral("gone"), TestStore::kPassword, {});
        QVERIFY(!refused);
        QVERIFY2(refused.error().detail.contains(QLatin1String("not permitted to log in")),
                 qPrintable(refused.error().toString()));
    }

    void outsidersCannotConnect()
    {
        TestStore ts;
        QVERIFY(ts.isValid());
        auto owner = ts.ownerConnection();
        QVERIFY(owner);
        const QString database = firstText(*owner, QStringLiteral("SELECT current_database()"));
        const QString outsider = database + QStringLiteral("_outsider");
        owner->execVerbatim(QStringLiteral("CREATE ROLE %1 LOGIN").arg(outsider));
        auto connection = store::Database::openPostgres(TestStore::postgresServer() + QStringLiteral(" dbname=") +
                                                        database + QStringLiteral(" user=") + outsider);
        owner->execVerbatim(QStringLiteral("DROP ROLE %1").arg(outsider));
        QVERIFY(!connection);
        QVERIFY2(connection.error().detail.contains(QLatin1String("permission denied for database")),
                 qPrintable(connection.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestServerRoles)
#include "TestServerRoles.moc"
