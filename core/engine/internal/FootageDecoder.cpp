#include "engine/internal/FootageDecoder.h"

#include "engine/internal/MatConversion.h"

#include <algorithm>

namespace alpr::engine::internal {

namespace {

// Some cameras' files (GoPro with its telemetry track) make FFmpeg refuse a packet now and then in mid-stream;
// the frames after it decode fine, so a failed grab is only the end after several in a row.
constexpr int maxConsecutiveGrabFailures = 64;

bool grabNext(cv::VideoCapture& capture)
{
    for (int attempt = 0; attempt < maxConsecutiveGrabFailures; ++attempt) {
        if (capture.grab())
            return true;
    }
    return false;
}

// Container time of the frame just grabbed; some streams report 0 throughout, then the frame rate decides.
double frameSeconds(cv::VideoCapture& capture, qint64 index, double fps)
{
    const double ms = capture.get(cv::CAP_PROP_POS_MSEC);
    if (ms > 0.0 || index == 0)
        return ms / 1000.0;
    return fps > 0 ? static_cast<double>(index) / fps : 0.0;
}

} // namespace

FootageDecoder::FootageDecoder(cv::VideoCapture capture, qint64 every, int queueDepth)
    : m_capture(std::move(capture)), m_every(std::max<qint64>(1, every)),
      m_queueDepth(static_cast<size_t>(std::max(1, queueDepth)))
{
    m_thread = std::thread([this] { decodeAll(); });
}

FootageDecoder::~FootageDecoder()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void FootageDecoder::decodeAll()
{
    // Nothing may escape the thread: an OpenCV exception becomes the error the consumer reads at the end.
    try {
        const double fps = m_capture.get(cv::CAP_PROP_FPS);
        cv::Mat image; // one conversion buffer for the whole file; each sample gets its own copy
        for (qint64 index = 0;; ++index) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stopping || m_queue.size() < m_queueDepth; });
                if (m_stopping)
                    break;
            }
            if (!grabNext(m_capture))
                break;
            const double seconds = frameSeconds(m_capture, index, fps);
            m_lastSeconds.store(seconds);
            m_framesDecoded.fetch_add(1);
            if (index % m_every != 0)
                continue;
            if (!m_capture.retrieve(image) || image.empty())
                continue;
            Sample sample{index, seconds, frameFromMat(image)};
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(sample));
            m_changed.notify_all();
        }
    } catch (const cv::Exception& e) {
        std::lock_guard lock(m_mutex);
        m_error = QString::fromUtf8(e.what());
    } catch (const std::exception& e) {
        std::lock_guard lock(m_mutex);
        m_error = QString::fromUtf8(e.what());
    }
    std::lock_guard lock(m_mutex);
    m_finished = true;
    m_changed.notify_all();
}

std::optional<FootageDecoder::Sample> FootageDecoder::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopping || m_finished || !m_queue.empty(); });
    if (m_stopping || m_queue.empty())
        return std::nullopt;
    Sample sample = std::move(m_queue.front());
    m_queue.pop_front();
    m_changed.notify_all();
    return sample;
}

void FootageDecoder::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_changed.notify_all();
}

QString FootageDecoder::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

} // namespace alpr::engine::internal
