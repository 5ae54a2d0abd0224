// Discrete-event simulation of a 30-day fleet: how many provider calls the adaptive SchedulePolicy
// makes compared with fixed 15-minute polling, and how quickly each notices the changes that cost
// money (discharge, holds, availability, outgate). SPEC section 11: at least 5x fewer calls with the
// same detection delay for active containers.
#include "schedulepolicy.h"
#include "watchentry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 windowSeconds = 30 * day;
constexpr qint64 fixedInterval = 15 * minute;

// One container's synthetic life, in seconds from the start of the window (may start before it).
struct Lifecycle
{
    qint64 added = 0;
    qint64 eta = 0;
    qint64 discharged = 0;
    qint64 holdAdded = -1; // -1: no hold
    qint64 holdReleased = -1;
    qint64 available = 0;
    qint64 outgated = 0;
    qint64 emptyReturned = 0;

    // The changes a coordinator acts on, with the time each happened.
    std::vector<qint64> activeChanges() const
    {
        std::vector<qint64> changes{discharged, available, outgated};
        if (holdAdded >= 0) {
            changes.push_back(holdAdded);
            changes.push_back(holdReleased);
        }
        return changes;
    }
};

Lifecycle makeLifecycle(std::mt19937_64 &random)
{
    auto uniform = [&random](qint64 low, qint64 high) {
        return std::uniform_int_distribution<qint64>(low, high)(random);
    };
    Lifecycle life;
    // Containers join the watchlist at booking, weeks before arrival; the window sees every phase.
    life.added = uniform(-25 * day, 25 * day);
    life.eta = life.added + uniform(10 * day, 35 * day);
    life.discharged = life.eta + uniform(2 * hour, 30 * hour);
    qint64 ready = life.discharged + uniform(1 * hour, 24 * hour);
    if (uniform(0, 99) < 35) { // a customs, line or freight hold on a third of them
        life.holdAdded = life.discharged + uniform(0, 2 * hour);
        life.holdReleased = life.holdAdded + uniform(2 * hour, 72 * hour);
        ready = std::max(ready, life.holdReleased + uniform(5 * minute, 3 * hour));
    }
    life.available = ready;
    life.outgated = life.available + uniform(6 * hour, 96 * hour);
    life.emptyReturned = life.outgated + uniform(1 * day, 10 * day);
    return life;
}

// What a trace at time t would see.
ContainerSnapshot observe(const Lifecycle &life, const QDateTime &origin, qint64 t)
{
    ContainerSnapshot snapshot;
    snapshot.vesselEta = origin.addSecs(life.eta);
    if (t >= life.emptyReturned)
        snapshot.status = ContainerStatus::EmptyReturned;
    else if (t >= life.outgated)
        snapshot.status = ContainerStatus::Outgated;
    else if (t >= life.available)
        snapshot.status = ContainerStatus::Available;
    else if (t >= life.discharged)
        snapshot.status = ContainerStatus::NotAvailable;
    else
        snapshot.status = ContainerStatus::OnVessel;
    if (life.holdAdded >= 0 && t >= life.holdAdded && t < life.holdReleased)
        snapshot.holds.append(Hold{HoldType::Customs, u"CUS"_s, origin.addSecs(life.holdAdded)});
    if (t >= life.discharged)
        snapshot.dischargedAt = origin.addSecs(life.discharged);
    return snapshot;
}

struct Tally
{
    qint64 calls = 0;
    std::vector<qint64> delays; // detection delay of each active change seen in the window
};

// Traces one container from its first trace until it needs no more (or the window ends).
void simulate(const Lifecycle &life, const QDateTime &origin, qint64 firstTrace,
              const std::function<qint64(const ContainerSnapshot &, qint64)> &next, Tally &tally)
{
    std::vector<qint64> pending = life.activeChanges();
    std::sort(pending.begin(), pending.end());
    std::size_t detected = 0;
    for (qint64 t = firstTrace; t >= 0 && t < windowSeconds;) {
        ++tally.calls;
        while (detected < pending.size() && pending[detected] <= t) {
            if (pending[detected] >= 0) // changes before the window began are not measured
                tally.delays.push_back(t - pending[detected]);
            ++detected;
        }
        t = next(observe(life, origin, t), t);
    }
}

void printDelays(QTextStream &out, const char *name, const Tally &tally)
{
    std::vector<qint64> delays = tally.delays;
    std::sort(delays.begin(), delays.end());
    double sum = 0;
    for (qint64 delay : delays)
        sum += double(delay);
    const double mean = delays.empty() ? 0 : sum / double(delays.size()) / 60.0;
    const double p95 = delays.empty() ? 0 : double(delays[delays.size() * 95 / 100]) / 60.0;
    const double worst = delays.empty() ? 0 : double(delays.back()) / 60.0;
    out << name << ": " << tally.calls << " calls; detection delay over " << delays.size() << " active changes: mean "
        << QString::number(mean, 'f', 1) << " min, p95 " << QString::number(p95, 'f', 1) << " min, max "
        << QString::number(worst, 'f', 1) << " min\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int fleet = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1000;
    const QDateTime origin(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);
    std::mt19937_64 random(20240601);
    Tally adaptive;
    Tally fixed;
    for (int i = 0; i < fleet; ++i) {
        const Lifecycle life = makeLifecycle(random);
        // A container on the list before the window is traced at a random moment of its interval.
        const qint64 phase = std::uniform_int_distribution<qint64>(0, fixedInterval - 1)(random);
        const qint64 first = std::max(life.added, phase);
        if (life.emptyReturned < 0)
            continue;
        WatchEntry entry;
        simulate(
            life, origin, first,
            [&](const ContainerSnapshot &seen, qint64 t) {
                entry.snapshot = seen;
                const QDateTime nextAt = SchedulePolicy::nextTraceAt(entry, origin.addSecs(t));
                return nextAt.isValid() ? origin.secsTo(nextAt) : qint64(-1);
            },
            adaptive);
        // Fixed polling stops too once the empty is seen returned, so the comparison is only the interval.
        simulate(
            life, origin, first,
            [](const ContainerSnapshot &seen, qint64 t) {
                return seen.status == ContainerStatus::EmptyReturned ? qint64(-1) : t + fixedInterval;
            },
            fixed);
    }
    QTextStream out(stdout);
    out << "bench_schedule: " << fleet << " containers over 30 simulated days\n";
    printDelays(out, "  fixed 15-minute polling", fixed);
    printDelays(out, "  adaptive SchedulePolicy", adaptive);
    const double ratio = adaptive.calls > 0 ? double(fixed.calls) / double(adaptive.calls) : 0;
    out << "  ratio: " << QString::number(ratio, 'f', 2) << "x fewer calls (target >= 5x)\n";
    out.flush();
    return 0;
}
