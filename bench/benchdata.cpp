#include "benchdata.h"

#include "containernumber.h"
#include "providerregistry.h"
#include "storage/storeinspection.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList owners = {u"MSC"_s, u"MAE"_s, u"CMA"_s, u"HLX"_s, u"ONE"_s, u"EGH"_s, u"OOL"_s, u"TGH"_s};
const QStringList sites = {u"WBCT_LA"_s, u"PCT_LB"_s, u"MAHER_NJ"_s, u"SEAGIRT_BAL"_s, u"BAYPORT_HOU"_s};
const QStringList vessels = {u"MSC ANNA"_s,   u"MAERSK ESSEN"_s, u"CMA CGM MARCO POLO"_s,
                             u"EVER GIVEN"_s, u"ONE APUS"_s,     u"HMM ALGECIRAS"_s};

QString storedTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}

} // namespace

BenchData::BenchData(quint32 seed) : m_random(seed), m_now(QDateTime(QDate::currentDate(), QTime(12, 0), Qt::UTC)) {}

QString BenchData::providerId()
{
    static const QString id = ProviderRegistry::builtIn().adapterProviderIds().value(0);
    return id;
}

QString BenchData::containerNumber(int index)
{
    const QString firstTen =
        owners.at(index % owners.size()) + u'U' + QStringLiteral("%1").arg(index / owners.size(), 6, 10, QChar(u'0'));
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen));
}

WatchEntry BenchData::container(int index)
{
    WatchEntry entry;
    entry.containerNumber = containerNumber(index);
    entry.provider = providerId();
    entry.site = sites.at(index % sites.size());
    entry.providerData = QJsonObject{{u"truckingCompanyCode"_s, u"PFCH"_s}};
    if (index % 2 == 0)
        entry.reference = u"PO-%1"_s.arg(index);
    entry.addedAt = m_now.addDays(-int(m_random.bounded(60)));
    entry.lastTracedAt = m_now.addSecs(-qint64(m_random.bounded(3600 * 12)));
    entry.nextTraceAt = m_now.addSecs(qint64(m_random.bounded(3600 * 12)));

    // Roughly an import desk: a quarter still on the water, a third at the terminal, the rest out.
    ContainerSnapshot &s = entry.snapshot;
    const quint32 roll = m_random.bounded(100);
    s.vesselName = vessels.at(index % vessels.size());
    s.voyage = u"%1W"_s.arg(100 + index % 50);
    s.vesselEta = m_now.addSecs(qint64(m_random.bounded(14 * 86400)) - 3 * 86400);
    s.lineScac = owners.at(index % owners.size()) + u'U';
    s.sizeType = SizeType{index % 3 == 0 ? u"20"_s : u"40"_s, u"96"_s, index % 3 == 0 ? u"22G1"_s : u"45G1"_s};
    s.grossWeight = 8000 + m_random.bounded(20000);
    if (roll >= 25) {
        s.vesselAta = s.vesselEta;
        s.dischargedAt = s.vesselAta.addSecs(6 * 3600);
        s.location = u"Y-%1-%2"_s.arg(index % 40).arg(index % 7);
        s.locationLot = u"Yard"_s;
        s.lfdTerminal = m_now.date().addDays(int(m_random.bounded(14)) - 4);
        if (index % 5 == 0)
            s.lfdLine = s.lfdTerminal.addDays(int(m_random.bounded(5)) - 2);
    }
    if (roll >= 35 && roll < 65) {
        s.available = roll >= 45;
        if (roll < 55)
            s.holds.append(Hold{index % 2 ? HoldType::Customs : HoldType::Line, u"HOLD%1"_s.arg(index % 3), m_now});
        if (roll < 40)
            s.holds.append(Hold{HoldType::Freight, u"FREIGHT"_s, m_now});
        if (roll % 4 == 0)
            s.demurrageAmount = 75.0 * m_random.bounded(10);
    } else if (roll >= 65) {
        s.outgatedAt = s.dischargedAt.addDays(2);
        s.outgateTrucker = u"PFCH"_s;
        s.chassisNumber = u"CHS%1"_s.arg(index);
        if (roll >= 85)
            s.emptyReturnedAt = s.outgatedAt.addDays(3);
    }
    s.notFound = roll < 2;
    s.status = s.deriveStatus();
    return entry;
}

Event BenchData::event(qint64 containerId, qint64 index, const QString &keyPrefix)
{
    static const QList<std::pair<EventCode, QString>> kinds = {
        {EventCode::VesselEta, u"Eta"_s},       {EventCode::VesselArrived, u"Arrived"_s},
        {EventCode::Discharged, u"Grounded"_s}, {EventCode::LfdChanged, u"Lfd"_s},
        {EventCode::HoldAdded, u"Hold"_s},      {EventCode::HoldReleased, u"Hold"_s},
        {EventCode::Available, u"Released"_s},  {EventCode::Outgated, u"Outgated"_s},
    };
    const auto &[code, providerCode] = kinds.at(index % kinds.size());
    Event event;
    event.containerId = containerId;
    event.code = code;
    event.providerCode = providerCode;
    event.occurredAt = m_now.addSecs(-qint64(m_random.bounded(30 * 86400)));
    event.observedAt = event.occurredAt.addSecs(300);
    event.location = EventLocation{sites.at(index % sites.size()), u"Terminal"_s, u"Yard"_s};
    event.data = QJsonObject{{u"seq"_s, double(index)}};
    event.source = providerId() + u'/' + event.location.name;
    event.dedupeKey = keyPrefix + QString::number(index);
    return event;
}

Result<QList<qint64>> BenchData::addFleet(Store &store, int count)
{
    QSqlDatabase db = StoreInspection::database(store);
    // One transaction for the whole fleet: the benchmark data is set up, not what is measured.
    if (!db.transaction())
        return makeError(ErrorKind::Storage, db.lastError().text());
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                   "added_at, expires_at, trace_state, normalize, next_trace_at) "
                   "VALUES ('default', ?, ?, ?, '{\"truckingCompanyCode\":\"PFCH\"}', ?, ?, ?, 'active', 1, ?)"_s);
    QList<WatchEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        entries.append(container(i));
        const WatchEntry &entry = entries.constLast();
        insert.addBindValue(entry.containerNumber);
        insert.addBindValue(entry.provider);
        insert.addBindValue(entry.site);
        insert.addBindValue(entry.reference.isEmpty() ? QVariant() : QVariant(entry.reference));
        insert.addBindValue(storedTime(entry.addedAt));
        insert.addBindValue(storedTime(entry.addedAt.addDays(WatchEntry::traceWindowDays)));
        insert.addBindValue(storedTime(entry.nextTraceAt));
        if (!insert.exec()) {
            db.rollback();
            return makeError(ErrorKind::Storage, insert.lastError().text());
        }
    }
    insert.finish();
    if (!db.commit())
        return makeError(ErrorKind::Storage, db.lastError().text());

    QList<qint64> ids;
    ids.reserve(count);
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(u"SELECT id FROM containers WHERE entity = 'default' ORDER BY id"_s))
        return makeError(ErrorKind::Storage, select.lastError().text());
    while (select.next())
        ids.append(select.value(0).toLongLong());
    select.finish();

    QList<TraceWrite> writes;
    for (int i = 0; i < ids.size() && i < entries.size(); ++i) {
        const WatchEntry &entry = entries.at(i);
        writes.append(TraceWrite{ids.at(i), entry.snapshot, {}, entry.lastTracedAt, entry.nextTraceAt, {}, {}});
        if (writes.size() == 2000 || i + 1 == ids.size()) {
            if (const Result<int> written = store.writeTraceResults(writes); !written)
                return written.error();
            writes.clear();
        }
    }
    return ids;
}

Result<qint64> BenchData::addEvents(Store &store, const QList<qint64> &containerIds, qint64 count, int batchSize,
                                    const QString &keyPrefix)
{
    qint64 inserted = 0;
    QList<Event> batch;
    batch.reserve(batchSize);
    for (qint64 j = 0; j < count; ++j) {
        batch.append(event(containerIds.at(j % containerIds.size()), j, keyPrefix));
        if (batch.size() == batchSize || j + 1 == count) {
            const Result<int> written = store.insertEvents(batch);
            if (!written)
                return written.error();
            inserted += written.value();
            batch.clear();
        }
    }
    return inserted;
}

void printResult(QTextStream &out, const QString &name, double value, const QString &unit, const QString &target)
{
    out << "RESULT " << name << ' ' << QString::number(value, 'f', value < 10 ? 3 : 0) << ' ' << unit << ' ' << target
        << Qt::endl;
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

QString benchSimulatorPath()
{
    const QString binDir = qEnvironmentVariable("QUAYWATCH_BIN_DIR");
    if (!binDir.isEmpty())
        return binDir + u"/sim/quaywatch-sim"_s;
    return QCoreApplication::applicationDirPath() + u"/../app/sim/quaywatch-sim"_s;
}

QUrl startBenchSimulator(QProcess &process, int latencyMs, const QStringList &extraArguments)
{
    process.start(benchSimulatorPath(), QStringList{u"--port"_s, u"0"_s, u"--speed"_s, u"0"_s, u"--latency-ms"_s,
                                                    QString::number(latencyMs)} +
                                            extraArguments);
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    QByteArray output;
    while (process.waitForReadyRead(10000)) {
        output += process.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return QUrl(match.captured(1));
    }
    return {};
}

QJsonObject benchSimulatorCall(QNetworkAccessManager &network, const QUrl &base, const QString &path,
                               const std::optional<QJsonObject> &post)
{
    QNetworkRequest request(base.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply =
        post ? network.post(request, QJsonDocument(*post).toJson(QJsonDocument::Compact)) : network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}
