#pragma once

#include <QList>
#include <QString>

namespace alpr {

namespace store {
class Database;
}

/// The columns of other tables that refer to a table by foreign key, found in the schema itself. The purge uses it
/// so that rows other capabilities keep about a read (a canvass hit, an index entry) go with the read, without this
/// module knowing their tables. Throws ErrorException.
class ReadReferences {
public:
    struct Reference {
        QString table;
        QString column;
        QString onDelete; ///< as declared: CASCADE, SET NULL, NO ACTION ...
    };

    /// Every (table, column) whose foreign key names `referencedTable`, excluding `excludedTables`.
    [[nodiscard]] static QList<Reference> referencing(store::Database& db, const QString& referencedTable,
                                                      const QStringList& excludedTables = {});
    /// References SQLite resolves by itself on delete (CASCADE, SET NULL, SET DEFAULT) are left out.
    [[nodiscard]] static QList<Reference> needingExplicitDelete(store::Database& db, const QString& referencedTable,
                                                                const QStringList& excludedTables = {});
};

} // namespace alpr
