#include "SearchTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "search/DemoPlateImage.h"
#include "search/SearchPage.h"
#include "search/SearchResultModel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace alpr;
using namespace alpr::test;

class TestSearchPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void searchShowsRankedRows();
    void searchWithoutCaseIsRefused();
    void selectingARowShowsAllReadingsAndIsAudited();
    void exportIsAudited();
    void watchEntryFormFindsPastRead();

private:
    void fillPurpose(const QString& caseNumber = QStringLiteral("26-000123"));
    template <typename T> T* child(const char* name) const { return m_page->findChild<T*>(QString::fromLatin1(name)); }

    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<ui::SearchPage> m_page;
    QList<qint64> m_ids;
};

void TestSearchPage::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    const QDateTime t = m_store->clock().nowUtc().addDays(-2);
    PlateRead withCrop = makeRead(QStringLiteral("7AB8123"), t, QStringLiteral("UNIT-01"), 0.93);
    withCrop.cropImage = DemoPlateImage::png(withCrop.plate);
    m_ids = insertReads(m_store->session().database(),
                        {withCrop,
                         makeRead(QStringLiteral("7A88123"), t.addSecs(300), QStringLiteral("UNIT-02"), 0.71,
                                  {{QStringLiteral("7AB8123"), 0.55}}),
                         makeRead(QStringLiteral("ZZZ9999"), t.addSecs(600))});
    m_page = std::make_unique<ui::SearchPage>(m_store->session());
    m_page->resize(1400, 800);
    m_page->show();
}

void TestSearchPage::cleanup()
{
    m_page.reset();
    QThreadPool::globalInstance()->waitForDone(); // workers hold the session until they finish
    m_store.reset();
}

void TestSearchPage::fillPurpose(const QString& caseNumber)
{
    child<QComboBox>("purposeComboBox")->setCurrentText(QStringLiteral("Criminal investigation"));
    child<QLineEdit>("caseLineEdit")->setText(caseNumber);
}

void TestSearchPage::searchShowsRankedRows()
{
    child<QLineEdit>("patternLineEdit")->setText(QStringLiteral("7ab8i23"));
    child<QComboBox>("toleranceComboBox")->setCurrentIndex(1);
    fillPurpose();
    QSignalSpy finished(m_page.get(), &ui::SearchPage::searchFinished);
    QTest::mouseClick(child<QPushButton>("searchPushButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    auto* view = child<QTableView>("resultsTableView");
    QCOMPARE(view->model()->rowCount(), 2);
    const auto plateAt = [&](int row) {
        return view->model()->index(row, ui::SearchResultModel::PlateColumn).data().toString();
    };
    QCOMPARE(plateAt(0), QStringLiteral("7AB8123"));
    QCOMPARE(plateAt(1), QStringLiteral("7A88123"));
    QVERIFY(view->model()
                ->index(1, ui::SearchResultModel::MatchedColumn)
                .data()
                .toString()
                .contains(QStringLiteral("alt. 1")));
    QVERIFY(child<QLabel>("searchStatusLabel")->text().contains(QStringLiteral("2 read")));
    // The crop thumbnail arrives from a worker; the read without a crop says so.
    const QModelIndex crop = view->model()->index(0, ui::SearchResultModel::CropColumn);
    view->model()->data(crop, Qt::DecorationRole);
    QTRY_VERIFY_WITH_TIMEOUT(!view->model()->data(crop, Qt::DecorationRole).value<QPixmap>().isNull(), 10000);
    QCOMPARE(view->model()->data(crop, Qt::DecorationRole).value<QPixmap>().height(), 28);
    QCOMPARE(view->model()->index(1, ui::SearchResultModel::CropColumn).data().toString(), QStringLiteral("no image"));
    // Sorting by time, newest first, puts the later read on top.
    view->sortByColumn(ui::SearchResultModel::TimeColumn, Qt::DescendingOrder);
    QCOMPARE(plateAt(0), QStringLiteral("7A88123"));
}

void TestSearchPage::searchWithoutCaseIsRefused()
{
    child<QLineEdit>("patternLineEdit")->setText(QStringLiteral("7AB8123"));
    child<QComboBox>("purposeComboBox")->setCurrentText(QStringLiteral("Criminal investigation"));
    child<QLineEdit>("caseLineEdit")->clear();
    QSignalSpy finished(m_page.get(), &ui::SearchPage::searchFinished);
    QTest::mouseClick(child<QPushButton>("searchPushButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(child<QLabel>("searchStatusLabel")->text().contains(QStringLiteral("case")));
    QCOMPARE(child<QTableView>("resultsTableView")->model()->rowCount(), 0);
}

void TestSearchPage::selectingARowShowsAllReadingsAndIsAudited()
{
    child<QLineEdit>("patternLineEdit")->setText(QStringLiteral("7AB8123"));
    fillPurpose();
    QSignalSpy finished(m_page.get(), &ui::SearchPage::searchFinished);
    QTest::mouseClick(child<QPushButton>("searchPushButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    auto* view = child<QTableView>("resultsTableView");
    view->setCurrentIndex(view->model()->index(1, ui::SearchResultModel::PlateColumn));
    auto* readings = m_page->findChild<QListWidget*>(QStringLiteral("readingsListWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(readings->count(), 2, 10000);
    QVERIFY(readings->item(0)->text().startsWith(QStringLiteral("7A88123")));
    QVERIFY(readings->item(1)->text().startsWith(QStringLiteral("7AB8123")));
    AuditFilter f;
    f.action = QStringLiteral("read.view");
    const auto audits = AuditLog::list(m_store->session().database(), f);
    QCOMPARE(audits->size(), 1);
    QCOMPARE(audits->first().object, QStringLiteral("read:%1").arg(m_ids[1]));
    QCOMPARE(audits->first().caseNumber, QStringLiteral("26-000123"));
}

void TestSearchPage::exportIsAudited()
{
    child<QLineEdit>("patternLineEdit")->setText(QStringLiteral("7AB*"));
    fillPurpose();
    QSignalSpy finished(m_page.get(), &ui::SearchPage::searchFinished);
    QTest::mouseClick(child<QPushButton>("searchPushButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    m_page->exportTo(path);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("searchStatusLabel")->text().startsWith(QStringLiteral("Exported 2")),
                             10000);
    AuditFilter f;
    f.action = QStringLiteral("search.export");
    QCOMPARE(AuditLog::list(m_store->session().database(), f)->size(), 1);
}

void TestSearchPage::watchEntryFormFindsPastRead()
{
    child<QLineEdit>("watchPatternLineEdit")->setText(QStringLiteral("7*B*123"));
    child<QLineEdit>("watchCaseLineEdit")->setText(QStringLiteral("26-000999"));
    child<QLineEdit>("watchCrimeLineEdit")->setText(QStringLiteral("Carjacking"));
    QTest::mouseClick(child<QPushButton>("addWatchPushButton"), Qt::LeftButton);
    auto* list = child<QTableWidget>("watchTableWidget");
    QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 10000);
    QCOMPARE(list->item(0, 6)->text(), QStringLiteral("2")); // both reads of 7AB8123, one through its look-alike
    list->setCurrentCell(0, 0);
    QTest::mouseClick(child<QPushButton>("watchHitsPushButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QTableView>("resultsTableView")->model()->rowCount(), 2, 10000);
}

QTEST_MAIN(TestSearchPage)
#include "TestSearchPage.moc"
