#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace alpr {

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

private:
    [[nodiscard]] const Field& field(const QString& name) const;
    QList<Field> m_fields;
};

} // namespace alpr
