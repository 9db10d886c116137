#include "AlprctlRun.h"
#include "accounts/Session.h"
#include "common/Paths.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = alpr::test::AlprctlRun;

const QString kAdmin = QStringLiteral("chief");
const QString kPassword = QStringLiteral("Commander-2026!");
const QStringList kStills{QStringLiteral("car_627WWI.jpg"), QStringLiteral("car_3MVV252.jpg"),
                          QStringLiteral("car_5ZUC921.jpg"), QStringLiteral("car_6LKR481.jpg"),
                          QStringLiteral("car_AG0R6T.jpg")};

QString fixture(const QString& name)
{
    return alpr::paths::sourceDirectory() + QStringLiteral("/tests/data/engine/") + name;
}

} // namespace

/// The import queue through the real alprctl: folders, a bad file listed at the end with exit 4, and a queue
/// killed mid-way and resumed by a new process, each file imported once.
class TestImportQueueCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString store() const { return m_dir.path() + QStringLiteral("/store"); }

    QStringList withLogin(const QStringList& args) const
    {
        return QStringList{QStringLiteral("--store"), store(), QStringLiteral("--user"), kAdmin,
                           QStringLiteral("--password-stdin")} +
               args;
    }

    Run alprctl(const QStringList& args)
    {
        return alpr::test::runAlprctl(QStringLiteral(ALPRCTL_PATH), withLogin(args), {kPassword});
    }

    QString folderOfStills(const QString& name, const QByteArray& corruptInTheMiddle = {})
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        for (int i = 0; i < kStills.size(); ++i)
            QFile::copy(fixture(kStills[i]), QStringLiteral("%1/%2_%3").arg(folder).arg(i).arg(kStills[i]));
        if (!corruptInTheMiddle.isEmpty()) {
            QFile bad(folder + QStringLiteral("/2_bad.jpg"));
            if (bad.open(QIODevice::WriteOnly))
                bad.write(corruptInTheMiddle);
        }
        return folder;
    }

    qint64 count(const QString& sql)
    {
        auto session = alpr::Session::login(store(), kAdmin, kPassword);
        return session ? (*session)->database().queryInt64(sql) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run init = alpr::test::runAlprctl(QStringLiteral(ALPRCTL_PATH),
                                                {QStringLiteral("--store"), store(), QStringLiteral("init"),
                                                 QStringLiteral("--admin"), kAdmin, QStringLiteral("--training-until"),
                                                 QStringLiteral("2099-12-31")},
                                                {kPassword});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void aBadFileIsListedAtTheEndAndTheOthersGoIn()
    {
        QFile original(fixture(kStills[0]));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QString folder = folderOfStills(QStringLiteral("bad"), original.readAll().left(700));
        const Run run = alprctl({QStringLiteral("import"), folder, QStringLiteral("--unit"), QStringLiteral("CAR-1"),
                                 QStringLiteral("--location"), QStringLiteral("39.29,-76.61")});
        QCOMPARE(run.exitCode, 4);
        QCOMPARE(run.out.count(QLatin1String("imported\t")), kStills.size());
        QVERIFY2(run.out.contains(QLatin1String("failed\t0\t") + folder + QLatin1String("/2_bad.jpg")),
                 qPrintable(run.out));
        QVERIFY2(run.err.contains(QLatin1String("1 file(s) could not be imported:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("alprctl: 2_bad.jpg: ")), qPrintable(run.err));
        // The finished queue is not offered for resuming.
        const Run queues = alprctl({QStringLiteral("import"), QStringLiteral("queue")});
        QCOMPARE(queues.exitCode, 0);
        QCOMPARE(queues.out.count(QLatin1Char('\n')), 1); // the header only
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM imports")), qint64(kStills.size()));
    }

    void aQueueKilledMidWayIsResumedByANewProcess()
    {
        const QString folder = folderOfStills(QStringLiteral("killed"));
        // Four copies of each still, so that many files are still to come when the kill lands however late the
        // loaded machine schedules this process (with five, the child once finished before it). Other copies of
        // the same stills are in already: each copy gets other content, line feeds at the end (JPEG decoders
        // ignore what follows the end-of-image marker).
        const QStringList originals = QDir(folder).entryList(QDir::Files);
        for (int copy = 0; copy < 4; ++copy) {
            for (const QString& f : originals) {
                const QString target = copy == 0 ? QDir(folder).filePath(f)
                                                 : QDir(folder).filePath(QStringLiteral("c%1_%2").arg(copy).arg(f));
                if (copy > 0)
                    QVERIFY(QFile::copy(QDir(folder).filePath(f), target));
                QFile file(target);
                QVERIFY(file.open(QIODevice::Append));
                file.write(QByteArray(copy + 1, '\n'));
            }
        }
        const qint64 files = QDir(folder).entryList(QDir::Files).size();
        QCOMPARE(files, qint64(4 * kStills.size()));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ALPR_KDF_ITERATIONS"), QStringLiteral("2000"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ALPRCTL_PATH),
                withLogin({QStringLiteral("import"), folder, QStringLiteral("--unit"), QStringLiteral("CAR-2")}));
        QVERIFY(p.waitForStarted());
        p.write((kPassword + QLatin1Char('\n')).toUtf8());
        p.closeWriteChannel();
        // Killed as a crash would: once the third file has started (two are committed).
        QByteArray progress;
        while (!progress.contains("file 3/") && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            progress += p.readAllStandardError();
        }
        progress += p.readAllStandardError();
        QVERIFY2(progress.contains("file 3/"), progress.constData());
        p.kill();
        p.waitForFinished();

        const Run queues = alprctl({QStringLiteral("import"), QStringLiteral("queue")});
        QCOMPARE(queues.exitCode, 0);
        QVERIFY2(queues.out.contains(QLatin1String("CAR-2")), qPrintable(queues.out));
        const Run resumed = alprctl({QStringLiteral("import"), QStringLiteral("--resume")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY(resumed.err.contains(QLatin1String("resuming import queue")));
        QCOMPARE(resumed.out.count(QLatin1String("imported\t")) + resumed.out.count(QLatin1String("skipped\t")), files);
        // Each file once: one imports row and one audit record a file of the folder, no read twice.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM imports WHERE unit_id = 'CAR-2'")), files);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'import.file' AND object = 'unit:CAR-2'")),
            files);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reads WHERE unit_id = 'CAR-2'")),
                 count(QStringLiteral("SELECT sum(reads) FROM imports WHERE unit_id = 'CAR-2'")));
        QCOMPARE(alprctl({QStringLiteral("import"), QStringLiteral("--resume")}).exitCode, 4); // nothing left
    }

    void usageAndBadQueueNumbers()
    {
        QCOMPARE(alprctl({QStringLiteral("import"), QStringLiteral("--resume"), QStringLiteral("x")}).exitCode, 1);
        QCOMPARE(alprctl({QStringLiteral("import"), QStringLiteral("queue"), QStringLiteral("--discard"),
                          QStringLiteral("-3")})
                     .exitCode,
                 1);
        const Run unknown = alprctl({QStringLiteral("import"), QStringLiteral("--resume"), QStringLiteral("999")});
        QCOMPARE(unknown.exitCode, 4);
        QVERIFY2(unknown.err.contains(QLatin1String("no import queue 999")), qPrintable(unknown.err));
        const Run empty = alprctl({QStringLiteral("import"), m_dir.filePath(QStringLiteral("nothing")),
                                   QStringLiteral("--unit"), QStringLiteral("CAR-1")});
        QCOMPARE(empty.exitCode, 4); // a path that does not exist is a bad file, listed
        QVERIFY2(empty.err.contains(QLatin1String("alprctl: nothing: ")), qPrintable(empty.err));
    }
};

QTEST_GUILESS_MAIN(TestImportQueueCli)
#include "TestImportQueueCli.moc"
