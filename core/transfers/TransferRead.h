#pragma once

#include "reads/PlateRead.h"

namespace alpr {

/// One read of an offload as parsed, before it is stored: the read itself plus what identifies it across
/// overlapping offloads (unit + camera + time to the millisecond + plate) and the image files it names.
struct TransferRead {
    PlateRead read;       ///< plate, confidence, alternatives, time, position (unit set by the import)
    QString camera;       ///< camera serial or number; empty when the source names none
    qint64 timeMs = 0;    ///< milliseconds since the epoch, UTC
    QString box;          ///< "x,y,w,h" of the plate in the context image; empty when unknown
    QString cropFile;     ///< relative path inside the offload; empty = none
    QString contextFile;
    QString unitId;       ///< the unit the line names, if it names one (must be the manifest's)
};

} // namespace alpr
