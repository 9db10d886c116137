#include "search/PlateIndex.h"

#include "common/Result.h"
#include "reads/PlateText.h"
#include "search/LookAlikeTable.h"
#include "search/PlateMatcher.h"
#include "search/ReaderConnections.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QStringTokenizer>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <thread>
#include <unordered_map>

namespace alpr {

namespace {

// Gram symbols: 0 is the ^/$ anchor, 1..36 a canonical plate symbol. Positions are counted in the anchored text
// (0 = '^'), plates have at most 10 characters, so a trigram starts at 0..9 and 4 bits hold it.
constexpr qint64 kBase = 37;
constexpr qint64 kPositions = 16;
constexpr int kAnchor = 0;
// Postings carry the plates (exact readings) filed under their canonical form, so verifying a candidate costs less
// than reading one more posting row: once the candidates are this few, the rest of the grams are left unread. Bigram postings (long) are read only when the
// pattern has no trigram at all.
constexpr size_t kEnoughCandidates = 2000;

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
        // match or none does, so one of them decides for the whole form.
        const QStringView any = QStringView(plates).left(std::max<qsizetype>(0, plates.indexOf(kPlateSeparator)));
        if (matcher.matches(any.isEmpty() ? plates : any.toString()))
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
    // Every plate of the form matches (the rule at tolerance 1, where look-alikes fold together): one range scan over
    // the form instead of one lookup per plate.
    if (all && out.size() - first > 1) {
        out.resize(first);
        out.push_back({canonId, QString()});
    }
}

/// The readings filed under the given forms and plates, in their order.
std::vector<PlateIndex::Reading> readingsOf(store::Database& db, const std::vector<FormPlate>& forms)
{
    constexpr auto kColumns = "SELECT plate, read_id, rank, best_plate, time_utc, confidence, lat, lon, unit_id, "
                              "crop_image_id FROM search_reads WHERE canon_id = ?1";
    auto ofPlate = db.prepare(QLatin1String(kColumns) + QLatin1String(" AND plate = ?2"));
    auto ofForm = db.prepare(QLatin1String(kColumns));
    std::vector<PlateIndex::Reading> readings;
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

qint64 trigramKey(int a, int b, int c)
{
    return (a * kBase + b) * kBase + c;
}

/// Gram codes of a canonical text.
std::vector<qint64> gramCodes(const QString& canon)
{
    std::vector<int> symbols{kAnchor};
    for (const QChar c : canon)
        symbols.push_back(LookAlikeTable::symbolOf(c) + 1);
    symbols.push_back(kAnchor);
    std::vector<qint64> codes;
    for (size_t p = 0; p + 3 <= symbols.size(); ++p)
        codes.push_back(trigramKey(symbols[p], symbols[p + 1], symbols[p + 2]) * kPositions + qint64(p));
    return codes;
}

/// A plate of up to 10 A-Z/0-9 characters as one number (base 37, 0 = end): millions of them sort and hash
/// without allocating.
quint64 packPlate(const QString& plate)
{
    quint64 v = 0;
    for (const QChar c : plate)
        v = v * kBase + quint64(LookAlikeTable::symbolOf(c) + 1);
    for (qsizetype i = plate.size(); i < 10; ++i)
        v *= kBase;
    return v;
}

QString unpackPlate(quint64 v)
{
    char chars[10];
    for (int i = 9; i >= 0; --i) {
        chars[i] = char(v % kBase);
        v /= kBase;
    }
    QString out;
    for (char s : chars)
        if (s > 0)
            out += LookAlikeTable::charOf(s - 1);
    return out;
}

/// A lookup in search_grams: a trigram or, for a 2-symbol run, a bigram (all trigrams starting with it); at a
/// known position or at any.
struct GramSpec {
    int symbols[3] = {0, 0, 0};
    int length = 3;
    int position = -1; ///< -1 = any

    [[nodiscard]] qint64 low() const
    {
        if (length == 3)
            return trigramKey(symbols[0], symbols[1], symbols[2]) * kPositions + std::max(position, 0);
        return trigramKey(symbols[0], symbols[1], 0) * kPositions;
    }
    [[nodiscard]] qint64 high() const // exclusive
    {
        if (length == 3)
            return position >= 0 ? low() + 1 : low() + kPositions;
        return low() + kBase * kPositions;
    }
    [[nodiscard]] QString key() const { return QStringLiteral("%1:%2:%3").arg(low()).arg(length).arg(position); }
};

// The canonical symbol a token stands for, or -1 when it is not one definite symbol in canonical space.
int definiteSymbol(const PatternToken& t, const LookAlikeTable& table)
{
    if (t.kind != PatternToken::Kind::Set)
        return -1;
    int symbol = -1;
    for (int s = 0; s < LookAlikeTable::kSymbolCount; ++s) {
        if (!(t.mask & (std::uint64_t(1) << s)))
            continue;
        const int c = table.canonical(s);
        if (symbol >= 0 && symbol != c)
            return -1;
        symbol = c;
    }
    return symbol + 1;
}

/// The canonical text a pattern names when every token is one definite symbol (a plain plate, at tolerance 0 or
/// 1), else empty.
QString literalCanon(const PlatePattern& pattern, const LookAlikeTable& table)
{
    QString out;
    for (const PatternToken& t : pattern.tokens()) {
        const int s = definiteSymbol(t, table);
        if (s < 0)
            return {};
        out += LookAlikeTable::charOf(s - 1);
    }
    return out;
}

std::vector<GramSpec> gramsOf(const QList<PatternToken>& tokens, const LookAlikeTable& table)
{
    struct Symbol {
        int symbol;
        int position; // -1 = unknown
    };
    std::vector<GramSpec> out;
    std::vector<Symbol> run;
    auto flush = [&] {
        for (size_t k = 0; k + 3 <= run.size(); ++k)
            out.push_back({{run[k].symbol, run[k + 1].symbol, run[k + 2].symbol}, 3, run[k].position});
        // A bigram is looked up as the trigrams it begins; "x$" begins none (the text ends), so it is no filter.
        if (run.size() == 2 && run[1].symbol != kAnchor)
            out.push_back({{run[0].symbol, run[1].symbol, 0}, 2, run[0].position});
        run.clear();
    };
    int position = 0;
    bool known = true;
    if (!tokens.isEmpty() && tokens.first().kind != PatternToken::Kind::Star)
        run.push_back({kAnchor, 0});
    for (const PatternToken& t : tokens) {
        if (t.kind == PatternToken::Kind::Star) {
            flush();
            known = false;
            continue;
        }
        ++position;
        const int s = definiteSymbol(t, table);
        if (s < 0) {
            flush();
            continue;
        }
        run.push_back({s, known ? position : -1});
    }
    if (!tokens.isEmpty() && tokens.last().kind != PatternToken::Kind::Star)
        run.push_back({kAnchor, known ? position + 1 : -1});
    flush();
    return out;
}

/// A posting list: canonical forms (id and their plates) sorted by id.
using Posting = std::vector<std::pair<qint64, QString>>;

/// Postings of one share of the canonical forms (ids in [first, last)): a search splits the forms over its
/// connections. Every code of a gram is one seek, so a share reads only its own rows.
class GramReader {
public:
    GramReader(store::Database& db, qint64 first, qint64 last)
        : m_code(db.prepare(QStringLiteral(
              "SELECT canon_id, plates FROM search_grams WHERE code = ?1 AND canon_id >= ?2 AND canon_id < ?3"))),
          m_first(first), m_last(last)
    {
    }

    const Posting& posting(const GramSpec& spec)
    {
        const QString key = spec.key();
        auto found = m_cache.find(key);
        if (found != m_cache.end())
            return *found;
        Posting ids;
        int codes = 0;
        for (qint64 code = spec.low(); code < spec.high(); ++code) {
            if (spec.position >= 0 && code % kPositions != spec.position)
                continue;
            ++codes;
            m_code.bind(1, code).bind(2, m_first).bind(3, m_last);
            while (m_code.step())
                ids.emplace_back(m_code.int64(0), m_code.text(1));
            m_code.reset();
        }
        // One code comes back sorted by canon id; several codes (positions, a bigram's third symbol) interleave
        // sorted lists.
        if (codes > 1) {
            std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            ids.erase(
                std::unique(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                ids.end());
        }
        return *m_cache.insert(key, std::move(ids));
    }

private:
    store::Statement m_code;
    qint64 m_first;
    qint64 m_last;
    QHash<QString, Posting> m_cache;
};

Posting intersect(const Posting& a, const Posting& b)
{
    Posting out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first)
            ++i;
        else if (b[j].first < a[i].first)
            ++j;
        else
            out.push_back(a[i++]), ++j;
    }
    return out;
}

Posting candidatesOf(std::vector<GramSpec> specs, GramReader& reader)
{
    // Trigrams at a known position are the most selective, bigrams the least; an anchor makes a trigram weaker
    // (many plates share their first two or last two characters, as plate formats do).
    std::stable_sort(specs.begin(), specs.end(), [](const GramSpec& a, const GramSpec& b) {
        auto rank = [](const GramSpec& s) {
            const bool anchored = s.symbols[0] == kAnchor || (s.length == 3 && s.symbols[2] == kAnchor);
            return (s.length == 3 ? 0 : 4) + (s.position >= 0 ? 0 : 2) + (anchored ? 1 : 0);
        };
        return rank(a) < rank(b);
    });
    Posting result;
    bool first = true;
    for (const GramSpec& spec : specs) {
        if (!first && (spec.length == 2 || result.size() <= kEnoughCandidates))
            break;
        const Posting& ids = reader.posting(spec);
        result = first ? ids : intersect(result, ids);
        first = false;
        if (result.empty())
            break;
    }
    return result;
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

constexpr auto kInsertReadingSql =
    "INSERT OR IGNORE INTO search_reads(canon_id, read_id, rank, plate, best_plate, time_utc, confidence, lat, lon, "
    "unit_id, crop_image_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

void bindReading(store::Statement& s, qint64 canonId, const PlateIndex::Reading& r)
{
    s.bind(1, canonId).bind(2, r.readId).bind(3, r.rank).bind(4, r.plate);
    if (r.rank > 0)
        s.bind(5, r.bestPlate);
    else
        s.bind(5, nullptr);
    s.bind(6, r.timeUtc).bind(7, r.confidence).bind(8, r.latitude).bind(9, r.longitude).bind(10, r.unitId);
    if (r.cropImageId > 0)
        s.bind(11, r.cropImageId);
    else
        s.bind(11, nullptr);
}

} // namespace

void PlateIndex::add(const QList<Reading>& readings)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    auto findCanon = m_db.prepare(QStringLiteral("SELECT id, plates FROM search_canon WHERE canon = ?1"));
    auto insertCanon = m_db.prepare(QStringLiteral("INSERT INTO search_canon(canon, plates) VALUES (?1, '')"));
    // A canonical form this batch touches: its id, its plates, and whether they (or it) are new.
    struct Form {
        qint64 id = 0;
        QStringList plates;
        bool isNew = false;
        bool platesChanged = false;
    };
    QHash<QString, Form> forms;
    struct Row {
        qint64 canonId;
        qint64 readId;
        int rank;
        qsizetype reading; ///< index in readings
    };
    std::vector<Row> rows;
    rows.reserve(size_t(readings.size()));
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const Reading& r = readings[i];
        if (!PlateText::isValid(r.plate))
            continue;
        const QString canon = table.canonicalText(r.plate);
        auto form = forms.find(canon);
        if (form == forms.end()) {
            Form f;
            findCanon.bind(1, canon);
            if (findCanon.step()) {
                f.id = findCanon.int64(0);
                f.plates = findCanon.text(1).split(kPlateSeparator, Qt::SkipEmptyParts);
            } else {
                insertCanon.bind(1, canon).run();
                f.id = m_db.lastInsertRowId();
                f.isNew = true;
            }
            findCanon.reset();
            form = forms.insert(canon, f);
        }
        if (!form->plates.contains(r.plate)) {
            form->plates.append(r.plate);
            form->platesChanged = true;
        }
        rows.push_back({form->id, r.readId, r.rank, i});
    }
    // New forms get their grams; a form with a new plate updates the copies of its plates in its grams.
    std::vector<std::tuple<qint64, qint64, QString>> grams;
    std::vector<std::tuple<qint64, qint64, QString>> changedGrams;
    auto setPlates = m_db.prepare(QStringLiteral("UPDATE search_canon SET plates = ?1 WHERE id = ?2"));
    for (auto form = forms.cbegin(); form != forms.cend(); ++form) {
        if (!form->platesChanged)
            continue;
        const QString plates = form->plates.join(kPlateSeparator);
        setPlates.bind(1, plates).bind(2, form->id).run();
        for (qint64 code : gramCodes(form.key()))
            (form->isNew ? grams : changedGrams).emplace_back(code, form->id, plates);
    }
    // In key order the B-trees are written page by page instead of at random.
    std::sort(grams.begin(), grams.end());
    auto insertGram =
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO search_grams(code, canon_id, plates) VALUES (?1, ?2, ?3)"));
    for (const auto& [code, canonId, plates] : grams)
        insertGram.bind(1, code).bind(2, canonId).bind(3, plates).run();
    std::sort(changedGrams.begin(), changedGrams.end());
    auto updateGram =
        m_db.prepare(QStringLiteral("UPDATE search_grams SET plates = ?3 WHERE code = ?1 AND canon_id = ?2"));
    for (const auto& [code, canonId, plates] : changedGrams)
        updateGram.bind(1, code).bind(2, canonId).bind(3, plates).run();
    // In search_reads' key order.
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        return std::tie(a.canonId, readings[a.reading].plate, a.readId, a.rank) <
               std::tie(b.canonId, readings[b.reading].plate, b.readId, b.rank);
    });
    auto insertRead = m_db.prepare(QString::fromLatin1(kInsertReadingSql));
    for (const Row& row : rows) {
        bindReading(insertRead, row.canonId, readings[row.reading]);
        insertRead.run();
    }
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
    auto insertCanon = m_db.prepare(QStringLiteral("INSERT INTO search_canon(id, canon, plates) VALUES (?1, ?2, ?3)"));
    for (size_t k = 0; k < formCount; ++k) {
        const qint64 id = qint64(k) + 1;
        const quint64 packed = platesByCanon[firstPlate[k]].first;
        const QString canon = unpackPlate(packed);
        insertCanon.bind(1, id).bind(2, canon).bind(3, platesOf(k)).run();
        canonIds.emplace(packed, id);
        for (qint64 code : gramCodes(canon))
            grams.emplace_back(code, id);
    }
    std::sort(grams.begin(), grams.end());
    auto insertGram =
        m_db.prepare(QStringLiteral("INSERT INTO search_grams(code, canon_id, plates) VALUES (?1, ?2, ?3)"));
    for (const auto& [code, id] : grams)
        insertGram.bind(1, code).bind(2, id).bind(3, platesOf(size_t(id - 1))).run();
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
    auto insertRead = m_db.prepare(QString::fromLatin1(kInsertReadingSql));
    for (const Row& row : rows) {
        Reading r;
        r.readId = row.readId;
        r.rank = row.rank;
        r.plate = unpackPlate(row.plate);
        r.bestPlate = row.rank > 0 ? unpackPlate(row.bestPlate) : r.plate;
        r.timeUtc = row.timeUtc;
        r.confidence = row.confidence;
        if (!std::isnan(row.latitude))
            r.latitude = row.latitude;
        if (!std::isnan(row.longitude))
            r.longitude = row.longitude;
        r.unitId = units[row.unit];
        r.cropImageId = row.cropImageId;
        bindReading(insertRead, row.canonId, r);
        insertRead.run();
    }
}

void PlateIndex::forEachIndexedReading(const QString& readIdTable, const std::function<void(const RowKey&)>& visit)
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
    auto canon = m_db.prepare(QStringLiteral("SELECT id FROM search_canon WHERE canon = ?1"));
    while (readings.step()) {
        const QString plate = readings.text(2);
        if (!PlateText::isValid(plate))
            continue;
        canon.bind(1, table.canonicalText(plate));
        if (canon.step())
            visit({canon.int64(0), plate, readings.int64(0), int(readings.int64(1))});
        canon.reset();
    }
}

void PlateIndex::removeReads(const QString& readIdTable)
{
    auto remove = m_db.prepare(QStringLiteral(
        "DELETE FROM search_reads WHERE canon_id = ?1 AND plate = ?2 AND read_id = ?3 AND rank = ?4"));
    forEachIndexedReading(readIdTable, [&](const RowKey& k) {
        remove.bind(1, k.canonId).bind(2, k.plate).bind(3, k.readId).bind(4, k.rank).run();
    });
}

void PlateIndex::clearCropImages(const QString& readIdTable)
{
    auto clear = m_db.prepare(QStringLiteral("UPDATE search_reads SET crop_image_id = NULL WHERE canon_id = ?1 AND "
                                             "plate = ?2 AND read_id = ?3 AND rank = ?4"));
    forEachIndexedReading(readIdTable, [&](const RowKey& k) {
        clear.bind(1, k.canonId).bind(2, k.plate).bind(3, k.readId).bind(4, k.rank).run();
    });
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

    // A broad pattern reads tens of thousands of posting rows and then thousands of forms, each a random page to
    // read and decrypt: the canonical forms are split by id over this connection and the extra ones, and each share
    // goes through the whole pipeline on its own thread.
    const qint64 lastId = m_db.queryInt64(QStringLiteral("SELECT coalesce(max(id), 0) FROM search_canon")) + 1;
    const std::vector<store::Database*> helpers = m_readers ? m_readers->connections() : std::vector<store::Database*>{};
    const size_t parts = helpers.size() + 1;
    const QList<PlatePattern> variants = tolerance >= 2 ? pattern.withOneEdit() : QList<PlatePattern>{pattern};
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
