#pragma once

#include "audit/AccessPurpose.h"
#include "canvass/CanvassQuery.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace alpr {

/// One read inside the canvass area and window.
struct CanvassRead {
    qint64 id = 0;
    QString plate;
    double confidence = 0.0;
    QDateTime timeUtc;
    GeoPoint position;
    QString unitId;
    double distanceMetres = 0.0; ///< from the area's centre
};

/// All reads of one plate in a canvass: the line a detective reads first.
struct CanvassPlateGroup {
    QString plate;
    int count = 0;
    QDateTime firstSeenUtc;
    QDateTime lastSeenUtc;
    QStringList units;       ///< distinct, sorted
    QList<int> readIndexes;  ///< into CanvassResult::reads, in time order
    QStringList otherScenes; ///< labels of the case's other saved scenes where this plate was also read
    [[nodiscard]] bool seenAtSeveralScenes() const { return !otherScenes.isEmpty(); }
};

/// What a canvass returns: the reads in time order and the same reads grouped by plate (plates seen at several
/// scenes first, then by number of reads, then alphabetically).
struct CanvassResult {
    CanvassQuery query;
    AccessPurpose purpose;
    QList<CanvassRead> reads;
    QList<CanvassPlateGroup> plates;
    int scenesCompared = 0; ///< saved scenes of the case checked for repeat plates
    qint64 auditSeq = 0;    ///< the audit record of this canvass

    /// Builds plates from reads (reads must be in time order); otherScenes are left empty.
    [[nodiscard]] static QList<CanvassPlateGroup> groupByPlate(const QList<CanvassRead>& reads);
    /// Orders plates as documented above; call after filling otherScenes.
    static void sortPlates(QList<CanvassPlateGroup>& plates);
};

} // namespace alpr
