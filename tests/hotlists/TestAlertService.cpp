#include "HotlistTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "hotlists/AlertCsvWriter.h"
#include "hotlists/AlertService.h"
#include "hotlists/HotlistMatching.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace alpr;
using namespace alpr::test;

namespace {
const QByteArray kNcic = "V987654321LA057020020260101ABC1234   CA2009MC2009YAMACYLMCBLK\n";
}

class TestAlertService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void verificationGoesNewVisualConfirmedClosed();
    void stepsOutOfOrderAreRefused();
    void rejectNeedsAConfiguredReason();
    void everyStepIsAuditedWithThePurpose();
    void cletsFieldsOnlyForAuthorizedUsers();
    void exportCarriesTheWarningAndRedaction();
    void rolesWithoutVerifyAlertsAreRefused();
    void countsFeedTheBadge();

private:
    qint64 makeAlert();
    QDateTime now() { return m_store->clock().nowUtc(); }

    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
};

void TestAlertService::initTestCase()
{
    HotlistMatching::install();
}

void TestAlertService::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
}

void TestAlertService::cleanup()
{
    m_store.reset();
}

qint64 TestAlertService::makeAlert()
{
    HotlistImportOptions options;
    options.name = QStringLiteral("NCIC stolen");
    options.format = HotlistFormat::Ncic;
    const auto report =
        HotlistService(m_store->session()).importFile(writeFile(m_dir, QStringLiteral("ncic.txt"), kNcic), options);
    if (!report)
        return 0;
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("ABC1234"), now())});
    const auto alerts = AlertService(m_store->session()).list();
    return alerts && !alerts->isEmpty() ? alerts->first().id : 0;
}

void TestAlertService::verificationGoesNewVisualConfirmedClosed()
{
    const qint64 id = makeAlert();
    QVERIFY(id > 0);
    AlertService service(m_store->session());
    QCOMPARE(service.get(id)->state, AlertState::New);
    const auto visual = service.markVisual(id);
    QVERIFY2(visual, qPrintable(visual ? QString() : visual.error().toString()));
    QCOMPARE(visual->state, AlertState::Visual);
    QCOMPARE(visual->visualBy, TestStore::kAdmin);
    QVERIFY(!visual->isVerified());
    QCOMPARE(visual->verificationText(), Alert::kUnverifiedWarning);
    m_store->clock().advanceSecs(7 * 60);
    const auto confirmed = service.confirm(id, CletsOutcome::Active, QStringLiteral("DISP-4411 / J. Ruiz"));
    QVERIFY(confirmed);
    QCOMPARE(confirmed->state, AlertState::Confirmed);
    QCOMPARE(confirmed->cletsReference, QStringLiteral("DISP-4411 / J. Ruiz"));
    QCOMPARE(confirmed->cletsOutcome, QStringLiteral("active"));
    QVERIFY(confirmed->isVerified());
    QVERIFY(!confirmed->dispatchLine().contains(QStringLiteral("UNVERIFIED")));
    const auto closed = service.close(id);
    QVERIFY(closed);
    QCOMPARE(closed->state, AlertState::Closed);
}

void TestAlertService::stepsOutOfOrderAreRefused()
{
    const qint64 id = makeAlert();
    AlertService service(m_store->session());
    QVERIFY(!service.confirm(id, CletsOutcome::Active, QStringLiteral("REF1"))); // not visually checked yet
    QVERIFY(!service.close(id));
    QVERIFY(service.markVisual(id));
    QVERIFY(!service.markVisual(id));
    QVERIFY(!service.confirm(id, CletsOutcome::Active, QStringLiteral("  "))); // no reference
    QCOMPARE(service.get(id)->state, AlertState::Visual);
    QVERIFY(!service.markVisual(999999));
}

void TestAlertService::rejectNeedsAConfiguredReason()
{
    const qint64 id = makeAlert();
    AlertService service(m_store->session());
    const auto reasons = service.rejectReasons();
    QVERIFY(reasons && reasons->size() >= 3);
    const auto refused = service.reject(id, QStringLiteral("I did not like it"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    const auto rejected = service.reject(id, reasons->first());
    QVERIFY(rejected);
    QCOMPARE(rejected->state, AlertState::Rejected);
    QCOMPARE(rejected->rejectReason, reasons->first());
    QVERIFY(!rejected->isVerified());
    QVERIFY(!service.reject(id, reasons->first()));

    HotlistService hotlists(m_store->session());
    HotlistSettings settings = *hotlists.settings();
    settings.rejectReasons = {QStringLiteral("Wrong state on plate")};
    QVERIFY(hotlists.saveSettings(settings));
    QCOMPARE(*service.rejectReasons(), settings.rejectReasons);
}

void TestAlertService::everyStepIsAuditedWithThePurpose()
{
    const qint64 id = makeAlert();
    AlertService service(m_store->session());
    QVERIFY(service.get(id));
    QVERIFY(service.markVisual(id));
    m_store->clock().advanceSecs(12 * 60);
    QVERIFY(service.confirm(id, CletsOutcome::NotActive, QStringLiteral("MSG 88121")));
    QVERIFY(service.reject(id, service.rejectReasons()->last()));
    const QString object = QStringLiteral("alert:%1").arg(id);
    AuditFilter f;
    f.action = QStringLiteral("alert.*");
    const auto records = AuditLog::list(m_store->session().database(), f);
    QVERIFY(records);
    QStringList actions;
    for (const AuditRecord& r : *records) {
        if (r.object != object)
            continue;
        actions.append(r.action);
        QCOMPARE(r.purpose, AlertService::kPurpose);
        QCOMPARE(r.caseNumber, QStringLiteral("ALERT-%1").arg(id));
        if (r.action == QLatin1String("alert.confirm")) {
            const QJsonObject p = QJsonDocument::fromJson(r.parameters.toUtf8()).object();
            QCOMPARE(p.value(QStringLiteral("minutes_to_confirm")).toInt(), 12);
            QCOMPARE(p.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-active"));
        }
    }
    actions.sort();
    QCOMPARE(actions, (QStringList{QStringLiteral("alert.confirm"), QStringLiteral("alert.reject"),
                                   QStringLiteral("alert.view"), QStringLiteral("alert.visual")}));
}

void TestAlertService::cletsFieldsOnlyForAuthorizedUsers()
{
    const qint64 id = makeAlert();
    auto cleared = m_store->addAndLogin(QStringLiteral("ruiz"), Role::Investigator, true);
    auto plain = m_store->addAndLogin(QStringLiteral("lee"), Role::Investigator, false);
    QVERIFY(cleared && plain);

    const Alert full = *AlertService(*cleared).get(id);
    QVERIFY(!full.clets.redacted);
    QCOMPARE(full.clets.nic, QStringLiteral("987654321"));
    QCOMPARE(full.clets.ori, QStringLiteral("LA0570200"));
    QCOMPARE(full.clets.vehicle, QStringLiteral("2009 YAMA CYL MC BLK"));
    QVERIFY(full.clets.recordText.startsWith(QStringLiteral("V987654321")));

    // The other user sees that the alert exists, with plate, list and read, but none of the record.
    const auto list = AlertService(*plain).list();
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    const Alert& redacted = list->first();
    QCOMPARE(redacted.id, id);
    QCOMPARE(redacted.entryPlate, QStringLiteral("ABC1234"));
    QVERIFY(redacted.clets.redacted);
    QVERIFY(redacted.clets.isEmpty());
    QVERIFY(AlertService(*plain).get(id)->clets.isEmpty());

    const auto entries = HotlistService(*plain).entries(full.sourceId);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QVERIFY(entries->first().clets.redacted);
    QVERIFY(entries->first().clets.isEmpty());
    QCOMPARE(HotlistService(*cleared).entries(full.sourceId)->first().clets.nic, QStringLiteral("987654321"));
}

void TestAlertService::exportCarriesTheWarningAndRedaction()
{
    const qint64 id = makeAlert();
    QVERIFY(id > 0);
    auto plain = m_store->addAndLogin(QStringLiteral("lee"), Role::Investigator, false);
    auto cleared = m_store->addAndLogin(QStringLiteral("ruiz"), Role::Investigator, true);
    const QString plainPath = m_dir.filePath(QStringLiteral("plain.csv"));
    const QString clearedPath = m_dir.filePath(QStringLiteral("cleared.csv"));
    QCOMPARE(*AlertService(*plain).exportCsv({}, plainPath), 1);
    QCOMPARE(*AlertService(*cleared).exportCsv({}, clearedPath), 1);
    QFile plainFile(plainPath), clearedFile(clearedPath);
    QVERIFY(plainFile.open(QIODevice::ReadOnly) && clearedFile.open(QIODevice::ReadOnly));
    const QString plainCsv = QString::fromUtf8(plainFile.readAll());
    const QString clearedCsv = QString::fromUtf8(clearedFile.readAll());
    QVERIFY(plainCsv.contains(Alert::kUnverifiedWarning));
    QVERIFY(plainCsv.contains(QStringLiteral("ABC1234")));
    QVERIFY(!plainCsv.contains(QStringLiteral("987654321")));
    QVERIFY(!plainCsv.contains(QStringLiteral("LA0570200")));
    QVERIFY(!plainCsv.contains(QStringLiteral("YAMA")));
    QVERIFY(plainCsv.contains(QStringLiteral("[redacted]")));
    QVERIFY(clearedCsv.contains(QStringLiteral("987654321")));
    QVERIFY(clearedCsv.contains(QStringLiteral("2009 YAMA CYL MC BLK")));
    AuditFilter f;
    f.action = QStringLiteral("alert.export");
    QCOMPARE(AuditLog::list(m_store->session().database(), f)->size(), 2);

    // A cell a spreadsheet would run as a formula is defused.
    Alert hostile;
    hostile.reason = QStringLiteral("=HYPERLINK(\"x\")");
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(AlertCsvWriter::write({hostile}, buffer));
    QVERIFY(buffer.data().contains("\"'=HYPERLINK(\"\"x\"\")\""));
}

void TestAlertService::rolesWithoutVerifyAlertsAreRefused()
{
    const qint64 id = makeAlert();
    auto auditor = m_store->addAndLogin(QStringLiteral("aud"), Role::Auditor, true);
    QCOMPARE(AlertService(*auditor).list().error().code, ErrorCode::PermissionDenied);
    QCOMPARE(AlertService(*auditor).markVisual(id).error().code, ErrorCode::PermissionDenied);
    auto investigator = m_store->addAndLogin(QStringLiteral("inv"), Role::Investigator, true);
    HotlistImportOptions options;
    options.name = QStringLiteral("Mine");
    options.format = HotlistFormat::Ncic;
    QCOMPARE(HotlistService(*investigator)
                 .importFile(writeFile(m_dir, QStringLiteral("n.txt"), kNcic), options)
                 .error()
                 .code,
             ErrorCode::PermissionDenied);
    QVERIFY(HotlistService(*investigator).lists()); // may see the lists behind the alerts
}

void TestAlertService::countsFeedTheBadge()
{
    AlertService service(m_store->session());
    QCOMPARE(service.counts()->open, 0);
    const qint64 id = makeAlert(); // a stolen vehicle: medium priority
    auto counts = service.counts();
    QCOMPARE(counts->open, 1);
    QCOMPARE(counts->unverified, 1);
    QCOMPARE(counts->highNew, 0);
    ManualEntry amber;
    amber.plate = QStringLiteral("AMB123");
    amber.category = HotlistCategory::AmberAlert;
    amber.reason = QStringLiteral("Amber alert");
    amber.expiresUtc = now().addDays(1);
    QVERIFY(HotlistService(m_store->session()).addEntry(amber));
    importReads(m_store->session().database(), now(), {makeRead(QStringLiteral("AMB123"), now())});
    counts = service.counts();
    QCOMPARE(counts->highNew, 1);
    QVERIFY(counts->newestHighId > id);
    QCOMPARE(service.list()->first().priority, HotlistPriority::High); // highest priority first
}

QTEST_GUILESS_MAIN(TestAlertService)
#include "TestAlertService.moc"
