// Provider timestamps, read the same way by every mapper: an offset is kept, a wall-clock time is the
// provider's zone, and a date alone never turns into midnight (a missing time is never invented).
#include "envasemapper.h"
#include "portconnectmapper.h"
#include "providertime.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QTimeZone losAngeles("America/Los_Angeles");

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

QByteArray traceResult(const QString &providerId, const QString &eventDate)
{
    return uR"({"action":"TRACE_RESULT","payload":{"containerNumber":"MSCU1234566","providerId":"%1",)"
           uR"("events":[{"code":"grounded","date":"2026-03-05T08:00","data":{"grounded":"%2"}}]}})"_s
               .arg(providerId, eventDate)
               .toUtf8();
}

} // namespace

class TestProviderTime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void readDay();
    void portConnectReadsNewZealandTime();
    void envaseReadsTheNamedProvidersZone();
    void envaseNeverInventsATime();
};

void TestProviderTime::read_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QTimeZone>("zone");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("utc") << u"2026-03-04T10:15:00Z"_s << losAngeles << utc(u"2026-03-04T10:15:00Z"_s);
    QTest::newRow("offset") << u"2026-03-04T10:15:00+13:00"_s << losAngeles << utc(u"2026-03-03T21:15:00Z"_s);
    QTest::newRow("milliseconds") << u"2026-03-04T10:15:00.250Z"_s << losAngeles << utc(u"2026-03-04T10:15:00.250Z"_s);
    // Los Angeles is UTC-8 in March before the DST change, UTC-7 in July.
    QTest::newRow("wall clock") << u"2026-03-04T10:15:00"_s << losAngeles << utc(u"2026-03-04T18:15:00Z"_s);
    QTest::newRow("wall clock, summer") << u"2026-07-04T10:15:00"_s << losAngeles << utc(u"2026-07-04T17:15:00Z"_s);
    QTest::newRow("space separator") << u"2026-03-04 10:15"_s << losAngeles << utc(u"2026-03-04T18:15:00Z"_s);
    QTest::newRow("padded") << u"  2026-03-04T10:15:00Z "_s << losAngeles << utc(u"2026-03-04T10:15:00Z"_s);
    QTest::newRow("no zone known: UTC") << u"2026-03-04T10:15:00"_s << QTimeZone() << utc(u"2026-03-04T10:15:00Z"_s);
    QTest::newRow("date alone") << u"2026-03-04"_s << losAngeles << QDateTime();
    QTest::newRow("empty") << QString() << losAngeles << QDateTime();
    QTest::newRow("not a date") << u"next Tuesday, 10am"_s << losAngeles << QDateTime();
    QTest::newRow("impossible day") << u"2026-02-30T10:15:00Z"_s << losAngeles << QDateTime();
}

void TestProviderTime::read()
{
    QFETCH(QString, text);
    QFETCH(QTimeZone, zone);
    QFETCH(QDateTime, expected);
    const QDateTime read = ProviderTime::read(text, zone);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(read, expected);
        QCOMPARE(read.timeSpec(), Qt::UTC);
    }
}

void TestProviderTime::readDay()
{
    QCOMPARE(ProviderTime::readDay(u" 2026-03-04 "_s), QDate(2026, 3, 4));
    QVERIFY(!ProviderTime::readDay(u"2026-03-04T10:15:00Z"_s).isValid());
    QVERIFY(!ProviderTime::readDay(u"2026-02-30"_s).isValid());
    QVERIFY(!ProviderTime::readDay(u"soon"_s).isValid());
}

void TestProviderTime::portConnectReadsNewZealandTime()
{
    // NZ daylight time in January: UTC+13.
    QCOMPARE(PortConnectMapper::readTime(u"2026-01-10T09:00:00"_s), utc(u"2026-01-09T20:00:00Z"_s));
    QVERIFY(!PortConnectMapper::readTime(u"2026-01-10"_s).isValid());
}

void TestProviderTime::envaseReadsTheNamedProvidersZone()
{
    int asked = 0;
    const EnvaseMapper::ZoneFor zoneFor = [&asked](const QString &providerId) {
        ++asked;
        return providerId == "trapac"_L1 ? losAngeles : QTimeZone();
    };
    const auto known = EnvaseMapper::mapTraceResult(traceResult(u"trapac"_s, u"2026-03-04T10:15:00"_s),
                                                    utc(u"2026-03-05T00:00:00Z"_s), zoneFor);
    QVERIFY2(known, qPrintable(known ? QString() : known.error().message));
    QCOMPARE(asked, 1);
    QCOMPARE(known->items.size(), 1);
    QCOMPARE(known->items.first().observation.dischargedAt.value_or(QDateTime()), utc(u"2026-03-04T18:15:00Z"_s));

    const auto unknown = EnvaseMapper::mapTraceResult(traceResult(u"elsewhere"_s, u"2026-03-04T10:15:00"_s),
                                                      utc(u"2026-03-05T00:00:00Z"_s), zoneFor);
    QVERIFY(unknown);
    QCOMPARE(unknown->items.first().observation.dischargedAt.value_or(QDateTime()), utc(u"2026-03-04T10:15:00Z"_s));
}

void TestProviderTime::envaseNeverInventsATime()
{
    // A bare date where a moment belongs is kept without a time (shown as observed), never as
    // midnight; text that is no date at all is refused.
    const auto mapped =
        EnvaseMapper::mapTraceResult(traceResult(u"trapac"_s, u"2026-03-04"_s), utc(u"2026-03-05T00:00:00Z"_s));
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().message));
    QCOMPARE(mapped->items.size(), 1);
    const std::optional<QDateTime> discharged = mapped->items.first().observation.dischargedAt;
    QVERIFY(!discharged || !discharged->isValid());
    const QJsonObject event = mapped->items.first().observation.raw.value(u"events"_s).toArray().first().toObject();
    QCOMPARE(event.value(u"data"_s).toObject().value(u"grounded"_s).toString(), u"2026-03-04"_s);

    const auto refused =
        EnvaseMapper::mapTraceResult(traceResult(u"trapac"_s, u"soon"_s), utc(u"2026-03-05T00:00:00Z"_s));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"grounded"_s), qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestProviderTime)
#include "tst_providertime.moc"
