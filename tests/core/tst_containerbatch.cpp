// ContainerBatch is what Store::addContainers writes: the stamps addContainer promises, NULL
// versus empty text, UTF-8, the key order and the shared columns the SQLite path binds once.
#include "containerbatch.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime now(QDate(2026, 11, 21), QTime(15, 4, 5, 678), Qt::UTC);

WatchEntry entry(const QString &number, const QString &provider = u"ports_america"_s)
{
    WatchEntry e;
    e.containerNumber = number;
    e.provider = provider;
    e.site = u"WBCT_LA"_s;
    return e;
}

} // namespace

class TestContainerBatch final : public QObject
{
    Q_OBJECT

private slots:
    void stampsLikeAddContainer();
    void nullAndEmptyText();
    void refusesWhatTheWatchlistCannotHold();
    void sortsByKeyStably();
    void findsSharedColumns();
};

void TestContainerBatch::stampsLikeAddContainer()
{
    ContainerBatch batch(now);
    QVERIFY(batch.append(entry(u"MSKU1234565"_s))); // no stamps of its own
    WatchEntry added = entry(u"TGHU0000008"_s);
    added.addedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    QVERIFY(batch.append(added)); // expires after the trace window from its own added time
    WatchEntry own = added;
    own.containerNumber = u"CSQU3054383"_s;
    own.expiresAt = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC);
    own.nextTraceAt = QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC);
    QVERIFY(batch.append(own));

    QCOMPARE(batch.text(0, ContainerBatch::AddedAt), u"2026-11-21T15:04:05.678Z"_s);
    QCOMPARE(batch.text(0, ContainerBatch::ExpiresAt), u"2027-02-19T15:04:05.678Z"_s);
    QCOMPARE(batch.text(0, ContainerBatch::NextTraceAt), u"2026-11-21T15:04:05.678Z"_s);
    QCOMPARE(batch.text(1, ContainerBatch::AddedAt), u"2026-01-02T03:04:05.000Z"_s);
    QCOMPARE(batch.text(1, ContainerBatch::ExpiresAt), u"2026-04-02T03:04:05.000Z"_s);
    QCOMPARE(batch.text(1, ContainerBatch::NextTraceAt), u"2026-11-21T15:04:05.678Z"_s);
    QCOMPARE(batch.text(2, ContainerBatch::ExpiresAt), u"2026-02-01T00:00:00.000Z"_s);
    QCOMPARE(batch.text(2, ContainerBatch::NextTraceAt), u"2026-01-03T00:00:00.000Z"_s);
    QCOMPARE(batch.text(0, ContainerBatch::Normalize), u"1"_s);
}

void TestContainerBatch::nullAndEmptyText()
{
    ContainerBatch batch(now);
    WatchEntry e = entry(u"MSKU1234565"_s, QString());
    e.site.clear();
    e.reference = u"Café Ø 東京"_s;
    e.normalize = false;
    QVERIFY(batch.append(e));
    e.containerNumber = u"TGHU0000008"_s;
    e.reference.clear();
    e.providerData = {{u"truckingCompanyCode"_s, u"PFCH"_s}};
    QVERIFY(batch.append(e));

    // The key columns are never NULL; optional text is NULL when empty, as addContainer stores it.
    QVERIFY(!batch.value(0, ContainerBatch::Provider).isNull());
    QVERIFY(batch.value(0, ContainerBatch::Provider).isEmpty());
    QVERIFY(batch.value(0, ContainerBatch::Site).isNull());
    QVERIFY(batch.value(0, ContainerBatch::BillOfLading).isNull());
    QVERIFY(batch.value(0, ContainerBatch::ProviderData).isNull());
    QVERIFY(batch.value(1, ContainerBatch::Reference).isNull());
    QCOMPARE(batch.value(0, ContainerBatch::Reference), QByteArrayView(u"Café Ø 東京"_s.toUtf8()));
    QCOMPARE(batch.text(1, ContainerBatch::ProviderData), u"{\"truckingCompanyCode\":\"PFCH\"}"_s);
    QCOMPARE(batch.text(0, ContainerBatch::Normalize), u"0"_s);
    QCOMPARE(batch.text(0, ContainerBatch::Entity), u"default"_s);
}

void TestContainerBatch::refusesWhatTheWatchlistCannotHold()
{
    ContainerBatch batch(now);
    QVERIFY(!batch.append(entry(QString())));
    WatchEntry noEntity = entry(u"MSKU1234565"_s);
    noEntity.entity.clear();
    QVERIFY(!batch.append(noEntity));
    WatchEntry longReference = entry(u"MSKU1234565"_s);
    longReference.reference = QString(WatchEntry::maxReferenceLength + 1, u'r');
    const Result<void> refused = batch.append(longReference);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
    QVERIFY(refused.error().message.contains(u"MSKU1234565"_s));
    QVERIFY(batch.isEmpty());
}

void TestContainerBatch::sortsByKeyStably()
{
    ContainerBatch batch(now);
    WatchEntry other = entry(u"AAAU0000000"_s);
    other.entity = u"zeta"_s;
    QVERIFY(batch.append(other));
    QVERIFY(batch.append(entry(u"TGHU0000008"_s, u"apm"_s)));
    WatchEntry first = entry(u"MSKU1234565"_s);
    first.reference = u"first"_s;
    QVERIFY(batch.append(first));
    QVERIFY(batch.append(entry(u"MSKU1234565"_s, u"apm"_s)));
    WatchEntry repeat = first;
    repeat.reference = u"repeat"_s;
    QVERIFY(batch.append(repeat));
    QCOMPARE(batch.entities(), QStringList({u"zeta"_s, u"default"_s}));

    batch.finish();
    QStringList keys;
    for (qsizetype row = 0; row < batch.size(); ++row) {
        keys.append(batch.text(row, ContainerBatch::Entity) + u'/' + batch.text(row, ContainerBatch::ContainerNumber) +
                    u'/' + batch.text(row, ContainerBatch::Provider) + u'/' +
                    batch.text(row, ContainerBatch::Reference));
    }
    QCOMPARE(keys, QStringList({u"default/MSKU1234565/apm/"_s, u"default/MSKU1234565/ports_america/first"_s,
                                u"default/MSKU1234565/ports_america/repeat"_s, u"default/TGHU0000008/apm/"_s,
                                u"zeta/AAAU0000000/ports_america/"_s}));
}

void TestContainerBatch::findsSharedColumns()
{
    ContainerBatch batch(now);
    for (const QString &number : {u"MSKU1234565"_s, u"TGHU0000008"_s, u"CSQU3054383"_s}) {
        WatchEntry e = entry(number);
        e.booking = u"BK1"_s;
        e.reference = number == u"CSQU3054383"_s ? u"PO 3"_s : QString(); // NULL, NULL, text
        QVERIFY(batch.append(e));
    }
    batch.finish();
    const quint32 shared = batch.sharedColumns();
    for (const ContainerBatch::Column column :
         {ContainerBatch::Entity, ContainerBatch::Provider, ContainerBatch::Site, ContainerBatch::ProviderData,
          ContainerBatch::BillOfLading, ContainerBatch::Booking, ContainerBatch::AddedAt, ContainerBatch::ExpiresAt,
          ContainerBatch::Normalize, ContainerBatch::NextTraceAt}) {
        QVERIFY2(shared & (1u << column), qPrintable(QString::number(column)));
    }
    QVERIFY(!(shared & (1u << ContainerBatch::ContainerNumber)));
    QVERIFY(!(shared & (1u << ContainerBatch::Reference)));
}

QTEST_GUILESS_MAIN(TestContainerBatch)
#include "tst_containerbatch.moc"
