#pragma once

namespace alpr::engine::internal {

/// Decides which of the sampled frames of footage the detector looks at, from what the tracker knows: every one
/// while a vehicle in view is still being read, fewer once every vehicle's reading has settled, and fewer with
/// nothing in view. Rates of 0 mean every sampled frame. While vehicles are being read, it also says which
/// analysed frames get a full detection and which only look near the plates already tracked.
class AnalysisPacer {
public:
    enum class Scene {
        Reading, ///< some open track has not settled: analyse every sampled frame
        Settled, ///< every open track has settled: settled rate
        Empty,   ///< no open track: idle rate
    };

    AnalysisPacer(double settledFps, double idleFps, double readingDetectionFps = 0.0);

    [[nodiscard]] bool shouldAnalyse(double seconds, Scene scene) const;
    /// For a frame to be analysed: whether it needs a full detection (new plates can be anywhere), or only a look
    /// near the tracked plates. Settled and empty scenes are already paced and always get the full detection.
    [[nodiscard]] bool needsFullDetection(double seconds, Scene scene) const;
    /// Call for each frame that was analysed, saying whether it had the full detection.
    void analysed(double seconds, bool fullDetection)
    {
        m_lastAnalysed = seconds;
        if (fullDetection)
            m_lastDetected = seconds;
    }

private:
    double m_settledInterval;
    double m_idleInterval;
    double m_readingDetectionInterval;
    double m_lastAnalysed = -1e9;
    double m_lastDetected = -1e9;
};

} // namespace alpr::engine::internal
