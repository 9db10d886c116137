#include "store/KeySlotFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace alpr::store {

namespace {

constexpr int kFormatVersion = 1;

QString b64(const QByteArray& a) { return QString::fromLatin1(a.toBase64()); }
QByteArray unb64(const QJsonValue& v) { return QByteArray::fromBase64(v.toString().toLatin1()); }
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
        s.key.salt = unb64(o.value(QStringLiteral("salt")));
        s.key.iterations = o.value(QStringLiteral("iterations")).toInt();
        s.key.nonce = unb64(o.value(QStringLiteral("nonce")));
        s.key.ciphertext = unb64(o.value(QStringLiteral("wrapped")));
        s.key.tag = unb64(o.value(QStringLiteral("tag")));
        if (s.user.isEmpty() || s.key.iterations <= 0)
            return fail(ErrorCode::Corrupt, QStringLiteral("The key slot file is damaged"), QStringLiteral("slot"));
        file.m_slots.append(s);
    }
    for (const QJsonValue& v : root.value(QStringLiteral("failures")).toArray()) {
        const QJsonObject o = v.toObject();
        file.m_failures.append({o.value(QStringLiteral("user")).toString(), o.value(QStringLiteral("count")).toInt(),
                                parseTime(o.value(QStringLiteral("lockedUntil")))});
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
    for (const Slot& s : m_slots)
        keySlots.append(QJsonObject{{QStringLiteral("user"), s.user},
                                 {QStringLiteral("kdf"), QStringLiteral("pbkdf2-hmac-sha256")},
                                 {QStringLiteral("salt"), b64(s.key.salt)},
                                 {QStringLiteral("iterations"), s.key.iterations},
                                 {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
                                 {QStringLiteral("nonce"), b64(s.key.nonce)},
                                 {QStringLiteral("wrapped"), b64(s.key.ciphertext)},
                                 {QStringLiteral("tag"), b64(s.key.tag)}});
    QJsonArray failures;
    for (const FailureCounter& f : m_failures)
        failures.append(QJsonObject{{QStringLiteral("user"), f.user},
                                    {QStringLiteral("count"), f.count},
                                    {QStringLiteral("lockedUntil"), f.lockedUntil.isValid() ? isoTime(f.lockedUntil) : QString()}});
    QJsonArray pending;
    for (const PendingSecurityEvent& e : m_pending)
        pending.append(QJsonObject{{QStringLiteral("time"), isoTime(e.timeUtc)},
                                   {QStringLiteral("user"), e.user},
                                   {QStringLiteral("workstation"), e.workstation},
                                   {QStringLiteral("action"), e.action},
                                   {QStringLiteral("outcome"), e.outcome}});
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("keySlots"), keySlots},
                           {QStringLiteral("failures"), failures},
                           {QStringLiteral("pendingEvents"), pending},
                           {QStringLiteral("disabled"), QJsonArray::fromStringList(m_disabled)}};
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the key slot file"), out.errorString());
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the key slot file"), out.errorString());
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
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

std::optional<QDateTime> KeySlotFile::lockedUntil(const QString& user, const QDateTime& now) const
{
    const FailureCounter* f = counter(user);
    if (f && f->lockedUntil.isValid() && f->lockedUntil > now)
        return f->lockedUntil;
    return std::nullopt;
}

bool KeySlotFile::recordFailure(const QString& user, const QDateTime& now)
{
    FailureCounter* f = counter(user);
    if (!f) {
        m_failures.append({user, 0, {}});
        f = &m_failures.last();
    }
    if (f->lockedUntil.isValid() && f->lockedUntil <= now) {
        f->count = 0;
        f->lockedUntil = {};
    }
    ++f->count;
    if (f->count >= kLockoutThreshold && !f->lockedUntil.isValid()) {
        f->lockedUntil = now.addSecs(qint64(kLockoutMinutes) * 60);
        return true;
    }
    return false;
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
