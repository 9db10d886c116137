#pragma once

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace alpr {

/// What to import and how to place it in time and space.
struct ImportRequest {
    QStringList files;       ///< videos (MP4/AVI/MOV/MKV) and still images
    QString unitId;          ///< the vehicle unit or fixed camera that recorded them
    QDateTime startUtc;      ///< wall-clock time of the first frame (videos) or of the image; invalid = file time
    QString gpsTrackFile;    ///< GPX or NMEA track of the unit, matched by time
    std::optional<double> latitude;  ///< fixed camera location (used where no track covers the time)
    std::optional<double> longitude;
    /// Still-image reads under this calibrated confidence are not stored: at a few percent they are tail lights,
    /// signs and stickers, and every stored read is data the agency must keep, audit and purge. Footage has the
    /// tracker's own rule (a pass needs consensus over its frames).
    double minStillConfidence = 0.05;
};

struct ImportFileOutcome {
    QString file;
    enum class Status { Imported, AlreadyImported, Failed } status = Status::Failed;
    int reads = 0;
    QString message; ///< the error, for Failed
};

struct ImportSummary {
    QList<ImportFileOutcome> files;
    int readsStored = 0;
    int watchHits = 0;
    [[nodiscard]] int failures() const
    {
        int n = 0;
        for (const auto& f : files)
            n += f.status == ImportFileOutcome::Status::Failed;
        return n;
    }
};

} // namespace alpr
