#include "requests/ReleasesPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "evidence/EvidenceExportLog.h"
#include "requests/ReleaseService.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

struct ReleasesView {
    QList<AgencyRelease> releases;
    QList<EvidenceExportRecord> packages;
};

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

ReleasesPage::ReleasesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_agencyLineEdit(new QLineEdit(this)),
      m_officerLineEdit(new QLineEdit(this)), m_contactLineEdit(new QLineEdit(this)),
      m_verifiedLineEdit(new QLineEdit(this)), m_basisLineEdit(new QLineEdit(this)),
      m_caseLineEdit(new QLineEdit(this)), m_whatLineEdit(new QLineEdit(this)), m_approvedLineEdit(new QLineEdit(this)),
      m_packageComboBox(new QComboBox(this)), m_recordPushButton(new QPushButton(tr("&Record release"), this)),
      m_releasesTableWidget(new QTableWidget(this)), m_fromDateEdit(new QDateEdit(this)),
      m_toDateEdit(new QDateEdit(this)), m_reportPushButton(new QPushButton(tr("Sharing &report"), this)),
      m_reportTextBrowser(new QTextBrowser(this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("releasesPage"));
    const std::pair<QLineEdit*, const char*> edits[] = {
        {m_agencyLineEdit, "agencyLineEdit"},     {m_officerLineEdit, "officerLineEdit"},
        {m_contactLineEdit, "contactLineEdit"},   {m_verifiedLineEdit, "verifiedLineEdit"},
        {m_basisLineEdit, "basisLineEdit"},       {m_caseLineEdit, "releaseCaseLineEdit"},
        {m_whatLineEdit, "releasedWhatLineEdit"}, {m_approvedLineEdit, "approvedByLineEdit"}};
    for (const auto& [edit, name] : edits) {
        edit->setObjectName(QString::fromLatin1(name));
        edit->setMaxLength(ReleaseService::kMaxFieldLength);
    }
    m_agencyLineEdit->setPlaceholderText(tr("e.g. Long Beach Police Department"));
    m_contactLineEdit->setPlaceholderText(tr("phone or e-mail"));
    m_verifiedLineEdit->setPlaceholderText(tr("e.g. call-back to the agency's published number"));
    m_basisLineEdit->setPlaceholderText(tr("e.g. active criminal investigation, Penal Code 11105"));
    m_whatLineEdit->setPlaceholderText(tr("plates, reads, dates"));
    m_packageComboBox->setObjectName(QStringLiteral("releasePackageComboBox"));
    m_recordPushButton->setObjectName(QStringLiteral("recordReleasePushButton"));
    m_recordPushButton->setVisible(session.can(Permission::RecordRelease));
    m_releasesTableWidget->setObjectName(QStringLiteral("releasesTableWidget"));
    m_releasesTableWidget->setColumnCount(9);
    m_releasesTableWidget->setHorizontalHeaderLabels({tr("Released"), tr("Agency"), tr("Officer"), tr("Contact"),
                                                      tr("Verified by"), tr("Legal basis"), tr("Case"), tr("What"),
                                                      tr("Approved by")});
    m_releasesTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_releasesTableWidget->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_releasesTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_releasesTableWidget->verticalHeader()->hide();
    m_releasesTableWidget->setAlternatingRowColors(true);
    const QDate today = session.clock().nowUtc().date();
    m_fromDateEdit->setObjectName(QStringLiteral("sharingFromDateEdit"));
    m_fromDateEdit->setCalendarPopup(true);
    m_fromDateEdit->setDate(QDate(today.year(), 1, 1));
    m_toDateEdit->setObjectName(QStringLiteral("sharingToDateEdit"));
    m_toDateEdit->setCalendarPopup(true);
    m_toDateEdit->setDate(today);
    m_reportPushButton->setObjectName(QStringLiteral("sharingReportPushButton"));
    m_reportTextBrowser->setObjectName(QStringLiteral("sharingReportTextBrowser"));
    m_statusLabel->setObjectName(QStringLiteral("releasesStatusLabel"));
    m_statusLabel->setWordWrap(true);

    auto* formBox = new QGroupBox(tr("Record a release to another agency"), this);
    formBox->setVisible(session.can(Permission::RecordRelease));
    auto* form = new QFormLayout(formBox);
    form->addRow(tr("Agency:"), m_agencyLineEdit);
    auto* officer = new QHBoxLayout;
    officer->addWidget(m_officerLineEdit, 1);
    officer->addWidget(new QLabel(tr("Contact:"), this));
    officer->addWidget(m_contactLineEdit, 1);
    form->addRow(tr("Requesting officer:"), officer);
    form->addRow(tr("Identity verified by:"), m_verifiedLineEdit);
    form->addRow(tr("Legal basis:"), m_basisLineEdit);
    auto* caseLine = new QHBoxLayout;
    caseLine->addWidget(m_caseLineEdit);
    caseLine->addWidget(new QLabel(tr("Approved by:"), this));
    caseLine->addWidget(m_approvedLineEdit, 1);
    form->addRow(tr("Case number:"), caseLine);
    form->addRow(tr("What was released:"), m_whatLineEdit);
    auto* packageLine = new QHBoxLayout;
    packageLine->addWidget(m_packageComboBox, 1);
    packageLine->addWidget(m_recordPushButton);
    form->addRow(tr("Evidence package:"), packageLine);

    auto* reportLine = new QHBoxLayout;
    reportLine->addWidget(new QLabel(tr("Sharing report from"), this));
    reportLine->addWidget(m_fromDateEdit);
    reportLine->addWidget(new QLabel(tr("to"), this));
    reportLine->addWidget(m_toDateEdit);
    reportLine->addWidget(m_reportPushButton);
    reportLine->addStretch();

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_releasesTableWidget);
    split->addWidget(m_reportTextBrowser);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(formBox);
    layout->addLayout(reportLine);
    layout->addWidget(split, 1);
    layout->addWidget(m_statusLabel);

    connect(m_recordPushButton, &QPushButton::clicked, this, &ReleasesPage::recordRelease);
    connect(m_reportPushButton, &QPushButton::clicked, this, &ReleasesPage::showSharingReport);
}

void ReleasesPage::setBusy(bool busy)
{
    m_recordPushButton->setEnabled(!busy);
    m_reportPushButton->setEnabled(!busy);
}

void ReleasesPage::showStatus(const QString& text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void ReleasesPage::refresh()
{
    setBusy(true);
    Session& session = m_session;
    runInBackground<ReleasesView>(
        m_session, this,
        [&session](store::Database& db) -> Result<ReleasesView> {
            auto releases = ReleaseService(session, db).list();
            if (!releases)
                return std::unexpected(releases.error());
            auto packages = EvidenceExportLog::list(db);
            if (!packages)
                return std::unexpected(packages.error());
            return ReleasesView{*releases, *packages};
        },
        [this](const Result<ReleasesView>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            m_releasesTableWidget->setRowCount(int(result->releases.size()));
            for (int row = 0; row < result->releases.size(); ++row) {
                const AgencyRelease& r = result->releases[row];
                const QStringList cells{
                    r.releasedUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    r.agency,
                    r.officer,
                    r.officerContact,
                    r.identityVerified,
                    r.legalBasis,
                    r.caseNumber,
                    r.releasedWhat + (r.packageName.isEmpty() ? QString() : tr(" (package %1)").arg(r.packageName)),
                    r.approvedBy};
                for (int column = 0; column < cells.size(); ++column)
                    m_releasesTableWidget->setItem(row, column, new QTableWidgetItem(cells[column]));
            }
            m_releasesTableWidget->resizeColumnsToContents();
            m_packageComboBox->clear();
            m_packageComboBox->addItem(tr("(none: released another way)"), QString());
            for (const EvidenceExportRecord& p : result->packages)
                m_packageComboBox->addItem(
                    tr("%1 — case %2, %n read(s)", nullptr, p.readCount).arg(p.packageName, p.caseNumber),
                    p.packageName);
            showStatus(tr("%n release(s) recorded", nullptr, int(result->releases.size())));
        });
}

void ReleasesPage::recordRelease()
{
    NewAgencyRelease release{
        m_agencyLineEdit->text(),   m_officerLineEdit->text(),  m_contactLineEdit->text(),
        m_verifiedLineEdit->text(), m_basisLineEdit->text(),    m_caseLineEdit->text(),
        m_whatLineEdit->text(),     m_approvedLineEdit->text(), m_packageComboBox->currentData().toString()};
    setBusy(true);
    Session& session = m_session;
    runInBackground<AgencyRelease>(
        m_session, this, [&session, release](store::Database& db) { return ReleaseService(session, db).add(release); },
        [this](const Result<AgencyRelease>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            for (QLineEdit* edit : {m_agencyLineEdit, m_officerLineEdit, m_contactLineEdit, m_verifiedLineEdit,
                                    m_basisLineEdit, m_caseLineEdit, m_whatLineEdit, m_approvedLineEdit})
                edit->clear();
            refresh();
            showStatus(tr("Recorded release %1 to %2").arg(result->id).arg(result->agency));
        });
}

void ReleasesPage::showSharingReport()
{
    const QDateTime from(m_fromDateEdit->date(), QTime(0, 0), Qt::UTC);
    const QDateTime to(m_toDateEdit->date(), QTime(23, 59, 59, 999), Qt::UTC);
    setBusy(true);
    Session& session = m_session;
    runInBackground<SharingReport>(
        m_session, this,
        [&session, from, to](store::Database& db) { return ReleaseService(session, db).sharingReport(from, to); },
        [this](const Result<SharingReport>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            QString text =
                tr("<h3>Releases to other agencies, %1 to %2: %3</h3>")
                    .arg(result->fromUtc.date().toString(Qt::ISODate), result->toUtc.date().toString(Qt::ISODate))
                    .arg(result->total);
            for (const SharingReport::AgencyLine& line : result->agencies) {
                text += QStringLiteral("<h4>%1 (%2)</h4><ul>").arg(html(line.agency)).arg(line.releases.size());
                for (const AgencyRelease& r : line.releases)
                    text += tr("<li>%1 — case %2 — %3 (%4), verified: %5 — basis: %6 — %7 — approved by %8</li>")
                                .arg(r.releasedUtc.toString(QStringLiteral("yyyy-MM-dd")), html(r.caseNumber),
                                     html(r.officer), html(r.officerContact), html(r.identityVerified),
                                     html(r.legalBasis), html(r.releasedWhat), html(r.approvedBy));
                text += QStringLiteral("</ul>");
            }
            m_reportTextBrowser->setHtml(text);
        });
}

} // namespace alpr::ui
