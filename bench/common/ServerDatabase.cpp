#include "ServerDatabase.h"

#include "common/Error.h"
#include "store/Database.h"
#include "store/StoreProfile.h"

#include <cstdio>

namespace alpr::bench {

bool makeServerStoreProfile(const QString& conninfo, const QString& database, const QString& storeDir)
{
    auto admin = store::Database::openPostgres(conninfo);
    if (!admin) {
        std::fprintf(stderr, "cannot reach the server: %s\n", qPrintable(admin.error().toString()));
        return false;
    }
    try {
        admin->execVerbatim(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database));
        admin->execVerbatim(
            QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
                .arg(database));
    } catch (const ErrorException& e) {
        std::fprintf(stderr, "cannot create %s: %s\n", qPrintable(database), qPrintable(e.error().toString()));
        return false;
    }
    auto written = store::StoreProfile::writePostgres(storeDir, conninfo + QStringLiteral(" dbname=") + database);
    if (!written)
        std::fprintf(stderr, "cannot write the profile: %s\n", qPrintable(written.error().toString()));
    return bool(written);
}

} // namespace alpr::bench
