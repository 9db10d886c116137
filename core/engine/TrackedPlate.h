#pragma once

#include "engine/Frame.h"
#include "engine/GeoPoint.h"
#include "engine/PlateRead.h"

#include <QDateTime>
#include <QList>
#include <QRect>
#include <QString>

#include <optional>

namespace alpr::engine {

/// One vehicle pass in footage: the reads of one plate over consecutive frames, merged.
struct TrackedPlate {
    /// Consensus over the track (confidence-weighted vote over every frame's candidates).
    QString text;
    double confidence = 0.0;
    QList<PlateCandidate> candidates;
    /// Seconds from the start of the footage (container timestamps).
    double firstSeenSeconds = 0.0;
    double lastSeenSeconds = 0.0;
    /// The frame whose read agreed best with the consensus: its time, box, plate crop and the whole frame.
    double bestSeconds = 0.0;
    QRect box;
    Frame crop;
    Frame context;
    int observations = 0;
    /// Wall-clock times; invalid unless the footage's start time was given.
    QDateTime firstSeenUtc;
    QDateTime lastSeenUtc;
    /// Where the camera was at bestSeconds (GPS track matched by time) or the fixed camera location.
    std::optional<GeoPoint> location;
};

} // namespace alpr::engine
