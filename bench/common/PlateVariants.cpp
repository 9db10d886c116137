#include "PlateVariants.h"

#include "search/LookAlikeTable.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace alpr::bench {

QString lookAlikeOf(const QString& plate, std::mt19937& rng)
{
    const LookAlikeTable& table = LookAlikeTable::standard();
    QString out = plate;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const int pos = int(rng() % plate.size());
        const int s = LookAlikeTable::symbolOf(plate[pos]);
        const std::uint64_t others = table.groupMask(s) & ~(std::uint64_t(1) << s);
        if (others) {
            out[pos] = LookAlikeTable::charOf(std::countr_zero(others));
            return out;
        }
    }
    return out;
}

QString oneEditOf(const QString& plate, std::mt19937& rng)
{
    QString out = lookAlikeOf(plate, rng); // a look-alike as well: tolerance 2 includes 1
    const int pos = int(rng() % plate.size());
    if (rng() % 2)
        out.remove(pos, 1); // the witness forgot a character
    else
        out[pos] = QLatin1Char(out[pos] == u'X' ? 'K' : 'X'); // or got one wrong
    return out;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size()))) - (p > 0 ? 1 : 0));
    return values[i];
}

} // namespace alpr::bench
