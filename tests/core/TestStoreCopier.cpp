#include "TestStore.h"

#include "accounts/AccountService.h"
#include "accounts/StoreCopier.h"
#include "audit/AuditLog.h"
#include "common/JobContext.h"
#include "search/DemoDataGenerator.h"
#include "search/SearchService.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {

const AccessPurpose kPurpose{QStringLiteral("Criminal investigation"), QStringLiteral("24-001234")};

/// Every table's rows in a stable order, hashed: equal on both engines only when every value came across.
QByteArray tableDigest(store::Database& db, const QString& table, const QString& columns, const QString& order)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto s = db.prepare(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(columns, table, order));
    while (s.step()) {
        for (int i = 0; i < s.columnCount(); ++i) {
            hash.addData(s.isNull(i) ? QByteArrayLiteral("<null>") : s.text(i).toUtf8());
            hash.addData(QByteArrayLiteral("|"));
        }
        hash.addData(QByteArrayLiteral("\n"));
    }
    return hash.result().toHex();
}

QSet<qint64> hitIds(const SearchResult& result)
{
    QSet<qint64> ids;
    for (const auto& hit : result.hits)
        ids.insert(hit.read.id);
    return ids;
}

} // namespace

/// alprctl store copy: an embedded store moved to a server, its audit chain verified before and after.
class TestStoreCopier : public QObject {
    Q_OBJECT

    QString m_database;
    std::unique_ptr<TestStore> m_source;
    QTemporaryDir m_folders;

    [[nodiscard]] QString target() const { return m_folders.filePath(QStringLiteral("server-store")); }

    Result<StoreCopier::Report> copy(Session& session, const QString& password = TestStore::kPassword)
    {
        JobContext job;
        return StoreCopier::copy(session, password, target(), TestStore::serverConnection(m_database), job);
    }

private slots:
    void init()
    {
        if (TestStore::postgresServer().isEmpty())
            QSKIP("PostgreSQL only: installer/test-on-postgres.sh runs it with ALPR_TEST_POSTGRES set");
        m_database = QStringLiteral("alpr_copy_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(TestStore::createServerDatabase(m_database));
        m_source = std::make_unique<TestStore>(TestStore::Engine::Embedded);
        QVERIFY(m_source->isValid());
        QVERIFY(!m_source->session().database().isPostgres());
        m_source->addUser(QStringLiteral("det1"), Role::Investigator);
        DemoDataOptions demo;
        demo.reads = 3000;
        demo.imageReads = 40;
        demo.seed = 11;
        JobContext job;
        QVERIFY(DemoDataGenerator(demo).run(m_source->session(), job));
    }

    void cleanup()
    {
        m_source.reset();
        if (!m_database.isEmpty())
            QVERIFY(TestStore::dropServerDatabase(m_database));
        QDir(target()).removeRecursively();
    }

    void copiesEveryRowAndTheAuditChain()
    {
        Session& source = m_source->session();
        SearchService sourceSearch(source);
        SearchQuery query;
        query.pattern = QStringLiteral("*8*");
        query.tolerance = 1;
        const auto before = sourceSearch.search(query, kPurpose);
        QVERIFY(before && !before->hits.isEmpty());

        const auto report = copy(source);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->reads, 3000);
        QCOMPARE(report->images, 40);
        QCOMPARE(report->accountsAwaitingPassword, QStringList{QStringLiteral("det1")});

        auto server = Session::login(target(), TestStore::kAdmin, TestStore::kPassword, m_source->options());
        QVERIFY2(server, server ? "" : qPrintable(server.error().toString()));
        store::Database& to = (*server)->database();
        store::Database& from = source.database();
        QVERIFY(to.isPostgres());
        // Row for row, value for value, in the tables that matter most to an investigation and to an auditor.
        const QList<std::tuple<QString, QString, QString>> tables{
            {QStringLiteral("reads"), QStringLiteral("*"), QStringLiteral("id")},
            {QStringLiteral("read_alternatives"), QStringLiteral("*"), QStringLiteral("read_id, rank")},
            {QStringLiteral("images"), QStringLiteral("id, mime"), QStringLiteral("id")},
            {QStringLiteral("accounts"), QStringLiteral("*"), QStringLiteral("name")},
            {QStringLiteral("search_reads"), QStringLiteral("*"), QStringLiteral("canon_id, plate, read_id, rank")},
            {QStringLiteral("settings"), QStringLiteral("*"), QStringLiteral("key")}};
        for (const auto& [table, columns, order] : tables)
            QVERIFY2(tableDigest(from, table, columns, order) == tableDigest(to, table, columns, order),
                     qPrintable(table));
        // The gram postings stay behind: the server searches through its trigram index.
        QVERIFY(from.queryInt64(QStringLiteral("SELECT count(*) FROM search_grams")) > 0);
        QCOMPARE(to.queryInt64(QStringLiteral("SELECT count(*) FROM search_grams")), 0);
        // Images byte for byte once opened; on the server sealed with the store key, never in clear.
        auto image = [](store::Database& db) {
            auto s = db.prepare(QStringLiteral("SELECT data FROM images ORDER BY id DESC LIMIT 1"));
            return s.step() ? s.blob(0) : QByteArray();
        };
        QVERIFY(image(from).startsWith("\x89PNG"));
        QVERIFY(!image(to).contains("PNG"));
        QCOMPARE(to.unsealed(image(to)), image(from));

        // The server's log is the embedded one with the copy's record after it; both still verify.
        const auto verified = AuditLog::verify(to);
        QVERIFY(verified && verified->intact);
        QCOMPARE(verified->recordsChecked, report->auditRecords + 2); // store.copied, and this login
        QVERIFY(AuditLog::verify(from)->intact);
        QVERIFY(tableDigest(from, QStringLiteral("audit"), QStringLiteral("*"), QStringLiteral("seq")) !=
                tableDigest(to, QStringLiteral("audit"), QStringLiteral("*"), QStringLiteral("seq")));
        auto lastAction = [](store::Database& db) {
            return db.queryText(QStringLiteral("SELECT action || ' ' || outcome FROM audit WHERE action LIKE "
                                               "'store.cop%' ORDER BY seq DESC LIMIT 1"));
        };
        QCOMPARE(lastAction(from), QStringLiteral("store.copy ok"));
        QCOMPARE(lastAction(to), QStringLiteral("store.copied ok"));

        // The same search finds the same reads on the server.
        SearchService serverSearch(**server);
        const auto after = serverSearch.search(query, kPurpose);
        QVERIFY2(after, after ? "" : qPrintable(after.error().toString()));
        QCOMPARE(hitIds(*after), hitIds(*before));
        // New rows continue after the copied ids.
        QVERIFY(to.queryInt64(QStringLiteral("SELECT nextval(pg_get_serial_sequence('reads', 'id'))")) > 3000);

        // Another user opens only after a Commander sets a password on the server store.
        auto early = Session::login(target(), QStringLiteral("det1"), TestStore::kPassword, m_source->options());
        QVERIFY(!early);
        QCOMPARE(early.error().code, ErrorCode::AuthenticationFailed);
        QVERIFY(
            AccountService(**server).resetPassword(QStringLiteral("det1"), QStringLiteral("a new long passphrase")));
        auto det = Session::login(target(), QStringLiteral("det1"), QStringLiteral("a new long passphrase"),
                                  m_source->options());
        QVERIFY2(det, det ? "" : qPrintable(det.error().toString()));
        QVERIFY(SearchService(**det).search(query, kPurpose));
    }

    void refusesAServerDatabaseThatHoldsAStore()
    {
        QVERIFY(copy(m_source->session()));
        QDir(target()).removeRecursively();
        const auto again = copy(m_source->session());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::InvalidInput);
        QVERIFY(!QFileInfo::exists(target())); // no half store folder
    }

    void refusesAWrongPasswordAndOtherRoles()
    {
        const auto wrong = copy(m_source->session(), QStringLiteral("not the password"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::AuthenticationFailed);
        auto detective = m_source->login(QStringLiteral("det1"));
        QVERIFY(detective);
        const auto refused = copy(*detective);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!QFileInfo::exists(target()));
    }

    void aCancelledCopyLeavesNoStoreAndCanBeRepeated()
    {
        JobContext cancelled;
        cancelled.cancel();
        const auto first = StoreCopier::copy(m_source->session(), TestStore::kPassword, target(),
                                             TestStore::serverConnection(m_database), cancelled);
        QVERIFY(!first);
        QCOMPARE(first.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(target()));
        auto server = store::Database::openPostgres(TestStore::serverConnection(m_database));
        QVERIFY(server);
        QCOMPARE(server->queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 0);
        QCOMPARE(server->queryInt64(QStringLiteral("SELECT count(*) FROM audit")), 0);
        const auto second = copy(m_source->session());
        QVERIFY2(second, second ? "" : qPrintable(second.error().toString()));
        QCOMPARE(second->reads, 3000);
    }
};

QTEST_GUILESS_MAIN(TestStoreCopier)
#include "TestStoreCopier.moc"
