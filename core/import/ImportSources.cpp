#include "import/ImportSources.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace alpr {

namespace {

const QStringList kImportableExtensions{
    // Footage (what engine::FootageRecognizer opens) and stills (what engine::Frame decodes).
    QStringLiteral("mp4"), QStringLiteral("m4v"),  QStringLiteral("avi"),  QStringLiteral("mov"),
    QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("mpg"),  QStringLiteral("mpeg"),
    QStringLiteral("ts"),  QStringLiteral("jpg"),  QStringLiteral("jpeg"), QStringLiteral("png"),
    QStringLiteral("bmp"), QStringLiteral("tif"),  QStringLiteral("tiff")};

} // namespace

bool ImportSources::isImportable(const QString& path)
{
    return kImportableExtensions.contains(QFileInfo(path).suffix().toLower());
}

const QStringList& ImportSources::trackExtensions()
{
    static const QStringList extensions{QStringLiteral("gpx"), QStringLiteral("nmea"), QStringLiteral("nma"),
                                        QStringLiteral("log")};
    return extensions;
}

QStringList ImportSources::expand(const QStringList& paths)
{
    QStringList out;
    QSet<QString> seen;
    const auto add = [&](const QString& path) {
        const QFileInfo info(path);
        // Canonical where it exists, so "a/../a/x.mp4" and a link to it are one file; as given where it does not.
        const QString key = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(QDir::cleanPath(info.absoluteFilePath()));
        }
    };
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            add(path);
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (isImportable(file))
                found.append(file);
        }
        // Path order, case first then byte order, so a folder gives the same queue on every machine and run.
        std::sort(found.begin(), found.end(), [](const QString& a, const QString& b) {
            const int folded = a.compare(b, Qt::CaseInsensitive);
            return folded != 0 ? folded < 0 : a < b;
        });
        for (const QString& file : std::as_const(found))
            add(file);
    }
    return out;
}

QString ImportSources::trackBeside(const QString& path)
{
    const QFileInfo info(path);
    const QString base = info.completeBaseName();
    if (base.isEmpty())
        return {};
    const QDir dir = info.absoluteDir();
    // Lower and upper case: cameras write CLIP0001.GPX beside CLIP0001.MP4.
    for (const QString& extension : trackExtensions())
        for (const QString& suffix : {extension, extension.toUpper()}) {
            const QString candidate = dir.filePath(base + QLatin1Char('.') + suffix);
            if (QFileInfo(candidate).isFile())
                return candidate;
        }
    return {};
}

} // namespace alpr
