#pragma once

#include <QList>
#include <QString>

namespace alpr {

/// How one plate matched a pattern, for ranking and for telling the detective why a read is in the results.
struct PlateMatch {
    /// One difference between pattern and plate (exact and wildcard characters are not listed).
    struct Difference {
        enum class Kind {
            LookAlike,   ///< plate has a look-alike of the pattern's character (tolerance 1)
            Substituted, ///< plate has another character (tolerance 2)
            Extra,       ///< plate has a character the pattern lacks (tolerance 2)
            Missing,     ///< plate lacks a character of the pattern (tolerance 2)
        };
        Kind kind = Kind::LookAlike;
        int position = 0;    ///< 1-based position in the plate (Missing: the position it would have had)
        QChar plateChar;     ///< null for Missing
        QString patternText; ///< the pattern's character or set, null for Extra
    };

    static constexpr int kLookAlikeCost = 1;
    static constexpr int kEditCost = 10;

    int score = 0; ///< 0 = exact; lower ranks first
    QList<Difference> differences;

    [[nodiscard]] int lookAlikes() const;
    [[nodiscard]] int edits() const;
    /// For people: "exact", or e.g. "look-alike: B for 8 at 3; extra X at 6".
    [[nodiscard]] QString explanation() const;
};

} // namespace alpr
