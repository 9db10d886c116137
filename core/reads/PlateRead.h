#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace alpr {

struct PlateCandidate {
    QString plate;
    double confidence = 0.0;
};

/// One plate read as the store keeps it: the best reading, ranked alternatives, when, where, by which unit, from
/// which source. Images travel as encoded bytes (JPEG/PNG); a read loaded from the store carries image ids and
/// loads the bytes on demand (ReadRepository::image).
struct PlateRead {
    qint64 id = 0;
    QString plate; ///< normalized A-Z0-9 (PlateText::normalize)
    double confidence = 0.0;
    QDateTime timeUtc;
    std::optional<double> latitude;
    std::optional<double> longitude;
    QString unitId;
    QString sourceFile;
    std::optional<qint64> sourceOffsetMs;
    std::optional<qint64> frame;
    QList<PlateCandidate> alternatives; ///< runner-up readings, best first

    QByteArray cropImage;    ///< on insert: encoded bytes to store (may be empty)
    QByteArray contextImage; ///< on insert: encoded bytes to store (may be empty)
    qint64 cropImageId = 0;    ///< after insert / when loaded: 0 = none
    qint64 contextImageId = 0; ///< after insert / when loaded: 0 = none
};

} // namespace alpr
