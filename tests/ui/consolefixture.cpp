#include "consolefixture.h"

#include "containernumber.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace ConsoleFixture {

QDateTime now()
{
    return QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
}

QDate today()
{
    return now().toLocalTime().date();
}

QString number(const QString &firstTen)
{
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen));
}

QStringList numbers()
{
    return {number(u"MSCU100001"_s), number(u"TCNU200002"_s), number(u"CMAU300003"_s),
            number(u"OOLU400004"_s), number(u"HLXU500005"_s), number(u"TGHU600006"_s)};
}

namespace {

struct Case
{
    QString reference;
    QString vessel;
    ContainerStatus status;
    QList<HoldType> holds;
    int lfdOffset; // days from today; 99 = none
    std::optional<bool> available;
    QString error;
};

ContainerSnapshot snapshotFor(const Case &c)
{
    ContainerSnapshot snapshot;
    snapshot.status = c.status;
    snapshot.vesselName = c.vessel;
    snapshot.voyage = u"042E"_s;
    snapshot.available = c.available;
    for (const HoldType type : c.holds)
        snapshot.holds.append({type, holdTypeName(type).toLower() + u" hold"_s, now()});
    if (c.lfdOffset != 99)
        snapshot.lfdTerminal = today().addDays(c.lfdOffset);
    if (c.status == ContainerStatus::OnVessel)
        snapshot.vesselEta = now().addDays(3);
    if (c.status == ContainerStatus::Outgated)
        snapshot.outgatedAt = now().addDays(-1);
    if (c.status != ContainerStatus::OnVessel && c.status != ContainerStatus::Unknown) {
        snapshot.dischargedAt = now().addDays(-4);
        snapshot.location = u"Y-12-3"_s;
    }
    return snapshot;
}

QList<Event> eventsFor(qint64 id)
{
    QList<Event> events;
    const QList<QPair<EventCode, QString>> codes = {
        {EventCode::Discharged, u"Grounded"_s}, {EventCode::HoldAdded, u"Customs Hold"_s}, {EventCode::LfdChanged, {}}};
    for (int i = 0; i < codes.size(); ++i) {
        Event event;
        event.containerId = id;
        event.code = codes[i].first;
        event.providerCode = codes[i].second;
        if (i < 2)
            event.occurredAt = now().addDays(-4 + i);
        event.observedAt = now().addSecs(-3600 + i);
        event.source = u"ports_america/WBCT_LA"_s;
        event.dedupeKey = u"fixture-%1-%2"_s.arg(id).arg(i);
        event.raw = {{u"container_number"_s, u"fixture"_s}, {u"step"_s, i}};
        events.append(event);
    }
    return events;
}

} // namespace

Result<QList<qint64>> seed(Store &store, const QString &entity)
{
    const QList<Case> cases = {
        {u"PO-1001"_s, u"EVER GIVEN"_s, ContainerStatus::Available, {HoldType::Customs}, -1, true, {}},
        {u"PO-1002"_s, u"MSC ANNA"_s, ContainerStatus::Available, {}, 0, true, {}},
        {u"ACME-7"_s,
         u"EVER GIVEN"_s,
         ContainerStatus::NotAvailable,
         {HoldType::Line, HoldType::Freight},
         1,
         false,
         {}},
        {{}, u"YANTIAN"_s, ContainerStatus::OnVessel, {}, 99, {}, {}},
        {u"PO-2000"_s, u"MSC ANNA"_s, ContainerStatus::Outgated, {}, -3, false, {}},
        {u"ERR"_s, {}, ContainerStatus::Unknown, {}, 99, {}, u"Not found at the terminal"_s},
    };
    const QStringList all = numbers();
    QList<qint64> ids;
    QList<TraceWrite> writes;
    for (int i = 0; i < cases.size(); ++i) {
        WatchEntry entry;
        entry.entity = entity;
        entry.containerNumber = all[i];
        entry.provider = u"ports_america"_s;
        entry.site = u"WBCT_LA"_s;
        entry.reference = cases[i].reference;
        entry.billOfLading = u"BL%1"_s.arg(i + 1000);
        entry.providerData = {{u"truckingCompanyCode"_s, u"PFCH"_s}};
        entry.addedAt = now().addDays(-30);
        const Result<AddOutcome> added = store.addContainer(entry);
        if (!added)
            return added.error();
        ids.append(added->id);
        TraceWrite write;
        write.containerId = added->id;
        write.snapshot = snapshotFor(cases[i]);
        write.tracedAt = now().addSecs(-600);
        write.nextTraceAt = now().addSecs(3600);
        write.lastError = cases[i].error;
        if (i == 0)
            write.newEvents = eventsFor(added->id);
        writes.append(write);
    }
    if (const auto written = store.writeTraceResults(writes); !written)
        return written.error();
    return ids;
}

void isolateSettings(const QString &folder, const QString &applicationName)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("QuaywatchTest"));
    QCoreApplication::setApplicationName(applicationName);
}

} // namespace ConsoleFixture
