#pragma once

#include "common/Result.h"

#include <QDateTime>

class QIODevice;

namespace alpr {

/// The recording time an MP4/MOV (ISO base media) file carries in its movie header: the creation_time of the
/// `mvhd` box inside the top-level `moov` box, seconds since 1904-01-01 UTC. Dash and body cameras write it when
/// recording starts, so it dates the first frame when no start time is given.
///
/// The file is outside input: box sizes are checked against the file's size, a bounded number of boxes is
/// visited, and only the few bytes of the movie header are read, wherever `moov` lies (start or end of the file).
class ContainerTime {
public:
    /// NotFound when the file has no movie header or the camera left its clock unset (zero, or before 2000);
    /// Corrupt when a box is malformed; Io when the file cannot be read.
    [[nodiscard]] static Result<QDateTime> read(QIODevice& device);
    [[nodiscard]] static Result<QDateTime> readFile(const QString& path);
};

} // namespace alpr
