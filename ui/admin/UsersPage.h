#pragma once

#include "accounts/Account.h"
#include "common/Result.h"
#include "store/KeySlotFile.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace alpr {
class Session;
}

namespace alpr::ui {

/// User administration for the Commander: accounts with role, training expiry and CLETS authorization; add,
/// disable, record training, grant or withdraw CLETS. Every change is audited by AccountService.
class UsersPage : public QWidget {
    Q_OBJECT
public:
    explicit UsersPage(Session& session, QWidget* parent = nullptr);

public slots:
    void refresh();

private:
    void addUser();
    void disableSelected();
    void setTrainingOfSelected();
    void toggleCletsOfSelected();
    void unlockSelected();
    void updateButtons();
    [[nodiscard]] QString selectedName() const;
    void runChange(std::function<VoidResult(Session&)> change, const QString& doneMessage);

    Session& m_session;
    QList<Account> m_accounts;
    QHash<QString, store::LoginLockState> m_locks;
    QTableWidget* m_usersTableWidget;
    QPushButton* m_addPushButton;
    QPushButton* m_disablePushButton;
    QPushButton* m_trainingPushButton;
    QPushButton* m_cletsPushButton;
    QPushButton* m_unlockPushButton;
    QLabel* m_statusLabel;
};

} // namespace alpr::ui
