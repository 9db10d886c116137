#pragma once

#include "search/LookAlikeTable.h"
#include "search/PlatePattern.h"

#include <QHash>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace alpr {

namespace store {
class Database;
}

/// The gram side of the plate index (PlateIndex, schema in 003_search.sql): how a canonical text becomes gram codes,
/// which grams a pattern implies, and how their postings select canonical forms. Internal to the search module;
/// throws ErrorException.
namespace plategrams {

/// Gram codes of a canonical text.
[[nodiscard]] std::vector<qint64> gramCodes(const QString& canon);
/// A plate of up to 10 A-Z/0-9 characters as one number (base 37, 0 = end): millions of them sort and hash
/// without allocating.
[[nodiscard]] quint64 packPlate(const QString& plate);
[[nodiscard]] QString unpackPlate(quint64 packed);

/// A lookup in search_grams: a trigram or, for a 2-symbol run, a bigram (all trigrams starting with it); at a
/// known position or at any.
struct GramSpec {
    int symbols[3] = {0, 0, 0};
    int length = 3;
    int position = -1; ///< -1 = any

    [[nodiscard]] qint64 low() const;
    [[nodiscard]] qint64 high() const; ///< exclusive
    [[nodiscard]] QString key() const;
};

/// The canonical text a pattern names when every token is one definite symbol (a plain plate, at tolerance 0 or
/// 1), else empty.
[[nodiscard]] QString literalCanon(const PlatePattern& pattern, const LookAlikeTable& table);
/// The grams a pattern's runs of definite symbols imply (anchored and positioned where the pattern fixes them).
[[nodiscard]] std::vector<GramSpec> gramsOf(const QList<PatternToken>& tokens, const LookAlikeTable& table);

/// A posting list: canonical forms (id and their plates) sorted by id.
using Posting = std::vector<std::pair<qint64, QString>>;

/// Postings of one share of the canonical forms (ids in [first, last)): a search splits the forms over its
/// connections. Every code of a gram is one seek, so a share reads only its own rows.
class GramReader {
public:
    GramReader(store::Database& db, qint64 first, qint64 last);
    ~GramReader();
    GramReader(const GramReader&) = delete;
    GramReader& operator=(const GramReader&) = delete;

    [[nodiscard]] const Posting& posting(const GramSpec& spec);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The forms the most selective of the grams select (intersected while that still pays).
[[nodiscard]] Posting candidatesOf(std::vector<GramSpec> specs, GramReader& reader);

} // namespace plategrams

} // namespace alpr
