#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace alpr::engine {

/// The letter/digit layouts of US plates and the characters that look alike on them, loaded from data
/// (resources/models/plate_formats.json) rather than written into code, so a new state series is a data change.
class PlateFormatBook {
public:
    PlateFormatBook() = default;

    /// Parses the JSON document; InvalidInput when it is malformed.
    [[nodiscard]] static Result<PlateFormatBook> fromJson(const QByteArray& json);

    /// The layout of a text: "7ABC123" -> "DLLLDDD".
    [[nodiscard]] static QString layoutOf(const QString& text);

    /// Whether the text fits any known layout.
    [[nodiscard]] bool matches(const QString& text) const;
    /// Two-letter lowercase state codes that issue the text's layout (empty when none does).
    [[nodiscard]] QStringList statesFor(const QString& text) const;
    /// Texts that differ from text by at most maxSubstitutions look-alike characters and fit a known layout
    /// (text itself excluded). Used to propose readings the OCR ranked lower.
    [[nodiscard]] QStringList lookalikeAlternatives(const QString& text, int maxSubstitutions = 2) const;

    [[nodiscard]] int formatCount() const { return static_cast<int>(m_states.size()); }

private:
    QHash<QString, QStringList> m_states;
    QHash<QChar, QList<QChar>> m_lookalikes;
};

} // namespace alpr::engine
