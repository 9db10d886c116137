#pragma once

#include <QByteArray>
#include <QString>

namespace alpr::test {

/// Drawn stand-ins for camera images (QtGui): a plate crop and a street scene with the plate on a car. No real plate
/// or person appears in tests or in the committed screenshots.
class SyntheticPlateImages {
public:
    [[nodiscard]] static QByteArray crop(const QString& plate);                 ///< JPEG, 320x150
    [[nodiscard]] static QByteArray context(const QString& plate, int variant); ///< JPEG, 960x540
};

} // namespace alpr::test
