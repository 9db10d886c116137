#pragma once

#include "engine/Frame.h"

#include <QString>

#include <opencv2/videoio.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace alpr::engine::internal {

/// Decodes footage on a thread of its own, ahead of the analysis, so that decoding and inference keep both cores
/// busy. Every frame is decoded (H.264 cannot skip any), but only every `every`-th is converted to BGR
/// (retrieve()); the others are only grabbed. Converted frames wait in a short queue, in order, each with its own
/// container time, so a frame's reads are always placed at that frame's time.
///
/// next() and stop() are called from one consuming thread. The destructor stops and joins the decoding thread.
class FootageDecoder {
public:
    struct Sample {
        qint64 index = 0;
        double seconds = 0.0;
        Frame frame;
    };

    /// every: convert one frame in this many (>= 1). queueDepth: converted frames decoded ahead at most.
    FootageDecoder(cv::VideoCapture capture, qint64 every, int queueDepth);
    ~FootageDecoder();
    FootageDecoder(const FootageDecoder&) = delete;
    FootageDecoder& operator=(const FootageDecoder&) = delete;

    /// The next converted frame, waiting for it if need be; nullopt at the end of the footage, after an error or
    /// after stop().
    [[nodiscard]] std::optional<Sample> next();
    /// Ends decoding early (cancel); next() then returns nullopt.
    void stop();

    /// Frames decoded so far (all of them, converted or not) and the time of the last one.
    [[nodiscard]] qint64 framesDecoded() const { return m_framesDecoded.load(); }
    [[nodiscard]] double lastSeconds() const { return m_lastSeconds.load(); }
    /// OpenCV's message when decoding threw (the footage is corrupt); empty otherwise. Read after next() ended.
    [[nodiscard]] QString error() const;

private:
    void decodeAll();

    cv::VideoCapture m_capture;
    qint64 m_every;
    size_t m_queueDepth;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Sample> m_queue;
    bool m_finished = false;
    bool m_stopping = false;
    QString m_error;
    std::atomic<qint64> m_framesDecoded{0};
    std::atomic<double> m_lastSeconds{0.0};
    std::thread m_thread;
};

} // namespace alpr::engine::internal
