#pragma once

#include <QString>

namespace alpr {

class PlateText {
public:
    /// Upper case, spaces, dashes and dots removed. Plates are A-Z and 0-9 after this; other characters are kept so
    /// that a caller can reject them (isValid).
    [[nodiscard]] static QString normalize(const QString& text);
    [[nodiscard]] static bool isValid(const QString& normalized); ///< 1..10 characters of A-Z0-9
};

} // namespace alpr
