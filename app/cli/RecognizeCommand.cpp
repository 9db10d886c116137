#include "cli/RecognizeCommand.h"

#include "engine/FootageRecognizer.h"
#include "engine/PlateRecognizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace alpr::cli {

namespace {

constexpr int exitOk = 0;
constexpr int exitUsage = 1;
constexpr int exitUnreadable = 4;

const QString usage =
    QStringLiteral("usage: alprctl recognize [--json] FILE...\n"
                   "Reads licence plates in images (JPEG, PNG, ...) and footage (MP4, AVI, MOV, MKV).\n");

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QJsonArray boxJson(const QRect& box)
{
    return QJsonArray{box.x(), box.y(), box.width(), box.height()};
}

QJsonArray candidatesJson(const QList<engine::PlateCandidate>& candidates)
{
    QJsonArray out;
    for (const auto& c : candidates)
        out.append(
            QJsonObject{{QStringLiteral("text"), c.text}, {QStringLiteral("confidence"), rounded(c.confidence)}});
    return out;
}

QString alternativesText(const QList<engine::PlateCandidate>& candidates)
{
    QStringList parts;
    for (qsizetype i = 1; i < std::min<qsizetype>(candidates.size(), 4); ++i)
        parts.append(QStringLiteral("%1 %2").arg(candidates[i].text).arg(candidates[i].confidence, 0, 'f', 2));
    return parts.isEmpty() ? QString() : QStringLiteral("  (or ") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class RecognizeRun {
public:
    RecognizeRun(engine::PlateRecognizer& recognizer, bool json)
        : m_recognizer(recognizer), m_json(json), m_out(stdout), m_err(stderr)
    {
    }

    /// false when the file could not be read.
    bool process(const QString& path)
    {
        return engine::FootageRecognizer::looksLikeVideo(path) ? processFootage(path) : processImage(path);
    }

private:
    bool reportFailure(const QString& path, const Error& error)
    {
        m_err << "alprctl recognize: cannot read " << path << ": " << error.message << Qt::endl;
        return false;
    }

    bool processImage(const QString& path)
    {
        const auto frame = engine::Frame::fromFile(path);
        if (!frame)
            return reportFailure(path, frame.error());
        const auto reads = m_recognizer.recognize(*frame);
        if (!reads)
            return reportFailure(path, reads.error());
        if (m_json) {
            QJsonArray plates;
            for (const auto& r : *reads)
                plates.append(QJsonObject{{QStringLiteral("text"), r.text},
                                          {QStringLiteral("confidence"), rounded(r.confidence)},
                                          {QStringLiteral("box"), boxJson(r.box)},
                                          {QStringLiteral("candidates"), candidatesJson(r.candidates)}});
            m_out << compact(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("plates"), plates}})
                  << Qt::endl;
            return true;
        }
        if (reads->isEmpty())
            m_out << path << ": no plate found" << Qt::endl;
        for (const auto& r : *reads) {
            m_out << path << ": " << r.text << "  " << QString::number(r.confidence, 'f', 2) << "  at "
                  << QStringLiteral("%1,%2 %3x%4").arg(r.box.x()).arg(r.box.y()).arg(r.box.width()).arg(r.box.height())
                  << alternativesText(r.candidates) << Qt::endl;
        }
        return true;
    }

    bool processFootage(const QString& path)
    {
        engine::FootageRecognizer footage(m_recognizer);
        JobContext job;
        const auto plates = footage.run(path, engine::FootageOptions{}, job);
        if (!plates)
            return reportFailure(path, plates.error());
        if (plates->isEmpty() && !m_json)
            m_out << path << ": no plate found" << Qt::endl;
        for (const auto& p : *plates) {
            if (m_json) {
                m_out << compact(QJsonObject{{QStringLiteral("file"), path},
                                             {QStringLiteral("text"), p.text},
                                             {QStringLiteral("confidence"), rounded(p.confidence)},
                                             {QStringLiteral("first_seen"), rounded(p.firstSeenSeconds)},
                                             {QStringLiteral("last_seen"), rounded(p.lastSeenSeconds)},
                                             {QStringLiteral("box"), boxJson(p.box)},
                                             {QStringLiteral("candidates"), candidatesJson(p.candidates)}})
                      << Qt::endl;
            } else {
                m_out << path << ": " << p.text << "  " << QString::number(p.confidence, 'f', 2) << "  seen "
                      << QString::number(p.firstSeenSeconds, 'f', 2) << "-"
                      << QString::number(p.lastSeenSeconds, 'f', 2) << " s" << alternativesText(p.candidates)
                      << Qt::endl;
            }
        }
        return true;
    }

    engine::PlateRecognizer& m_recognizer;
    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace

int runRecognizeCommand(const QStringList& arguments)
{
    QTextStream err(stderr);
    bool json = false;
    bool optionsEnded = false;
    QStringList files;
    for (const QString& word : arguments) {
        if (!optionsEnded && word == QLatin1String("--json")) {
            json = true;
        } else if (!optionsEnded && word == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && (word == QLatin1String("--help") || word == QLatin1String("-h"))) {
            QTextStream(stdout) << usage;
            return exitOk;
        } else if (!optionsEnded && word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            err << "alprctl recognize: unknown option " << word << "\n" << usage;
            return exitUsage;
        } else {
            files.append(word);
        }
    }
    if (files.isEmpty()) {
        err << "alprctl recognize: no file given\n" << usage;
        return exitUsage;
    }
    auto recognizer = engine::PlateRecognizer::create();
    if (!recognizer) {
        err << "alprctl recognize: the recognition engine cannot start: " << recognizer.error().toString() << Qt::endl;
        return exitUnreadable;
    }
    RecognizeRun run(**recognizer, json);
    bool allRead = true;
    for (const QString& path : files)
        allRead = run.process(path) && allRead;
    return allRead ? exitOk : exitUnreadable;
}

} // namespace alpr::cli
