#pragma once

#include "engine/Frame.h"
#include "engine/PlateRead.h"
#include "engine/PlateRegion.h"
#include "engine/TrackedPlate.h"

#include <QHash>
#include <QList>

#include <optional>

namespace alpr::engine {

/// Groups per-frame plate reads into vehicle passes. A read joins the open track whose last box it overlaps, or
/// whose text it nearly equals while close by; a track not seen for gapSeconds is closed. Pure logic on reads (no
/// OpenCV), so it is tested without video.
class PlateTracker {
public:
    struct Settings {
        double gapSeconds = 1.0;
        int minObservations = 2;
        double singleReadConfidence = 0.9;
        double unfittingTrackConfidence = 0.5;
    };

    explicit PlateTracker(Settings settings);

    /// Adds the reads of one analysed frame. frame is kept (shared, not copied) while it is some track's best view.
    void addFrame(double seconds, const QList<PlateRead>& reads, const Frame& frame);
    /// Tracks last seen before now - gapSeconds, closed and merged; tracks too weak to report are dropped.
    [[nodiscard]] QList<TrackedPlate> takeClosed(double nowSeconds);
    /// Closes every open track (end of footage).
    [[nodiscard]] QList<TrackedPlate> takeAll();
    [[nodiscard]] bool hasOpenTracks() const { return !m_tracks.isEmpty(); }
    /// Whether some open track with fewer than readsAtMost reads has not yet read its leading text in agreeingReads
    /// frames, one of them at confidence or more. Footage looks densely until every track has, then less often; a
    /// track that does not settle in readsAtMost reads (a sticker, a plate too far away) stops counting
    /// (docs/engine.md).
    [[nodiscard]] bool hasUnsettledTracks(int agreeingReads, double confidence, int readsAtMost) const;

    /// Where each open track's plate was last seen, for a look near it in the next frames.
    [[nodiscard]] QList<PlateRegion> openRegions() const;

    /// Levenshtein distance, used to let a misread frame still join its track.
    [[nodiscard]] static int editDistance(const QString& a, const QString& b);

private:
    struct Track {
        QHash<QString, double> votes;    // candidate text -> summed confidence
        QHash<QString, double> bestConf; // candidate text -> best single-frame confidence
        QHash<QString, int> topVotes;    // text -> frames where it was the best reading
        QList<double> times;
        QRect lastBox;
        bool lastEqualised = false;
        double firstSeen = 0.0;
        double lastSeen = 0.0;
        QString leader; // current consensus text
        double bestScore = -1.0;
        double bestSeconds = 0.0;
        PlateRead bestRead;
        Frame bestFrame;
    };

    [[nodiscard]] int matchTrack(const PlateRead& read, const QList<bool>& taken) const;
    [[nodiscard]] std::optional<TrackedPlate> close(const Track& track) const;
    static void absorb(Track& track, double seconds, const PlateRead& read, const Frame& frame);

    Settings m_settings;
    QList<Track> m_tracks;
};

} // namespace alpr::engine
