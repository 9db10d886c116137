#include "SearchTestData.h"
#include "TestStore.h"

#include "audit/AuditLog.h"
#include "cli/CliContext.h"
#include "cli/DemoDataCommand.h"
#include "cli/SearchCommand.h"
#include "cli/WatchCommand.h"

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

struct Outcome {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs one alprctl command in this process with the password on stdin and stdout/stderr captured in files, as a
/// script calling alprctl would see them.
Outcome runCli(TestStore& store, int (*command)(cli::CliContext&), const QStringList& arguments)
{
    QTemporaryDir dir;
    auto path = [&](const char* name) { return QFile::encodeName(dir.filePath(QString::fromLatin1(name))); };
    QFile in(QString::fromLocal8Bit(path("in")));
    if (in.open(QIODevice::WriteOnly))
        in.write(TestStore::kPassword.toUtf8() + '\n');
    in.close();
    std::fflush(stdout);
    std::fflush(stderr);
    const int saved[3] = {dup(0), dup(1), dup(2)};
    const int fds[3] = {open(path("in").constData(), O_RDONLY),
                        open(path("out").constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600),
                        open(path("err").constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600)};
    for (int fd = 0; fd < 3; ++fd)
        dup2(fds[fd], fd);
    std::clearerr(stdin);
    Outcome outcome;
    {
        cli::CliContext context(arguments, store.directory(), TestStore::kAdmin, true);
        outcome.code = command(context);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    for (int fd = 0; fd < 3; ++fd) {
        dup2(saved[fd], fd);
        close(saved[fd]);
        close(fds[fd]);
    }
    QFile out(QString::fromLocal8Bit(path("out"))), err(QString::fromLocal8Bit(path("err")));
    if (out.open(QIODevice::ReadOnly))
        outcome.out = out.readAll();
    if (err.open(QIODevice::ReadOnly))
        outcome.err = err.readAll();
    return outcome;
}

const QStringList kPurpose{QStringLiteral("--purpose"), QStringLiteral("Criminal investigation"),
                           QStringLiteral("--case"), QStringLiteral("26-000777")};

} // namespace

class TestSearchCommands : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void searchPrintsJsonLines();
    void searchRefusesWithoutPurposeOrCase();
    void searchRejectsHostilePatterns();
    void watchAddListHits();
    void demoDataFillsTheStore();

private:
    std::unique_ptr<TestStore> m_store;
    QList<qint64> m_ids;
};

void TestSearchCommands::init()
{
    m_store = std::make_unique<TestStore>();
    QVERIFY(m_store->isValid());
    const QDateTime t = m_store->clock().nowUtc().addDays(-3);
    m_ids = insertReads(m_store->session().database(),
                        {makeRead(QStringLiteral("7AB8123"), t, QStringLiteral("UNIT-01"), 0.91),
                         makeRead(QStringLiteral("7A88123"), t.addSecs(60), QStringLiteral("UNIT-02"), 0.66),
                         makeRead(QStringLiteral("JKL5555"), t.addSecs(120))});
}

void TestSearchCommands::cleanup()
{
    m_store.reset();
}

void TestSearchCommands::searchPrintsJsonLines()
{
    const Outcome r = runCli(*m_store, cli::runSearchCommand,
                             QStringList{QStringLiteral("7ab8123"), QStringLiteral("--tolerance"), QStringLiteral("1"),
                                         QStringLiteral("--json")} +
                                 kPurpose);
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    for (const char* key : {"id", "plate", "confidence", "time", "lat", "lon", "unit", "match"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("id")).toInteger(), m_ids[0]);
    QCOMPARE(first.value(QStringLiteral("match")).toString(), QStringLiteral("exact"));
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(second.value(QStringLiteral("plate")).toString(), QStringLiteral("7A88123"));
    QVERIFY(second.value(QStringLiteral("match")).toString().contains(QStringLiteral("look-alike 8 for B at 3")));
    QVERIFY(r.err.contains("2 reads"));
}

void TestSearchCommands::searchRefusesWithoutPurposeOrCase()
{
    const Outcome noCase =
        runCli(*m_store, cli::runSearchCommand,
               {QStringLiteral("7AB8123"), QStringLiteral("--purpose"), QStringLiteral("Curiosity")});
    QCOMPARE(noCase.code, int(cli::ExitRefused));
    QVERIFY(noCase.out.isEmpty());
    QVERIFY(noCase.err.contains("--case"));
    AuditFilter f;
    f.action = QStringLiteral("search*");
    QVERIFY(AuditLog::list(m_store->session().database(), f)->isEmpty());
}

void TestSearchCommands::searchRejectsHostilePatterns()
{
    const Outcome r =
        runCli(*m_store, cli::runSearchCommand, QStringList{QStringLiteral("7AB' OR 1=1; --")} + kPurpose);
    QCOMPARE(r.code, int(cli::ExitUsage));
    QVERIFY(r.err.contains("Invalid plate pattern"));
    QVERIFY(r.out.isEmpty());
}

void TestSearchCommands::watchAddListHits()
{
    const Outcome added = runCli(*m_store, cli::runWatchCommand,
                                 {QStringLiteral("add"), QStringLiteral("7*B*23"), QStringLiteral("--case"),
                                  QStringLiteral("26-000888"), QStringLiteral("--crime"), QStringLiteral("Carjacking"),
                                  QStringLiteral("--days"), QStringLiteral("30")});
    QVERIFY2(added.code == 0, added.err.constData());
    QVERIFY2(added.out.contains("2 past reads match"), added.out.constData());
    const Outcome list = runCli(*m_store, cli::runWatchCommand, {QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    const QJsonObject entry = QJsonDocument::fromJson(list.out.trimmed()).object();
    QCOMPARE(entry.value(QStringLiteral("pattern")).toString(), QStringLiteral("7*B*23"));
    QCOMPARE(entry.value(QStringLiteral("hits")).toInt(), 2);
    const Outcome hits = runCli(*m_store, cli::runWatchCommand,
                                {QStringLiteral("hits"), QString::number(entry.value(QStringLiteral("id")).toInteger()),
                                 QStringLiteral("--json")});
    QCOMPARE(hits.code, 0);
    QCOMPARE(hits.out.trimmed().split('\n').size(), 2);
    QVERIFY(hits.out.contains("\"kind\":\"retro\""));
    const Outcome bad = runCli(*m_store, cli::runWatchCommand, {QStringLiteral("remove")});
    QCOMPARE(bad.code, int(cli::ExitUsage));
}

void TestSearchCommands::demoDataFillsTheStore()
{
    const Outcome r =
        runCli(*m_store, cli::runDemoDataCommand,
               {QStringLiteral("--reads"), QStringLiteral("500"), QStringLiteral("--seed"), QStringLiteral("3")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(r.out.contains("500 demo reads inserted"));
    QCOMPARE(m_store->session().database().queryInt64(QStringLiteral("SELECT count(*) FROM reads")), 503);
    QCOMPARE(runCli(*m_store, cli::runDemoDataCommand, {QStringLiteral("--reads"), QStringLiteral("many")}).code,
             int(cli::ExitUsage));
}

QTEST_GUILESS_MAIN(TestSearchCommands)
#include "TestSearchCommands.moc"
