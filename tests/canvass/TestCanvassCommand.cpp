#include "CanvassFixture.h"
#include "TestStore.h"
#include "audit/AuditLog.h"
#include "cli/CanvassCommand.h"
#include "cli/CliContext.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace alpr;
using namespace alpr::test;

namespace {

const QDateTime kEvening(QDate(2026, 5, 30), QTime(18, 0), Qt::UTC);
const GeoPoint kScene{39.2850, -76.5800};

struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs `alprctl canvass ARGS` in process: the password comes on stdin (--password-stdin), stdout and stderr go to
/// files that are read back, so the test sees exactly what a script would.
CliRun runCanvass(TestStore& store, const QStringList& arguments)
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in")), out = dir.filePath(QStringLiteral("out")),
                  err = dir.filePath(QStringLiteral("err"));
    QFile password(in);
    if (password.open(QIODevice::WriteOnly))
        password.write(TestStore::kPassword.toUtf8() + '\n');
    password.close();
    std::fflush(stdout);
    std::fflush(stderr);
    const int saved[3] = {dup(0), dup(1), dup(2)};
    const int inFd = open(QFile::encodeName(in).constData(), O_RDONLY);
    const int outFd = open(QFile::encodeName(out).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int errFd = open(QFile::encodeName(err).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(inFd, 0);
    dup2(outFd, 1);
    dup2(errFd, 2);
    std::clearerr(stdin);
    CliRun run;
    {
        cli::CliContext context(arguments, store.directory(), TestStore::kAdmin, true);
        run.code = cli::runCanvassCommand(context);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    for (int fd = 0; fd < 3; ++fd) {
        dup2(saved[fd], fd);
        close(saved[fd]);
    }
    close(inFd);
    close(outFd);
    close(errFd);
    QFile o(out), e(err);
    if (o.open(QIODevice::ReadOnly))
        run.out = o.readAll();
    if (e.open(QIODevice::ReadOnly))
        run.err = e.readAll();
    return run;
}

QStringList canvassArguments()
{
    return {QStringLiteral("--at"),      QStringLiteral("39.2850,-76.5800"),
            QStringLiteral("--radius"),  QStringLiteral("300"),
            QStringLiteral("--from"),    QStringLiteral("2026-05-30T17:00:00Z"),
            QStringLiteral("--to"),      QStringLiteral("2026-05-30T19:00:00Z"),
            QStringLiteral("--purpose"), QStringLiteral("Crime scene canvass"),
            QStringLiteral("--case"),    QStringLiteral("HOM-2026-0142")};
}

} // namespace

class TestCanvassCommand : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        QVERIFY(m_store->isValid());
        insertReads(m_store->session().database(),
                    {makeRead(QStringLiteral("ABC123"), kScene, kEvening),
                     makeRead(QStringLiteral("ABC123"), EllipsoidOffset::north(kScene, 200), kEvening.addSecs(60),
                              QStringLiteral("CAR-3")),
                     makeRead(QStringLiteral("FAR1"), EllipsoidOffset::north(kScene, 400), kEvening),
                     makeRead(QStringLiteral("LATE1"), kScene, kEvening.addSecs(3 * 3600))});
    }

    void jsonOneObjectPerRead()
    {
        QStringList arguments = canvassArguments();
        arguments << QStringLiteral("--json");
        const CliRun run = runCanvass(*m_store, arguments);
        QCOMPARE(run.code, int(cli::ExitOk));
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("plate")).toString(), QStringLiteral("ABC123"));
        QCOMPARE(first.value(QStringLiteral("time")).toString(), QStringLiteral("2026-05-30T18:00:00Z"));
        QCOMPARE(first.value(QStringLiteral("lat")).toDouble(), 39.2850);
        QVERIFY(run.err.contains("2 reads, 1 plates"));
    }

    void groupOneLinePerPlate()
    {
        QStringList arguments = canvassArguments();
        arguments << QStringLiteral("--group");
        const CliRun run = runCanvass(*m_store, arguments);
        QCOMPARE(run.code, int(cli::ExitOk));
        const QList<QByteArray> lines = run.out.split('\n');
        QCOMPARE(lines.size(), 3); // header, one plate, the final newline
        QCOMPARE(lines.at(1), QByteArray("ABC123\t2\t2026-05-30T18:00:00Z\t2026-05-30T18:01:00Z\tCAR-12,CAR-3\t"));
    }

    void refusedWithoutCase()
    {
        QStringList arguments = canvassArguments().mid(0, 10); // drops --case
        const CliRun run = runCanvass(*m_store, arguments);
        QCOMPARE(run.code, int(cli::ExitRefused));
        QVERIFY(run.out.isEmpty());
        AuditFilter filter;
        filter.action = QStringLiteral("canvass.run");
        const auto records = AuditLog::list(m_store->session().database(), filter);
        QCOMPARE(records->size(), 1);
        QVERIFY(records->first().outcome.startsWith(QStringLiteral("refused")));
    }

    void usageErrors()
    {
        QCOMPARE(runCanvass(*m_store, {QStringLiteral("--at"), QStringLiteral("north")}).code, int(cli::ExitUsage));
        QStringList noRadius = canvassArguments();
        noRadius.removeAt(3);
        noRadius.removeAt(2);
        QCOMPARE(runCanvass(*m_store, noRadius).code, int(cli::ExitUsage));
    }

private:
    std::unique_ptr<TestStore> m_store;
};

QTEST_GUILESS_MAIN(TestCanvassCommand)
#include "TestCanvassCommand.moc"
