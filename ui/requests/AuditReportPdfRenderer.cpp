#include "requests/AuditReportPdfRenderer.h"

#include "evidence/PdfCanvas.h"
#include "requests/AuditCalendar.h"

namespace alpr {

namespace {

constexpr double kRowMm = 5.0;
constexpr double kBodyPoints = 8.5;

int mm(double millimetres)
{
    return PdfCanvas::mm(millimetres);
}

QString utcText(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("never");
}

QString dayText(const QDate& d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("none recorded");
}

/// Lays the report out on a canvas, page by page. Run twice: once to count the pages, once to draw with
/// "page N of M" footers.
class AuditReportLayout {
public:
    AuditReportLayout(PdfCanvas& canvas, const AuditProgramReport& report, int pages)
        : m_canvas(canvas), m_report(report), m_pages(pages), m_y(canvas.top())
    {
    }

    int draw()
    {
        header();
        summary();
        users();
        flagged();
        accounts();
        sharing();
        retention();
        hotlists();
        units();
        signature();
        m_canvas.footer(footerText(), m_page, m_pages);
        return m_page;
    }

private:
    QString footerText() const
    {
        return QStringLiteral("ALPR audit report %1 · chain anchor %2… · official use only")
            .arg(AuditPeriod{m_report.fromUtc, m_report.toUtc}.label(), m_report.anchor.toString().left(28));
    }

    void ensure(int height)
    {
        if (m_y + height <= m_canvas.bottom())
            return;
        m_canvas.footer(footerText(), m_page, m_pages);
        m_canvas.newPage();
        ++m_page;
        m_y = m_canvas.top();
    }

    void section(const QString& title)
    {
        ensure(mm(18));
        m_y += mm(4);
        m_y = m_canvas.text(m_canvas.left(), m_y, m_canvas.contentWidth(), title, 12, true) + mm(1);
        m_canvas.rule(m_y);
        m_y += mm(1.5);
    }

    void note(const QString& text)
    {
        ensure(mm(kRowMm));
        m_y = m_canvas.text(m_canvas.left(), m_y, m_canvas.contentWidth(), text, kBodyPoints) + mm(1);
    }

    /// A table row: columns at the given widths (mm), the last taking the rest; wraps, keeps rows whole.
    void row(const QStringList& cells, const QList<double>& widthsMm, bool bold = false)
    {
        ensure(mm(kRowMm * 2));
        int x = m_canvas.left();
        int below = m_y + mm(kRowMm - 1);
        for (int i = 0; i < cells.size(); ++i) {
            const int width = i < widthsMm.size() ? mm(widthsMm[i]) : m_canvas.right() - x;
            below = std::max(below, m_canvas.text(x, m_y, width - mm(1.5), cells[i], kBodyPoints, bold));
            x += width;
        }
        m_y = below + mm(0.8);
    }

    void figure(const QString& label, const QString& value) { row({label, value}, {95}); }

    void figure(const QString& label, qint64 value) { figure(label, QString::number(value)); }

    void header()
    {
        const AuditPeriod period{m_report.fromUtc, m_report.toUtc};
        m_y = m_canvas.text(m_canvas.left(), m_y, m_canvas.contentWidth(), QStringLiteral("ALPR system audit report"),
                            18, true) +
              mm(1);
        m_y = m_canvas.text(m_canvas.left(), m_y, m_canvas.contentWidth(),
                            QStringLiteral("Period %1: %2 to %3")
                                .arg(period.label(), utcText(m_report.fromUtc), utcText(m_report.toUtc)),
                            11) +
              mm(3);
        m_y = m_canvas.field(m_y, QStringLiteral("Prepared by"), m_report.generatedBy);
        m_y = m_canvas.field(m_y, QStringLiteral("Prepared at"), utcText(m_report.generatedUtc));
        m_y = m_canvas.field(m_y, QStringLiteral("Workstation"), m_report.workstation);
        m_y = m_canvas.field(
            m_y, QStringLiteral("Audit trail"),
            m_report.chain.intact
                ? QStringLiteral("Verified intact: %1 records, every hash matches").arg(m_report.chain.recordsChecked)
                : QStringLiteral("VERIFICATION FAILED at record %1: %2")
                      .arg(m_report.chain.firstBadSeq)
                      .arg(m_report.chain.reason));
        m_y = m_canvas.field(m_y, QStringLiteral("Chain anchor"), m_report.anchor.toString());
        m_y = m_canvas.text(m_canvas.left() + mm(42), m_y, m_canvas.contentWidth() - mm(42),
                            QStringLiteral("Keep this anchor with the signed report. `alprctl audit verify --anchor "
                                           "COUNT:HASH` later proves the trail still holds every record up to it."),
                            7.5) +
              mm(2);
    }

    void summary()
    {
        section(QStringLiteral("Summary"));
        const auto t = m_report.accessTotals();
        figure(QStringLiteral("Audit records in the period"), m_report.totalRecords);
        figure(QStringLiteral("Searches / canvasses / views / exports"),
               QStringLiteral("%1 / %2 / %3 / %4").arg(t.searches).arg(t.canvasses).arg(t.views).arg(t.exports));
        figure(QStringLiteral("Accesses with a meaningless purpose or case"), m_report.meaningless.size());
        figure(QStringLiteral("Active accounts with expired training"), m_report.trainingExpired.size());
        figure(QStringLiteral("Accounts unused for %1 days").arg(m_report.unusedDays), m_report.unusedAccounts.size());
        figure(QStringLiteral("Failed logins / lockouts"),
               QStringLiteral("%1 / %2").arg(m_report.failedLogins).arg(m_report.lockouts));
        figure(QStringLiteral("Reads older than the retention maximum, not held"), m_report.readsOverRetention);
        figure(QStringLiteral("Units without a transfer for %1 days").arg(m_report.unitSilentDays),
               m_report.silentUnits.size());
    }

    void users()
    {
        section(QStringLiteral("Access to ALPR data by user"));
        if (m_report.users.isEmpty())
            return note(QStringLiteral("No searches, canvasses, views or exports in the period."));
        const QList<double> widths{28, 17, 21, 14, 15, 38};
        row({QStringLiteral("User"), QStringLiteral("Searches"), QStringLiteral("Canvasses"), QStringLiteral("Views"),
             QStringLiteral("Exports"), QStringLiteral("Case numbers"), QStringLiteral("Purposes")},
            widths, true);
        for (const auto& u : m_report.users)
            row({u.user, QString::number(u.searches), QString::number(u.canvasses), QString::number(u.views),
                 QString::number(u.exports), u.cases.join(QStringLiteral(", ")), u.purposes.join(QStringLiteral("; "))},
                widths);
    }

    void flagged()
    {
        section(QStringLiteral("Purposes or case numbers that look meaningless"));
        if (m_report.meaningless.isEmpty())
            return note(QStringLiteral("None."));
        const QList<double> widths{14, 32, 24, 26, 38, 24};
        row({QStringLiteral("Record"), QStringLiteral("Time"), QStringLiteral("User"), QStringLiteral("Action"),
             QStringLiteral("Purpose"), QStringLiteral("Case"), QStringLiteral("Why")},
            widths, true);
        for (const auto& f : m_report.meaningless)
            row({QString::number(f.seq), utcText(f.timeUtc), f.user, f.action, f.purpose, f.caseNumber, f.why}, widths);
    }

    void accounts()
    {
        section(QStringLiteral("Accounts"));
        const QList<double> widths{35, 35, 35, 40};
        note(QStringLiteral("Active accounts whose ALPR training has expired:"));
        if (m_report.trainingExpired.isEmpty())
            note(QStringLiteral("None."));
        else
            row({QStringLiteral("User"), QStringLiteral("Role"), QStringLiteral("Training until"),
                 QStringLiteral("Last login"), QStringLiteral("Actions after expiry")},
                widths, true);
        for (const auto& a : m_report.trainingExpired)
            row({a.user, a.role, dayText(a.trainingUntil), utcText(a.lastLoginUtc),
                 QString::number(a.actionsAfterExpiry)},
                widths);
        note(QStringLiteral("Active accounts unused for %1 days or more:").arg(m_report.unusedDays));
        if (m_report.unusedAccounts.isEmpty())
            note(QStringLiteral("None."));
        for (const auto& a : m_report.unusedAccounts)
            row({a.user, a.role, dayText(a.trainingUntil), utcText(a.lastLoginUtc)}, widths);
        figure(QStringLiteral("Failed or refused logins"), m_report.failedLogins);
        for (auto it = m_report.failedLoginsByUser.cbegin(); it != m_report.failedLoginsByUser.cend(); ++it)
            figure(QStringLiteral("    %1").arg(it.key()), it.value());
        figure(QStringLiteral("Lockouts"), m_report.lockouts);
    }

    void sharing()
    {
        section(QStringLiteral("Exports, releases and outside requests"));
        figure(QStringLiteral("Evidence packages exported"), m_report.exports);
        figure(QStringLiteral("Releases to other agencies"), m_report.releases);
        for (auto it = m_report.releasesByAgency.cbegin(); it != m_report.releasesByAgency.cend(); ++it)
            figure(QStringLiteral("    %1").arg(it.key()), it.value());
        figure(QStringLiteral("Records requests received"), m_report.requestsReceived);
        figure(QStringLiteral("Records requests closed"), m_report.requestsClosed);
        figure(QStringLiteral("Open at the end of the period / overdue"),
               QStringLiteral("%1 / %2").arg(m_report.requestsOpen).arg(m_report.requestsOverdue));
    }

    void retention()
    {
        section(QStringLiteral("Holds, purges and retention"));
        figure(QStringLiteral("Holds placed / released"),
               QStringLiteral("%1 / %2").arg(m_report.holdsPlaced).arg(m_report.holdsReleased));
        figure(QStringLiteral("Purge runs / reads purged"),
               QStringLiteral("%1 / %2").arg(m_report.purgeRuns).arg(m_report.readsPurged));
        figure(QStringLiteral("Reads past the retention maximum, not held"),
               m_report.readsOverRetention == 0 ? QStringLiteral("0 (compliant)")
                                                : QStringLiteral("%1, the oldest captured %2")
                                                      .arg(m_report.readsOverRetention)
                                                      .arg(dayText(m_report.oldestOverRetention)));
    }

    void hotlists()
    {
        section(QStringLiteral("Hot lists and alerts"));
        figure(QStringLiteral("Hot-list imports"), m_report.hotlistImports);
        figure(QStringLiteral("Hot-list entries added / removed"),
               QStringLiteral("%1 / %2").arg(m_report.hotlistEntriesAdded).arg(m_report.hotlistEntriesRemoved));
        figure(QStringLiteral("Alerts viewed / visually checked"),
               QStringLiteral("%1 / %2").arg(m_report.alertsViewed).arg(m_report.alertsVisual));
        figure(QStringLiteral("Alerts confirmed / rejected / closed"), QStringLiteral("%1 / %2 / %3")
                                                                           .arg(m_report.alertsConfirmed)
                                                                           .arg(m_report.alertsRejected)
                                                                           .arg(m_report.alertsClosed));
        if (!m_report.confirmationMinutes.isEmpty()) {
            const int longest =
                *std::max_element(m_report.confirmationMinutes.cbegin(), m_report.confirmationMinutes.cend());
            figure(QStringLiteral("Minutes from alert to confirmation"),
                   QStringLiteral("median %1, longest %2")
                       .arg(m_report.medianConfirmationMinutes(), 0, 'f', 1)
                       .arg(longest));
        }
    }

    void units()
    {
        section(QStringLiteral("Units and undocking"));
        note(QStringLiteral("Vehicle units without a data transfer for %1 days or more:").arg(m_report.unitSilentDays));
        if (m_report.silentUnits.isEmpty())
            note(QStringLiteral("None."));
        for (const auto& u : m_report.silentUnits)
            row({u.unitId, u.name, QStringLiteral("last transfer: %1").arg(utcText(u.lastTransferUtc))}, {35, 50});
        figure(QStringLiteral("Undock requests / approved / denied / returned"), QStringLiteral("%1 / %2 / %3 / %4")
                                                                                     .arg(m_report.undockRequests)
                                                                                     .arg(m_report.undockApprovals)
                                                                                     .arg(m_report.undockDenials)
                                                                                     .arg(m_report.undockReturns));
    }

    void signature()
    {
        section(QStringLiteral("Review"));
        ensure(mm(48));
        note(QStringLiteral("I have reviewed this report and the sampled searches of the period."));
        m_y += mm(6);
        for (const QString& label : {QStringLiteral("Auditor (name, rank)"), QStringLiteral("Signature"),
                                     QStringLiteral("Date"), QStringLiteral("Findings referred to")}) {
            m_canvas.text(m_canvas.left(), m_y, mm(45), label, 9.5, true);
            m_canvas.painter().setPen(QPen(Qt::black, mm(0.2)));
            m_canvas.painter().drawLine(m_canvas.left() + mm(48), m_y + mm(5), m_canvas.right(), m_y + mm(5));
            m_y += mm(10);
        }
    }

    PdfCanvas& m_canvas;
    const AuditProgramReport& m_report;
    int m_pages = 0;
    int m_page = 1;
    int m_y = 0;
};

} // namespace

Result<QByteArray> AuditReportPdfRenderer::render(const AuditProgramReport& report)
{
    if (auto gui = PdfCanvas::requireGuiApplication(); !gui)
        return std::unexpected(gui.error());
    const QString title = QStringLiteral("ALPR audit report %1").arg(AuditPeriod{report.fromUtc, report.toUtc}.label());
    int pages = 0;
    {
        PdfCanvas counting(title);
        pages = AuditReportLayout(counting, report, 0).draw();
        (void)counting.finish();
    }
    PdfCanvas canvas(title);
    AuditReportLayout(canvas, report, pages).draw();
    const QByteArray bytes = canvas.finish();
    if (bytes.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("The audit report could not be drawn"));
    return bytes;
}

} // namespace alpr
