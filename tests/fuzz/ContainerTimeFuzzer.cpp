// The recording time in an MP4/MOV movie header (core/import/ContainerTime), read from footage brought in by
// detectives: any bytes give a time or an error, never a crash, a hang or a read outside the input, and a time
// given is a plausible recording time (it dates every read of the file).

#include "import/ContainerTime.h"

#include <QBuffer>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return 0;
    const auto time = alpr::ContainerTime::read(buffer);
    if (!time)
        return 0;
    if (!time->isValid() || time->date().year() < 2000 || time->date().year() > 2200)
        std::abort();
    return 0;
}
