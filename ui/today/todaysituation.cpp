#include "todaysituation.h"

#include "schedulepolicy.h"
#include "statuspresentation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 staleFloorSeconds = 3600;

// tr()'s own signature, so that lupdate reads plural texts as such.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("TodaySituations", text, disambiguation, n);
}

} // namespace

namespace TodaySituations {

// Inside the namespace so that lupdate files their texts under the same context as tr() uses.
namespace {

QString shortDate(const QDate &date)
{
    return QLocale().toString(date, u"d MMM"_s);
}

QString shortTime(qint64 msecs, const QTimeZone &zone)
{
    const QDateTime time = WatchlistRow::toDateTime(msecs).toTimeZone(zone.isValid() ? zone : QTimeZone::utc());
    return QLocale().toString(time, u"d MMM HH:mm"_s) + u' ' + time.timeZoneAbbreviation();
}

QString holdPart(const WatchlistRow &row, const Facts &facts)
{
    if (row.holds.isEmpty())
        return {};
    QStringList labels;
    qint64 since = WatchlistRow::noTime;
    for (const WatchlistHold &hold : row.holds) {
        const QString label = StatusPresentation::holdLabel(hold.type);
        if (!labels.contains(label))
            labels.append(label);
        if (hold.since != WatchlistRow::noTime && (since == WatchlistRow::noTime || hold.since < since))
            since = hold.since;
    }
    const QString types = labels.join(u" + "_s);
    if (since == WatchlistRow::noTime)
        return tr("%1 hold").arg(types);
    const QDate sinceDate = WatchlistRow::toDateTime(since).toTimeZone(facts.siteZone).date();
    return tr("%1 hold since %2").arg(types, shortDate(sinceDate));
}

QString lfdPart(const WatchlistRow &row, const QDate &today)
{
    if (!row.lfd.isValid())
        return tr("no LFD yet");
    const qint64 days = today.daysTo(row.lfd);
    const QString left = StatusPresentation::lfdDaysLeft(row.lfd, today);
    if (days == 0 || days == 1)
        return tr("LFD %1").arg(left);
    return tr("LFD %1 (%2)").arg(shortDate(row.lfd), left);
}

QString intervalText(qint64 seconds)
{
    if (seconds < 3600)
        return tr("every %n minute(s)", nullptr, int(seconds / 60));
    return tr("every %n hour(s)", nullptr, int(seconds / 3600));
}

QString problemPart(const WatchlistRow &row, const Facts &facts)
{
    if (!row.lastError.isEmpty())
        return tr("last trace failed: %1").arg(row.lastError);
    if (providersDisagree(row)) {
        const qint64 left = row.outgatedAt != WatchlistRow::noTime ? row.outgatedAt : row.emptyReturnedAt;
        return tr("the terminal says available, but the gate says it left on %1").arg(shortTime(left, facts.siteZone));
    }
    const std::optional<qint64> interval = promisedIntervalSeconds(row, facts.now);
    return tr("not traced since %1 (due %2)")
        .arg(shortTime(row.lastTracedAt, facts.siteZone), interval ? intervalText(*interval) : QString());
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

QString title(TodaySituation situation)
{
    switch (situation) {
    case TodaySituation::LfdOverdue:
        return tr("LFD overdue, still in the terminal");
    case TodaySituation::LfdToday:
        return tr("LFD today");
    case TodaySituation::LfdTomorrow:
        return tr("LFD tomorrow");
    case TodaySituation::OnHold:
        return tr("On hold");
    case TodaySituation::AvailableNotPickedUp:
        return tr("Available, not picked up");
    case TodaySituation::DataProblem:
        return tr("Data problems");
    }
    return {};
}

QString key(TodaySituation situation)
{
    static constexpr std::array<const char *, todaySituationCount> keys = {"lfd_overdue", "lfd_today", "lfd_tomorrow",
                                                                           "on_hold",     "available", "data_problem"};
    return QString::fromLatin1(keys[size_t(situation)]);
}

std::optional<qint64> promisedIntervalSeconds(const WatchlistRow &row, const QDateTime &now)
{
    // The schedule's own table decides, from the same facts the scheduler sees.
    WatchEntry entry;
    entry.traceState = row.traceState;
    entry.snapshot.status = row.status;
    entry.snapshot.vesselEta = WatchlistRow::toDateTime(row.vesselEta);
    for (const WatchlistHold &hold : row.holds)
        entry.snapshot.holds.append(Hold{hold.type, hold.sourceCode, {}});
    return SchedulePolicy::ruleFor(entry, now).intervalSeconds;
}

bool isStale(const WatchlistRow &row, const QDateTime &now)
{
    if (row.traceState != TraceState::Active || row.lastTracedAt == WatchlistRow::noTime)
        return false;
    const qint64 age = (now.toMSecsSinceEpoch() - row.lastTracedAt) / 1000;
    if (age <= staleFloorSeconds)
        return false; // the cheap test first: most rows stop here
    const std::optional<qint64> interval = promisedIntervalSeconds(row, now);
    return interval && age > std::max(2 * *interval, staleFloorSeconds);
}

bool providersDisagree(const WatchlistRow &row)
{
    return row.available.value_or(false) && row.pickedUp();
}

std::optional<TodaySituation> classify(const WatchlistRow &row, const Facts &facts)
{
    if (row.traceState != TraceState::Active)
        return std::nullopt;
    if (!row.pickedUp()) {
        const qint64 days = row.lfd.isValid() && facts.today.isValid() ? facts.today.daysTo(row.lfd) : 2;
        if (days < 0)
            return TodaySituation::LfdOverdue;
        if (days == 0)
            return TodaySituation::LfdToday;
        if (days == 1)
            return TodaySituation::LfdTomorrow;
        if (!row.holds.isEmpty())
            return TodaySituation::OnHold;
        if (row.available.value_or(false))
            return TodaySituation::AvailableNotPickedUp;
    }
    if (!row.lastError.isEmpty() || providersDisagree(row) || isStale(row, facts.now))
        return TodaySituation::DataProblem;
    return std::nullopt;
}

QString sentence(const WatchlistRow &row, TodaySituation situation, const Facts &facts)
{
    QStringList parts;
    switch (situation) {
    case TodaySituation::LfdOverdue:
    case TodaySituation::LfdToday:
    case TodaySituation::LfdTomorrow:
    case TodaySituation::OnHold:
        if (const QString holds = holdPart(row, facts); !holds.isEmpty())
            parts.append(holds);
        else if (row.available)
            parts.append(*row.available ? tr("available") : tr("not available"));
        parts.append(lfdPart(row, facts.today));
        if (row.hasDemurrage && row.demurrage > 0)
            parts.append(tr("demurrage %1").arg(QLocale().toString(row.demurrage, 'f', 2)));
        break;
    case TodaySituation::AvailableNotPickedUp:
        parts.append(tr("available, not picked up"));
        parts.append(lfdPart(row, facts.today));
        if (row.appointmentAt != WatchlistRow::noTime)
            parts.append(tr("appointment %1").arg(shortTime(row.appointmentAt, facts.siteZone)));
        break;
    case TodaySituation::DataProblem:
        parts.append(problemPart(row, facts));
        break;
    }
    if (situation != TodaySituation::DataProblem && !row.lastError.isEmpty())
        parts.append(tr("last trace failed"));
    return capitalized(parts.join(u", "_s));
}

} // namespace TodaySituations
