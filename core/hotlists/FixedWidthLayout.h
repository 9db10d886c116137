#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace alpr {

struct HotlistEntryInput;

/// The columns of a fixed-width record format, as data: each field's name, first column (1-based) and width.
class FixedWidthLayout {
public:
    struct Field {
        QString name;
        int column = 1; ///< 1-based
        int width = 1;
    };

    explicit FixedWidthLayout(QList<Field> fields);

    /// The field's text, trimmed; empty when the line ends before it.
    [[nodiscard]] QString value(const QByteArray& line, const QString& name) const;
    /// The last column a line must reach to hold the named field.
    [[nodiscard]] int endColumn(const QString& name) const;

    /// The part every fixed-width hot-list record shares: checks that the line is text and reaches the "state"
    /// field, then fills the entry's plate, state, record text and (from dateField, YYYYMMDD, may be blank) its
    /// incident date. Returns why the line is rejected, or nothing.
    [[nodiscard]] std::optional<QString> readPlateRecord(const QByteArray& line, const QString& dateField,
                                                         const QString& dateLabel, HotlistEntryInput& entry) const;

private:
    [[nodiscard]] const Field& field(const QString& name) const;
    QList<Field> m_fields;
};

} // namespace alpr
