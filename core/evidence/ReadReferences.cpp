#include "evidence/ReadReferences.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace alpr {

namespace {

QString deleteRule(const QString& pgAction)
{
    // pg_constraint.confdeltype, spelled as SQLite's foreign_key_list spells on_delete.
    if (pgAction == u"c")
        return QStringLiteral("CASCADE");
    if (pgAction == u"n")
        return QStringLiteral("SET NULL");
    if (pgAction == u"d")
        return QStringLiteral("SET DEFAULT");
    if (pgAction == u"r")
        return QStringLiteral("RESTRICT");
    return QStringLiteral("NO ACTION");
}

QList<ReadReferences::Reference> referencingOnPostgres(store::Database& db, const QString& referencedTable,
                                                       const QStringList& excludedTables)
{
    // The schema's foreign keys are single-column. A partition's copies of its table's keys are the table's.
    auto s = db.prepare(
        QStringLiteral("SELECT c.conrelid::regclass::text, a.attname, c.confdeltype::text FROM pg_constraint c "
                       "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                       "JOIN pg_class t ON t.oid = c.conrelid "
                       "WHERE c.contype = 'f' AND c.confrelid = to_regclass(?1) AND NOT t.relispartition "
                       "ORDER BY 1, 2"));
    s.bind(1, referencedTable.toLower());
    QList<ReadReferences::Reference> out;
    while (s.step())
        if (!excludedTables.contains(s.text(0)))
            out.append({s.text(0), s.text(1), deleteRule(s.text(2))});
    // Partitioned reads cannot be the target of a foreign key; the server lists what refers to them instead
    // (016_read_months.sql), with the same ON DELETE meaning, kept by its triggers.
    if (referencedTable.compare(QLatin1String("reads"), Qt::CaseInsensitive) == 0 &&
        db.queryInt64(QStringLiteral("SELECT count(*) FROM pg_class WHERE oid = to_regclass('read_references')")) > 0) {
        auto registered = db.prepare(
            QStringLiteral("SELECT table_name, column_name, CASE WHEN on_delete = 'CASCADE' THEN 'c' ELSE 'a' END "
                           "FROM read_references ORDER BY 1, 2"));
        while (registered.step())
            if (!excludedTables.contains(registered.text(0)))
                out.append({registered.text(0), registered.text(1), deleteRule(registered.text(2))});
    }
    return out;
}

} // namespace

QList<ReadReferences::Reference> ReadReferences::referencing(store::Database& db, const QString& referencedTable,
                                                             const QStringList& excludedTables)
{
    if (db.isPostgres())
        return referencingOnPostgres(db, referencedTable, excludedTables);
    QStringList tables;
    {
        // Virtual tables (FTS, R*Tree) declare no foreign keys; PRAGMA on them is pointless.
        auto s =
            db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                      "name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"));
        while (s.step())
            tables.append(s.text(0));
    }
    QList<Reference> out;
    for (const QString& table : tables) {
        if (excludedTables.contains(table))
            continue;
        // SQLite 3.15 has no pragma_foreign_key_list() table function; columns: id, seq, table, from, to, on_update,
        // on_delete, match.
        auto s =
            db.prepare(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(store::Database::quotedIdentifier(table)));
        while (s.step())
            if (s.text(2).compare(referencedTable, Qt::CaseInsensitive) == 0)
                out.append({table, s.text(3), s.text(6).toUpper()});
    }
    return out;
}

QList<ReadReferences::Reference> ReadReferences::needingExplicitDelete(store::Database& db,
                                                                       const QString& referencedTable,
                                                                       const QStringList& excludedTables)
{
    QList<Reference> out;
    for (const Reference& r : referencing(db, referencedTable, excludedTables))
        if (r.onDelete != QLatin1String("CASCADE") && r.onDelete != QLatin1String("SET NULL") &&
            r.onDelete != QLatin1String("SET DEFAULT"))
            out.append(r);
    return out;
}

} // namespace alpr
