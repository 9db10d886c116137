#pragma once

#include "../search/SearchTestData.h"

#include "hotlists/HotlistService.h"
#include "search/ReadIndexer.h"

#include <QFile>
#include <QTemporaryDir>

namespace alpr::test {

/// Writes text to a file in dir and returns its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    return path;
}

/// Inserts and indexes reads in one transaction, as every import path does; returns their ids.
inline QList<qint64> importReads(store::Database& db, const QDateTime& now, QList<PlateRead> reads)
{
    store::Transaction tx(db);
    ReadRepository(db).insert(tx, reads);
    ReadIndexer::indexPending(tx, now);
    tx.commit();
    QList<qint64> ids;
    for (const PlateRead& r : reads)
        ids.append(r.id);
    return ids;
}

inline HotlistImportOptions csvList(const QString& name, bool lookAlike = false)
{
    HotlistImportOptions o;
    o.name = name;
    o.format = HotlistFormat::Csv;
    o.category = HotlistCategory::StolenVehicle;
    o.lookAlike = lookAlike;
    return o;
}

} // namespace alpr::test
