#pragma once

#include "clock.h"

#include <QElapsedTimer>

// The simulator's accelerated clock: simulated time runs `speed` seconds per real second from a
// start instant, and can jump ahead, so a scenario spanning weeks plays out in seconds.
class SimClock final : public Clock
{
public:
    explicit SimClock(const QDateTime &startUtc, double speed = 1.0);

    QDateTime now() const override;
    QDateTime startUtc() const { return m_start; }
    double hoursSinceStart() const;
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    void advanceHours(double hours);
    // Real time, not simulated: for what the receiver checks against its own clock (a signature's
    // timestamp).
    static QDateTime wallNow();

private:
    qint64 simulatedMsSinceStart() const;

    QDateTime m_start;
    double m_speed;
    QElapsedTimer m_real; // real time since the last speed change
    qint64 m_baseMs = 0;  // simulated ms accumulated before the last speed change, plus jumps
};
