#pragma once

#include "common/JobContext.h"
#include "common/Result.h"

#include <QDateTime>

namespace alpr {

class Session;

struct DemoDataOptions {
    qint64 reads = 10000;
    quint64 seed = 1;
    QDateTime endUtc;          ///< newest read time; invalid = the session clock's now
    int months = 13;           ///< reads spread over this many months before endUtc
    int vehicleUnits = 6;      ///< patrol cars
    int fixedCameras = 4;      ///< fixed cameras at street points
    qint64 imageReads = 20000; ///< the newest this many reads get a synthetic plate crop (DemoPlateImage)
};

/// Synthetic reads for the demo and the benchmarks: US plate formats, repeat visits (a few plates seen often,
/// most once or twice), OCR-style misreads with alternative readings, times over 13 months with a daily rhythm,
/// several units, places on real streets of the demo map (resources/demo/streets.csv, from OpenStreetMap).
/// Deterministic for a seed. Inserts in large transactions and keeps the search index current as it goes.
class DemoDataGenerator {
public:
    static constexpr qint64 kMaxReads = 100'000'000;

    explicit DemoDataGenerator(DemoDataOptions options) : m_options(std::move(options)) {}

    /// Needs the ImportReads permission; audited as one "demo.generate" record. Cancellable between batches
    /// (what was committed stays). Returns the number of reads inserted.
    [[nodiscard]] Result<qint64> run(Session& session, JobContext& job);

    /// The plate of vehicle number n for this seed (the bench and tests pick real plates through it).
    [[nodiscard]] QString plateOfVehicle(qint64 vehicle) const;
    [[nodiscard]] qint64 vehicleCount() const;

private:
    DemoDataOptions m_options;
};

} // namespace alpr
