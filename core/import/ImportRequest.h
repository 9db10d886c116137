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
