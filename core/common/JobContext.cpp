#include "common/JobContext.h"

namespace alpr {

void JobContext::reportProgress(qint64 done, qint64 total, const QString& stage)
{
    if (m_onProgress)
        m_onProgress(done, total, stage);
}

} // namespace alpr
