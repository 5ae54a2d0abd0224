#pragma once

// What the store tests share: a fresh store per backend row, and sample entries, snapshots and events.

#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// Opens a fresh store for the current data row's backend (skipping PostgreSQL rows when no test server
// is configured). A macro because QSKIP and QVERIFY must return from the test function itself.
#define OPEN_STORE(database, store)                                                                                    \
    QFETCH(Store::Backend, backend);                                                                                   \
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())                                     \
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");                          \
    TestDatabase database(backend);                                                                                    \
    QVERIFY2(database.isValid(), qPrintable(database.error()));                                                        \
    auto opened##store = Store::open(database.location(), testClock());                                                \
    QVERIFY2(opened##store.ok(), qPrintable(opened##store.error().message));                                           \
    std::unique_ptr<Store> store = std::move(opened##store).value();

namespace StoreTest {
inline const QString entity = u"acme"_s;

inline QDateTime utc(int day, int hour, int minute = 0, int msec = 0)
{
    return QDateTime(QDate(2024, 5, day), QTime(hour, minute, 0, msec), Qt::UTC);
}

inline WatchEntry entry(const QString &number, const QString &provider = u"ports_america"_s)
{
    WatchEntry e;
    e.entity = entity;
    e.containerNumber = number;
    e.provider = provider;
    e.site = u"WBCT_LA"_s;
    return e;
}

inline ContainerSnapshot fullSnapshot()
{
    ContainerSnapshot s;
    s.status = ContainerStatus::Available;
    s.vesselName = u"MSC ANNA"_s;
    s.voyage = u"123E"_s;
    s.vesselEta = utc(1, 10, 0, 250);
    s.vesselAta = utc(2, 6, 30);
    s.dischargedAt = utc(3, 4);
    s.available = true;
    s.location = u"R12-03-B"_s;
    s.locationLot = u"Yard"_s;
    s.holds = {Hold{HoldType::Customs, u"CUSTOMS HOLD"_s, utc(3, 5)}, Hold{HoldType::Line, u"Line hold"_s, {}}};
    s.lfdTerminal = QDate(2024, 5, 9);
    s.lfdLine = QDate(2024, 5, 7);
    s.demurrageAmount = 125.5;
    s.outgatedAt = utc(8, 13, 15);
    s.outgateTrucker = u"PFCH"_s;
    s.chassisNumber = u"ABCZ123456"_s;
    s.emptyReturnedAt = utc(12, 9);
    s.pickupAppointmentAt = utc(8, 12);
    s.sizeType = SizeType{u"40"_s, u"96"_s, u"45G1"_s};
    s.grossWeight = 21000.25;
    s.hazardous = false;
    s.lineScac = u"MAEU"_s;
    s.stateChangedAt = {{u"hold:CUSTOMS:CUSTOMS HOLD"_s, utc(3, 5)}, {u"available"_s, utc(4, 9, 30, 125)}};
    return s;
}

inline Event makeEvent(qint64 containerId, const QString &key, const QDateTime &occurredAt)
{
    Event e;
    e.containerId = containerId;
    e.code = EventCode::Discharged;
    e.providerCode = u"Grounded"_s;
    e.occurredAt = occurredAt;
    e.observedAt = utc(20, 1, 2, 3);
    e.location = EventLocation{u"WBCT_LA"_s, u"Terminal"_s, u"Yard"_s};
    e.data = {{u"position"_s, u"R12"_s}};
    e.source = u"ports_america/WBCT_LA"_s;
    e.dedupeKey = key;
    e.raw = {{u"status"_s, u"Grounded"_s}, {u"n"_s, 1}};
    return e;
}

inline void addBackends()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

inline qint64 countRows(Store &store, const QString &sql)
{
    QSqlQuery query(StoreInspection::database(store));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace StoreTest
