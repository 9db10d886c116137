#include "canvass/CanvassResult.h"

#include <QHash>

#include <algorithm>

namespace alpr {

QList<CanvassPlateGroup> CanvassResult::groupByPlate(const QList<CanvassRead>& reads)
{
    QList<CanvassPlateGroup> plates;
    QHash<QString, qsizetype> indexOfPlate;
    for (int i = 0; i < reads.size(); ++i) {
        const CanvassRead& read = reads[i];
        auto found = indexOfPlate.constFind(read.plate);
        if (found == indexOfPlate.constEnd()) {
            found = indexOfPlate.insert(read.plate, plates.size());
            CanvassPlateGroup group;
            group.plate = read.plate;
            group.firstSeenUtc = read.timeUtc;
            plates.append(group);
        }
        CanvassPlateGroup& group = plates[*found];
        ++group.count;
        group.lastSeenUtc = std::max(group.lastSeenUtc, read.timeUtc);
        group.firstSeenUtc = std::min(group.firstSeenUtc, read.timeUtc);
        if (!group.units.contains(read.unitId))
            group.units.append(read.unitId);
        group.readIndexes.append(i);
    }
    for (CanvassPlateGroup& group : plates)
        group.units.sort();
    return plates;
}

void CanvassResult::sortPlates(QList<CanvassPlateGroup>& plates)
{
    std::stable_sort(plates.begin(), plates.end(), [](const CanvassPlateGroup& a, const CanvassPlateGroup& b) {
        if (a.seenAtSeveralScenes() != b.seenAtSeveralScenes())
            return a.seenAtSeveralScenes();
        if (a.count != b.count)
            return a.count > b.count;
        return a.plate < b.plate;
    });
}

} // namespace alpr
