#include "search/PlateIndex.h"

#include "common/Result.h"
#include "reads/PlateText.h"
#include "search/LookAlikeTable.h"
#include "search/PlateGrams.h"
#include "search/PlateMatcher.h"
#include "search/ReaderConnections.h"
#include "store/Database.h"
#include "store/RowWriter.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QStringTokenizer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <thread>
#include <unordered_map>

namespace alpr {

using namespace plategrams;

namespace {

// The plates of one canonical form, as search_canon.plates and search_grams.plates keep them.
constexpr QChar kPlateSeparator = u',';

/// A canonical form's plate that the query matches: its readings are the ones to read. An empty plate stands for
/// every plate of the form (all of them match).
struct FormPlate {
    qint64 canonId;
    QString plate;
    bool operator==(const FormPlate&) const = default;
    bool operator<(const FormPlate& o) const { return std::tie(canonId, plate) < std::tie(o.canonId, o.plate); }
};

/// Adds the comma-separated plates of one form that match. The matcher is the query's own, so a form is visited
/// only for plates that can be hits (at tolerance 0, "*X12*" folds to the same form as XI2, XL2, X1Z...: checking
/// the form alone visited five times the forms that hold a match, and read all their look-alikes' readings).
void addMatchingPlates(qint64 canonId, const QString& plates, const PlateMatcher& matcher, std::vector<FormPlate>& out)
{
    if (matcher.tolerance() >= 1) {
        // Look-alikes are free at tolerance 1 and above, and a form's plates differ only by look-alikes: they all
        // match or none does (TestPlateMatcher proves it), so one of them decides for the whole form.
        if (matcher.matches(plates.left(plates.indexOf(kPlateSeparator)))) // left(-1): the only plate
            out.push_back({canonId, QString()});
        return;
    }
    const size_t first = out.size();
    bool all = true;
    for (const QStringView plate : QStringTokenizer(plates, kPlateSeparator)) {
        if (const QString p = plate.toString(); matcher.matches(p))
            out.push_back({canonId, p});
        else
            all = false;
    }
    // Every plate of the form matches: one range scan over the form instead of one lookup per plate.
    if (all && out.size() - first > 1) {
        out.resize(first);
        out.push_back({canonId, QString()});
    }
}

// IN lists: at most this many values a statement (a few round trips to a server, under SQLite's 999 parameters), and
// padded with their last value to a few sizes, so that a connection prepares a handful of statement texts, not one
// per list length.
constexpr size_t kListValues = 300;
size_t paddedListSize(size_t count)
{
    for (size_t size : {8, 32, 128})
        if (count <= size)
            return size;
    return kListValues;
}

/// The pattern as a POSIX regular expression on canonical forms (what PostgreSQL's ~ and pg_trgm take): each
/// character set by the canonical symbols of its members, anchored at both ends. Plate symbols are A-Z and 0-9, so
/// nothing needs escaping.
QString canonicalExpression(const PlatePattern& pattern, const LookAlikeTable& table)
{
    QString out = QStringLiteral("^");
    for (const PatternToken& token : pattern.tokens()) {
        switch (token.kind) {
        case PatternToken::Kind::Star:
            out += QLatin1String(".*");
            break;
        case PatternToken::Kind::Any:
            out += u'.';
            break;
        case PatternToken::Kind::Set: {
            QString members;
            for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s)
                if (token.mask & (std::uint64_t(1) << s))
                    if (const QChar c = LookAlikeTable::charOf(table.canonical(s)); !members.contains(c))
                        members += c;
            out += members.size() == 1 ? members : u'[' + members + u']';
            break;
        }
        }
    }
    return out + u'$';
}

/// The readings filed under the given forms and plates.
std::vector<PlateIndex::Reading> readingsOf(store::Database& db, const std::vector<FormPlate>& forms)
{
    constexpr auto kColumns = "SELECT plate, read_id, rank, best_plate, time_utc, confidence, lat, lon, unit_id, "
                              "crop_image_id, canon_id FROM search_reads WHERE ";
    std::vector<PlateIndex::Reading> readings;
    if (!db.isPostgres()) {
        // In-process: a statement a form is a function call, and each an exact key range.
        auto ofPlate = db.prepare(QLatin1String(kColumns) + QLatin1String("canon_id = ?1 AND plate = ?2"));
        auto ofForm = db.prepare(QLatin1String(kColumns) + QLatin1String("canon_id = ?1"));
        for (const auto& [canonId, plate] : forms) {
            store::Statement& s = plate.isEmpty() ? ofForm : ofPlate;
            s.bind(1, canonId);
            if (!plate.isEmpty())
                s.bind(2, plate);
            while (s.step())
                readings.push_back(PlateIndex::readingFromRow(s));
            s.reset();
        }
        return readings;
    }
    // On a server a statement a form is a round trip each (an infix search at ten million reads visits thousands of
    // forms): a few hundred forms a statement instead. Forms of which only some plates match ask for those plates
    // and keep the rows of their own pairs.
    std::vector<qint64> wholeForms;
    std::vector<FormPlate> someplates;
    for (const FormPlate& form : forms)
        (form.plate.isEmpty() ? wholeForms.push_back(form.canonId) : someplates.push_back(form));
    for (size_t first = 0; first < wholeForms.size(); first += kListValues) {
        const size_t count = std::min(kListValues, wholeForms.size() - first);
        const size_t size = paddedListSize(count);
        auto s = db.prepare(QLatin1String(kColumns) +
                            QStringLiteral("canon_id IN (%1)").arg(store::Database::placeholders(1, int(size))));
        for (size_t i = 0; i < size; ++i)
            s.bind(int(i) + 1, wholeForms[first + std::min(i, count - 1)]);
        while (s.step())
            readings.push_back(PlateIndex::readingFromRow(s));
    }
    for (size_t first = 0; first < someplates.size(); first += kListValues) {
        const size_t count = std::min(kListValues, someplates.size() - first);
        QSet<QPair<qint64, QString>> wanted;
        for (size_t i = 0; i < count; ++i)
            wanted.insert({someplates[first + i].canonId, someplates[first + i].plate});
        const size_t size = paddedListSize(count);
        auto s =
            db.prepare(QLatin1String(kColumns) + QStringLiteral("canon_id IN (%1) AND plate IN (%2)")
                                                     .arg(store::Database::placeholders(1, int(size)),
                                                          store::Database::placeholders(int(size) + 1, int(size))));
        for (size_t i = 0; i < size; ++i) {
            const FormPlate& form = someplates[first + std::min(i, count - 1)];
            s.bind(int(i) + 1, form.canonId).bind(int(size + i) + 1, form.plate);
        }
        while (s.step())
            if (wanted.contains({s.int64(10), s.text(0)}))
                readings.push_back(PlateIndex::readingFromRow(s));
    }
    return readings;
}

} // namespace

PlateRead PlateIndex::Reading::summary() const
{
    PlateRead r;
    r.id = readId;
    r.plate = bestPlate;
    r.confidence = confidence;
    r.timeUtc = QDateTime::fromSecsSinceEpoch(timeUtc, Qt::UTC);
    r.latitude = latitude;
    r.longitude = longitude;
    r.unitId = unitId;
    r.cropImageId = cropImageId;
    return r;
}

PlateIndex::Reading PlateIndex::readingFromRow(const store::Statement& row)
{
    Reading r;
    r.plate = row.text(0);
    r.readId = row.int64(1);
    r.rank = int(row.int64(2));
    r.bestPlate = row.isNull(3) ? r.plate : row.text(3);
    r.timeUtc = row.int64(4);
    r.confidence = row.real(5);
    r.latitude = row.optionalReal(6);
    r.longitude = row.optionalReal(7);
    r.unitId = row.text(8);
    r.cropImageId = row.isNull(9) ? 0 : row.int64(9);
    return r;
}

namespace {

// search_reads' columns in the order writeReading() and the rebuild write them.
const QStringList& readingColumns()
{
    static const QStringList columns{
        QStringLiteral("canon_id"),   QStringLiteral("read_id"),      QStringLiteral("rank"),
        QStringLiteral("plate"),      QStringLiteral("best_plate"),   QStringLiteral("time_utc"),
        QStringLiteral("confidence"), QStringLiteral("lat"),          QStringLiteral("lon"),
        QStringLiteral("unit_id"),    QStringLiteral("crop_image_id")};
    return columns;
}

void writeReading(store::RowWriter& writer, qint64 canonId, const PlateIndex::Reading& r)
{
    writer.row(canonId, r.readId, r.rank, r.plate, r.rank > 0 ? std::optional<QString>(r.bestPlate) : std::nullopt,
               r.timeUtc, r.confidence, r.latitude, r.longitude, r.unitId,
               r.cropImageId > 0 ? std::optional<qint64>(r.cropImageId) : std::nullopt);
}

} // namespace

std::vector<std::tuple<qint64, QString, QString>> PlateIndex::existingForms(const QStringList& canons)
{
    std::vector<std::tuple<qint64, QString, QString>> found;
    for (size_t first = 0; first < size_t(canons.size()); first += kListValues) {
        const size_t count = std::min(kListValues, size_t(canons.size()) - first);
        const size_t size = paddedListSize(count);
        auto s = m_db.prepare(QStringLiteral("SELECT id, canon, plates FROM search_canon WHERE canon IN (%1)")
                                  .arg(store::Database::placeholders(1, int(size))));
        for (size_t i = 0; i < size; ++i)
            s.bind(int(i) + 1, canons[qsizetype(first + std::min(i, count - 1))]);
        while (s.step())
            found.emplace_back(s.int64(0), s.text(1), s.text(2));
    }
    return found;
}

void PlateIndex::add(const QList<Reading>& readings)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    // A canonical form this batch touches: its id, its plates, and whether they (or it) are new.
    struct Form {
        qint64 id = 0;
        QStringList plates;
        bool isNew = true;
        bool platesChanged = false;
    };
    QHash<QString, Form> forms;
    std::vector<QString> canonOf(size_t(readings.size())); // empty: not a plate the index holds
    for (qsizetype i = 0; i < readings.size(); ++i)
        if (PlateText::isValid(readings[i].plate)) {
            canonOf[size_t(i)] = table.canonicalText(readings[i].plate);
            forms.insert(canonOf[size_t(i)], Form{});
        }
    // Set-based, whatever the batch's size: one look-up of the known forms, then each table written by a RowWriter
    // (a statement a row on SQLite; on a server, where a statement a row is a round trip each, a COPY each).
    for (const auto& [id, canon, plates] : existingForms(forms.keys())) {
        Form& form = forms[canon];
        form.id = id;
        form.plates = plates.split(kPlateSeparator, Qt::SkipEmptyParts);
        form.isNew = false;
    }
    // New forms are numbered after the last: the caller's write transaction (and on a server the writer lock) keeps
    // any other writer out until it commits.
    qint64 nextId = m_db.queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) FROM search_canon")) + 1;
    QStringList newCanons;
    for (auto form = forms.begin(); form != forms.end(); ++form)
        if (form->isNew)
            newCanons.append(form.key());
    newCanons.sort(); // numbered in text order, as the rebuild numbers them
    for (const QString& canon : newCanons)
        forms[canon].id = nextId++;
    struct Row {
        qint64 canonId;
        qsizetype reading; ///< index in readings
    };
    std::vector<Row> rows;
    rows.reserve(size_t(readings.size()));
    for (qsizetype i = 0; i < readings.size(); ++i) {
        if (canonOf[size_t(i)].isEmpty())
            continue;
        Form& form = forms[canonOf[size_t(i)]];
        if (!form.plates.contains(readings[i].plate)) {
            form.plates.append(readings[i].plate);
            form.platesChanged = true;
        }
        rows.push_back({form.id, i});
    }
    // New forms get their grams; a form with a new plate updates the copies of its plates in its grams.
    std::vector<std::tuple<qint64, qint64, QString>> grams;
    std::vector<std::tuple<qint64, qint64, QString>> changedGrams;
    store::RowWriter newForms(m_db, QStringLiteral("search_canon"),
                              {QStringLiteral("id"), QStringLiteral("canon"), QStringLiteral("plates")});
    store::RowWriter changedForms(m_db, QStringLiteral("search_canon"),
                                  {QStringLiteral("id"), QStringLiteral("plates")}, store::RowWriter::Write::Update, 1);
    // The server searches the forms through its trigram index (013_trigram_search.sql) and keeps no grams.
    const bool keepsGrams = !m_db.isPostgres();
    for (const QString& canon : newCanons) {
        const Form& form = forms[canon];
        const QString plates = form.plates.join(kPlateSeparator);
        newForms.row(form.id, canon, plates);
        if (keepsGrams)
            for (qint64 code : gramCodes(canon))
                grams.emplace_back(code, form.id, plates);
    }
    for (auto form = forms.cbegin(); form != forms.cend(); ++form) {
        if (form->isNew || !form->platesChanged)
            continue;
        const QString plates = form->plates.join(kPlateSeparator);
        changedForms.row(form->id, plates);
        if (keepsGrams)
            for (qint64 code : gramCodes(form.key()))
                changedGrams.emplace_back(code, form->id, plates);
    }
    newForms.finish();
    changedForms.finish();
    if (!newCanons.isEmpty())
        continueFormIdsAt(nextId);
    // In key order the B-trees are written page by page instead of at random.
    std::sort(grams.begin(), grams.end());
    const QStringList gramColumns{QStringLiteral("code"), QStringLiteral("canon_id"), QStringLiteral("plates")};
    store::RowWriter newGrams(m_db, QStringLiteral("search_grams"), gramColumns, store::RowWriter::Write::InsertNew);
    for (const auto& [code, canonId, plates] : grams)
        newGrams.row(code, canonId, plates);
    newGrams.finish();
    std::sort(changedGrams.begin(), changedGrams.end());
    store::RowWriter updatedGrams(m_db, QStringLiteral("search_grams"), gramColumns, store::RowWriter::Write::Update,
                                  2);
    for (const auto& [code, canonId, plates] : changedGrams)
        updatedGrams.row(code, canonId, plates);
    updatedGrams.finish();
    // In search_reads' key order. A reading indexed before (a batch retried after a crash) is skipped.
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        const Reading& x = readings[a.reading];
        const Reading& y = readings[b.reading];
        return std::tie(a.canonId, x.plate, x.readId, x.rank) < std::tie(b.canonId, y.plate, y.readId, y.rank);
    });
    store::RowWriter readingRows(m_db, QStringLiteral("search_reads"), readingColumns(),
                                 store::RowWriter::Write::InsertNew);
    for (const Row& row : rows)
        writeReading(readingRows, row.canonId, readings[row.reading]);
    readingRows.finish();
}

void PlateIndex::continueFormIdsAt(qint64 nextId)
{
    // Explicit ids leave the identity's sequence where it was: the next form numbered by it must not collide with
    // them. SQLite numbers after the largest id by itself.
    if (m_db.isPostgres())
        m_db.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('search_canon', 'id'), %1, false)").arg(nextId));
}

void PlateIndex::rebuild()
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    m_db.exec(QStringLiteral("DELETE FROM search_grams; DELETE FROM search_reads; DELETE FROM search_canon"));

    // Pass 1: the distinct canonical forms, numbered in text order, so both of search_canon's keys grow at the end;
    // each with the distinct plates filed under it.
    std::vector<std::pair<quint64, quint64>> platesByCanon; // (canonical form, plate), packed
    for (const char* sql : {"SELECT DISTINCT plate FROM reads", "SELECT DISTINCT plate FROM read_alternatives"}) {
        auto s = m_db.prepare(QString::fromLatin1(sql));
        while (s.step()) {
            const QString plate = s.text(0);
            if (PlateText::isValid(plate))
                platesByCanon.emplace_back(packPlate(table.canonicalText(plate)), packPlate(plate));
        }
    }
    std::sort(platesByCanon.begin(), platesByCanon.end());
    platesByCanon.erase(std::unique(platesByCanon.begin(), platesByCanon.end()), platesByCanon.end());
    // Form k (id k + 1) owns platesByCanon[firstPlate[k] .. firstPlate[k + 1]).
    std::vector<size_t> firstPlate;
    for (size_t i = 0; i < platesByCanon.size(); ++i)
        if (i == 0 || platesByCanon[i].first != platesByCanon[i - 1].first)
            firstPlate.push_back(i);
    firstPlate.push_back(platesByCanon.size());
    const auto platesOf = [&](size_t form) {
        QString plates;
        for (size_t i = firstPlate[form]; i < firstPlate[form + 1]; ++i) {
            if (!plates.isEmpty())
                plates += kPlateSeparator;
            plates += unpackPlate(platesByCanon[i].second);
        }
        return plates;
    };
    const size_t formCount = firstPlate.size() - 1;
    std::unordered_map<quint64, qint64> canonIds;
    canonIds.reserve(formCount);
    std::vector<std::pair<qint64, qint64>> grams; // (code, form id)
    // Everything below is new rows into emptied tables: RowWriter (COPY on the server).
    store::RowWriter canonRows(m_db, QStringLiteral("search_canon"),
                               {QStringLiteral("id"), QStringLiteral("canon"), QStringLiteral("plates")});
    for (size_t k = 0; k < formCount; ++k) {
        const qint64 id = qint64(k) + 1;
        const quint64 packed = platesByCanon[firstPlate[k]].first;
        const QString canon = unpackPlate(packed);
        canonRows.row(id, canon, platesOf(k));
        canonIds.emplace(packed, id);
        if (!m_db.isPostgres()) // the server searches through its trigram index instead (013_trigram_search.sql)
            for (qint64 code : gramCodes(canon))
                grams.emplace_back(code, id);
    }
    canonRows.finish();
    continueFormIdsAt(qint64(formCount) + 1);
    std::sort(grams.begin(), grams.end());
    store::RowWriter gramRows(m_db, QStringLiteral("search_grams"),
                              {QStringLiteral("code"), QStringLiteral("canon_id"), QStringLiteral("plates")});
    for (const auto& [code, id] : grams)
        gramRows.row(code, id, platesOf(size_t(id - 1)));
    gramRows.finish();
    grams = {};

    // Pass 2: every reading under its canonical form with the read's summary, sorted by the table's key. Packed
    // (plates as numbers, units as indexes): a bulk load of ten million reads holds fourteen million of these.
    struct Row {
        qint64 readId;
        quint64 plate;
        quint64 bestPlate;
        qint64 timeUtc;
        double confidence;
        double latitude; ///< NaN = none
        double longitude;
        qint64 cropImageId;
        quint32 canonId;
        quint16 unit;
        quint8 rank;
        [[nodiscard]] auto key() const { return std::tuple(canonId, plate, readId, rank); } // search_reads' order
    };
    std::vector<Row> rows;
    rows.reserve(size_t(m_db.queryInt64(QStringLiteral("SELECT (SELECT count(*) FROM reads) + "
                                                       "(SELECT count(*) FROM read_alternatives)"))));
    QHash<QString, quint16> unitIndex;
    QStringList units;
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (const QString& sql :
         {QStringLiteral("SELECT reads.plate, reads.id, 0, %1 FROM reads"),
          QStringLiteral("SELECT a.plate, a.read_id, a.rank, %1 FROM read_alternatives a JOIN reads ON reads.id = "
                         "a.read_id")}) {
        auto s = m_db.prepare(sql.arg(QLatin1String(kSummaryColumns)));
        while (s.step()) {
            const Reading r = readingFromRow(s);
            if (!PlateText::isValid(r.plate))
                continue;
            auto unit = unitIndex.find(r.unitId);
            if (unit == unitIndex.end()) {
                if (units.size() > std::numeric_limits<quint16>::max())
                    raise(ErrorCode::Internal, QStringLiteral("Too many units for the search index rebuild"));
                unit = unitIndex.insert(r.unitId, quint16(units.size()));
                units.append(r.unitId);
            }
            rows.push_back({r.readId, packPlate(r.plate), packPlate(r.bestPlate), r.timeUtc, r.confidence,
                            r.latitude.value_or(none), r.longitude.value_or(none), r.cropImageId,
                            quint32(canonIds.at(packPlate(table.canonicalText(r.plate)))), *unit, quint8(r.rank)});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key() < b.key(); });
    // Each reading is new (the key includes read and rank).
    store::RowWriter readingRows(m_db, QStringLiteral("search_reads"), readingColumns());
    for (const Row& row : rows)
        readingRows.row(qint64(row.canonId), row.readId, int(row.rank), unpackPlate(row.plate),
                        row.rank > 0 ? std::optional<QString>(unpackPlate(row.bestPlate)) : std::nullopt, row.timeUtc,
                        row.confidence, std::isnan(row.latitude) ? std::nullopt : std::optional<double>(row.latitude),
                        std::isnan(row.longitude) ? std::nullopt : std::optional<double>(row.longitude),
                        units[row.unit], row.cropImageId > 0 ? std::optional<qint64>(row.cropImageId) : std::nullopt);
    readingRows.finish();
}

void PlateIndex::removeReads(const QString& readIdTable)
{
    store::RowWriter rows(m_db, QStringLiteral("search_reads"), indexKeyColumns(), store::RowWriter::Write::Delete,
                          int(indexKeyColumns().size()));
    for (const auto& [canonId, plate, readId, rank] : indexKeysOf(readIdTable))
        rows.row(canonId, readId, rank, plate);
    rows.finish();
}

void PlateIndex::clearCropImages(const QString& readIdTable)
{
    QStringList columns = indexKeyColumns();
    columns.append(QStringLiteral("crop_image_id"));
    store::RowWriter rows(m_db, QStringLiteral("search_reads"), columns, store::RowWriter::Write::Update,
                          int(indexKeyColumns().size()));
    for (const auto& [canonId, plate, readId, rank] : indexKeysOf(readIdTable))
        rows.row(canonId, readId, rank, plate, std::optional<qint64>());
    rows.finish();
}

const QStringList& PlateIndex::indexKeyColumns()
{
    static const QStringList columns{QStringLiteral("canon_id"), QStringLiteral("read_id"), QStringLiteral("rank"),
                                     QStringLiteral("plate")};
    return columns;
}

std::vector<std::tuple<qint64, QString, qint64, int>> PlateIndex::indexKeysOf(const QString& readIdTable)
{
    // Internal callers pass their own temp table's name; never user input.
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    if (!identifier.match(readIdTable).hasMatch())
        raise(ErrorCode::Internal, QStringLiteral("Not a table name: %1").arg(readIdTable));
    const LookAlikeTable& table = LookAlikeTable::standard();
    auto readings = m_db.prepare(QStringLiteral("SELECT id, 0, plate FROM reads WHERE id IN (SELECT id FROM %1) "
                                                "UNION ALL SELECT read_id, rank, plate FROM read_alternatives "
                                                "WHERE read_id IN (SELECT id FROM %1)")
                                     .arg(readIdTable));
    std::vector<std::tuple<QString, QString, qint64, int>> found; // (canonical form, plate, read, rank)
    QSet<QString> canons;
    while (readings.step()) {
        const QString plate = readings.text(2);
        if (!PlateText::isValid(plate))
            continue;
        const QString canon = table.canonicalText(plate);
        canons.insert(canon);
        found.emplace_back(canon, plate, readings.int64(0), int(readings.int64(1)));
    }
    QHash<QString, qint64> ids;
    for (const auto& [id, canon, plates] : existingForms(canons.values()))
        ids.insert(canon, id);
    std::vector<std::tuple<qint64, QString, qint64, int>> keys;
    keys.reserve(found.size());
    for (const auto& [canon, plate, readId, rank] : found)
        if (const auto id = ids.constFind(canon); id != ids.cend())
            keys.emplace_back(*id, plate, readId, rank);
    std::sort(keys.begin(), keys.end()); // the table's key order
    return keys;
}

void PlateIndex::pruneUnusedForms()
{
    m_db.exec(QStringLiteral(
        "DELETE FROM search_canon WHERE NOT EXISTS (SELECT 1 FROM search_reads r WHERE r.canon_id = search_canon.id);"
        "DELETE FROM search_grams WHERE canon_id NOT IN (SELECT id FROM search_canon);"));
}

std::vector<PlateIndex::Reading> PlateIndex::candidates(const PlatePattern& pattern, int tolerance)
{
    m_lastQueryScanned = false;
    const LookAlikeTable& table = LookAlikeTable::standard();
    const PlateMatcher matcher(pattern, tolerance);
    const QString literal = tolerance < 2 ? literalCanon(pattern, table) : QString();
    if (!literal.isEmpty()) {
        // A plain plate: its canonical form is the only candidate.
        std::vector<FormPlate> verified;
        auto s = m_db.prepare(QStringLiteral("SELECT id, plates FROM search_canon WHERE canon = ?1"));
        s.bind(1, literal);
        if (s.step())
            addMatchingPlates(s.int64(0), s.text(1), matcher, verified);
        return readingsOf(m_db, verified);
    }

    const QList<PlatePattern> variants = tolerance >= 2 ? pattern.withOneEdit() : QList<PlatePattern>{pattern};
    if (m_db.isPostgres()) {
        // The server's trigram index on the canonical forms (013_trigram_search.sql) answers a regular expression
        // on them in one statement; measured faster than the gram postings there (docs/scale.md).
        std::vector<FormPlate> verified;
        auto forms = m_db.prepare(QStringLiteral("SELECT id, plates FROM search_canon WHERE canon ~ ?1"));
        for (const PlatePattern& variant : variants) {
            if (gramsOf(variant.tokens(), table).empty())
                m_lastQueryScanned = true; // nothing for an index to narrow by: the server reads every form
            forms.bind(1, canonicalExpression(variant, table));
            while (forms.step())
                addMatchingPlates(forms.int64(0), forms.text(1), matcher, verified);
            forms.reset();
        }
        std::sort(verified.begin(), verified.end());
        verified.erase(std::unique(verified.begin(), verified.end()), verified.end());
        return readingsOf(m_db, verified);
    }

    // A broad pattern reads tens of thousands of posting rows and then thousands of forms, each a random page to
    // read and decrypt: the canonical forms are split by id over this connection and the extra ones, and each share
    // goes through the whole pipeline on its own thread.
    const qint64 lastId = m_db.queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) FROM search_canon")) + 1;
    const std::vector<store::Database*> helpers = m_readers ? m_readers->connections() : std::vector<store::Database*>{};
    const size_t parts = helpers.size() + 1;
    std::vector<std::vector<Reading>> found(parts);
    std::vector<std::exception_ptr> errors(parts);
    std::atomic<bool> scanned = false;
    const auto share = [&](store::Database& db, size_t part) {
        const qint64 first = lastId * qint64(part) / qint64(parts);
        const qint64 last = lastId * qint64(part + 1) / qint64(parts);
        std::vector<FormPlate> verified;
        GramReader reader(db, first, last);
        bool scan = false;
        for (const PlatePattern& variant : variants) {
            std::vector<GramSpec> grams = gramsOf(variant.tokens(), table);
            if (grams.empty()) {
                scan = true;
                break;
            }
            for (const auto& [id, plates] : candidatesOf(std::move(grams), reader))
                addMatchingPlates(id, plates, matcher, verified);
        }
        if (scan) {
            scanned = true;
            verified.clear();
            auto all = db.prepare(QStringLiteral("SELECT id, plates FROM search_canon WHERE id >= ?1 AND id < ?2"));
            all.bind(1, first).bind(2, last);
            while (all.step())
                addMatchingPlates(all.int64(0), all.text(1), matcher, verified);
        }
        std::sort(verified.begin(), verified.end());
        verified.erase(std::unique(verified.begin(), verified.end()), verified.end());
        found[part] = readingsOf(db, verified);
    };
    {
        std::vector<std::jthread> threads;
        for (size_t part = 1; part < parts; ++part)
            threads.emplace_back([&, part] {
                try {
                    // One read transaction for the share, not one per lookup.
                    store::Transaction snapshot(*helpers[part - 1], store::Transaction::Mode::Deferred);
                    share(*helpers[part - 1], part);
                } catch (...) {
                    errors[part] = std::current_exception();
                }
            });
        try {
            share(m_db, 0);
        } catch (...) {
            errors[0] = std::current_exception();
        }
    } // joins
    for (const std::exception_ptr& error : errors)
        if (error)
            std::rethrow_exception(error);
    m_lastQueryScanned = scanned;
    std::vector<Reading> readings = std::move(found[0]);
    for (size_t part = 1; part < parts; ++part)
        readings.insert(readings.end(), std::make_move_iterator(found[part].begin()),
                        std::make_move_iterator(found[part].end()));
    return readings;
}

} // namespace alpr
