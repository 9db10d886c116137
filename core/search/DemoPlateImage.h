#pragma once

#include <QByteArray>
#include <QString>

namespace alpr {

/// A synthetic plate crop for demo reads: the plate's characters in a 5x7 bitmap font on a light plate, encoded as
/// a grayscale PNG without QtGui (core stays on QtCore), so the demo's result table and detail view show crops.
class DemoPlateImage {
public:
    /// PNG bytes; characters outside A-Z/0-9 are drawn as blanks.
    [[nodiscard]] static QByteArray png(const QString& plate);
};

} // namespace alpr
