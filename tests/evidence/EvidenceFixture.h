#pragma once

#include "accounts/Session.h"
#include "reads/PlateRead.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace alpr::test {

/// Reads for the evidence tests, inserted through ReadRepository like an import would.
class EvidenceFixture {
public:
    /// Fake image bytes: a JPEG or PNG signature, a marker with the plate (so a byte search can find image data)
    /// and filler.
    [[nodiscard]] static QByteArray image(const QString& plate, const QString& role, bool png = false);
    /// One read at the given time; with images when withImages.
    [[nodiscard]] static PlateRead read(const QString& plate, const QDateTime& timeUtc, bool withImages);
    /// Inserts the reads in one transaction and returns them with their ids.
    [[nodiscard]] static QList<PlateRead> insert(Session& session, QList<PlateRead> reads);
};

/// For QVERIFY2's message, which is evaluated even when the check passes: never touches error() of a value.
template <typename R> [[nodiscard]] QString errorText(const R& result)
{
    return result ? QString() : result.error().toString();
}

} // namespace alpr::test
