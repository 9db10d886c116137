#pragma once

#include "common/Result.h"
#include "reads/PlateRead.h"

#include <QJsonObject>
#include <QJsonValue>

namespace alpr {

/// Field checks shared by the offload parsers (our reads format, OpenALPR's, the manifest): each returns
/// InvalidInput naming the field, so a rejected offload says which field of which line is wrong.
class TransferJson {
public:
    static constexpr int kMaxAlternatives = 5;
    static constexpr qsizetype kMaxLineBytes = 1 << 20;

    /// Reads from before 1990 or from 2100 on are a unit's clock gone wrong, not data.
    [[nodiscard]] static bool isPlausibleTime(qint64 msSinceEpoch);
    /// A JSON object from one line.
    [[nodiscard]] static Result<QJsonObject> object(const QByteArray& line);
    /// A plate string, normalized and valid (1-10 of A-Z0-9).
    [[nodiscard]] static Result<QString> plate(const QJsonValue& value);
    /// A number in 0..scale, returned divided by scale (OpenALPR's confidences are percent).
    [[nodiscard]] static Result<double> fraction(const QJsonValue& value, double scale, const QString& what);
    /// Candidates [{plate, confidence}] other than the best reading, at most kMaxAlternatives, best first.
    [[nodiscard]] static Result<QList<PlateCandidate>> alternatives(const QJsonValue& candidates, double scale,
                                                                    const QString& bestPlate);
    /// Latitude and longitude, both or neither, in range.
    [[nodiscard]] static VoidResult position(const QJsonValue& latitude, const QJsonValue& longitude, PlateRead& read);
    /// An optional short name (camera, unit): absent = empty; a number is taken as its decimal text.
    [[nodiscard]] static Result<QString> name(const QJsonValue& value, const QString& what);
    /// An optional relative path inside the offload: absent = empty.
    [[nodiscard]] static Result<QString> fileName(const QJsonValue& value, const QString& what);
    /// [x, y, w, h] of non-negative integers, as "x,y,w,h".
    [[nodiscard]] static Result<QString> box(const QJsonValue& value);
    /// A relative '/'-separated path that stays inside its folder.
    [[nodiscard]] static bool isSafeRelativePath(const QString& path);
};

} // namespace alpr
