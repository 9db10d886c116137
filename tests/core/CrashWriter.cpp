// Inserts batches of reads, each with its audit record, and reports every commit on stdout, until it is killed.
#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "reads/ReadRepository.h"
#include "store/Transaction.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        fprintf(stderr, "usage: alpr_crash_writer STORE USER PASSWORD\n");
        return 1;
    }
    auto session = alpr::Session::login(args[1], args[2], args[3]);
    if (!session) {
        fprintf(stderr, "%s\n", qPrintable(session.error().toString()));
        return 2;
    }
    alpr::Session& s = **session;
    constexpr int kBatch = 500;
    for (int batch = 1;; ++batch) {
        QList<alpr::PlateRead> reads;
        for (int i = 0; i < kBatch; ++i) {
            alpr::PlateRead r;
            r.plate = QStringLiteral("CR%1X%2").arg(batch).arg(i % 97);
            r.confidence = 0.9;
            r.timeUtc = QDateTime::currentDateTimeUtc();
            r.unitId = QStringLiteral("CRASH-UNIT");
            r.sourceFile = QStringLiteral("batch-%1").arg(batch);
            r.alternatives = {{QStringLiteral("CR%1Y").arg(batch), 0.05}};
            reads.append(r);
        }
        auto committed = alpr::guarded([&] {
            alpr::store::Transaction tx(s.database());
            alpr::ReadRepository(s.database()).insert(tx, reads);
            alpr::AuditLog::append(tx, s.auditRecord(QStringLiteral("import.batch"), QStringLiteral("batch-%1").arg(batch),
                                                     {}, {}, QStringLiteral("reads: %1").arg(kBatch)));
            tx.commit();
        });
        if (!committed) {
            fprintf(stderr, "%s\n", qPrintable(committed.error().toString()));
            return 4;
        }
        printf("committed %d\n", batch);
        fflush(stdout);
    }
}
