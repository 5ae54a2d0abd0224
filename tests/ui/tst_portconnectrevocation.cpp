// PortConnect's releases and their cancellations (API FAQ "Do events get updated?": a release can be
// cancelled, and once resolved a new release comes with a new event time), stored through the real
// callback path (mapper, SubscriptionStore::ingest, SQLite), then read where a coordinator reads
// them: the watchlist model (under QAbstractItemModelTester), the holds report and the PortPro
// export. Round trips: release, revoke, release again, for customs, MPI and availability.
#include "exporter.h"
#include "portconnectmapper.h"
#include "providerregistry.h"
#include "store.h"
#include "subscriptionstore.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistsource.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString number = u"APHU6303593"_s;

// One element of the shape "Webhook Callback Payload" shows, with the given code and time.
QByteArray callback(const QString &code, const QString &time)
{
    const QJsonObject element{{u"subscriptionEventId"_s, 13752},
                              {u"subscriptionId"_s, 9},
                              {u"partnerPortCode"_s, u"NZAKL"_s},
                              {u"containerVisitTypeCode"_s, u"IMPORT"_s},
                              {u"containerVisitEventTypeCode"_s, code},
                              {u"containerVisitEventDatetime"_s, time},
                              {u"containerVisitEventLocation"_s, u"NZAKL"_s},
                              {u"containerNumber"_s, number},
                              {u"containerIsoTypeCode"_s, u"4510"_s},
                              {u"containerVisitUri"_s, u"v1/container-visits/5046168"_s},
                              {u"subscriptionContainerId"_s, 12},
                              {u"userDefinedReference"_s, u"User ref 1"_s},
                              {u"containerVisitEventValue"_s, QJsonValue()},
                              {u"containerVisitEventValue2"_s, QJsonValue()}};
    return QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Compact);
}

// The report by its command-line name ("holds", "portpro", ...).
QByteArray exportBytes(Store &store, const QString &name)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.kind = Exporter::reportKindFromName(name).value_or(ReportKind::Watchlist);
    if (options.kind == ReportKind::FieldMapping)
        options.fieldMapping = name;
    options.format = ReportFormat::Json;
    if (!Exporter::write(store, options, buffer))
        return {};
    return buffer.data();
}

} // namespace

class TestPortConnectRevocation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTrip_data();
    void roundTrip();
    void lateRevocation_data();
    void lateRevocation();

private:
    bool ingest(const QString &code, const QString &time);
    bool ingestAt(const QString &code, const QString &time, const QDateTime &arrived);
    // What the watchlist model shows for the container: {holds column, available column}.
    std::pair<QString, QString> watchlistShows();

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
};

void TestPortConnectRevocation::init()
{
    ProviderRegistry::builtIn(); // registers the destinations' layouts, as the apps do at start
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    m_store = std::move(store).value();
    QVERIFY(recordSubscription(*m_store, u"portconnect"_s, number).ok());
}

void TestPortConnectRevocation::cleanup()
{
    m_store.reset();
    m_database.reset();
}

bool TestPortConnectRevocation::ingest(const QString &code, const QString &time)
{
    // Each callback arrives when it is sent: an hour after the event (a replay keeps its arrival time).
    return ingestAt(code, time, PortConnectMapper::readTime(time).addSecs(3600));
}

bool TestPortConnectRevocation::ingestAt(const QString &code, const QString &time, const QDateTime &arrived)
{
    const Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(callback(code, time), arrived);
    if (!mapping)
        return false;
    SubscriptionStore subscriptions(*m_store);
    return subscriptions.ingest(u"default"_s, u"portconnect"_s, mapping->items).ok();
}

std::pair<QString, QString> TestPortConnectRevocation::watchlistShows()
{
    Result<std::vector<WatchlistRow>> rows = WatchlistSource(*m_store).load(u"default"_s);
    if (!rows)
        return {};
    WatchlistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(std::move(rows.value()));
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.row(row).number != number)
            continue;
        return {model.index(row, WatchlistModel::HoldsColumn).data(Qt::ToolTipRole).toString(),
                model.index(row, WatchlistModel::AvailableColumn).data().toString()};
    }
    return {};
}

void TestPortConnectRevocation::roundTrip_data()
{
    QTest::addColumn<QString>("release");
    QTest::addColumn<QString>("revocation");
    QTest::addColumn<QString>("sourceCode"); // the hold's text; empty: availability
    QTest::addColumn<QString>("exported");   // the report's name
    QTest::newRow("customs") << u"CUSTOMSRELEASE"_s << u"CUSTOMSRELEASECANCELLED"_s << u"CUSTOMS"_s << u"portpro"_s;
    QTest::newRow("MPI") << u"MPIRELEASE"_s << u"MPIRELEASECANCELLED"_s << u"MPI"_s << u"portpro"_s;
    QTest::newRow("availability") << u"AVAILABLE"_s << u"AVAILABLECANCELLED"_s << QString() << u"watchlist"_s;
}

void TestPortConnectRevocation::roundTrip()
{
    QFETCH(QString, release);
    QFETCH(QString, revocation);
    QFETCH(QString, sourceCode);
    QFETCH(QString, exported);
    QVERIFY(Exporter::reportKindFromName(exported)); // the PortPro layout is registered
    const bool hold = !sourceCode.isEmpty();
    const QString quotedSource = u"\""_s + sourceCode + u"\""_s;

    QVERIFY(ingest(release, u"2026-02-20T09:00:00+13:00"_s));
    auto shows = watchlistShows();
    QVERIFY(!shows.first.contains(sourceCode) || !hold);
    if (!hold)
        QCOMPARE(shows.second, u"Yes"_s);

    QVERIFY(ingest(revocation, u"2026-02-20T11:00:00+13:00"_s));
    shows = watchlistShows();
    if (hold) {
        QVERIFY2(shows.first.contains(sourceCode), qPrintable(shows.first)); // the hold is back
        QVERIFY(exportBytes(*m_store, u"holds"_s).contains(quotedSource.toUtf8()));
        QVERIFY(exportBytes(*m_store, exported).contains(quotedSource.toUtf8()));
    } else {
        QCOMPARE(shows.second, u"No"_s); // not available again
        const QJsonArray rows = QJsonDocument::fromJson(exportBytes(*m_store, exported)).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"available"_s), QJsonValue(false));
        QCOMPARE(rows.first().toObject().value(u"status"_s).toString(), u"not_available"_s);
    }

    QVERIFY(ingest(release, u"2026-02-21T08:00:00+13:00"_s)); // released again, a new event time
    shows = watchlistShows();
    if (hold) {
        QVERIFY2(!shows.first.contains(sourceCode), qPrintable(shows.first));
        QVERIFY(!exportBytes(*m_store, u"holds"_s).contains(quotedSource.toUtf8()));
        QVERIFY(!exportBytes(*m_store, exported).contains(quotedSource.toUtf8()));
    } else {
        QCOMPARE(shows.second, u"Yes"_s);
    }

    // The event log shows all three facts, in order, each with the provider's code.
    auto entry = m_store->container(u"default"_s, number);
    QVERIFY(entry.ok() && entry->has_value());
    const QList<Event> events = m_store->events(entry->value().id).value();
    QStringList codes;
    for (const Event &event : events) {
        if (event.providerCode == release || event.providerCode == revocation)
            codes.append(event.providerCode);
    }
    QCOMPARE(codes.size(), 3);
    QCOMPARE(codes.count(release), 2);
    QCOMPARE(codes.count(revocation), 1);
    // A replay of the last callback adds nothing and changes nothing.
    const qsizetype before = events.size();
    QVERIFY(ingest(release, u"2026-02-21T08:00:00+13:00"_s));
    QCOMPARE(m_store->events(entry->value().id).value().size(), before);
    QCOMPARE(watchlistShows(), shows);
}

void TestPortConnectRevocation::lateRevocation_data()
{
    roundTrip_data();
}

// PortConnect re-sends a callback its receiver did not acknowledge, so a revocation can arrive after
// the release that followed it. The later release stands in the watchlist and the reports; the event
// log shows both, each at its own time.
void TestPortConnectRevocation::lateRevocation()
{
    QFETCH(QString, release);
    QFETCH(QString, revocation);
    QFETCH(QString, sourceCode);
    QFETCH(QString, exported);
    QVERIFY(Exporter::reportKindFromName(exported)); // the PortPro layout is registered
    const bool hold = !sourceCode.isEmpty();
    const QString quotedSource = u"\""_s + sourceCode + u"\""_s;
    const QDateTime late = PortConnectMapper::readTime(u"2026-02-20T15:00:00+13:00"_s);

    QVERIFY(ingest(revocation, u"2026-02-20T08:00:00+13:00"_s)); // held / not available
    QVERIFY(ingest(release, u"2026-02-20T10:00:00+13:00"_s));
    QVERIFY(ingestAt(revocation, u"2026-02-20T09:00:00+13:00"_s, late)); // older, arrives last

    const auto shows = watchlistShows();
    if (hold) {
        QVERIFY2(!shows.first.contains(sourceCode), qPrintable(shows.first));
        QVERIFY(!exportBytes(*m_store, u"holds"_s).contains(quotedSource.toUtf8()));
        QVERIFY(!exportBytes(*m_store, exported).contains(quotedSource.toUtf8()));
    } else {
        QCOMPARE(shows.second, u"Yes"_s);
        const QJsonArray rows = QJsonDocument::fromJson(exportBytes(*m_store, exported)).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"available"_s), QJsonValue(true));
    }

    auto entry = m_store->container(u"default"_s, number);
    QVERIFY(entry.ok() && entry->has_value());
    QStringList times;
    const QList<Event> events = m_store->events(entry->value().id).value(); // not a temporary's reference
    for (const Event &event : events) {
        if (event.providerCode == release || event.providerCode == revocation)
            times.append(event.providerCode + u' ' + event.occurredAt.toString(Qt::ISODate));
    }
    times.sort();
    const QStringList expected{release + u" 2026-02-19T21:00:00Z"_s, revocation + u" 2026-02-19T19:00:00Z"_s,
                               revocation + u" 2026-02-19T20:00:00Z"_s};
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(times, sortedExpected);
}

QTEST_MAIN(TestPortConnectRevocation)
#include "tst_portconnectrevocation.moc"
