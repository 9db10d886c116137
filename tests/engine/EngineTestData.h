#pragma once

#include "common/Paths.h"

#include <QString>

namespace alpr::enginetest {

/// tests/data/engine in the source tree.
inline QString fixtureDirectory()
{
    return paths::sourceDirectory() + QStringLiteral("/tests/data/engine");
}

inline QString fixture(const QString& name)
{
    return fixtureDirectory() + QLatin1Char('/') + name;
}

/// ../shared/data/footage, or empty when the shared data is absent (the test then skips).
inline QString sharedFootage(const QString& name)
{
    const QString shared = paths::sharedDataDirectory();
    return shared.isEmpty() ? QString() : shared + QStringLiteral("/footage/") + name;
}

} // namespace alpr::enginetest
