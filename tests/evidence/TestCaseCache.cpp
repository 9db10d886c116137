// A case taken along off the department server and given back (evidence/CaseCache): what travels, what stays, the
// audit on both sides, and the refusals. The cache is always an embedded store; its source is a server store, so
// most of this runs in the PostgreSQL pass (installer/test-on-postgres.sh).
#include "EvidenceFixture.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "evidence/CaseCache.h"
#include "evidence/CaseService.h"
#include "reads/ReadRepository.h"
#include "search/SearchService.h"
#include "store/Statement.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::EvidenceFixture;
using alpr::test::TestStore;

namespace {

const AccessPurpose kPurpose{QStringLiteral("Criminal investigation"), {}};

QList<AuditRecord> records(store::Database& db, const QString& action)
{
    auto list = AuditLog::list(db, {{}, action});
    return list ? *list : QList<AuditRecord>{};
}

} // namespace

class TestCaseCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // Three reads, two of them on case 26-0300 (one with images), one not.
    static QList<PlateRead> seed(TestStore& store)
    {
        Session& session = store.session();
        const QDateTime now = store.clock().nowUtc();
        const auto reads =
            EvidenceFixture::insert(session, {EvidenceFixture::read(QStringLiteral("CASE1A"), now.addDays(-3), true),
                                              EvidenceFixture::read(QStringLiteral("CASE2B"), now.addDays(-40), false),
                                              EvidenceFixture::read(QStringLiteral("OTHER3"), now.addDays(-2), true)});
        CaseService cases(session);
        if (!cases.add({QStringLiteral("26-0300"), QStringLiteral("Burglary"), QStringLiteral("Det. Rivera")}) ||
            !cases.attach(QStringLiteral("26-0300"), QStringLiteral("read"), {reads[0].id, reads[1].id}))
            return {};
        return reads;
    }

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void aCacheIsTakenFromAServerStoreOnly()
    {
        TestStore store;
        if (store.isPostgres())
            QSKIP("the embedded store's refusal; the server's cache is tested below");
        QVERIFY(!seed(store).isEmpty());
        const QString into = m_dir.filePath(QStringLiteral("embedded"));
        auto made = CaseCache::make(store.session(), TestStore::kPassword, QStringLiteral("26-0300"), kPurpose, into);
        QVERIFY(!made.has_value());
        QCOMPARE(made.error().code, ErrorCode::Unsupported);
        QVERIFY(!QDir(into).exists());
    }

    void theCaseTravelsAndComesBackAudited()
    {
        TestStore store;
        if (!store.isPostgres())
            QSKIP("a case cache is taken from a server store (PostgreSQL pass)");
        const QList<PlateRead> reads = seed(store);
        QVERIFY(!reads.isEmpty());
        auto detective = store.addAndLogin(QStringLiteral("det1"), Role::Investigator);
        QVERIFY(detective);
        const QString into = m_dir.filePath(QStringLiteral("cache"));
        auto made = CaseCache::make(*detective, TestStore::kPassword, QStringLiteral("26-0300"), kPurpose, into);
        QVERIFY2(made.has_value(), qPrintable(alpr::test::errorText(made)));
        QCOMPARE(made->reads, qint64(2));
        QCOMPARE(made->images, qint64(2));
        // The server's record of it, in the detective's name, with the purpose and the case.
        const auto taken = records(store.session().database(), QStringLiteral("case.cache"));
        QCOMPARE(taken.size(), 1);
        QCOMPARE(taken[0].user, QStringLiteral("det1"));
        QCOMPARE(taken[0].caseNumber, QStringLiteral("26-0300"));
        QCOMPARE(taken[0].object, QStringLiteral("cache:") + made->cacheId);

        // Offline: the cache opens with the detective's password and no server, as an Investigator.
        auto offline = Session::login(into, QStringLiteral("det1"), TestStore::kPassword, store.options());
        QVERIFY2(offline.has_value(), qPrintable(alpr::test::errorText(offline)));
        store::Database& cache = (*offline)->database();
        QVERIFY(!cache.isPostgres());
        QCOMPARE((*offline)->account().role, Role::Investigator);
        QCOMPARE(cache.queryInt64(QStringLiteral("SELECT count(*) FROM accounts")), qint64(1));
        // The case's reads under the server's ids, the other read not; images in clear as the import stored them.
        auto inCache = ReadRepository(cache).findMany({reads[0].id, reads[1].id, reads[2].id});
        QVERIFY(inCache.has_value());
        QCOMPARE(inCache->size(), 2);
        ReadRepository(cache).loadAlternatives(*inCache);
        for (const PlateRead& r : *inCache) {
            QVERIFY(r.id == reads[0].id || r.id == reads[1].id);
            QCOMPARE(r.alternatives.size(), 1);
        }
        const PlateRead& withImages = inCache->at(0).id == reads[0].id ? inCache->at(0) : inCache->at(1);
        auto crop = ReadRepository(cache).image(withImages.cropImageId);
        QVERIFY(crop.has_value());
        QCOMPARE(*crop, EvidenceFixture::image(QStringLiteral("CASE1A"), QStringLiteral("crop")));
        QCOMPARE(cache.queryInt64(QStringLiteral("SELECT count(*) FROM case_items")), qint64(2));
        // Searchable: the detective finds the case's plate and not the other one, each search audited in the cache.
        SearchService search(**offline);
        const AccessPurpose purpose{kPurpose.purpose, QStringLiteral("26-0300")};
        SearchQuery query;
        query.pattern = QStringLiteral("CASE1*");
        auto found = search.search(query, purpose);
        QVERIFY2(found.has_value(), qPrintable(alpr::test::errorText(found)));
        QCOMPARE(found->hits.size(), 1);
        QCOMPARE(found->hits[0].read.id, reads[0].id);
        query.pattern = QStringLiteral("OTHER3");
        QVERIFY(search.search(query, purpose)->hits.isEmpty());
        QVERIFY(AuditLog::verify(cache)->intact);
        offline->reset();

        // Back online: the cache's records since it was made join the server's log; the folder goes.
        auto returned = CaseCache::giveBack(*detective, TestStore::kPassword, into);
        QVERIFY2(returned.has_value(), qPrintable(alpr::test::errorText(returned)));
        QCOMPARE(returned->cacheId, made->cacheId);
        QVERIFY(!QDir(into).exists());
        store::Database& server = store.session().database();
        const auto accesses = records(server, QStringLiteral("case.cache.access"));
        QCOMPARE(qint64(accesses.size()), returned->records);
        QStringList actions;
        for (const AuditRecord& r : accesses) {
            QCOMPARE(r.user, QStringLiteral("det1"));
            actions.append(
                QJsonDocument::fromJson(r.parameters.toUtf8()).object().value(QLatin1String("action")).toString());
        }
        // The offline login, the two searches, the login that gave it back.
        QCOMPARE(actions.count(QStringLiteral("login")), 2);
        QCOMPARE(actions.count(QStringLiteral("search.plate")), 2);
        QCOMPARE(records(server, QStringLiteral("case.cache.returned")).size(), 1);
        QVERIFY(AuditLog::verify(server)->intact);
    }

    void refusalsLeaveNothing()
    {
        TestStore store;
        if (!store.isPostgres())
            QSKIP("a case cache is taken from a server store (PostgreSQL pass)");
        QVERIFY(!seed(store).isEmpty());
        Session& commander = store.session();
        const QString into = m_dir.filePath(QStringLiteral("refused"));
        auto expectRefused = [&](Session& who, const QString& number, const AccessPurpose& purpose, ErrorCode code) {
            auto made = CaseCache::make(who, TestStore::kPassword, number, purpose, into);
            QVERIFY(!made.has_value());
            QCOMPARE(made.error().code, code);
            QVERIFY(!QDir(into).exists());
        };
        auto auditor = store.addAndLogin(QStringLiteral("aud1"), Role::Auditor);
        QVERIFY(auditor);
        expectRefused(*auditor, QStringLiteral("26-0300"), kPurpose, ErrorCode::PermissionDenied);
        expectRefused(commander, QStringLiteral("26-0300"), {}, ErrorCode::PurposeRequired);
        expectRefused(commander, QStringLiteral("26-0300"), {kPurpose.purpose, QStringLiteral("26-9999")},
                      ErrorCode::InvalidInput);
        expectRefused(commander, QStringLiteral("26-0404"), kPurpose, ErrorCode::NotFound);
        QCOMPARE(records(commander.database(), QStringLiteral("case.cache")).size(), 0);
        // A folder that holds something is not written into.
        QVERIFY(QDir().mkpath(into));
        QFile stray(into + QStringLiteral("/notes.txt"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        auto made = CaseCache::make(commander, TestStore::kPassword, QStringLiteral("26-0300"), kPurpose, into);
        QVERIFY(!made.has_value());
        QCOMPARE(made.error().code, ErrorCode::InvalidInput);
        QVERIFY(QFile::exists(into + QStringLiteral("/notes.txt")));
    }

    void aCacheWhoseAuditWasAlteredIsKept()
    {
        TestStore store;
        if (!store.isPostgres())
            QSKIP("a case cache is taken from a server store (PostgreSQL pass)");
        QVERIFY(!seed(store).isEmpty());
        Session& commander = store.session();
        const QString into = m_dir.filePath(QStringLiteral("altered"));
        auto made = CaseCache::make(commander, TestStore::kPassword, QStringLiteral("26-0300"), kPurpose, into);
        QVERIFY2(made.has_value(), qPrintable(alpr::test::errorText(made)));
        {
            auto offline = Session::login(into, TestStore::kAdmin, TestStore::kPassword, store.options());
            QVERIFY(offline.has_value());
            store::Database& cache = (*offline)->database();
            TestStore::dropTrigger(cache, QStringLiteral("audit_no_update"), QStringLiteral("audit"));
            cache.exec(QStringLiteral("UPDATE audit SET object = 'nothing to see' WHERE action = 'login'"));
        }
        auto returned = CaseCache::giveBack(commander, TestStore::kPassword, into);
        QVERIFY(!returned.has_value());
        QCOMPARE(returned.error().code, ErrorCode::VerificationFailed);
        QVERIFY(Session::storeExists(into));
        QCOMPARE(records(commander.database(), QStringLiteral("case.cache.returned")).size(), 0);
        QCOMPARE(records(commander.database(), QStringLiteral("case.cache.access")).size(), 0);

        // Someone else's cache does not open for them.
        auto other = store.addAndLogin(QStringLiteral("det2"), Role::Investigator);
        QVERIFY(other);
        auto notTheirs = CaseCache::giveBack(*other, TestStore::kPassword, into);
        QVERIFY(!notTheirs.has_value());
        QCOMPARE(notTheirs.error().code, ErrorCode::AuthenticationFailed);
        QVERIFY(Session::storeExists(into));
    }

    void aCacheGoesBackToTheStoreItCameFromOnly()
    {
        TestStore store;
        if (!store.isPostgres())
            QSKIP("a case cache is taken from a server store (PostgreSQL pass)");
        QVERIFY(!seed(store).isEmpty());
        const QString into = m_dir.filePath(QStringLiteral("elsewhere"));
        auto made = CaseCache::make(store.session(), TestStore::kPassword, QStringLiteral("26-0300"), kPurpose, into);
        QVERIFY2(made.has_value(), qPrintable(alpr::test::errorText(made)));
        // Another server store where the same account name and password exist: the cache opens, the server does not
        // know it.
        TestStore another;
        auto returned = CaseCache::giveBack(another.session(), TestStore::kPassword, into);
        QVERIFY(!returned.has_value());
        QCOMPARE(returned.error().code, ErrorCode::InvalidInput);
        QVERIFY(returned.error().message.contains(QLatin1String("not made from this store")));
        QVERIFY(Session::storeExists(into));
        QCOMPARE(records(another.session().database(), QStringLiteral("case.cache.access")).size(), 0);
        // A store that is not a cache is refused as such.
        auto notACache = CaseCache::giveBack(store.session(), TestStore::kPassword, another.directory());
        QVERIFY(!notACache.has_value());
        QCOMPARE(notACache.error().code, ErrorCode::InvalidInput);
        // Home again, it goes back.
        auto home = CaseCache::giveBack(store.session(), TestStore::kPassword, into);
        QVERIFY2(home.has_value(), qPrintable(alpr::test::errorText(home)));
        QVERIFY(home->records > 0);
        QVERIFY(!QDir(into).exists());
    }
};

QTEST_GUILESS_MAIN(TestCaseCache)
#include "TestCaseCache.moc"
