#include "search/WatchPanel.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "search/WatchService.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {
constexpr int kDefaultExpiryDays = 90;
}

WatchPanel::WatchPanel(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_patternLineEdit(new QLineEdit(this)),
      m_toleranceComboBox(new QComboBox(this)), m_caseLineEdit(new QLineEdit(this)),
      m_crimeLineEdit(new QLineEdit(this)), m_notesPlainTextEdit(new QPlainTextEdit(this)),
      m_expiryDateTimeEdit(new QDateTimeEdit(this)), m_addPushButton(new QPushButton(tr("Enter watch entry"), this)),
      m_watchTableWidget(new QTableWidget(this)), m_hitsPushButton(new QPushButton(tr("Show hits"), this)),
      m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("watchPanel"));
    m_patternLineEdit->setObjectName(QStringLiteral("watchPatternLineEdit"));
    m_toleranceComboBox->setObjectName(QStringLiteral("watchToleranceComboBox"));
    m_caseLineEdit->setObjectName(QStringLiteral("watchCaseLineEdit"));
    m_crimeLineEdit->setObjectName(QStringLiteral("watchCrimeLineEdit"));
    m_notesPlainTextEdit->setObjectName(QStringLiteral("watchNotesPlainTextEdit"));
    m_expiryDateTimeEdit->setObjectName(QStringLiteral("watchExpiryDateTimeEdit"));
    m_addPushButton->setObjectName(QStringLiteral("addWatchPushButton"));
    m_watchTableWidget->setObjectName(QStringLiteral("watchTableWidget"));
    m_hitsPushButton->setObjectName(QStringLiteral("watchHitsPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("watchStatusLabel"));

    m_patternLineEdit->setPlaceholderText(tr("e.g. 7*B*12"));
    m_patternLineEdit->setMaxLength(64);
    m_toleranceComboBox->addItems(
        {tr("0 - exactly"), tr("1 - forgive OCR look-alikes"), tr("2 - also one other error")});
    m_toleranceComboBox->setCurrentIndex(1);
    m_crimeLineEdit->setPlaceholderText(tr("e.g. Armed robbery"));
    m_crimeLineEdit->setMaxLength(80);
    m_notesPlainTextEdit->setMaximumHeight(60);
    m_expiryDateTimeEdit->setTimeSpec(Qt::UTC);
    m_expiryDateTimeEdit->setCalendarPopup(true);
    m_expiryDateTimeEdit->setDateTime(m_session.clock().nowUtc().addDays(kDefaultExpiryDays));
    m_watchTableWidget->setColumnCount(7);
    m_watchTableWidget->setHorizontalHeaderLabels(
        {tr("Id"), tr("Pattern"), tr("Tolerance"), tr("Case"), tr("Crime"), tr("Expires"), tr("Hits")});
    m_watchTableWidget->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_watchTableWidget->setSelectionMode(QAbstractItemView::SingleSelection);
    m_watchTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_watchTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_watchTableWidget->verticalHeader()->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Partial plate"), m_patternLineEdit);
    form->addRow(tr("Tolerance"), m_toleranceComboBox);
    form->addRow(tr("Case number"), m_caseLineEdit);
    form->addRow(tr("Crime type"), m_crimeLineEdit);
    form->addRow(tr("Notes"), m_notesPlainTextEdit);
    form->addRow(tr("Expires (UTC)"), m_expiryDateTimeEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_addPushButton);
    layout->addWidget(m_watchTableWidget, 1);
    layout->addWidget(m_hitsPushButton);
    layout->addWidget(m_statusLabel);
    m_statusLabel->setWordWrap(true);

    connect(m_addPushButton, &QPushButton::clicked, this, &WatchPanel::addEntry);
    connect(m_hitsPushButton, &QPushButton::clicked, this, &WatchPanel::showSelectedHits);
    connect(m_watchTableWidget, &QTableWidget::cellDoubleClicked, this, &WatchPanel::showSelectedHits);
    refresh();
}

void WatchPanel::refresh()
{
    runInBackground<QList<WatchEntry>>(
        m_session, this, [&session = m_session](store::Database& db) { return WatchService(session, db).list(); },
        [this](const Result<QList<WatchEntry>>& entries) {
            if (!entries) {
                m_statusLabel->setText(entries.error().message);
                return;
            }
            m_watchTableWidget->setRowCount(int(entries->size()));
            for (int row = 0; row < entries->size(); ++row) {
                const WatchEntry& e = entries->at(row);
                const QStringList cells{QString::number(e.id),
                                        e.pattern,
                                        QString::number(e.tolerance),
                                        e.caseNumber,
                                        e.crimeType,
                                        e.expiresUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                                        QString::number(e.hitCount)};
                for (int column = 0; column < cells.size(); ++column)
                    m_watchTableWidget->setItem(row, column, new QTableWidgetItem(cells[column]));
                m_watchTableWidget->item(row, 0)->setData(Qt::UserRole, e.id);
                m_watchTableWidget->item(row, 4)->setToolTip(e.notes);
            }
        });
}

void WatchPanel::addEntry()
{
    NewWatchEntry entry;
    entry.pattern = m_patternLineEdit->text();
    entry.tolerance = m_toleranceComboBox->currentIndex();
    entry.caseNumber = m_caseLineEdit->text();
    entry.crimeType = m_crimeLineEdit->text();
    entry.notes = m_notesPlainTextEdit->toPlainText();
    entry.expiresUtc = m_expiryDateTimeEdit->dateTime().toUTC();
    m_addPushButton->setEnabled(false);
    m_statusLabel->setText(tr("Matching against all past reads..."));
    runInBackground<WatchEntry>(
        m_session, this,
        [&session = m_session, entry](store::Database& db) { return WatchService(session, db).add(entry); },
        [this](const Result<WatchEntry>& added) {
            m_addPushButton->setEnabled(true);
            if (!added) {
                m_statusLabel->setText(added.error().message);
                return;
            }
            m_statusLabel->setText(tr("Watch entry %1 entered: %2 past reads match; new reads are checked as they "
                                      "are imported until %3.")
                                       .arg(added->id)
                                       .arg(added->hitCount)
                                       .arg(added->expiresUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
            m_patternLineEdit->clear();
            m_notesPlainTextEdit->clear();
            refresh();
        });
}

void WatchPanel::showSelectedHits()
{
    const int row = m_watchTableWidget->currentRow();
    if (row < 0) {
        m_statusLabel->setText(tr("Select a watch entry first."));
        return;
    }
    const qint64 id = m_watchTableWidget->item(row, 0)->data(Qt::UserRole).toLongLong();
    const QString title = tr("Hits of watch entry %1 (%2)").arg(id).arg(m_watchTableWidget->item(row, 1)->text());
    runInBackground<QList<WatchHit>>(
        m_session, this, [&session = m_session, id](store::Database& db) { return WatchService(session, db).hits(id); },
        [this, title](const Result<QList<WatchHit>>& hits) {
            if (!hits) {
                m_statusLabel->setText(hits.error().message);
                return;
            }
            emit hitsLoaded(*hits, title);
        });
}

} // namespace alpr::ui
