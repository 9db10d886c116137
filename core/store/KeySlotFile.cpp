#include "store/KeySlotFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

namespace alpr::store {

namespace {

constexpr int kFormatVersion = 1;
// A lock file whose owner is gone is taken over at once, but one left by a process killed between creating it and
// writing its owner names no one, and only its age says it is stale: a login waits longer than that age, so a crash
// at that moment delays the next login instead of failing it (TestCrashKill kills at every moment).
constexpr int kStaleLockMs = 30000;
constexpr int kLockWaitMs = kStaleLockMs + 5000;
// The slot file and its lock: the owner only (the store folder is 0700 too).
constexpr auto kSlotFileMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString isoTime(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }
QDateTime parseTime(const QJsonValue& v) { return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC(); }

} // namespace

Result<KeySlotFile> KeySlotFile::load(const QString& path)
{
    KeySlotFile file;
    file.m_path = path;
    QFile in(path);
    if (!in.exists())
        return file;
    if (!in.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the key slot file"), in.errorString());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
    const QJsonObject root = doc.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return fail(ErrorCode::Corrupt, QStringLiteral("The key slot file is damaged"), parseError.errorString());
    for (const QJsonValue& v : root.value(QStringLiteral("keySlots")).toArray()) {
        const QJsonObject o = v.toObject();
        Slot s;
        s.user = o.value(QStringLiteral("user")).toString();
        s.key = KeyWrap::fromJson(o);
        if (s.user.isEmpty() || s.key.iterations <= 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("The key slot file is damaged"), QStringLiteral("slot"));
        file.m_slots.append(s);
    }
    file.m_policy = LoginLockoutPolicy::fromJson(root.value(QStringLiteral("lockoutPolicy")).toObject());
    for (const QJsonValue& v : root.value(QStringLiteral("failures")).toArray()) {
        const QJsonObject o = v.toObject();
        FailureCounter f;
        f.user = o.value(QStringLiteral("user")).toString();
        for (const QJsonValue& t : o.value(QStringLiteral("times")).toArray())
            f.times.append(parseTime(t));
        f.locked = o.value(QStringLiteral("locked")).toBool();
        f.lockedUntil = parseTime(o.value(QStringLiteral("lockedUntil")));
        file.m_failures.append(f);
    }
    for (const QJsonValue& v : root.value(QStringLiteral("pendingEvents")).toArray()) {
        const QJsonObject o = v.toObject();
        file.m_pending.append({parseTime(o.value(QStringLiteral("time"))), o.value(QStringLiteral("user")).toString(),
                               o.value(QStringLiteral("workstation")).toString(),
                               o.value(QStringLiteral("action")).toString(),
                               o.value(QStringLiteral("outcome")).toString()});
    }
    for (const QJsonValue& v : root.value(QStringLiteral("disabled")).toArray())
        file.m_disabled.append(v.toString());
    return file;
}

VoidResult KeySlotFile::save() const
{
    QJsonArray keySlots;
    for (const Slot& s : m_slots) {
        QJsonObject slot = KeyWrap::toJson(s.key);
        slot.insert(QStringLiteral("user"), s.user);
        keySlots.append(slot);
    }
    QJsonArray failures;
    for (const FailureCounter& f : m_failures) {
        QJsonArray times;
        for (const QDateTime& t : f.times)
            times.append(isoTime(t));
        failures.append(
            QJsonObject{{QStringLiteral("user"), f.user},
                        {QStringLiteral("times"), times},
                        {QStringLiteral("locked"), f.locked},
                        {QStringLiteral("lockedUntil"), f.lockedUntil.isValid() ? isoTime(f.lockedUntil) : QString()}});
    }
    QJsonArray pending;
    for (const PendingSecurityEvent& e : m_pending)
        pending.append(QJsonObject{{QStringLiteral("time"), isoTime(e.timeUtc)},
                                   {QStringLiteral("user"), e.user},
                                   {QStringLiteral("workstation"), e.workstation},
                                   {QStringLiteral("action"), e.action},
                                   {QStringLiteral("outcome"), e.outcome}});
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("keySlots"), keySlots},
                           {QStringLiteral("lockoutPolicy"), m_policy.toJson()},
                           {QStringLiteral("failures"), failures},
                           {QStringLiteral("pendingEvents"), pending},
                           {QStringLiteral("disabled"), QJsonArray::fromStringList(m_disabled)}};
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the key slot file"), out.errorString());
    // QSaveFile writes a temporary file and renames it: owner-only from the first byte, not only after.
    out.setPermissions(kSlotFileMode);
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the key slot file"), out.errorString());
    QFile::setPermissions(m_path, kSlotFileMode);
    return {};
}

bool KeySlotFile::hasSlot(const QString& user) const
{
    return slot(user).has_value();
}

std::optional<WrappedKey> KeySlotFile::slot(const QString& user) const
{
    for (const Slot& s : m_slots)
        if (s.user == user)
            return s.key;
    return std::nullopt;
}

void KeySlotFile::markDisabled(const QString& user)
{
    removeSlot(user);
    if (!m_disabled.contains(user))
        m_disabled.append(user);
}

void KeySlotFile::setSlot(const QString& user, const WrappedKey& key)
{
    m_disabled.removeAll(user);
    for (Slot& s : m_slots)
        if (s.user == user) {
            s.key = key;
            return;
        }
    m_slots.append({user, key});
}

void KeySlotFile::removeSlot(const QString& user)
{
    m_slots.removeIf([&](const Slot& s) { return s.user == user; });
}

QStringList KeySlotFile::users() const
{
    QStringList out;
    for (const Slot& s : m_slots)
        out.append(s.user);
    return out;
}

KeySlotFile::FailureCounter* KeySlotFile::counter(const QString& user)
{
    for (FailureCounter& f : m_failures)
        if (f.user == user)
            return &f;
    return nullptr;
}

const KeySlotFile::FailureCounter* KeySlotFile::counter(const QString& user) const
{
    return const_cast<KeySlotFile*>(this)->counter(user);
}

LoginLockState KeySlotFile::lockState(const QString& user, const QDateTime& now) const
{
    LoginLockState state;
    const FailureCounter* f = counter(user);
    if (!f)
        return state;
    const QDateTime windowStart = now.addSecs(-qint64(m_policy.windowMinutes) * 60);
    for (const QDateTime& t : f->times)
        if (t > windowStart && t <= now)
            ++state.recentFailures;
    if (f->locked && (!f->lockedUntil.isValid() || f->lockedUntil > now)) {
        state.locked = true;
        state.lockedUntil = f->lockedUntil;
    }
    return state;
}

LoginLockState KeySlotFile::recordFailure(const QString& user, const QDateTime& now)
{
    FailureCounter* f = counter(user);
    if (!f) {
        m_failures.append({user, {}, false, {}});
        f = &m_failures.last();
    }
    // A lock that has run out starts the count afresh.
    if (f->locked && f->lockedUntil.isValid() && f->lockedUntil <= now) {
        f->times.clear();
        f->locked = false;
        f->lockedUntil = {};
    }
    const QDateTime windowStart = now.addSecs(-qint64(m_policy.windowMinutes) * 60);
    f->times.removeIf([&](const QDateTime& t) { return t <= windowStart; });
    f->times.append(now);
    if (!f->locked && f->times.size() >= m_policy.failures) {
        f->locked = true;
        f->lockedUntil = m_policy.lockMinutes > 0 ? now.addSecs(qint64(m_policy.lockMinutes) * 60) : QDateTime();
    }
    return lockState(user, now);
}

QStringList KeySlotFile::usersWithFailures() const
{
    QStringList out;
    for (const FailureCounter& f : m_failures)
        out.append(f.user);
    return out;
}

Result<KeySlotFile> KeySlotFile::loadForUpdate(const QString& path)
{
    auto lock = std::make_shared<QLockFile>(path + QStringLiteral(".lock"));
    lock->setStaleLockTime(kStaleLockMs);
    if (!lock->tryLock(kLockWaitMs))
        return fail(ErrorCode::Io,
                    QStringLiteral("The store is busy: another program is logging in or changing accounts; try again"),
                    QStringLiteral("QLockFile error %1").arg(int(lock->error())));
    QFile::setPermissions(path + QStringLiteral(".lock"), kSlotFileMode);
    auto file = load(path);
    if (file)
        file->m_lock = std::move(lock);
    return file;
}

void KeySlotFile::clearFailures(const QString& user)
{
    m_failures.removeIf([&](const FailureCounter& f) { return f.user == user; });
}

void KeySlotFile::addPendingEvent(const PendingSecurityEvent& event)
{
    m_pending.append(event);
}

} // namespace alpr::store
