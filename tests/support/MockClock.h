#pragma once

#include "common/Clock.h"

namespace alpr::test {

/// Time that moves only when a test says so.
class MockClock final : public Clock {
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC)) : m_now(start) {}
    [[nodiscard]] QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceDays(qint64 d) { m_now = m_now.addDays(d); }

private:
    QDateTime m_now;
};

} // namespace alpr::test
