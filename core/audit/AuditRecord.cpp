#include "audit/AuditRecord.h"

#include <QCryptographicHash>

namespace alpr {

namespace {
void appendField(QByteArray& out, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += ';';
}
} // namespace

QByteArray AuditRecord::canonicalForm() const
{
    QByteArray out = QByteArrayLiteral("alpr-audit-v1;");
    appendField(out, QString::number(seq));
    appendField(out, timeUtc.toUTC().toString(Qt::ISODateWithMs));
    for (const QString* field : {&user, &workstation, &action, &object, &parameters, &purpose, &caseNumber, &outcome})
        appendField(out, *field);
    return out;
}

QString AuditRecord::computeHash(const QString& previousHash) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash.toLatin1());
    hash.addData(canonicalForm());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace alpr
