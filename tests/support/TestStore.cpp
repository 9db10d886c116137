#include "TestStore.h"

#include <QTest>

namespace alpr::test {

TestStore::TestStore()
{
    auto session = Session::initializeStore(directory(), kAdmin, kPassword, m_clock.nowUtc().date().addYears(1), options());
    if (session)
        m_session = std::move(*session);
    else
        qWarning("TestStore: %s", qPrintable(session.error().toString()));
}

SessionOptions TestStore::options() const
{
    SessionOptions o;
    o.clock = &m_clock;
    o.workstation = QStringLiteral("test-ws");
    o.kdfIterations = kFastIterations;
    o.waitAfterFailure = [delays = m_failureDelays](std::chrono::milliseconds d) { delays->append(d); };
    return o;
}

void TestStore::addUser(const QString& name, Role role, bool clets, QDate trainingUntil)
{
    NewAccount a;
    a.name = name;
    a.role = role;
    a.trainingUntil = trainingUntil.isValid() ? trainingUntil : m_clock.nowUtc().date().addYears(1);
    a.cletsAuthorized = clets;
    a.initialPassword = kPassword;
    auto added = AccountService(*m_session).add(a);
    if (!added)
        qWarning("TestStore: %s", qPrintable(added.error().toString()));
}

std::unique_ptr<Session> TestStore::addAndLogin(const QString& name, Role role, bool clets)
{
    addUser(name, role, clets);
    return login(name);
}

std::unique_ptr<Session> TestStore::login(const QString& name, const QString& password)
{
    auto s = Session::login(directory(), name, password, options());
    if (!s) {
        qWarning("TestStore login: %s", qPrintable(s.error().toString()));
        return nullptr;
    }
    return std::move(*s);
}

} // namespace alpr::test
