#include "canvass/CanvassService.h"

#include "accounts/Session.h"
#include "audit/AuditLog.h"
#include "canvass/CanvassExport.h"
#include "canvass/CanvassRepository.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace alpr {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString kRunAction = QStringLiteral("canvass.run");
const QString kSceneAction = QStringLiteral("canvass.scene.save");
const QString kExportAction = QStringLiteral("canvass.export");

} // namespace

VoidResult CanvassService::authorize(const QString& action, const QString& object, const QString& parameters,
                                     const AccessPurpose& purpose)
{
    VoidResult allowed = m_session.require(Permission::SearchReads, QStringLiteral("canvass reads"));
    if (allowed)
        allowed = guardedResult([&] { return AccessPurposePolicy::load(m_db).validate(purpose); });
    if (allowed)
        return {};
    // The attempt itself is worth keeping: an auditor should see refused canvasses, not only granted ones.
    auto audited = guarded([&] {
        store::Transaction tx(m_db);
        AuditLog::append(tx, m_session.auditRecord(action, object, parameters, purpose,
                                                   QStringLiteral("refused: ") + allowed.error().message));
        tx.commit();
    });
    if (!audited)
        return std::unexpected(audited.error());
    return allowed;
}

Result<CanvassResult> CanvassService::run(const CanvassQuery& query, const AccessPurpose& purpose, JobContext* job)
{
    if (auto valid = query.validate(); !valid)
        return std::unexpected(valid.error());
    const QString parameters = compact(query.toJson());
    if (auto allowed = authorize(kRunAction, query.area.describe(), parameters, purpose); !allowed)
        return std::unexpected(allowed.error());

    CanvassResult result;
    result.query = query;
    result.purpose = {purpose.purpose.trimmed(), purpose.caseNumber.trimmed().toUpper()};
    auto reads = CanvassRepository(m_db).findReads(query, job);
    if (!reads)
        return std::unexpected(reads.error());
    result.reads = std::move(*reads);
    result.plates = CanvassResult::groupByPlate(result.reads);
    auto marked = guarded([&] { markRepeatPlates(result, job); });
    if (!marked)
        return std::unexpected(marked.error());
    CanvassResult::sortPlates(result.plates);

    auto audited = guarded([&] {
        store::Transaction tx(m_db);
        QJsonObject withScenes = query.toJson();
        withScenes.insert(QStringLiteral("scenes_compared"), result.scenesCompared);
        const AuditRecord record = AuditLog::append(
            tx, m_session.auditRecord(
                    kRunAction, query.area.describe(), compact(withScenes), result.purpose,
                    QStringLiteral("results: %1 reads, %2 plates").arg(result.reads.size()).arg(result.plates.size())));
        tx.commit();
        return record.seq;
    });
    if (!audited)
        return std::unexpected(audited.error());
    result.auditSeq = *audited;
    return result;
}

void CanvassService::markRepeatPlates(CanvassResult& result, JobContext* job)
{
    auto scenes = CanvassRepository(m_db).scenes(result.purpose.caseNumber);
    if (!scenes)
        throw ErrorException(scenes.error());
    QHash<QString, qsizetype> groupOfPlate;
    for (qsizetype i = 0; i < result.plates.size(); ++i)
        groupOfPlate.insert(result.plates[i].plate, i);
    for (const CanvassScene& scene : *scenes) {
        // The canvass being run may itself be a saved scene; a plate is not "seen elsewhere" because of it.
        if (scene.query == result.query)
            continue;
        ++result.scenesCompared;
        auto sceneReads = CanvassRepository(m_db).findReads(scene.query, job);
        if (!sceneReads)
            throw ErrorException(sceneReads.error());
        QSet<QString> seen;
        for (const CanvassRead& read : *sceneReads) {
            const auto group = groupOfPlate.constFind(read.plate);
            if (group != groupOfPlate.constEnd() && !seen.contains(read.plate)) {
                seen.insert(read.plate);
                result.plates[*group].otherScenes.append(scene.label);
            }
        }
    }
}

Result<CanvassScene> CanvassService::saveScene(const QString& label, const CanvassQuery& query,
                                               const AccessPurpose& purpose)
{
    if (auto valid = query.validate(); !valid)
        return std::unexpected(valid.error());
    const QString name = label.trimmed();
    if (name.isEmpty() || name.size() > 120)
        return fail(ErrorCode::InvalidInput, QStringLiteral("Name the scene in at most 120 characters"));
    if (auto allowed = authorize(kSceneAction, name, compact(query.toJson()), purpose); !allowed)
        return std::unexpected(allowed.error());
    CanvassScene scene;
    scene.caseNumber = purpose.caseNumber.trimmed().toUpper();
    scene.label = name;
    scene.query = query;
    scene.createdBy = m_session.account().name;
    scene.createdUtc = m_session.clock().nowUtc();
    auto existing = CanvassRepository(m_db).scenes(scene.caseNumber);
    if (!existing)
        return std::unexpected(existing.error());
    for (const CanvassScene& other : *existing) {
        if (other.label.compare(name, Qt::CaseInsensitive) == 0)
            return fail(ErrorCode::InvalidInput,
                        QStringLiteral("Case %1 already has a scene named '%2'").arg(scene.caseNumber, name));
    }
    return guarded([&] {
        store::Transaction tx(m_db);
        scene.id = CanvassRepository::insertScene(tx, scene);
        AuditLog::append(tx, m_session.auditRecord(kSceneAction, name, compact(query.toJson()), purpose));
        tx.commit();
        return scene;
    });
}

Result<QList<CanvassScene>> CanvassService::scenes(const AccessPurpose& purpose)
{
    if (auto allowed = m_session.require(Permission::SearchReads, QStringLiteral("list canvass scenes")); !allowed)
        return std::unexpected(allowed.error());
    return CanvassRepository(m_db).scenes(purpose.caseNumber);
}

VoidResult CanvassService::exportResult(const CanvassResult& result, const QString& format, const QString& path,
                                        const ExportWriter& writer)
{
    QJsonObject parameters = result.query.toJson();
    parameters.insert(QStringLiteral("format"), format);
    parameters.insert(QStringLiteral("reads"), result.reads.size());
    parameters.insert(QStringLiteral("canvass_audit_seq"), result.auditSeq);
    if (auto allowed = authorize(kExportAction, path, compact(parameters), result.purpose); !allowed)
        return allowed;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), file.errorString());
    if (auto written = writer(file); !written) {
        file.cancelWriting();
        return written;
    }
    return guarded([&] {
        store::Transaction tx(m_db);
        AuditLog::append(tx, m_session.auditRecord(kExportAction, path, compact(parameters), result.purpose,
                                                   QStringLiteral("exported: %1 reads").arg(result.reads.size())));
        // The file replaces its target only now, so an export never exists without its record; if the rename
        // fails the record rolls back with the transaction.
        if (!file.commit())
            raise(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), file.errorString());
        tx.commit();
    });
}

VoidResult CanvassService::exportCsv(const CanvassResult& result, const QString& path)
{
    return exportResult(result, QStringLiteral("csv"), path,
                        [&](QIODevice& device) { return CanvassExport::writeCsv(device, result); });
}

VoidResult CanvassService::exportKml(const CanvassResult& result, const QString& path)
{
    return exportResult(result, QStringLiteral("kml"), path,
                        [&](QIODevice& device) { return CanvassExport::writeKml(device, result); });
}

} // namespace alpr
