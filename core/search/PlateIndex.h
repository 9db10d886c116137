#pragma once

#include "reads/PlateRead.h"
#include "search/PlatePattern.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <tuple>
#include <vector>

namespace alpr {

class ReaderConnections;

namespace store {
class Database;
class Statement;
}

/// The partial-plate index (schema in 003_search.sql and 006_search_cover.sql). Candidate generation: the pattern's
/// canonical trigrams (anchored and positioned where the pattern fixes them) select canonical forms through
/// search_grams, verified with the query's PlateMatcher on the plates the postings carry; search_reads then lists
/// their readings with the read fields a result shows (a covering index). A literal
/// pattern goes straight to its canonical form. Tolerance 2 runs the same for each single-edit variant of the
/// pattern. Patterns with no usable gram (e.g. "7*") fall back to a scan of the canonical dictionary. Internal to
/// the search module: throws ErrorException; callers wrap it with guarded().
class PlateIndex {
public:
    /// One reading of one read: the best (rank 0) or an alternative, with the read's fields that a result row
    /// shows and the filters test. The index carries them (a covering index) so that a search never has to visit
    /// the reads table, one random encrypted page per hit.
    struct Reading {
        QString plate;
        qint64 readId = 0;
        int rank = 0;
        QString bestPlate; ///< the read's best reading (== plate for rank 0)
        qint64 timeUtc = 0; ///< seconds since the epoch
        double confidence = 0.0;
        std::optional<double> latitude;
        std::optional<double> longitude;
        QString unitId;
        qint64 cropImageId = 0; ///< 0 = none

        /// The read as a search result shows it: no alternatives, sources or context image (viewRead loads those).
        [[nodiscard]] PlateRead summary() const;
    };

    /// Columns of reads after `plate, read_id, rank` in a query that collects readings (readingFromRow).
    static constexpr auto kSummaryColumns = "reads.plate, reads.time_utc, reads.confidence, reads.lat, reads.lon, "
                                            "reads.unit_id, reads.crop_image_id";
    /// A Reading from a row of `plate, read_id, rank, best plate (NULL = this one), time_utc, confidence, lat, lon,
    /// unit_id, crop_image_id`: the shape of search_reads and of kSummaryColumns.
    [[nodiscard]] static Reading readingFromRow(const store::Statement& row);

    explicit PlateIndex(store::Database& db) : m_db(db) {}
    /// With extra connections, candidates() reads the readings of many forms on several threads. The index must be
    /// committed (those connections see committed data only).
    PlateIndex(store::Database& db, ReaderConnections* readers) : m_db(db), m_readers(readers) {}

    /// Adds readings inside the caller's write transaction (on a server, holding the writer lock: new canonical
    /// forms are numbered after the last). Readings that are not 1-10 characters of A-Z0-9 are skipped: no valid
    /// pattern could ask for them exactly. A reading already in the index is left as it is.
    void add(const QList<Reading>& readings);

    /// Rebuilds the whole index from the reads and alternatives, inside the caller's transaction. For bulk loads:
    /// every table is written in key order, which at millions of readings is far faster than add() at random.
    void rebuild();

    /// Retention: removes the readings of the reads listed in `readIdTable` (a table with an `id` column, e.g. a
    /// purge batch in temp), in the caller's transaction and before those reads are deleted: their plates say where
    /// in the index they are. The index covers the reads it lists, so it must never outlive one.
    void removeReads(const QString& readIdTable);
    /// Retention of images: the reads in `readIdTable` lost their crop image; the index's copies follow.
    void clearCropImages(const QString& readIdTable);
    /// Canonical forms (and their grams) no reading uses any more: once after a run of removals, since each
    /// statement scans its table.
    void pruneUnusedForms();

    /// Readings that can match the pattern at the tolerance: a superset of the matches (their canonical form
    /// matches), each to be verified with PlateMatcher on the reading itself. Reads purged by retention are not
    /// among them: the purge prunes the index in its transaction.
    [[nodiscard]] std::vector<Reading> candidates(const PlatePattern& pattern, int tolerance);

    /// True when the last candidates() call had to scan the whole dictionary (no selective gram).
    [[nodiscard]] bool lastQueryScanned() const { return m_lastQueryScanned; }

private:
    /// (id, canonical form, plates) of those of the forms that the index has.
    [[nodiscard]] std::vector<std::tuple<qint64, QString, QString>> existingForms(const QStringList& canons);
    /// Forms were written with explicit ids below nextId: the server's id sequence continues there.
    void continueFormIdsAt(qint64 nextId);
    /// search_reads' key columns in the order indexKeysOf() gives them to a RowWriter: canon_id, read_id, rank,
    /// plate.
    [[nodiscard]] static const QStringList& indexKeyColumns();
    /// The index keys (canonical form id, plate, read, rank) of every reading of the reads listed in readIdTable.
    [[nodiscard]] std::vector<std::tuple<qint64, QString, qint64, int>> indexKeysOf(const QString& readIdTable);

    store::Database& m_db;
    ReaderConnections* m_readers = nullptr;
    bool m_lastQueryScanned = false;
};

} // namespace alpr
