#include "TestStore.h"
#include "audit/AuditLog.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

using namespace alpr;

namespace {

// The permission bits as the kernel has them (QFileInfo maps them to Qt flags and hides group/other details).
int modeOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

/// The store folder is the owner's alone: 0700, and every file the store writes (database, WAL, shared-memory
/// index, key slots, their lock) 0600, from creation on, even under a permissive umask.
class TestStoreFileModes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_savedUmask = ::umask(0); } // the most permissive umask: modes must not rely on it
    void cleanupTestCase() { ::umask(m_savedUmask); }

    void storeFolderAndFilesAreOwnerOnly()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("hana"), Role::Investigator);
        (void)Session::login(ts.directory(), QStringLiteral("hana"), QStringLiteral("wrong password"), ts.options());
        auto hana = ts.login(QStringLiteral("hana"));
        QVERIFY(hana);
        QVERIFY(hana->recordAccess(hana->auditRecord(QStringLiteral("test.write"), QStringLiteral("x"))));

        const QDir dir(ts.directory());
        QCOMPARE(modeOf(dir.path()), 0700);
        const QStringList files = dir.entryList(QDir::Files | QDir::Hidden);
        for (const QString& expected : {QStringLiteral("alpr.db"), QStringLiteral("alpr.db-wal"),
                                        QStringLiteral("alpr.db-shm"), QStringLiteral("keyslots.json")})
            QVERIFY2(files.contains(expected), qPrintable(files.join(QLatin1Char(' '))));
        for (const QString& f : files)
            QVERIFY2(modeOf(dir.filePath(f)) == 0600,
                     qPrintable(QStringLiteral("%1 has mode %2").arg(f).arg(modeOf(dir.filePath(f)), 0, 8)));
    }

    void looseModesOfAnOlderStoreAreTightenedOnOpen()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        const QString db = ts.session().databasePath();
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(db + QStringLiteral("-wal"),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        auto again = ts.login(test::TestStore::kAdmin);
        QVERIFY(again);
        QCOMPARE(modeOf(db), 0600);
        QCOMPARE(modeOf(db + QStringLiteral("-wal")), 0600);
    }

private:
    mode_t m_savedUmask = 022;
};

QTEST_GUILESS_MAIN(TestStoreFileModes)
#include "TestStoreFileModes.moc"
