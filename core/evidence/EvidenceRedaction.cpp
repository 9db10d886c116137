#include "evidence/EvidenceRedaction.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

QStringList EvidenceRedaction::knownFields()
{
    return {QStringLiteral("location"), QStringLiteral("unit"), QStringLiteral("source"),
            QStringLiteral("alternatives"), QStringLiteral("crop-images")};
}

QStringList EvidenceRedaction::defaultFields(store::Database& db)
{
    auto s = db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'evidence.redaction_fields'"));
    if (s.step())
        return s.text(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    return {QStringLiteral("source"), QStringLiteral("alternatives")};
}

VoidResult EvidenceRedaction::validate() const
{
    for (const QString& field : removedFields)
        if (!knownFields().contains(field))
            return fail(ErrorCode::InvalidInput, QStringLiteral("'%1' is not a field a redacted package can leave out "
                                                                "(%2)")
                                                     .arg(field.left(40), knownFields().join(QStringLiteral(", "))));
    return {};
}

void EvidenceRedaction::apply(PlateRead& read) const
{
    if (!enabled)
        return;
    if (removedFields.contains(QStringLiteral("location"))) {
        read.latitude.reset();
        read.longitude.reset();
    }
    if (removedFields.contains(QStringLiteral("unit")))
        read.unitId = QStringLiteral("(redacted)");
    if (removedFields.contains(QStringLiteral("source"))) {
        read.sourceFile.clear();
        read.sourceOffsetMs.reset();
        read.frame.reset();
    }
    if (removedFields.contains(QStringLiteral("alternatives")))
        read.alternatives.clear();
    if (!keepsCropImages())
        read.cropImageId = 0;
    if (!keepsContextImages())
        read.contextImageId = 0;
}

QString EvidenceRedaction::description() const
{
    if (!enabled)
        return {};
    QStringList removed{QStringLiteral("context images (other vehicles' plates cannot be masked)")};
    for (const QString& field : removedFields)
        removed.append(field == QLatin1String("crop-images") ? QStringLiteral("plate crops") : field);
    return QStringLiteral("Redacted for release outside law enforcement: %1 removed")
        .arg(removed.join(QStringLiteral(", ")));
}

} // namespace alpr
