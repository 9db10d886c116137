#include "store/StoreProfile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace alpr;
using store::StoreProfile;

// Where a store's data lives, and how the workstation reaches a server store.
class TestStoreProfile : public QObject {
    Q_OBJECT

private slots:
    void aFolderWithoutProfileIsAnEmbeddedStore()
    {
        QTemporaryDir dir;
        const auto profile = StoreProfile::load(dir.path());
        QVERIFY(profile);
        QCOMPARE(profile->engine(), store::Engine::SqlCipher);
        QCOMPARE(profile->databasePath(), dir.filePath(QStringLiteral("alpr.db")));
    }

    void aServerProfileIsWrittenPrivatelyAndReadBack()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("store"));
        QVERIFY(StoreProfile::writePostgres(folder, QStringLiteral("host=db.example.org dbname=alpr_county")));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(folder + QStringLiteral("/store.json")).permissions() & others, QFileDevice::Permissions());
        const auto profile = StoreProfile::load(folder);
        QVERIFY(profile);
        QCOMPARE(profile->engine(), store::Engine::PostgreSql);
        QCOMPARE(profile->database(), QStringLiteral("alpr_county"));
        // A second store in the same folder is refused.
        QVERIFY(!StoreProfile::writePostgres(folder, QStringLiteral("host=elsewhere dbname=x")));
    }

    void badProfilesAreRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{engine: postgresql");
        QTest::newRow("unknown engine") << QByteArray(R"({"engine":"oracle","connection":"x"})");
        QTest::newRow("no connection") << QByteArray(R"({"engine":"postgresql","connection":"  "})");
        QTest::newRow("array") << QByteArray("[1,2]");
    }

    void badProfilesAreRefusedClearly()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("store.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto profile = StoreProfile::load(dir.path());
        QVERIFY(!profile);
        QCOMPARE(profile.error().code, ErrorCode::InvalidInput);
        QVERIFY(profile.error().message.contains(QLatin1String("store.json")));
    }

    void tlsIsTheDefaultOverTheNetwork()
    {
        // Keywords come back in libpq's own order.
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("host=db.example.org dbname=alpr")),
                 QStringLiteral("dbname='alpr' host='db.example.org' sslmode=verify-full"));
        QCOMPARE(
            StoreProfile::withSecureDefaults(QStringLiteral("postgresql://alpr_owner@db.example.org:5433/alpr")),
            QStringLiteral("user='alpr_owner' dbname='alpr' host='db.example.org' port='5433' sslmode=verify-full"));
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("hostaddr=10.0.0.5 dbname=alpr")),
                 QStringLiteral("dbname='alpr' hostaddr='10.0.0.5' sslmode=verify-full"));
        // A local socket needs no TLS; an explicit choice is the administrator's.
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("host=/run/postgresql dbname=alpr")),
                 QStringLiteral("dbname='alpr' host='/run/postgresql'"));
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("host=db dbname=alpr sslmode=require")),
                 QStringLiteral("dbname='alpr' host='db' sslmode='require'"));
        // Quotes and backslashes survive the round trip.
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("host=/tmp/x dbname='it\\'s' password='a\\\\b'")),
                 QStringLiteral("password='a\\\\b' dbname='it\\'s' host='/tmp/x'"));
        // What libpq cannot parse goes to it unchanged, so that its own message names the mistake.
        QCOMPARE(StoreProfile::withSecureDefaults(QStringLiteral("host=db dbname='open")),
                 QStringLiteral("host=db dbname='open"));
    }

    void loginRolesAreNamedPerStore()
    {
        QCOMPARE(StoreProfile::loginRole(QStringLiteral("alpr_county"), QStringLiteral("jdoe")),
                 QStringLiteral("alpr_county.jdoe"));
        // Role names are at most 63 bytes: the database part is cut, never the user's.
        const QString role = StoreProfile::loginRole(QString(60, QLatin1Char('d')), QString(32, QLatin1Char('u')));
        QCOMPARE(role.size(), 63);
        QVERIFY(role.endsWith(QString(32, QLatin1Char('u'))));
    }
};

QTEST_GUILESS_MAIN(TestStoreProfile)
#include "TestStoreProfile.moc"
