#include "admin/UsersPage.h"

#include "accounts/AccountService.h"
#include "accounts/Session.h"
#include "admin/AddUserDialog.h"
#include "common/BackgroundTask.h"

#include <QCalendarWidget>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

UsersPage::UsersPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_usersTableWidget(new QTableWidget(this)),
      m_addPushButton(new QPushButton(tr("&Add user..."), this)),
      m_disablePushButton(new QPushButton(tr("&Disable"), this)),
      m_trainingPushButton(new QPushButton(tr("Record &training..."), this)),
      m_cletsPushButton(new QPushButton(tr("Grant/withdraw &CLETS"), this)),
      m_unlockPushButton(new QPushButton(tr("&Unlock"), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("usersPage"));
    m_usersTableWidget->setObjectName(QStringLiteral("usersTableWidget"));
    m_usersTableWidget->setColumnCount(6);
    m_usersTableWidget->setHorizontalHeaderLabels(
        {tr("User"), tr("Full name"), tr("Role"), tr("Training valid until"), tr("CLETS"), tr("Status")});
    m_usersTableWidget->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersTableWidget->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_usersTableWidget->verticalHeader()->hide();
    m_addPushButton->setObjectName(QStringLiteral("addUserPushButton"));
    m_disablePushButton->setObjectName(QStringLiteral("disableUserPushButton"));
    m_trainingPushButton->setObjectName(QStringLiteral("trainingPushButton"));
    m_cletsPushButton->setObjectName(QStringLiteral("cletsPushButton"));
    m_unlockPushButton->setObjectName(QStringLiteral("unlockUserPushButton"));
    m_unlockPushButton->setToolTip(tr("Lift a lock after repeated failed logins and forget the failures"));
    m_unlockPushButton->setEnabled(false);
    m_statusLabel->setObjectName(QStringLiteral("usersStatusLabel"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b :
         {m_addPushButton, m_disablePushButton, m_trainingPushButton, m_cletsPushButton, m_unlockPushButton})
        buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_usersTableWidget, 1);
    layout->addWidget(m_statusLabel);

    connect(m_addPushButton, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_disablePushButton, &QPushButton::clicked, this, &UsersPage::disableSelected);
    connect(m_trainingPushButton, &QPushButton::clicked, this, &UsersPage::setTrainingOfSelected);
    connect(m_cletsPushButton, &QPushButton::clicked, this, &UsersPage::toggleCletsOfSelected);
    connect(m_unlockPushButton, &QPushButton::clicked, this, &UsersPage::unlockSelected);
    connect(m_usersTableWidget, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateButtons);
}

void UsersPage::refresh()
{
    using Listing = std::pair<QList<Account>, QHash<QString, store::LoginLockState>>;
    runWithSession<Listing>(
        m_session, this,
        [](Session& s) -> Result<Listing> {
            AccountService accounts(s);
            auto list = accounts.list();
            if (!list)
                return std::unexpected(list.error());
            auto locks = accounts.lockStates();
            if (!locks)
                return std::unexpected(locks.error());
            return Listing{*list, *locks};
        },
        [this](const Result<Listing>& result) {
            if (!result) {
                m_statusLabel->setText(result.error().message);
                return;
            }
            m_accounts = result->first;
            m_locks = result->second;
            const QDate today = m_session.clock().nowUtc().date();
            m_usersTableWidget->setRowCount(int(m_accounts.size()));
            for (int row = 0; row < m_accounts.size(); ++row) {
                const Account& a = m_accounts[row];
                const store::LoginLockState lock = m_locks.value(a.name);
                const QString status =
                    a.disabled                  ? tr("disabled")
                    : lock.locked               ? (lock.lockedUntil.isValid()
                                                       ? tr("locked until %1 UTC (failed logins)")
                                               .arg(lock.lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                                       : tr("locked until unlocked (failed logins)"))
                    : !a.trainingValidOn(today) ? tr("training expired")
                    : lock.recentFailures > 0   ? tr("active, %n recent failed login(s)", nullptr, lock.recentFailures)
                                                : tr("active");
                const QStringList cells{a.name, a.fullName, roleDisplayName(a.role),
                                        a.trainingUntil.isValid() ? a.trainingUntil.toString(Qt::ISODate) : tr("none"),
                                        a.cletsAuthorized ? tr("yes") : tr("no"), status};
                for (int col = 0; col < cells.size(); ++col)
                    m_usersTableWidget->setItem(row, col, new QTableWidgetItem(cells[col]));
            }
            m_usersTableWidget->resizeColumnsToContents();
            updateButtons();
        });
}

void UsersPage::updateButtons()
{
    const store::LoginLockState lock = m_locks.value(selectedName());
    m_unlockPushButton->setEnabled(lock.locked || lock.recentFailures > 0);
}

QString UsersPage::selectedName() const
{
    const int row = m_usersTableWidget->currentRow();
    return row >= 0 && row < m_accounts.size() ? m_accounts[row].name : QString();
}

void UsersPage::runChange(std::function<VoidResult(Session&)> change, const QString& doneMessage)
{
    setEnabled(false);
    runWithSession<bool>(
        m_session, this,
        [change = std::move(change)](Session& s) -> Result<bool> {
            auto r = change(s);
            if (!r)
                return std::unexpected(r.error());
            return true;
        },
        [this, doneMessage](const Result<bool>& result) {
            setEnabled(true);
            m_statusLabel->setText(result ? doneMessage : result.error().message);
            refresh();
        });
}

void UsersPage::addUser()
{
    AddUserDialog dialog(m_session.clock().nowUtc().date(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const NewAccount account = dialog.account();
    runChange([account](Session& s) { return AccountService(s).add(account); },
              tr("Added %1.").arg(account.name));
}

void UsersPage::disableSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Disable user"),
                              tr("Disable %1? The account can no longer open the store.").arg(name)) != QMessageBox::Yes)
        return;
    runChange([name](Session& s) { return AccountService(s).disable(name); }, tr("Disabled %1.").arg(name));
}

void UsersPage::setTrainingOfSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("ALPR training of %1 valid until").arg(name));
    auto* calendar = new QCalendarWidget(&dialog);
    calendar->setSelectedDate(m_session.clock().nowUtc().date().addYears(1));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(calendar);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QDate until = calendar->selectedDate();
    runChange([name, until](Session& s) { return AccountService(s).setTraining(name, until); },
              tr("Recorded training of %1 until %2.").arg(name, until.toString(Qt::ISODate)));
}

void UsersPage::toggleCletsOfSelected()
{
    const int row = m_usersTableWidget->currentRow();
    if (row < 0 || row >= m_accounts.size())
        return;
    const QString name = m_accounts[row].name;
    const bool grant = !m_accounts[row].cletsAuthorized;
    runChange([name, grant](Session& s) { return AccountService(s).setCletsAuthorization(name, grant); },
              grant ? tr("%1 may now see CLETS details.").arg(name) : tr("%1 no longer sees CLETS details.").arg(name));
}

void UsersPage::unlockSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    runChange([name](Session& s) { return AccountService(s).unlock(name); },
              tr("Unlocked %1; the failed logins are forgotten.").arg(name));
}

} // namespace alpr::ui
