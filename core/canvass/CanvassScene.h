#pragma once

#include "canvass/CanvassQuery.h"

namespace alpr {

/// A canvass area and window saved under a case, so that plates read at several scenes of one case stand out.
struct CanvassScene {
    qint64 id = 0;
    QString caseNumber;
    QString label; ///< unique within the case, e.g. "shooting, 5th & Main"
    CanvassQuery query;
    QString createdBy;
    QDateTime createdUtc;
};

} // namespace alpr
