#include "scenariogenerator.h"

#include "containernumber.h"

#include <QRandomGenerator>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

// Seed 003's five hold ids, its alternative "Custom Hold" spelling, and one it does not document.
const QStringList holdIds{u"Customs Hold"_s, u"Custom Hold"_s,    u"Line Hold"_s, u"CTF Hold"_s,
                          u"TMF Hold"_s,     u"Demurrage Hold"_s, u"USDA Hold"_s};
const QStringList owners{u"TGBU"_s, u"TCNU"_s, u"MSCU"_s, u"CMAU"_s, u"OOLU"_s,
                         u"WHSU"_s, u"GLDU"_s, u"BSIU"_s, u"MOTU"_s, u"TRHU"_s};
const QStringList vessels{u"YANTIAN"_s, u"JEJU ISLAND"_s, u"EVER GIVEN"_s, u"MSC ANNA"_s, u"CMA CGM MARCO POLO"_s};
const QStringList lines{u"COS"_s, u"WHL"_s, u"ONE"_s, u"MSC"_s, u"CMA"_s, u"OOL"_s};
const QList<QPair<QString, QString>> truckers{{u"A AND K TRUCKING LLC"_s, u"PFCH"_s},
                                              {u"BAYSIDE DRAYAGE INC"_s, u"BYDR"_s},
                                              {u"HARBOR FREIGHT LINES"_s, u"HFLX"_s}};

enum Category
{
    OnVessel,
    Discharged,
    AvailableHeld,
    AvailableClear,
    Outgated,
    EmptyReturned,
    Demurrage,
    NotAvailable,
    CategoryCount
};

double between(QRandomGenerator &rng, int low, int high)
{
    return low + int(rng.bounded(quint32(high - low + 1)));
}

QString pick(QRandomGenerator &rng, const QStringList &list)
{
    return list.at(qsizetype(rng.bounded(quint32(list.size()))));
}

SimGateVisit makeVisit(QRandomGenerator &rng, double outgateAt, double emptyReturnAt)
{
    SimGateVisit visit;
    const auto &trucker = truckers.at(qsizetype(rng.bounded(quint32(truckers.size()))));
    visit.truckerName = trucker.first;
    visit.truckerCode = trucker.second;
    visit.chassis = u"YMLZ%1"_s.arg(rng.bounded(1000000u, 9999999u));
    visit.reference = u"ONEY%1"_s.arg(rng.bounded(100000000u, 999999999u));
    visit.outgateAt = outgateAt;
    visit.emptyReturnAt = emptyReturnAt;
    return visit;
}

void fillStatics(SimContainer &c, QRandomGenerator &rng)
{
    c.line = pick(rng, lines);
    c.vessel = pick(rng, vessels);
    c.voyage = u"%1%2"_s.arg(rng.bounded(100u, 999u)).arg(rng.bounded(2u) ? u'E' : u'W');
    c.location = u"TF%1MS-%2-L%3(D)"_s.arg(rng.bounded(1u, 9u)).arg(rng.bounded(100u, 999u)).arg(rng.bounded(1u, 9u));
    const bool twenty = rng.bounded(4u) == 0;
    c.length = twenty ? u"20"_s : u"40"_s;
    c.height = twenty ? u"102"_s : u"114"_s;
    c.isoCode = twenty ? u"22G1"_s : u"44G0"_s;
    c.grossWeight = QString::number(rng.bounded(8000u, 30000u));
    c.hazardous = rng.bounded(10u) == 0;
}

// Where in its life the container is at simulator start decides its timeline.
void fillTimeline(SimContainer &c, QRandomGenerator &rng, Category category, int holdCursor)
{
    double discharge = 0;
    double available = 0;
    switch (category) {
    case OnVessel:
        discharge = between(rng, 6, 72);
        available = discharge + between(rng, 2, 12);
        break;
    case Discharged:
        discharge = -between(rng, 1, 10);
        available = between(rng, 1, 12);
        break;
    case AvailableHeld:
        discharge = -between(rng, 10, 40);
        available = -between(rng, 1, 8);
        break;
    case AvailableClear:
        discharge = -between(rng, 20, 60);
        available = -between(rng, 10, 19);
        break;
    case Outgated:
        discharge = -between(rng, 120, 200);
        available = -between(rng, 80, 110);
        break;
    case EmptyReturned:
        discharge = -between(rng, 300, 360);
        available = -between(rng, 250, 290);
        break;
    case Demurrage:
        discharge = -between(rng, 200, 260);
        available = -between(rng, 150, 190);
        break;
    case NotAvailable:
        discharge = -between(rng, 5, 30);
        available = between(rng, 30, 90);
        break;
    case CategoryCount:
        break;
    }
    c.dischargeAt = discharge;
    c.availableAt = available;
    const int freeDays = int(between(rng, 3, 5));
    const int lfdDays = int(std::floor(available / 24.0)) + (category == Demurrage ? -1 : freeDays);
    c.lfdChanges.append({available, lfdDays});
    if (rng.bounded(4u) == 0)
        c.lfdChanges.append({available + between(rng, 12, 48), lfdDays + 1});
    c.demurragePerDay = 50.0 * between(rng, 2, 6);

    double outgate = available + between(rng, 24, 96);
    if (category == Outgated)
        outgate = -between(rng, 5, 40);
    if (category == EmptyReturned)
        outgate = -between(rng, 100, 150);
    if (category == Demurrage)
        outgate = between(rng, 20, 100);
    const double emptyReturn = category == EmptyReturned ? -between(rng, 10, 60) : outgate + between(rng, 24, 120);
    c.visit = makeVisit(rng, outgate, emptyReturn);

    if (category == AvailableHeld || category == NotAvailable) {
        const QString id = holdIds.at(holdCursor % holdIds.size());
        const std::optional<double> release =
            category == NotAvailable ? std::optional<double>(available) : std::optional<double>(between(rng, 2, 48));
        c.holds.append({id, discharge, rng.bounded(5u) == 0 ? std::nullopt : release});
    }
    if (category == Demurrage)
        c.holds.append({u"Demurrage Hold"_s, (lfdDays + 1) * 24.0, outgate - 1});
}

QString makeNumber(QRandomGenerator &rng)
{
    for (;;) {
        const QString firstTen = pick(rng, owners) + u"%1"_s.arg(qulonglong(rng.bounded(1000000u)), 6, 10, QChar(u'0'));
        const int digit = ContainerNumber::checkDigit(firstTen);
        if (digit >= 0)
            return firstTen + QString::number(digit);
    }
}

quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u; // FNV-1a: stable across runs and platforms, unlike qHash
    for (const QChar ch : text) {
        hash ^= ch.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

namespace ScenarioGenerator {

QStringList siteIds()
{
    return {u"WBCT_LA"_s, u"OCT"_s, u"SGT_BAL"_s, u"PNCT_NJ"_s};
}

QString timeZoneOfSite(const QString &site)
{
    if (site == u"SGT_BAL"_s || site == u"PNCT_NJ"_s)
        return u"America/New_York"_s;
    return u"America/Los_Angeles"_s;
}

Scenario generate(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<SimContainer> containers;
    QSet<QString> used;
    const QStringList sites = siteIds();
    for (int i = 0; i < count; ++i) {
        SimContainer c;
        do {
            c.number = makeNumber(rng);
        } while (used.contains(c.number));
        used.insert(c.number);
        c.site = sites.at(i % sites.size());
        fillStatics(c, rng);
        fillTimeline(c, rng, Category(i % CategoryCount), i / CategoryCount);
        if (i % 3 == 0) {
            const double earlierOut = -between(rng, 500, 900);
            c.earlierVisits.append(makeVisit(rng, earlierOut, earlierOut + between(rng, 24, 96)));
        }
        containers.append(std::move(c));
    }
    return Scenario(std::move(containers));
}

SimContainer deriveFromNumber(const QString &number, const QString &site)
{
    const quint32 hash = stableHash(number);
    QRandomGenerator rng(hash);
    SimContainer c;
    c.number = number;
    c.site = site;
    fillStatics(c, rng);
    fillTimeline(c, rng, Category(hash % CategoryCount), int(hash / CategoryCount));
    if (hash % 3 == 0) {
        const double earlierOut = -between(rng, 500, 900);
        c.earlierVisits.append(makeVisit(rng, earlierOut, earlierOut + between(rng, 24, 96)));
    }
    return c;
}

} // namespace ScenarioGenerator
