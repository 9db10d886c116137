// main() for a fuzz target in the GCC builds: feeds every file of the given corpus folders (or the given files) to
// LLVMFuzzerTestOneInput once, as libFuzzer does when given files. A crash, a sanitizer report or an abort from the
// target fails the test; so does an empty or missing corpus, which would otherwise prove nothing.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

QStringList inputFiles(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return {path};
    QStringList files;
    const QDir directory(path);
    for (const QString& name : directory.entryList(QDir::Files, QDir::Name))
        files.append(directory.filePath(name));
    return files;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_FOLDER_OR_FILE...\n", argv[0]);
        return 2;
    }
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        const QStringList files = inputFiles(path);
        if (files.isEmpty()) {
            std::fprintf(stderr, "%s: no input files\n", argv[i]);
            return 1;
        }
        for (const QString& file : files) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "%s: cannot read\n", qPrintable(file));
                return 1;
            }
            const QByteArray bytes = f.readAll();
            // A copy in its own allocation of exactly the input's size, as libFuzzer passes it, so that
            // AddressSanitizer sees a read past the end (QByteArray's buffer has a terminating zero and often slack
            // after it).
            auto* copy = new std::uint8_t[static_cast<std::size_t>(bytes.size()) + (bytes.isEmpty() ? 1 : 0)];
            std::copy(bytes.cbegin(), bytes.cend(), copy);
            LLVMFuzzerTestOneInput(copy, static_cast<std::size_t>(bytes.size()));
            delete[] copy;
            ++replayed;
        }
    }
    std::printf("replayed %d inputs\n", replayed);
    return 0;
}
