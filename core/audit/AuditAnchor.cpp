#include "audit/AuditAnchor.h"

#include <QRegularExpression>

namespace alpr {

Result<AuditAnchor> AuditAnchor::parse(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*([0-9]{1,18}):([0-9a-fA-F]{64})\\s*$"));
    const auto match = form.match(text);
    if (!match.hasMatch() || match.captured(1).toLongLong() <= 0)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("'%1' is not an audit anchor: expected COUNT:HASH, as `alprctl audit anchor` prints "
                                   "it (a record count and a 64-digit SHA-256)")
                        .arg(text.left(80)));
    return AuditAnchor{match.captured(1).toLongLong(), match.captured(2).toLower()};
}

} // namespace alpr
