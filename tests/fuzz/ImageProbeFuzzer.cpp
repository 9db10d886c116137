// The gate every still and footage frame passes before OpenCV decodes it (engine/internal/ImageProbe): reads width
// and height from PNG, JPEG, BMP and GIF headers and refuses forged gigapixel headers and cut-off JPEGs. It sees
// the raw bytes of any file a detective selects, so it must never read past them; what it admits must announce a
// size within the pixel budget.

#include "engine/Frame.h"
#include "engine/internal/ImageProbe.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace alpr::engine;
    // Raw data, not a copy: a read past the input's end is a read past the fuzzer's buffer, which ASan reports.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto admitted = internal::checkBeforeDecoding(bytes, Frame::maxEncodedBytes, Frame::maxPixels);
    const auto probed = internal::probeImageSize(bytes);
    if (admitted && probed &&
        (probed->width <= 0 || probed->height <= 0 || probed->width > Frame::maxPixels / probed->height))
        std::abort();
    return 0;
}
