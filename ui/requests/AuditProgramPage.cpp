#include "requests/AuditProgramPage.h"

#include "accounts/Session.h"
#include "common/BackgroundTask.h"
#include "requests/AuditProgramService.h"
#include "requests/AuditReportCsv.h"
#include "requests/AuditReportPdfRenderer.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

constexpr int kDefaultSampleSize = 25;

QString h(const QString& text)
{
    return text.toHtmlEscaped();
}

QString line(const QString& label, const QString& value, bool alert = false)
{
    return QStringLiteral("<tr><td>%1</td><td%3><b>%2</b></td></tr>")
        .arg(h(label), h(value), alert ? QStringLiteral(" style=\"color:#b00020\"") : QString());
}

QString reportHtml(const AuditProgramReport& r)
{
    const auto t = r.accessTotals();
    QString out = QStringLiteral("<h3>Audit report %1</h3>").arg(h(AuditPeriod{r.fromUtc, r.toUtc}.label()));
    out +=
        QStringLiteral("<p>%1</p>")
            .arg(r.chain.intact ? QObject::tr("Audit trail verified intact (%1 records). Anchor: <tt>%2</tt>")
                                      .arg(r.chain.recordsChecked)
                                      .arg(r.anchor.toString())
                                : QObject::tr("<span style=\"color:#b00020\"><b>AUDIT TRAIL VERIFICATION FAILED</b>: "
                                              "%1</span>")
                                      .arg(h(r.chain.reason)));
    out += QStringLiteral("<table cellspacing=\"2\">");
    out += line(QObject::tr("Audit records in the period"), QString::number(r.totalRecords));
    out += line(QObject::tr("Searches / canvasses / views / exports"),
                QStringLiteral("%1 / %2 / %3 / %4").arg(t.searches).arg(t.canvasses).arg(t.views).arg(t.exports));
    out += line(QObject::tr("Meaningless purposes or case numbers"), QString::number(r.meaningless.size()),
                !r.meaningless.isEmpty());
    out += line(QObject::tr("Active accounts with expired training"), QString::number(r.trainingExpired.size()),
                !r.trainingExpired.isEmpty());
    out += line(QObject::tr("Accounts unused %1 days").arg(r.unusedDays), QString::number(r.unusedAccounts.size()),
                !r.unusedAccounts.isEmpty());
    out += line(QObject::tr("Failed logins / lockouts"), QStringLiteral("%1 / %2").arg(r.failedLogins).arg(r.lockouts));
    out += line(QObject::tr("Evidence exports / releases"), QStringLiteral("%1 / %2").arg(r.exports).arg(r.releases));
    out += line(QObject::tr("Requests received / closed / open / overdue"),
                QStringLiteral("%1 / %2 / %3 / %4")
                    .arg(r.requestsReceived)
                    .arg(r.requestsClosed)
                    .arg(r.requestsOpen)
                    .arg(r.requestsOverdue),
                r.requestsOverdue > 0);
    out += line(
        QObject::tr("Holds placed / released; purges / reads purged"),
        QStringLiteral("%1 / %2; %3 / %4").arg(r.holdsPlaced).arg(r.holdsReleased).arg(r.purgeRuns).arg(r.readsPurged));
    out += line(QObject::tr("Reads past the retention maximum, not held"), QString::number(r.readsOverRetention),
                r.readsOverRetention > 0);
    out += line(QObject::tr("Hot-list imports; alerts confirmed / rejected"),
                QStringLiteral("%1; %2 / %3").arg(r.hotlistImports).arg(r.alertsConfirmed).arg(r.alertsRejected));
    if (!r.confirmationMinutes.isEmpty())
        out += line(QObject::tr("Median minutes to confirm an alert"),
                    QString::number(r.medianConfirmationMinutes(), 'f', 1));
    out += line(QObject::tr("Units silent %1 days; undock requests").arg(r.unitSilentDays),
                QStringLiteral("%1; %2").arg(r.silentUnits.size()).arg(r.undockRequests), !r.silentUnits.isEmpty());
    out += QStringLiteral("</table>");
    out += QObject::tr("<h4>Access by user</h4><table border=\"0\" cellspacing=\"4\"><tr><th align=\"left\">User</th>"
                       "<th>Searches</th><th>Canvasses</th><th>Views</th><th>Exports</th><th align=\"left\">Cases</th>"
                       "</tr>");
    for (const auto& u : r.users)
        out += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                              "<td align=\"right\">%4</td><td align=\"right\">%5</td><td>%6</td></tr>")
                   .arg(h(u.user))
                   .arg(u.searches)
                   .arg(u.canvasses)
                   .arg(u.views)
                   .arg(u.exports)
                   .arg(h(u.cases.join(QStringLiteral(", "))));
    out += QStringLiteral("</table>");
    if (!r.meaningless.isEmpty()) {
        out += QObject::tr("<h4>Meaningless purposes or case numbers</h4><ul>");
        for (const auto& f : r.meaningless)
            out += QStringLiteral("<li>#%1 %2 %3 %4: purpose “%5”, case “%6” — %7</li>")
                       .arg(f.seq)
                       .arg(f.timeUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")), h(f.user), h(f.action),
                            h(f.purpose), h(f.caseNumber), h(f.why));
        out += QStringLiteral("</ul>");
    }
    return out;
}

VoidResult writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io,
                    QObject::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

AuditProgramPage::AuditProgramPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_audits(session.can(Permission::VerifyAudit)),
      m_reminderLabel(new QLabel(this)), m_duePushButton(new QPushButton(tr("Open the due period"), this)),
      m_fromDateEdit(new QDateEdit(this)), m_toDateEdit(new QDateEdit(this)),
      m_reportPushButton(new QPushButton(tr("&Make report"), this)),
      m_pdfPushButton(new QPushButton(tr("Save &PDF..."), this)),
      m_csvPushButton(new QPushButton(tr("Save &CSV..."), this)), m_reportTextBrowser(new QTextBrowser(this)),
      m_sampleSpinBox(new QSpinBox(this)), m_seedLineEdit(new QLineEdit(this)),
      m_samplePushButton(new QPushButton(tr("&Draw sample"), this)), m_sampleTableWidget(new QTableWidget(this)),
      m_noteLineEdit(new QLineEdit(this)), m_justifiedPushButton(new QPushButton(tr("&Justified"), this)),
      m_notJustifiedPushButton(new QPushButton(tr("&Not justified"), this)), m_findingsLineEdit(new QLineEdit(this)),
      m_signOffPushButton(new QPushButton(tr("&Sign off period"), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("auditProgramPage"));
    m_reminderLabel->setObjectName(QStringLiteral("auditReminderLabel"));
    m_reminderLabel->setStyleSheet(
        QStringLiteral("background: #fff4ce; border: 1px solid #e0b000; padding: 6px; font-weight: bold"));
    m_reminderLabel->hide();
    m_duePushButton->setObjectName(QStringLiteral("auditDuePushButton"));
    m_duePushButton->hide();
    // The last complete month is the usual period.
    const QDate firstOfMonth(session.clock().nowUtc().date().year(), session.clock().nowUtc().date().month(), 1);
    m_fromDateEdit->setObjectName(QStringLiteral("programFromDateEdit"));
    m_fromDateEdit->setCalendarPopup(true);
    m_fromDateEdit->setDate(firstOfMonth.addMonths(-1));
    m_toDateEdit->setObjectName(QStringLiteral("programToDateEdit"));
    m_toDateEdit->setCalendarPopup(true);
    m_toDateEdit->setDate(firstOfMonth.addDays(-1));
    m_reportPushButton->setObjectName(QStringLiteral("makeReportPushButton"));
    m_pdfPushButton->setObjectName(QStringLiteral("saveReportPdfPushButton"));
    m_csvPushButton->setObjectName(QStringLiteral("saveReportCsvPushButton"));
    m_pdfPushButton->setEnabled(false);
    m_csvPushButton->setEnabled(false);
    m_reportTextBrowser->setObjectName(QStringLiteral("reportTextBrowser"));
    m_sampleSpinBox->setObjectName(QStringLiteral("sampleSizeSpinBox"));
    m_sampleSpinBox->setRange(1, AuditProgramService::kMaxSampleSize);
    m_sampleSpinBox->setValue(kDefaultSampleSize);
    m_seedLineEdit->setObjectName(QStringLiteral("sampleSeedLineEdit"));
    m_seedLineEdit->setPlaceholderText(tr("random"));
    m_seedLineEdit->setMaximumWidth(180);
    m_samplePushButton->setObjectName(QStringLiteral("drawSamplePushButton"));
    m_sampleTableWidget->setObjectName(QStringLiteral("sampleTableWidget"));
    m_sampleTableWidget->setColumnCount(7);
    m_sampleTableWidget->setHorizontalHeaderLabels(
        {tr("Record"), tr("Time (UTC)"), tr("User"), tr("Purpose"), tr("Case"), tr("Verdict"), tr("Note")});
    m_sampleTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sampleTableWidget->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sampleTableWidget->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sampleTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_sampleTableWidget->verticalHeader()->hide();
    m_noteLineEdit->setObjectName(QStringLiteral("sampleNoteLineEdit"));
    m_noteLineEdit->setPlaceholderText(tr("note (required when not justified)"));
    m_justifiedPushButton->setObjectName(QStringLiteral("justifiedPushButton"));
    m_notJustifiedPushButton->setObjectName(QStringLiteral("notJustifiedPushButton"));
    m_findingsLineEdit->setObjectName(QStringLiteral("findingsLineEdit"));
    m_findingsLineEdit->setPlaceholderText(tr("findings, referrals"));
    m_signOffPushButton->setObjectName(QStringLiteral("signOffPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("auditProgramStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* reminder = new QHBoxLayout;
    reminder->addWidget(m_reminderLabel, 1);
    reminder->addWidget(m_duePushButton);
    auto* period = new QHBoxLayout;
    period->addWidget(new QLabel(tr("Period from"), this));
    period->addWidget(m_fromDateEdit);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_toDateEdit);
    period->addWidget(m_reportPushButton);
    period->addWidget(m_pdfPushButton);
    period->addWidget(m_csvPushButton);
    period->addStretch();

    auto* sampleBox = new QGroupBox(tr("Random sample of the period's searches"), this);
    auto* sample = new QVBoxLayout(sampleBox);
    auto* draw = new QHBoxLayout;
    draw->addWidget(new QLabel(tr("Searches:"), this));
    draw->addWidget(m_sampleSpinBox);
    draw->addWidget(new QLabel(tr("Seed:"), this));
    draw->addWidget(m_seedLineEdit);
    draw->addWidget(m_samplePushButton);
    draw->addStretch();
    sample->addLayout(draw);
    sample->addWidget(m_sampleTableWidget, 1);
    auto* mark = new QHBoxLayout;
    mark->addWidget(m_noteLineEdit, 1);
    mark->addWidget(m_justifiedPushButton);
    mark->addWidget(m_notJustifiedPushButton);
    sample->addLayout(mark);
    auto* sign = new QHBoxLayout;
    sign->addWidget(new QLabel(tr("Sign-off:"), this));
    sign->addWidget(m_findingsLineEdit, 1);
    sign->addWidget(m_signOffPushButton);
    sample->addLayout(sign);
    sampleBox->setVisible(m_audits);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_reportTextBrowser);
    split->addWidget(sampleBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(reminder);
    layout->addLayout(period);
    layout->addWidget(split, 1);
    layout->addWidget(m_statusLabel);

    connect(m_reportPushButton, &QPushButton::clicked, this, &AuditProgramPage::makeReport);
    connect(m_pdfPushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the audit report"),
            QStringLiteral("alpr-audit-%1.pdf").arg(AuditPeriod{fromUtc(), toUtc()}.label()), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            savePdf(path);
    });
    connect(m_csvPushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the audit figures"),
            QStringLiteral("alpr-audit-%1.csv").arg(AuditPeriod{fromUtc(), toUtc()}.label()), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            saveCsv(path);
    });
    connect(m_samplePushButton, &QPushButton::clicked, this, &AuditProgramPage::drawSample);
    connect(m_justifiedPushButton, &QPushButton::clicked, this, [this] { markSelected(true); });
    connect(m_notJustifiedPushButton, &QPushButton::clicked, this, [this] { markSelected(false); });
    connect(m_signOffPushButton, &QPushButton::clicked, this, &AuditProgramPage::signOff);
}

QDateTime AuditProgramPage::fromUtc() const
{
    return QDateTime(m_fromDateEdit->date(), QTime(0, 0), Qt::UTC);
}

QDateTime AuditProgramPage::toUtc() const
{
    return QDateTime(m_toDateEdit->date(), QTime(23, 59, 59, 999), Qt::UTC);
}

void AuditProgramPage::setBusy(bool busy)
{
    for (QPushButton* b :
         {m_reportPushButton, m_samplePushButton, m_justifiedPushButton, m_notJustifiedPushButton, m_signOffPushButton})
        b->setEnabled(!busy);
    m_pdfPushButton->setEnabled(!busy && m_report.has_value());
    m_csvPushButton->setEnabled(!busy && m_report.has_value());
}

void AuditProgramPage::showStatus(const QString& text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void AuditProgramPage::refresh()
{
    if (!m_audits)
        return;
    Session& session = m_session;
    runInBackground<std::optional<AuditPeriod>>(
        m_session, this, [&session](store::Database& db) { return AuditProgramService(session, db).duePeriod(); },
        [this](const Result<std::optional<AuditPeriod>>& due) {
            const bool show = due && due->has_value();
            m_reminderLabel->setVisible(show);
            m_duePushButton->setVisible(show);
            if (!show)
                return emit dueChanged(QString());
            const AuditPeriod period = **due;
            emit dueChanged(period.label());
            m_reminderLabel->setText(tr("The audit report for %1 is due: make the report, review a sample of the "
                                        "searches and sign the period off.")
                                         .arg(period.label()));
            disconnect(m_duePushButton, nullptr, this, nullptr);
            connect(m_duePushButton, &QPushButton::clicked, this, [this, period] {
                m_fromDateEdit->setDate(period.fromUtc.date());
                m_toDateEdit->setDate(period.toUtc.date());
            });
        });
}

void AuditProgramPage::makeReport()
{
    const QDateTime from = fromUtc();
    const QDateTime to = toUtc();
    setBusy(true);
    showStatus(tr("Counting the period's records and verifying the chain..."));
    Session& session = m_session;
    runInBackground<AuditProgramReport>(
        m_session, this,
        [&session, from, to](store::Database& db) { return AuditProgramService(session, db).report(from, to); },
        [this](const Result<AuditProgramReport>& result) {
            if (!result) {
                setBusy(false);
                return showStatus(result.error().message, true);
            }
            m_report = *result;
            setBusy(false);
            showReport(*result);
            emit reportReady();
        });
}

void AuditProgramPage::showReport(const AuditProgramReport& report)
{
    m_reportTextBrowser->setHtml(reportHtml(report));
    showStatus(report.chain.intact ? tr("Report made; anchor %1").arg(report.anchor.toString())
                                   : tr("The audit trail does not verify: %1").arg(report.chain.reason),
               !report.chain.intact);
}

void AuditProgramPage::savePdf(const QString& path)
{
    if (!m_report)
        return;
    const AuditProgramReport report = *m_report;
    setBusy(true);
    // Drawing the PDF touches no database, but a large report takes a moment: off the GUI thread all the same.
    runInBackground<bool>(
        m_session, this,
        [report, path](store::Database&) -> Result<bool> {
            auto pdf = AuditReportPdfRenderer().render(report);
            if (!pdf)
                return std::unexpected(pdf.error());
            if (auto written = writeFile(path, *pdf); !written)
                return std::unexpected(written.error());
            return true;
        },
        [this, path](const Result<bool>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        });
}

void AuditProgramPage::saveCsv(const QString& path)
{
    if (!m_report)
        return;
    if (auto written = writeFile(path, AuditReportCsv::render(*m_report)); !written)
        return showStatus(written.error().message, true);
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void AuditProgramPage::drawSample()
{
    const QDateTime from = fromUtc();
    const QDateTime to = toUtc();
    const int count = m_sampleSpinBox->value();
    std::optional<quint64> seed;
    if (!m_seedLineEdit->text().trimmed().isEmpty()) {
        bool ok = false;
        seed = m_seedLineEdit->text().trimmed().toULongLong(&ok);
        if (!ok)
            return showStatus(tr("The seed is a whole number (or empty for a random one)"), true);
    }
    setBusy(true);
    Session& session = m_session;
    runInBackground<AuditSample>(
        m_session, this,
        [&session, from, to, count, seed](store::Database& db) {
            return AuditProgramService(session, db).drawSample(from, to, count, seed);
        },
        [this](const Result<AuditSample>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            showSample(*result);
            m_seedLineEdit->setText(QString::number(result->seed));
            showStatus(tr("Sample %1: %2 of %3 searches drawn with seed %4")
                           .arg(result->id)
                           .arg(result->items.size())
                           .arg(result->requested)
                           .arg(result->seed));
            emit sampleReady();
        });
}

void AuditProgramPage::showSample(const AuditSample& sample)
{
    const int keep = m_sampleTableWidget->currentRow();
    m_sample = sample;
    m_sampleTableWidget->setRowCount(int(sample.items.size()));
    for (int row = 0; row < sample.items.size(); ++row) {
        const AuditSampleItem& i = sample.items[row];
        const QString verdict = i.verdict == SampleVerdict::Justified      ? tr("justified")
                                : i.verdict == SampleVerdict::NotJustified ? tr("NOT justified")
                                                                           : QString();
        const QStringList cells{QString::number(i.record.seq),
                                i.record.timeUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                i.record.user,
                                i.record.purpose,
                                i.record.caseNumber,
                                verdict,
                                i.note};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (i.verdict == SampleVerdict::NotJustified)
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_sampleTableWidget->setItem(row, column, item);
        }
    }
    m_sampleTableWidget->resizeColumnsToContents();
    if (keep >= 0 && keep < m_sampleTableWidget->rowCount())
        m_sampleTableWidget->selectRow(keep);
}

void AuditProgramPage::markSelected(bool justified)
{
    const int row = m_sampleTableWidget->currentRow();
    if (!m_sample || row < 0 || row >= m_sample->items.size())
        return showStatus(tr("Select a sampled search first"), true);
    const qint64 sampleId = m_sample->id;
    const qint64 seq = m_sample->items[row].record.seq;
    const QString note = m_noteLineEdit->text();
    const SampleVerdict verdict = justified ? SampleVerdict::Justified : SampleVerdict::NotJustified;
    setBusy(true);
    Session& session = m_session;
    runInBackground<AuditSample>(
        m_session, this,
        [&session, sampleId, seq, verdict, note](store::Database& db) -> Result<AuditSample> {
            AuditProgramService service(session, db);
            if (auto marked = service.review(sampleId, seq, verdict, note); !marked)
                return std::unexpected(marked.error());
            return service.sample(sampleId);
        },
        [this](const Result<AuditSample>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            m_noteLineEdit->clear();
            showSample(*result);
            showStatus(tr("%1 of %2 sampled searches reviewed").arg(result->reviewed()).arg(result->items.size()));
        });
}

void AuditProgramPage::signOff()
{
    const QDateTime from = fromUtc();
    const QDateTime to = toUtc();
    const QString findings = m_findingsLineEdit->text();
    setBusy(true);
    Session& session = m_session;
    runInBackground<AuditSignoff>(
        m_session, this,
        [&session, from, to, findings](store::Database& db) {
            return AuditProgramService(session, db).signOff(from, to, findings);
        },
        [this](const Result<AuditSignoff>& result) {
            setBusy(false);
            if (!result)
                return showStatus(result.error().message, true);
            m_findingsLineEdit->clear();
            showStatus(tr("Signed off %1 with anchor %2:%3")
                           .arg(AuditPeriod{result->fromUtc, result->toUtc}.label())
                           .arg(result->anchorCount)
                           .arg(result->anchorHash));
            refresh();
        });
}

} // namespace alpr::ui
