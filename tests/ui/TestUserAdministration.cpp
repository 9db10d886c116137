#include "TestStore.h"
#include "admin/AddUserDialog.h"
#include "admin/UsersPage.h"
#include "audit/AuditLog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace alpr;

/// The Users page as a Commander sees it: the add-user dialog refuses bad input before it closes, and a locked
/// account is shown as locked and can be unlocked with one button, audited.
class TestUserAdministration : public QObject {
    Q_OBJECT
private slots:
    void addUserDialogRefusesBadInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fullName");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QString>("message");
        const QString good = QStringLiteral("A-long-passphrase-2026");
        const QString huge(100000, QLatin1Char('x'));
        QTest::newRow("empty name") << QString() << QString() << good << good << "user name";
        QTest::newRow("huge name") << huge << QString() << good << good << "user name";
        QTest::newRow("name with a space") << QStringLiteral("j doe") << QString() << good << good << "user name";
        QTest::newRow("name with control character")
            << QStringLiteral("jd\x1boe") << QString() << good << good << "user name";
        QTest::newRow("name not UTF-8 clean")
            << QString::fromUtf8("j\xc3\x28oe") << QString() << good << good << "user name";
        QTest::newRow("huge full name") << QStringLiteral("jdoe") << huge << good << good << "at most 100";
        QTest::newRow("full name with tab")
            << QStringLiteral("jdoe") << QStringLiteral("John\tDoe") << good << good << "printable";
        QTest::newRow("empty password") << QStringLiteral("jdoe") << QString() << QString() << QString()
                                        << "at least 12";
        QTest::newRow("huge password") << QStringLiteral("jdoe") << QString() << huge << huge << "at most 1024";
        QTest::newRow("password with escape")
            << QStringLiteral("jdoe") << QString() << (good + QChar(0x1b)) << (good + QChar(0x1b)) << "control";
        QTest::newRow("passwords differ")
            << QStringLiteral("jdoe") << QString() << good << (good + QLatin1Char('!')) << "differ";
    }

    void addUserDialogRefusesBadInput()
    {
        QFETCH(QString, name);
        QFETCH(QString, fullName);
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(QString, message);
        ui::AddUserDialog dialog(QDate(2026, 6, 1));
        dialog.show();
        dialog.findChild<QLineEdit*>(QStringLiteral("newUserNameLineEdit"))->setText(name);
        dialog.findChild<QLineEdit*>(QStringLiteral("newUserFullNameLineEdit"))->setText(fullName);
        dialog.findChild<QLineEdit*>(QStringLiteral("newUserPasswordLineEdit"))->setText(password);
        dialog.findChild<QLineEdit*>(QStringLiteral("newUserConfirmLineEdit"))->setText(confirm);
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("newUserErrorLabel"));
        QVERIFY2(error->text().contains(message, Qt::CaseInsensitive), qPrintable(error->text()));
    }

    void lockedAccountIsShownAndUnlocked()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("ivan"), Role::Investigator);
        for (int i = 0; i < store::LoginLockoutPolicy::kDefaultFailures; ++i)
            (void)Session::login(ts.directory(), QStringLiteral("ivan"), QStringLiteral("wrong %1").arg(i),
                                 ts.options());
        QVERIFY(!ts.login(QStringLiteral("ivan")));

        ui::UsersPage page(ts.session());
        page.show();
        page.refresh();
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("usersTableWidget"));
        auto* unlock = page.findChild<QPushButton*>(QStringLiteral("unlockUserPushButton"));
        QVERIFY(table && unlock);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 10000);
        int ivanRow = -1;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->text() == QLatin1String("ivan"))
                ivanRow = row;
        QVERIFY(ivanRow >= 0);
        QVERIFY2(table->item(ivanRow, 5)->text().contains(QLatin1String("locked until")),
                 qPrintable(table->item(ivanRow, 5)->text()));
        table->selectRow(1 - ivanRow);
        QVERIFY(!unlock->isEnabled()); // the Commander is not locked
        table->selectRow(ivanRow);
        QVERIFY(unlock->isEnabled());
        QTest::mouseClick(unlock, Qt::LeftButton);
        auto* status = page.findChild<QLabel*>(QStringLiteral("usersStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("Unlocked ivan")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(table->item(ivanRow, 5) && table->item(ivanRow, 5)->text() == QLatin1String("active"),
                                 10000);

        auto ivan = ts.login(QStringLiteral("ivan"));
        QVERIFY(ivan);
        auto unlocks = AuditLog::list(ivan->database(), AuditFilter{{}, QStringLiteral("account.unlock"), {}, {}, 0});
        QVERIFY(unlocks);
        QCOMPARE(unlocks->size(), 1);
        QCOMPARE(unlocks->first().object, QStringLiteral("account:ivan"));
    }
};

QTEST_MAIN(TestUserAdministration)
#include "TestUserAdministration.moc"
