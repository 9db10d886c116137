#pragma once

#include "common/Result.h"

#include <QString>

namespace alpr::app {

/// The README demo: an encrypted store with one account per role (passwords in README.md) and synthetic reads on
/// the streets of the demo map. Created once; later starts reuse it.
struct DemoAccount {
    const char* name;
    const char* role;
    const char* password;
};

inline constexpr DemoAccount kDemoAccounts[] = {
    {"commander", "commander", "Commander-2026!"},
    {"detective", "investigator", "Detective-2026!"},
    {"manager", "agency-manager", "Manager-2026!!"},
    {"records", "records-supervisor", "Records-2026!!"},
    {"auditor", "auditor", "Auditor-2026!!"},
};

inline constexpr const char* kDemoCaseNumber = "26-004512";

[[nodiscard]] VoidResult ensureDemoStore(const QString& directory, int demoReads);

} // namespace alpr::app
