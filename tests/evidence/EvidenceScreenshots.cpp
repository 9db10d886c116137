// Makes the evidence screenshots for docs/screenshots (run under Xvfb, see docs/evidence.md): a demo store with
// synthetic images, the cases page, the export dialog after a real export, and the package's PDF documents. Not a
// test; it exits non-zero when any step fails so a broken screenshot is never committed unnoticed.
#include "SyntheticPlateImages.h"
#include "TestStore.h"

#include "evidence/CaseService.h"
#include "evidence/CasesPage.h"
#include "evidence/EvidencePage.h"
#include "evidence/ExportDialog.h"
#include "evidence/HoldService.h"
#include "reads/ReadRepository.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;
using alpr::test::SyntheticPlateImages;
using alpr::test::TestStore;

namespace {

const QString kCase = QStringLiteral("26-004417");

bool saveScreen(QWidget* window, const QString& path)
{
    QApplication::processEvents();
    // What the X server shows for the window (Xvfb has no window manager, so no frame).
    const QPixmap shot = window->screen()->grabWindow(0, window->x(), window->y(), window->width(), window->height());
    return !shot.isNull() && shot.save(path);
}

// Older reads over the past two and a half years, for the retention tab's dry run.
bool insertOldReads(Session& session)
{
    QList<PlateRead> reads;
    const QDateTime now = session.clock().nowUtc();
    for (int i = 0; i < 240; ++i) {
        PlateRead r;
        r.plate = QStringLiteral("4OLD%1").arg(i, 3, 10, QLatin1Char('0'));
        r.confidence = 0.9;
        r.timeUtc = now.addDays(-300 - 2 * i - (i % 7));
        r.unitId = QStringLiteral("UNIT-7");
        if (i % 6 == 0)
            r.cropImage = SyntheticPlateImages::crop(r.plate);
        reads.append(r);
    }
    return guarded([&] {
               store::Transaction tx(session.database());
               ReadRepository(session.database()).insert(tx, reads);
               tx.commit();
           })
        .has_value();
}

bool insertDemoReads(Session& session, QList<qint64>& ids)
{
    const QStringList plates{QStringLiteral("8KXM214"), QStringLiteral("6TRW903"), QStringLiteral("7DJP551"),
                             QStringLiteral("8KXM214"), QStringLiteral("5BNA078")};
    QList<PlateRead> reads;
    const QDateTime first(QDate(2026, 5, 28), QTime(21, 14, 5), Qt::UTC);
    for (int i = 0; i < plates.size(); ++i) {
        PlateRead r;
        r.plate = plates[i];
        r.confidence = 0.97 - 0.04 * i;
        r.timeUtc = first.addSecs(i * 1375);
        r.latitude = 33.7414 + 0.0011 * i;
        r.longitude = -118.1048 - 0.0009 * i;
        r.unitId = i % 2 ? QStringLiteral("UNIT-12") : QStringLiteral("UNIT-7");
        r.sourceFile = QStringLiteral("unit7/2026-05-28_2100.mp4");
        r.sourceOffsetMs = 845000 + i * 1375000;
        r.alternatives = {{r.plate.left(6) + QLatin1Char('8'), 0.31}};
        r.cropImage = SyntheticPlateImages::crop(r.plate);
        r.contextImage = SyntheticPlateImages::context(r.plate, i);
        reads.append(r);
    }
    auto inserted = guarded([&] {
        store::Transaction tx(session.database());
        ReadRepository(session.database()).insert(tx, reads);
        tx.commit();
    });
    for (const PlateRead& r : reads)
        ids.append(r.id);
    return inserted.has_value();
}

int failWith(const char* step)
{
    qCritical("evidence_screenshots: %s failed", step);
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QString out = app.arguments().value(1, QStringLiteral("."));
    QDir().mkpath(out);
    TestStore store;
    if (!store.isValid())
        return failWith("store");
    NewAccount detective{QStringLiteral("jrivera"),
                         QStringLiteral("Jamie Rivera"),
                         Role::Investigator,
                         store.clock().nowUtc().date().addYears(1),
                         false,
                         TestStore::kPassword};
    if (!AccountService(store.session()).add(detective))
        return failWith("account");
    auto session = store.login(QStringLiteral("jrivera"));
    if (!session)
        return failWith("login");
    QList<qint64> ids;
    if (!insertDemoReads(*session, ids))
        return failWith("reads");
    CaseService cases(*session);
    if (!cases.add({kCase, QStringLiteral("Armed robbery, 7-Eleven on Main St"), QStringLiteral("Det. J. Rivera")}) ||
        !cases.add({QStringLiteral("26-004390"), QStringLiteral("Catalytic converter thefts"),
                    QStringLiteral("Det. K. Osei")}) ||
        !cases.attach(kCase, QStringLiteral("read"), ids) || !cases.attach(kCase, QStringLiteral("canvass"), {3}) ||
        !HoldService(*session).place({HoldKind::Evidence, kCase}))
        return failWith("case");

    ui::CasesPage page(*session);
    page.resize(900, 560);
    page.move(0, 0);
    page.show();
    QSignalSpy refreshed(&page, &ui::CasesPage::refreshed);
    page.refresh();
    if (!refreshed.wait(20000))
        return failWith("cases page");
    page.selectCase(kCase);
    QTest::qWait(800); // the selected case's items arrive in a second round trip
    if (!saveScreen(&page, QDir(out).filePath(QStringLiteral("evidence-cases-page.png"))))
        return failWith("cases screenshot");
    page.hide();

    QTemporaryDir stick;
    const QString target = QDir(stick.path()).filePath(QStringLiteral("EVIDENCE-USB"));
    QDir().mkpath(target);
    ui::ExportDialog dialog(*session, kCase, {});
    dialog.move(0, 0);
    dialog.show();
    QSignalSpy listed(&dialog, &ui::ExportDialog::volumesListed);
    dialog.findChild<QCheckBox*>(QStringLiteral("fixedDrivesCheckBox"))->setChecked(true);
    listed.wait(10000);
    dialog.addTargetFolder(target);
    QTest::qWait(500);
    dialog.findChild<QComboBox*>(QStringLiteral("purposeComboBox"))
        ->setEditText(QStringLiteral("Booking into evidence for prosecution"));
    QSignalSpy finished(&dialog, &ui::ExportDialog::exportFinished);
    dialog.startExport();
    if (!finished.wait(60000) || !finished.first().at(0).toBool())
        return failWith("export");
    listed.wait(10000);
    if (!saveScreen(&dialog, QDir(out).filePath(QStringLiteral("evidence-export-dialog.png"))))
        return failWith("dialog screenshot");

    dialog.hide();

    // The agency manager's view of retention: the dry run by month and class.
    store.addUser(QStringLiteral("mgr"), Role::AgencyManager);
    auto manager = store.login(QStringLiteral("mgr"));
    if (!manager || !insertOldReads(*manager))
        return failWith("old reads");
    ui::EvidencePage evidence(*manager);
    evidence.resize(900, 600);
    evidence.move(0, 0);
    evidence.findChild<QTabWidget*>(QStringLiteral("evidenceTabWidget"))->setCurrentIndex(2);
    evidence.show();
    evidence.dryRun();
    auto* dryRunTable = evidence.findChild<QTableWidget*>(QStringLiteral("dryRunTableWidget"));
    if (!QTest::qWaitFor([&] { return dryRunTable->rowCount() > 0; }, 20000))
        return failWith("dry run");
    QTest::qWait(300);
    if (!saveScreen(&evidence, QDir(out).filePath(QStringLiteral("evidence-retention.png"))))
        return failWith("retention screenshot");

    const QString package = QDir(target).filePath(QDir(target).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0));
    for (const QString& name : {QStringLiteral("report.pdf"), QStringLiteral("chain-of-custody.pdf")}) {
        QFile::remove(QDir(out).filePath(QStringLiteral("evidence-") + name));
        if (!QFile::copy(QDir(package).filePath(name), QDir(out).filePath(QStringLiteral("evidence-") + name)))
            return failWith("copying the PDFs");
    }
    return 0;
}
