#include "import/ContainerTime.h"

#include <QFile>
#include <QtEndian>

#include <array>
#include <optional>

namespace alpr {

namespace {

// A real file has a handful of top-level boxes (ftyp, free, mdat, moov) and a few dozen inside moov (one trak per
// stream, udta, meta); these bounds only stop a crafted file of millions of empty boxes from keeping us busy.
constexpr int kMaxBoxesPerLevel = 4096;
// Seconds from 1904-01-01 (the ISO base media epoch) to 1970-01-01.
constexpr qint64 kSecondsFrom1904To1970 = 2082844800;
// A clock that was never set gives 1904, 1970 or 2000-01-01; no footage worth importing predates that.
const QDateTime kEarliestPlausible(QDate(2000, 1, 2), QTime(0, 0), Qt::UTC);
// Nor does a real recording lie centuries ahead; such a value is damage, not a time.
const QDateTime kLatestPlausible(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);

struct Box {
    qint64 bodyStart = 0;
    qint64 end = 0;
    std::array<char, 4> type{};
};

bool readExactly(QIODevice& device, qint64 at, char* into, qint64 size)
{
    return device.seek(at) && device.read(into, size) == size;
}

/// The box starting at `at`, which must end by `limit`; nullopt at a malformed header.
std::optional<Box> boxAt(QIODevice& device, qint64 at, qint64 limit)
{
    std::array<uchar, 16> header{};
    if (limit - at < 8 || !readExactly(device, at, reinterpret_cast<char*>(header.data()), 8))
        return std::nullopt;
    Box box;
    std::copy_n(reinterpret_cast<const char*>(header.data()) + 4, 4, box.type.begin());
    const quint32 size32 = qFromBigEndian<quint32>(header.data());
    qint64 headerSize = 8;
    quint64 size = size32;
    if (size32 == 1) { // a 64-bit size follows the type
        if (limit - at < 16 || !readExactly(device, at + 8, reinterpret_cast<char*>(header.data()) + 8, 8))
            return std::nullopt;
        size = qFromBigEndian<quint64>(header.data() + 8);
        headerSize = 16;
    } else if (size32 == 0) { // the box runs to the end of its container
        size = quint64(limit - at);
    }
    if (size < quint64(headerSize) || size > quint64(limit - at))
        return std::nullopt;
    box.bodyStart = at + headerSize;
    box.end = at + qint64(size);
    return box;
}

/// The body range of the first box of `type` among the boxes of [from, limit).
Result<std::optional<Box>> findBox(QIODevice& device, qint64 from, qint64 limit, const char (&type)[5])
{
    qint64 at = from;
    for (int n = 0; at < limit; ++n) {
        if (n == kMaxBoxesPerLevel)
            return fail(ErrorCode::Corrupt, QStringLiteral("The container holds more boxes than a recording has"));
        const auto box = boxAt(device, at, limit);
        if (!box)
            return fail(ErrorCode::Corrupt, QStringLiteral("The container has a malformed box at byte %1").arg(at));
        if (std::equal(box->type.begin(), box->type.end(), type))
            return box;
        at = box->end;
    }
    return std::optional<Box>();
}

} // namespace

Result<QDateTime> ContainerTime::read(QIODevice& device)
{
    if (!device.isOpen() || device.isSequential())
        return fail(ErrorCode::Io, QStringLiteral("The footage cannot be read"));
    const qint64 size = device.size();
    auto moov = findBox(device, 0, size, "moov");
    if (!moov)
        return std::unexpected(moov.error());
    if (!*moov)
        return fail(ErrorCode::NotFound, QStringLiteral("The file has no MP4/MOV movie header"));
    auto mvhd = findBox(device, (*moov)->bodyStart, (*moov)->end, "mvhd");
    if (!mvhd)
        return std::unexpected(mvhd.error());
    if (!*mvhd)
        return fail(ErrorCode::NotFound, QStringLiteral("The file has no MP4/MOV movie header"));

    // version (1 byte), flags (3), then creation_time: 32 bits in version 0, 64 bits in version 1.
    std::array<uchar, 12> head{};
    const qint64 body = (*mvhd)->end - (*mvhd)->bodyStart;
    if (body < 8 ||
        !readExactly(device, (*mvhd)->bodyStart, reinterpret_cast<char*>(head.data()), std::min<qint64>(12, body)))
        return fail(ErrorCode::Corrupt, QStringLiteral("The movie header is truncated"));
    quint64 seconds = 0;
    if (head[0] == 0) {
        seconds = qFromBigEndian<quint32>(head.data() + 4);
    } else if (head[0] == 1) {
        if (body < 12)
            return fail(ErrorCode::Corrupt, QStringLiteral("The movie header is truncated"));
        seconds = qFromBigEndian<quint64>(head.data() + 4);
    } else {
        return fail(ErrorCode::Corrupt, QStringLiteral("The movie header has unknown version %1").arg(head[0]));
    }
    // Compared as seconds first, so that a huge 64-bit value cannot overflow the conversion below.
    const quint64 latest = quint64(kLatestPlausible.toSecsSinceEpoch() + kSecondsFrom1904To1970);
    if (seconds == 0 || seconds > latest)
        return fail(ErrorCode::NotFound, QStringLiteral("The camera did not record a creation time"));
    const QDateTime time = QDateTime::fromSecsSinceEpoch(qint64(seconds) - kSecondsFrom1904To1970, Qt::UTC);
    if (time < kEarliestPlausible)
        return fail(
            ErrorCode::NotFound,
            QStringLiteral("The camera's clock was not set (creation time %1)").arg(time.toString(Qt::ISODate)));
    return time;
}

Result<QDateTime> ContainerTime::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot open %1: %2").arg(path, file.errorString()));
    return read(file);
}

} // namespace alpr
