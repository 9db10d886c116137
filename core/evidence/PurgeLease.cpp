#include "evidence/PurgeLease.h"

#include "common/Result.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QCoreApplication>
#include <QUuid>

#include <cerrno>
#include <signal.h>

namespace alpr {

namespace {
constexpr auto kKey = "retention.purge.lease";
// value: "<renewed at, ISO UTC>|<owner>"
constexpr auto kProcessWord = " process ";

// A holder on this workstation whose process no longer exists was killed (or crashed) mid-purge: its lease need not
// run out before the purge is resumed. On another workstation, or if the process id is alive (perhaps reused),
// only the age of the lease decides.
bool holderIsGone(const QString& holder, const QString& owner)
{
    const QString holderStation = holder.section(QLatin1String(kProcessWord), 0, 0);
    const QString ownStation = owner.section(QLatin1String(kProcessWord), 0, 0);
    bool ok = false;
    const qint64 pid = holder.section(QLatin1String(kProcessWord), 1).section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    if (!ok || pid <= 0 || holderStation.isEmpty() || holderStation != ownStation)
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

void PurgeLease::acquire(store::Database& db, const QString& owner, const QDateTime& nowUtc)
{
    auto current = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?1"));
    current.bind(1, QString::fromLatin1(kKey));
    if (current.step()) {
        const QString value = current.text(0);
        const QDateTime renewed = QDateTime::fromString(value.section(QLatin1Char('|'), 0, 0), Qt::ISODateWithMs);
        const QString holder = value.section(QLatin1Char('|'), 1);
        if (holder != owner && renewed.isValid() && renewed.secsTo(nowUtc) < kStaleSeconds &&
            !holderIsGone(holder, owner))
            raise(
                ErrorCode::InvalidInput,
                QStringLiteral("A purge is already running (%1, last active %2 UTC); wait for it to finish or cancel "
                               "it there")
                    .arg(holder.section(QLatin1Char(' '), 0, 2), renewed.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    db.prepareUpsert(QStringLiteral("settings"), {QStringLiteral("key")}, {QStringLiteral("value")})
        .bind(1, QString::fromLatin1(kKey))
        .bind(2, QString(nowUtc.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char('|') + owner))
        .run();
}

void PurgeLease::release(store::Database& db, const QString& owner)
{
    db.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?1 AND substr(value, instr(value, '|') + 1) = ?2"))
        .bind(1, QString::fromLatin1(kKey))
        .bind(2, owner)
        .run();
}

QString PurgeLease::newOwner(const QString& workstation)
{
    return QStringLiteral("%1%2%3 %4")
        .arg(workstation, QLatin1String(kProcessWord))
        .arg(QCoreApplication::applicationPid())
        .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

} // namespace alpr
