#pragma once

#include "common/Result.h"

#include <QList>
#include <QSize>
#include <QString>

namespace alpr::testsupport {

/// One car of a generated drive-by clip: its plate is in the picture from startSeconds to endSeconds.
struct DriveByPass {
    double startSeconds = 0.0;
    double endSeconds = 0.0;
    QString plate;
};

/// A generated clip and what is in it.
struct DriveByClip {
    QString path;
    QSize size;
    int framesPerSecond = 30;
    QList<DriveByPass> passes;
};

/// Renders synthetic drive-by footage from the labelled us-dev photos with the ffmpeg program, as
/// us_driveby_synthetic.mp4 was made: one photo a car, each shown for a while with a slow zoom towards its plate (so,
/// unlike that clip, every plate stays in the picture), H.264 in MP4 like a dash-cam's. Which photos is decided by the
/// seed alone (a seeded shuffle of the file names), and the encoder is single-threaded, so a seed always gives the
/// same file. For benchmarks and tests only: it reads the shared data and runs an outside program.
class DriveByClipMaker {
public:
    struct Options {
        QSize size{1280, 720};
        int cars = 8;
        double secondsPerCar = 2.0;
        int framesPerSecond = 30;
        quint32 seed = 16;
    };

    /// The ffmpeg program on PATH, or empty when it is not installed.
    [[nodiscard]] static QString ffmpegProgram();

    /// usDevDirectory holds groundtruth.tsv and the photos. NotFound when ffmpeg or the photos are missing, Io when
    /// ffmpeg fails (its last output lines in the detail).
    [[nodiscard]] static Result<DriveByClip> make(const QString& usDevDirectory, const QString& outputPath,
                                                  const Options& options);
};

} // namespace alpr::testsupport
