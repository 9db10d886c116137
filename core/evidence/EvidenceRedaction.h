#pragma once

#include "common/Result.h"
#include "reads/PlateRead.h"

#include <QStringList>

namespace alpr {

namespace store {
class Database;
}

/// What a package released outside law enforcement (a records request) leaves out. Fields are removed from every
/// read before any file is written, so reads.csv, reads.json and both PDFs agree. Context images show other
/// vehicles; masking their plates needs each plate's box in the image, which the store does not keep, so a redacted
/// package withholds context images altogether (the crop shows only the read plate).
struct EvidenceRedaction {
    bool enabled = false;
    QStringList removedFields; ///< of knownFields(); empty while enabled: the agency's defaultFields()

    /// location, unit, source (file, offset, frame), alternatives (runner-up readings), crop-images
    [[nodiscard]] static QStringList knownFields();
    /// The agency's default for redacted packages (setting evidence.redaction_fields; source and alternatives).
    [[nodiscard]] static QStringList defaultFields(store::Database& db); ///< Throws ErrorException
    [[nodiscard]] VoidResult validate() const;                           ///< InvalidInput naming an unknown field
    void apply(PlateRead& read) const;
    [[nodiscard]] bool keepsCropImages() const
    {
        return !enabled || !removedFields.contains(QStringLiteral("crop-images"));
    }
    [[nodiscard]] bool keepsContextImages() const { return !enabled; }
    /// For the README, the PDFs and the audit record: "context images, source, alternatives removed".
    [[nodiscard]] QString description() const;
};

} // namespace alpr
