#pragma once

#include "common/JobContext.h"
#include "common/Result.h"
#include "engine/FootageOptions.h"
#include "engine/PlateRecognizer.h"
#include "engine/TrackedPlate.h"

#include <QList>
#include <QString>

namespace alpr::engine {

/// Reads plates from recorded footage (MP4, AVI, MOV, MKV through OpenCV's FFmpeg backend): samples frames, skips
/// still ones, recognises the rest and tracks plates so that one vehicle pass gives one TrackedPlate.
///
/// run() is a long job: it reports progress through the JobContext and stops with a Cancelled error when the job
/// is cancelled. It uses the recognizer passed in, so it runs on that recognizer's thread. Never throws.
class FootageRecognizer {
public:
    /// Figures of the last run, for benchmarks and the log.
    struct Statistics {
        qint64 framesDecoded = 0;
        /// Frames the recognizer looked at, with a full detection or only near the tracked plates (the second
        /// also counted in framesLookedNear).
        qint64 framesAnalysed = 0;
        qint64 framesLookedNear = 0;
        double durationSeconds = 0.0;
        double wallSeconds = 0.0;
    };

    explicit FootageRecognizer(PlateRecognizer& recognizer);

    /// Plates in order of first appearance. Io when the file cannot be opened, InvalidInput when it holds no
    /// decodable video.
    [[nodiscard]] Result<QList<TrackedPlate>> run(const QString& path, const FootageOptions& options, JobContext& job);

    /// Decodes every frame and does nothing else: the baseline the analysis speed is compared with.
    [[nodiscard]] Result<Statistics> decodeOnly(const QString& path);

    [[nodiscard]] const Statistics& lastStatistics() const { return m_statistics; }

    /// Whether the file name looks like footage rather than a still image (by extension).
    [[nodiscard]] static bool looksLikeVideo(const QString& path);

private:
    PlateRecognizer& m_recognizer;
    Statistics m_statistics;
};

} // namespace alpr::engine
