#pragma once

#include "common/Result.h"
#include "evidence/RetentionSetting.h"

#include <QList>

namespace alpr {

class Session;

namespace store {
class Database;
}

/// Retention per data class. The policy keeps ALPR data at least one year (Government Code 34090.6), so no class may
/// be set below kMinimumDays; the schema refuses it too. Changes need Permission::ConfigureRetention and are audited.
class RetentionPolicy {
public:
    static constexpr int kMinimumDays = 365;
    static constexpr int kDefaultDays = 365;

    explicit RetentionPolicy(Session& session);
    RetentionPolicy(Session& session, store::Database& db);

    /// All three classes, in enum order.
    [[nodiscard]] Result<QList<RetentionSetting>> settings();
    [[nodiscard]] Result<RetentionSetting> setting(RetentionClass dataClass);
    /// InvalidInput below kMinimumDays or above the class's maximum.
    [[nodiscard]] VoidResult setDays(RetentionClass dataClass, int days);
    /// nullopt removes the cap. InvalidInput below kMinimumDays or below the current days.
    [[nodiscard]] VoidResult setMaximum(RetentionClass dataClass, std::optional<int> maxDays);

private:
    VoidResult update(RetentionClass dataClass, int days, std::optional<int> maxDays);

    Session& m_session;
    store::Database& m_db;
};

} // namespace alpr
