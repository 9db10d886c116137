#include "engine/PlateTracker.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace alpr::engine {

namespace {

// Boxes overlapping this much (intersection over union) are the same plate a frame or a few later.
constexpr double sameBoxOverlap = 0.15;
// A read with a near-identical text joins a track whose plate was within this many plate widths.
constexpr double sameTextDistanceWidths = 4.0;

double iou(const QRect& a, const QRect& b)
{
    const QRect inter = a.intersected(b);
    if (inter.isEmpty())
        return 0.0;
    const double i = static_cast<double>(inter.width()) * inter.height();
    const double u = static_cast<double>(a.width()) * a.height() + static_cast<double>(b.width()) * b.height() - i;
    return u > 0 ? i / u : 0.0;
}

double centreDistance(const QRect& a, const QRect& b)
{
    const QPointF d = QRectF(a).center() - QRectF(b).center();
    return std::hypot(d.x(), d.y());
}

} // namespace

PlateTracker::PlateTracker(Settings settings) : m_settings(settings) {}

int PlateTracker::editDistance(const QString& a, const QString& b)
{
    std::vector<int> row(static_cast<size_t>(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[static_cast<size_t>(j)];
            row[static_cast<size_t>(j)] =
                std::min({above + 1, row[static_cast<size_t>(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

int PlateTracker::matchTrack(const PlateRead& read, const QList<bool>& taken) const
{
    int best = -1;
    double bestScore = 0.0;
    for (qsizetype i = 0; i < m_tracks.size(); ++i) {
        if (taken[i])
            continue;
        const Track& t = m_tracks[i];
        double score = iou(read.box, t.lastBox);
        if (score < sameBoxOverlap)
            score = 0.0;
        const double width = std::max(read.box.width(), t.lastBox.width());
        if (editDistance(read.text, t.leader) <= 1 &&
            centreDistance(read.box, t.lastBox) < sameTextDistanceWidths * width)
            score += 0.5;
        if (score > bestScore) {
            bestScore = score;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void PlateTracker::absorb(Track& track, double seconds, const PlateRead& read, const Frame& frame)
{
    for (const PlateCandidate& c : read.candidates) {
        track.votes[c.text] += c.confidence;
        track.bestConf[c.text] = std::max(track.bestConf.value(c.text), c.confidence);
    }
    track.times.append(seconds);
    track.topVotes[read.text] += 1;
    track.lastBox = read.box;
    track.lastEqualised = read.equalisedView;
    track.lastSeen = seconds;
    track.leader =
        std::max_element(track.votes.keyValueBegin(), track.votes.keyValueEnd(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    // The best view is the sharpest agreement with the consensus so far: keep that read's crop and the frame.
    if (read.text == track.leader && read.confidence > track.bestScore) {
        track.bestScore = read.confidence;
        track.bestSeconds = seconds;
        track.bestRead = read;
        track.bestFrame = frame;
    }
}

void PlateTracker::addFrame(double seconds, const QList<PlateRead>& reads, const Frame& frame)
{
    QList<bool> taken(m_tracks.size(), false);
    for (const PlateRead& read : reads) {
        const int match = matchTrack(read, taken);
        if (match >= 0) {
            taken[match] = true;
            absorb(m_tracks[match], seconds, read, frame);
            continue;
        }
        Track fresh;
        fresh.firstSeen = seconds;
        absorb(fresh, seconds, read, frame);
        m_tracks.append(std::move(fresh));
        taken.append(true);
    }
}

std::optional<TrackedPlate> PlateTracker::close(const Track& track) const
{
    const int count = static_cast<int>(track.times.size());
    double total = 0.0;
    for (const double v : track.votes)
        total += v;
    if (total <= 0.0)
        return std::nullopt;
    TrackedPlate plate;
    plate.observations = count;
    plate.firstSeenSeconds = track.firstSeen;
    plate.lastSeenSeconds = track.lastSeen;
    QList<PlateCandidate> ranked;
    for (auto it = track.votes.cbegin(); it != track.votes.cend(); ++it) {
        // The best single-frame confidence, scaled by how many frames agreed: repeated weak reads of the same
        // wrong text must not add up to certainty, and a text most frames disagree with is doubtful.
        const double agreement = (track.topVotes.value(it.key()) + 0.5) / (count + 0.5);
        const double confidence = track.bestConf.value(it.key()) * agreement;
        ranked.append(PlateCandidate{it.key(), confidence, false});
    }
    std::sort(ranked.begin(), ranked.end(), [&](const PlateCandidate& a, const PlateCandidate& b) {
        const double va = track.votes.value(a.text);
        const double vb = track.votes.value(b.text);
        return va != vb ? va > vb : a.text < b.text;
    });
    if (ranked.size() > 10)
        ranked.resize(10);
    plate.text = ranked.first().text;
    plate.confidence = ranked.first().confidence;
    for (auto& c : ranked) {
        for (const PlateCandidate& original : track.bestRead.candidates)
            if (original.text == c.text)
                c.matchesFormat = original.matchesFormat;
    }
    plate.candidates = ranked;
    // A vehicle in view is read in several frames; a lone read is kept only when it is both sure and shaped like
    // a plate (lone reads of tail lights, stickers and signs are short odd texts the OCR is often "sure" of).
    const bool fits = ranked.first().matchesFormat;
    const bool loneReadTrusted = plate.confidence >= m_settings.singleReadConfidence && fits;
    if (count < m_settings.minObservations && !loneReadTrusted)
        return std::nullopt;
    // Repeated reads of something that fits no plate layout (a sticker, a dealer's phone number, a plate too far
    // away to read whole) need the OCR to be fairly sure, and to have read the same text in several frames: two
    // frames reading two different short texts are not a consensus, however sure each frame was.
    const int agreeing = track.topVotes.value(plate.text);
    if (!fits && (plate.confidence < m_settings.unfittingTrackConfidence || agreeing < m_settings.minObservations))
        return std::nullopt;
    plate.bestSeconds = track.bestSeconds;
    plate.box = track.bestRead.box;
    plate.crop = track.bestRead.crop;
    plate.context = track.bestFrame;
    return plate;
}

bool PlateTracker::hasUnsettledTracks(int agreeingReads, double confidence, int readsAtMost) const
{
    return std::any_of(m_tracks.begin(), m_tracks.end(), [&](const Track& t) {
        const bool settled = t.topVotes.value(t.leader) >= agreeingReads && t.bestConf.value(t.leader) >= confidence;
        return !settled && t.times.size() < readsAtMost;
    });
}

QList<PlateRegion> PlateTracker::openRegions() const
{
    QList<PlateRegion> regions;
    for (const Track& t : m_tracks)
        regions.append(PlateRegion{t.lastBox, t.lastEqualised});
    return regions;
}

QList<TrackedPlate> PlateTracker::takeClosed(double nowSeconds)
{
    QList<TrackedPlate> out;
    for (qsizetype i = 0; i < m_tracks.size();) {
        if (nowSeconds - m_tracks[i].lastSeen > m_settings.gapSeconds) {
            if (auto plate = close(m_tracks[i]))
                out.append(std::move(*plate));
            m_tracks.removeAt(i);
        } else {
            ++i;
        }
    }
    return out;
}

QList<TrackedPlate> PlateTracker::takeAll()
{
    QList<TrackedPlate> out;
    for (const Track& t : m_tracks)
        if (auto plate = close(t))
            out.append(std::move(*plate));
    m_tracks.clear();
    std::sort(out.begin(), out.end(),
              [](const TrackedPlate& a, const TrackedPlate& b) { return a.firstSeenSeconds < b.firstSeenSeconds; });
    return out;
}

} // namespace alpr::engine
