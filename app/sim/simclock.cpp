#include "simclock.h"

// An invalid start means "now": this is the one place the simulator reads the system time.
SimClock::SimClock(const QDateTime &startUtc, double speed)
    : m_start(startUtc.isValid() ? startUtc.toUTC() : QDateTime::currentDateTimeUtc()), m_speed(speed)
{
    m_real.start();
}

qint64 SimClock::simulatedMsSinceStart() const
{
    return m_baseMs + qint64(double(m_real.elapsed()) * m_speed);
}

QDateTime SimClock::now() const
{
    return m_start.addMSecs(simulatedMsSinceStart());
}

double SimClock::hoursSinceStart() const
{
    return double(simulatedMsSinceStart()) / 3600000.0;
}

void SimClock::setSpeed(double speed)
{
    m_baseMs = simulatedMsSinceStart();
    m_real.restart();
    m_speed = speed;
}

void SimClock::advanceHours(double hours)
{
    m_baseMs += qint64(hours * 3600000.0);
}

QDateTime SimClock::wallNow()
{
    return QDateTime::currentDateTimeUtc();
}
