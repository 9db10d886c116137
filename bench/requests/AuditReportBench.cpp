// bench_audit_report [--records N] [--users U]: the audit program report of one month over a trail of N records
// (a year of activity by U users), against its baseline in the same run: AuditLog::verify, the chain walk every
// report includes. Also the seeded sample draw.
#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "requests/AuditProgramService.h"
#include "store/Transaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace alpr;

namespace {

class FixedClock final : public Clock {
public:
    [[nodiscard]] QDateTime nowUtc() const override { return QDateTime(QDate(2026, 7, 2), QTime(8, 0), Qt::UTC); }
};

const char* const kActions[] = {"search.plate",  "search.plate",    "search.plate", "read.view",    "read.view",
                                "canvass.run",   "evidence.export", "login",        "login.failed", "hold.place",
                                "alert.confirm", "hotlist.import",  "logout",       "case.attach"};
const char* const kPurposes[] = {"Criminal investigation", "Crime scene canvass", "Stolen vehicle / plate recovery",
                                 "test", "Missing person"};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("records"), QStringLiteral("audit records"), QStringLiteral("N"), QStringLiteral("200000")},
         {QStringLiteral("users"), QStringLiteral("users"), QStringLiteral("U"), QStringLiteral("40")}});
    parser.process(app);
    const int records = parser.value(QStringLiteral("records")).toInt();
    const int users = parser.value(QStringLiteral("users")).toInt();

    QTemporaryDir dir;
    FixedClock clock;
    SessionOptions options;
    options.clock = &clock;
    options.workstation = QStringLiteral("bench");
    options.kdfIterations = 2000;
    auto session = Session::initializeStore(dir.filePath(QStringLiteral("store")), QStringLiteral("chief"),
                                            QStringLiteral("Bench-password-2026"), QDate(2027, 1, 1), options);
    if (!session) {
        fprintf(stderr, "store: %s\n", qPrintable(session.error().toString()));
        return 1;
    }
    Session& s = **session;
    QRandomGenerator rng(7);
    const QDateTime start(QDate(2025, 7, 1), QTime(0, 0), Qt::UTC);
    const qint64 span = start.secsTo(QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC));
    QElapsedTimer timer;
    timer.start();
    // Appending needs sequential times only for realism, not for the chain: records go in time order.
    constexpr int kBatch = 5000;
    for (int done = 0; done < records;) {
        store::Transaction tx(s.database());
        for (int i = 0; i < kBatch && done < records; ++i, ++done) {
            AuditRecord r = s.auditRecord(QString::fromLatin1(kActions[rng.bounded(int(std::size(kActions)))]),
                                          QStringLiteral("read:%1").arg(rng.bounded(1000000)),
                                          QStringLiteral("{\"minutes_to_confirm\":%1}").arg(rng.bounded(60)),
                                          {QString::fromLatin1(kPurposes[rng.bounded(int(std::size(kPurposes)))]),
                                           QStringLiteral("26-%1").arg(rng.bounded(1000, 9999))});
            r.user = QStringLiteral("user%1").arg(rng.bounded(users));
            r.timeUtc = start.addSecs(span * done / records);
            AuditLog::append(tx, r);
        }
        tx.commit();
    }
    printf("trail: %d records appended in %.1f s\n", records, timer.elapsed() / 1000.0);

    timer.restart();
    auto verified = AuditLog::verify(s.database());
    const double verifyMs = double(timer.nsecsElapsed()) / 1e6;
    if (!verified || !verified->intact) {
        fprintf(stderr, "verify failed\n");
        return 1;
    }
    AuditProgramService program(s);
    const QDateTime from(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2026, 6, 30), QTime(23, 59, 59, 999), Qt::UTC);
    timer.restart();
    auto report = program.report(from, to);
    const double reportMs = double(timer.nsecsElapsed()) / 1e6;
    if (!report) {
        fprintf(stderr, "report: %s\n", qPrintable(report.error().toString()));
        return 1;
    }
    timer.restart();
    auto sample = program.drawSample(from, to, 50, 20260701);
    const double sampleMs = double(timer.nsecsElapsed()) / 1e6;
    if (!sample) {
        fprintf(stderr, "sample: %s\n", qPrintable(sample.error().toString()));
        return 1;
    }
    printf("baseline: verify the chain (%lld records): %.0f ms\n", verified->recordsChecked, verifyMs);
    printf("report of one month (%d records in the period, %lld flagged): %.0f ms, %.2fx the verify\n",
           report->totalRecords, qint64(report->meaningless.size()), reportMs, reportMs / verifyMs);
    printf("sample of 50 searches: %.0f ms\n", sampleMs);
    return 0;
}
