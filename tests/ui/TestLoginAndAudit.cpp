#include "TestStore.h"
#include "admin/AuditTableModel.h"
#include "shell/LoginDialog.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace alpr;

class TestLoginAndAudit : public QObject {
    Q_OBJECT
private slots:
    void wrongPasswordShowsTheReason()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ui::LoginDialog dialog(ts.directory(), ts.options());
        dialog.show();
        dialog.findChild<QLineEdit*>(QStringLiteral("userLineEdit"))->setText(test::TestStore::kAdmin);
        dialog.findChild<QLineEdit*>(QStringLiteral("passwordLineEdit"))->setText(QStringLiteral("wrong password!"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("loginPushButton")), Qt::LeftButton);
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("loginErrorLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QLatin1String("Wrong user name or password")), 10000);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.session());
    }

    void logInOpenTheAuditViewerSeeYourOwnLogin()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        ts.addUser(QStringLiteral("auditor7"), Role::Auditor);
        ui::LoginDialog dialog(ts.directory(), ts.options());
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("userLineEdit")), QStringLiteral("auditor7"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("passwordLineEdit")), test::TestStore::kPassword);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("loginPushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QVERIFY(dialog.session());

        ui::MainWindow window(dialog.session(), {});
        window.show();
        // An auditor sees the audit trail (and, where built, the audit program and the form anyone may use to register
        // an outside records request) and nothing that reaches ALPR data or accounts.
        QTabWidget* tabs = window.pages();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        const QStringList allowed{QStringLiteral("Audit trail"), QStringLiteral("Audit program"),
                                  QStringLiteral("Records requests")};
        for (const QString& title : titles)
            QVERIFY2(allowed.contains(title.section(QStringLiteral(" ("), 0, 0)), qPrintable(title));
        QVERIFY(titles.contains(QStringLiteral("Audit trail")));
        tabs->setCurrentIndex(int(titles.indexOf(QStringLiteral("Audit trail"))));
        auto* table = window.findChild<QTableView*>(QStringLiteral("auditTableView"));
        QVERIFY(table);
        auto* model = qobject_cast<ui::AuditTableModel*>(table->model());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 10000);
        bool sawOwnLogin = false;
        for (int row = 0; row < model->rowCount(); ++row)
            sawOwnLogin |= model->record(row).action == QLatin1String("login") &&
                           model->record(row).user == QLatin1String("auditor7");
        QVERIFY(sawOwnLogin);

        auto* verify = window.findChild<QPushButton*>(QStringLiteral("auditVerifyPushButton"));
        QVERIFY(verify && verify->isVisible());
        QTest::mouseClick(verify, Qt::LeftButton);
        auto* status = window.findChild<QLabel*>(QStringLiteral("auditStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("intact")), 10000);
    }

    void commanderSeesUserAdministration()
    {
        test::TestStore ts;
        QVERIFY(ts.isValid());
        auto session = ts.login(test::TestStore::kAdmin);
        QVERIFY(session);
        ui::MainWindow window(std::shared_ptr<Session>(std::move(session)), {});
        window.show();
        auto* users = window.findChild<QWidget*>(QStringLiteral("usersPage"));
        QVERIFY(users);
        auto* table = users->findChild<QTableWidget*>(QStringLiteral("usersTableWidget"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
        QCOMPARE(table->item(0, 0)->text(), test::TestStore::kAdmin);
    }
};

QTEST_MAIN(TestLoginAndAudit)
#include "TestLoginAndAudit.moc"
