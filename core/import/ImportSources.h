#pragma once

#include <QString>
#include <QStringList>

namespace alpr {

/// Which files a queue imports, and the GPS track that goes with each.
class ImportSources {
public:
    /// Files stay as given (an unknown kind then fails with its reason rather than vanishing); folders are walked
    /// recursively for footage and stills by extension, in path order, so the same folder always gives the same
    /// queue. A path that does not exist is kept: its import fails and it is listed with the reason. Each file
    /// appears once.
    [[nodiscard]] static QStringList expand(const QStringList& paths);

    /// Whether a file found in a folder is footage or a still, by extension.
    [[nodiscard]] static bool isImportable(const QString& path);

    /// The GPS track recorded with a file: the first of NAME.gpx, NAME.nmea, NAME.nma, NAME.log beside it (same
    /// folder, same base name, extension in any case). Empty when there is none.
    [[nodiscard]] static QString trackBeside(const QString& path);

    [[nodiscard]] static const QStringList& trackExtensions();
};

} // namespace alpr
