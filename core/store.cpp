#include "store.h"

#include "logging.h"
#include "migrations.h"
#include "sqlitestatement.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace {
std::atomic<quint64> connectionCounter{0};

// Long IN lists are sent in chunks well below SQLite's and PostgreSQL's parameter limits.
constexpr int maxInListSize = 500;

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

void putDigits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}

// Fixed width "yyyy-MM-ddTHH:mm:ss.zzzZ" so that text order is time order in both databases. Written
// by hand because it runs twice per event on the ingestion path.
QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    QString text(24, Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    putDigits(out, std::clamp(date.year(), 0, 9999), 4);
    out[4] = u'-';
    putDigits(out + 5, date.month(), 2);
    out[7] = u'-';
    putDigits(out + 8, date.day(), 2);
    out[10] = u'T';
    putDigits(out + 11, clock.hour(), 2);
    out[13] = u':';
    putDigits(out + 14, clock.minute(), 2);
    out[16] = u':';
    putDigits(out + 17, clock.second(), 2);
    out[19] = u'.';
    putDigits(out + 20, clock.msec(), 3);
    out[23] = u'Z';
    return text;
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(timeText(time)) : nullText();
}

// eventCodeName allocates a new string per call; the ingestion path reuses these.
const QString &cachedEventCodeName(EventCode code)
{
    static const QList<QString> names = [] {
        QList<QString> all;
        for (int i = 0; i <= int(lastEventCode); ++i)
            all.append(eventCodeName(EventCode(i)));
        return all;
    }();
    return names.at(int(code));
}

int digitsValue(QStringView text, bool *ok)
{
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// The fast path reads our own fixed format; anything else (hand-edited rows) goes through Qt.
QDateTime timeFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.toString();
    const QStringView view(text);
    if (text.size() == 24 && view[4] == u'-' && view[10] == u'T' && view[19] == u'.' && view[23] == u'Z') {
        bool ok = true;
        const QDate date(digitsValue(view.mid(0, 4), &ok), digitsValue(view.mid(5, 2), &ok),
                         digitsValue(view.mid(8, 2), &ok));
        const QTime clock(digitsValue(view.mid(11, 2), &ok), digitsValue(view.mid(14, 2), &ok),
                          digitsValue(view.mid(17, 2), &ok), digitsValue(view.mid(20, 3), &ok));
        if (ok && date.isValid() && clock.isValid())
            return QDateTime(date, clock, Qt::UTC);
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : nullText();
}

QDate dateFromValue(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant textValue(const QString &text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

QVariant jsonValue(const QJsonObject &object)
{
    if (object.isEmpty())
        return nullText();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant boolValue(std::optional<bool> flag)
{
    return flag ? QVariant(*flag ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

std::optional<bool> boolFromValue(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<bool>(value.toInt() != 0);
}

QVariant doubleValue(std::optional<double> number)
{
    return number ? QVariant(*number) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> doubleFromValue(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QVariant holdsValue(const QList<Hold> &holds)
{
    if (holds.isEmpty())
        return nullText();
    QJsonArray array;
    for (const Hold &hold : holds) {
        QJsonObject object{{u"type"_s, holdTypeName(hold.type)}, {u"source_code"_s, hold.sourceCode}};
        if (hold.since.isValid())
            object.insert(u"since"_s, timeValue(hold.since).toString());
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Hold> holdsFromValue(const QVariant &value)
{
    QList<Hold> holds;
    if (value.isNull())
        return holds;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        Hold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = object.value(u"source_code"_s).toString();
        hold.since = timeFromValue(object.value(u"since"_s).toVariant());
        holds.append(hold);
    }
    return holds;
}

Error storageError(const QString &what, const QSqlError &error)
{
    return makeError(ErrorKind::Storage, what % u": "_s % error.text());
}

QString placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? u"?"_s : u", ?"_s;
    return text;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u", "_s);
}

const QString entryColumns =
    u"c.id, c.entity, c.container_number, c.provider, c.site, c.provider_data, c.reference, c.bill_of_lading, "
    "c.booking, c.added_at, c.expires_at, c.trace_state, c.normalize, c.last_traced_at, c.next_trace_at, "
    "c.last_error, s.container_id, s.status, s.vessel_name, s.voyage, s.vessel_eta, s.vessel_ata, "
    "s.discharged_at, s.available, s.location, s.location_lot, s.holds, s.lfd_terminal, s.lfd_line, "
    "s.demurrage_amount, s.outgated_at, s.outgate_trucker, s.chassis_number, s.empty_returned_at, "
    "s.pickup_appointment_at, s.size_length, s.size_height, s.size_iso_code, s.gross_weight, s.hazardous, "
    "s.line_scac, s.not_found"_s;

ContainerSnapshot readSnapshot(const QSqlQuery &query, int i)
{
    ContainerSnapshot s;
    s.status = containerStatusFromName(query.value(i++).toString()).value_or(ContainerStatus::Unknown);
    s.vesselName = query.value(i++).toString();
    s.voyage = query.value(i++).toString();
    s.vesselEta = timeFromValue(query.value(i++));
    s.vesselAta = timeFromValue(query.value(i++));
    s.dischargedAt = timeFromValue(query.value(i++));
    s.available = boolFromValue(query.value(i++));
    s.location = query.value(i++).toString();
    s.locationLot = query.value(i++).toString();
    s.holds = holdsFromValue(query.value(i++));
    s.lfdTerminal = dateFromValue(query.value(i++));
    s.lfdLine = dateFromValue(query.value(i++));
    s.demurrageAmount = doubleFromValue(query.value(i++));
    s.outgatedAt = timeFromValue(query.value(i++));
    s.outgateTrucker = query.value(i++).toString();
    s.chassisNumber = query.value(i++).toString();
    s.emptyReturnedAt = timeFromValue(query.value(i++));
    s.pickupAppointmentAt = timeFromValue(query.value(i++));
    s.sizeType.length = query.value(i++).toString();
    s.sizeType.height = query.value(i++).toString();
    s.sizeType.isoCode = query.value(i++).toString();
    s.grossWeight = doubleFromValue(query.value(i++));
    s.hazardous = boolFromValue(query.value(i++));
    s.lineScac = query.value(i++).toString();
    s.notFound = query.value(i++).toInt() != 0;
    return s;
}

// Reads one row selected with entryColumns.
WatchEntry readEntry(const QSqlQuery &query)
{
    WatchEntry e;
    int i = 0;
    e.id = query.value(i++).toLongLong();
    e.entity = query.value(i++).toString();
    e.containerNumber = query.value(i++).toString();
    e.provider = query.value(i++).toString();
    e.site = query.value(i++).toString();
    e.providerData = jsonFromValue(query.value(i++));
    e.reference = query.value(i++).toString();
    e.billOfLading = query.value(i++).toString();
    e.booking = query.value(i++).toString();
    e.addedAt = timeFromValue(query.value(i++));
    e.expiresAt = timeFromValue(query.value(i++));
    e.traceState = traceStateFromName(query.value(i++).toString()).value_or(TraceState::Active);
    e.normalize = query.value(i++).toInt() != 0;
    e.lastTracedAt = timeFromValue(query.value(i++));
    e.nextTraceAt = timeFromValue(query.value(i++));
    e.lastError = query.value(i++).toString();
    const bool hasSnapshot = !query.value(i++).isNull();
    if (hasSnapshot)
        e.snapshot = readSnapshot(query, i);
    return e;
}

const QString eventColumns = u"id, container_id, code, provider_code, occurred_at, observed_at, location_name, "
                             "location_type, location_lot, data, source, dedupe_key, raw"_s;

Event readEvent(const QSqlQuery &query)
{
    Event e;
    int i = 0;
    e.id = query.value(i++).toLongLong();
    e.containerId = query.value(i++).toLongLong();
    e.code = eventCodeFromName(query.value(i++).toString()).value_or(EventCode::Other);
    e.providerCode = query.value(i++).toString();
    e.occurredAt = timeFromValue(query.value(i++));
    e.observedAt = timeFromValue(query.value(i++));
    e.location.name = query.value(i++).toString();
    e.location.type = query.value(i++).toString();
    e.location.lot = query.value(i++).toString();
    e.data = jsonFromValue(query.value(i++));
    e.source = query.value(i++).toString();
    e.dedupeKey = query.value(i++).toString();
    e.raw = jsonFromValue(query.value(i++));
    return e;
}

// Named placeholders on the ingestion path: QSqlResult binds a named value with one hash lookup,
// a positional one by formatting ":N" first, which is measurably slower per event.
const QString insertEventSql =
    u"INSERT INTO events (container_id, code, provider_code, occurred_at, observed_at, location_name, "
    "location_type, location_lot, data, source, dedupe_key, raw) VALUES (:container_id, :code, :provider_code, "
    ":occurred_at, :observed_at, :location_name, :location_type, :location_lot, :data, :source, :dedupe_key, :raw) "
    "ON CONFLICT (dedupe_key) DO NOTHING"_s;

void bindEvent(QSqlQuery &query, const Event &event, qint64 containerId, const QVariant &now)
{
    static const QString containerIdName = u":container_id"_s, codeName = u":code"_s,
                         providerCodeName = u":provider_code"_s, occurredAtName = u":occurred_at"_s,
                         observedAtName = u":observed_at"_s, locationNameName = u":location_name"_s,
                         locationTypeName = u":location_type"_s, locationLotName = u":location_lot"_s,
                         dataName = u":data"_s, sourceName = u":source"_s, dedupeKeyName = u":dedupe_key"_s,
                         rawName = u":raw"_s;
    query.bindValue(containerIdName, containerId);
    query.bindValue(codeName, cachedEventCodeName(event.code));
    query.bindValue(providerCodeName, textValue(event.providerCode));
    query.bindValue(occurredAtName, timeValue(event.occurredAt));
    query.bindValue(observedAtName, event.observedAt.isValid() ? timeValue(event.observedAt) : now);
    query.bindValue(locationNameName, textValue(event.location.name));
    query.bindValue(locationTypeName, textValue(event.location.type));
    query.bindValue(locationLotName, textValue(event.location.lot));
    query.bindValue(dataName, jsonValue(event.data));
    query.bindValue(sourceName, textValue(event.source));
    query.bindValue(dedupeKeyName, textValue(event.dedupeKey));
    query.bindValue(rawName, jsonValue(event.raw));
}

const QStringList snapshotColumns{
    u"container_id"_s,
    u"status"_s,
    u"vessel_name"_s,
    u"voyage"_s,
    u"vessel_eta"_s,
    u"vessel_ata"_s,
    u"discharged_at"_s,
    u"available"_s,
    u"location"_s,
    u"location_lot"_s,
    u"holds"_s,
    u"lfd_terminal"_s,
    u"lfd_line"_s,
    u"lfd"_s,
    u"demurrage_amount"_s,
    u"outgated_at"_s,
    u"outgate_trucker"_s,
    u"chassis_number"_s,
    u"empty_returned_at"_s,
    u"pickup_appointment_at"_s,
    u"size_length"_s,
    u"size_height"_s,
    u"size_iso_code"_s,
    u"gross_weight"_s,
    u"hazardous"_s,
    u"line_scac"_s,
    u"not_found"_s,
    u"updated_at"_s,
};

QString upsertSnapshotSql()
{
    QStringList updates;
    for (const QString &column : snapshotColumns.mid(1))
        updates.append(column % u" = excluded."_s % column);
    return u"INSERT INTO snapshots ("_s % snapshotColumns.join(u", "_s) % u") VALUES ("_s %
           placeholders(snapshotColumns.size()) % u") ON CONFLICT (container_id) DO UPDATE SET "_s %
           updates.join(u", "_s);
}

// Values in snapshotColumns order.
QVariantList snapshotValues(qint64 containerId, const ContainerSnapshot &s, const QVariant &now)
{
    return {containerId,
            containerStatusName(s.status),
            textValue(s.vesselName),
            textValue(s.voyage),
            timeValue(s.vesselEta),
            timeValue(s.vesselAta),
            timeValue(s.dischargedAt),
            boolValue(s.available),
            textValue(s.location),
            textValue(s.locationLot),
            holdsValue(s.holds),
            dateValue(s.lfdTerminal),
            dateValue(s.lfdLine),
            dateValue(s.lfd()), // stored so the lfd column can be sorted and filtered in SQL
            doubleValue(s.demurrageAmount),
            timeValue(s.outgatedAt),
            textValue(s.outgateTrucker),
            textValue(s.chassisNumber),
            timeValue(s.emptyReturnedAt),
            timeValue(s.pickupAppointmentAt),
            textValue(s.sizeType.length),
            textValue(s.sizeType.height),
            textValue(s.sizeType.isoCode),
            doubleValue(s.grossWeight),
            boolValue(s.hazardous),
            textValue(s.lineScac),
            s.notFound ? 1 : 0,
            now};
}

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}
} // namespace

// A write transaction that rolls back unless committed, so every early error return is safe. SQLite
// takes the write lock up front (BEGIN IMMEDIATE) so that two writers wait on busy_timeout instead of
// failing on a lock upgrade halfway through.
namespace {
class TransactionGuard
{
public:
    TransactionGuard(const QSqlDatabase &database, Store::Backend backend, const QString &location)
        : m_database(database), m_backend(backend), m_location(location)
    {}
    ~TransactionGuard()
    {
        if (m_active)
            rollback();
    }
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    Result<void> begin()
    {
        QSqlQuery query(m_database);
        if (!query.exec(m_backend == Store::Backend::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s))
            return storageError(u"Cannot start a write transaction on "_s % m_location, query.lastError());
        m_active = true;
        return {};
    }
    Result<void> commit()
    {
        QSqlQuery query(m_database);
        if (query.exec(u"COMMIT"_s)) {
            m_active = false;
            return {};
        }
        return storageError(u"Cannot commit the transaction on "_s % m_location, query.lastError());
    }

private:
    void rollback()
    {
        m_active = false;
        QSqlQuery query(m_database);
        if (!query.exec(u"ROLLBACK"_s))
            qCWarning(lcStore) << "rollback failed:" << query.lastError().text();
    }

    QSqlDatabase m_database;
    Store::Backend m_backend;
    QString m_location;
    bool m_active = false;
};
} // namespace

struct Store::Private
{
    QSqlDatabase db;
    QString connectionName;
    QString displayLocation; // never contains a password
    Backend backend = Backend::Sqlite;
    int schemaVersion = 0;

    Result<void> openSqlite(const QString &path);
    Result<void> openPostgres(const QString &location);

    // Runs one statement; what names the operation in the error message.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &what);
    Error failed(const QString &what, const QSqlQuery &query);
    TransactionGuard transaction() const { return TransactionGuard(db, backend, displayLocation); }
    Result<void> ensureEntity(const QString &entity);
    // (id, active) of the entry with the same entity, number and provider, if there is one.
    Result<std::optional<std::pair<qint64, bool>>> findEntry(const WatchEntry &entry);
    Result<void> reactivateEntry(qint64 id, const WatchEntry &entry);
    Result<AddOutcome> insertEntry(const WatchEntry &entry);
    Result<int> upsertContainers(const QList<WatchEntry> &entries); // batch add, portable path
    Result<QList<WatchEntry>> selectEntries(const QString &tail, const QVariantList &values, const QString &what);
    // The statements of a trace batch, prepared once per transaction rather than once per container.
    struct TraceStatements
    {
        QSqlQuery snapshotUpsert;
        QSqlQuery eventInsert;
    };
    Result<int> writeOne(const TraceWrite &write, TraceStatements &statements, const QVariant &now);
    Result<QList<qint64>> selectClaimable(const ClaimRequest &request);
};

Result<QSqlQuery> Store::Private::run(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values.at(i));
        ok = query.exec();
    }
    if (!ok)
        return failed(what, query);
    return query;
}

// PostgreSQL refuses every command in a failed transaction, including freeing the prepared statements
// of queries still alive in the caller; so end it right away. The caller's TransactionGuard then
// rolls back nothing, which PostgreSQL answers with a notice only.
Error Store::Private::failed(const QString &what, const QSqlQuery &query)
{
    Error error = storageError(what, query.lastError());
    if (backend == Backend::Postgres) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
    }
    return error;
}

Result<void> Store::Private::ensureEntity(const QString &entity)
{
    auto done = run(u"INSERT INTO entities (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"_s,
                    {entity, timeValue(QDateTime::currentDateTimeUtc())}, u"Cannot record entity "_s % entity);
    return done ? Result<void>() : Result<void>(done.error());
}

Result<QList<WatchEntry>> Store::Private::selectEntries(const QString &tail, const QVariantList &values,
                                                        const QString &what)
{
    auto query = run(u"SELECT "_s % entryColumns %
                         u" FROM containers c LEFT JOIN snapshots s ON s.container_id = c.id "_s % tail,
                     values, what);
    if (!query)
        return query.error();
    QList<WatchEntry> entries;
    while (query->next())
        entries.append(readEntry(query.value()));
    return entries;
}

Result<void> Store::Private::openSqlite(const QString &path)
{
    const QFileInfo info(path);
    displayLocation = info.absoluteFilePath();
    const QString prefix = u"Cannot open the database at "_s % displayLocation;
    if (info.isDir())
        return makeError(ErrorKind::Storage, prefix % u": it is a folder, not a file"_s);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder) && !QDir().mkpath(folder)) {
        return makeError(ErrorKind::Storage,
                         prefix % u": the folder "_s % folder % u" does not exist and cannot be created"_s);
    }
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(info.absoluteFilePath());
    if (!db.open())
        return storageError(prefix, db.lastError());
    // A 64 MiB page cache keeps the events' dedupe-key index in memory as it grows into the millions;
    // with SQLite's 2 MiB default, ingestion slowed to well under 100,000 events/s past 500,000 rows.
    const QStringList pragmas{u"PRAGMA busy_timeout = 10000"_s, u"PRAGMA journal_mode = WAL"_s,
                              u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = NORMAL"_s,
                              u"PRAGMA cache_size = -65536"_s};
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return storageError(prefix, query.lastError());
        if (pragma.contains(u"journal_mode"_s) && query.next() &&
            query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            qCWarning(lcStore) << "SQLite refused WAL mode for" << displayLocation << "- using"
                               << query.value(0).toString();
        }
    }
    return {};
}

Result<void> Store::Private::openPostgres(const QString &location)
{
    const QUrl url(location, QUrl::StrictMode);
    displayLocation = url.toDisplayString(QUrl::RemovePassword);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || database.isEmpty() || database.contains(u'/')) {
        return makeError(ErrorKind::InvalidInput, u"Not a valid PostgreSQL location: "_s % displayLocation %
                                                      u" (expected postgresql://user[:password]@host[:port]/dbname)"_s);
    }
    backend = Backend::Postgres;
    db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    if (!db.isValid())
        return makeError(ErrorKind::Storage, u"Cannot open "_s % displayLocation %
                                                 u": the Qt PostgreSQL driver (QPSQL) is not installed"_s);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(database);
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        options.append(key % u'=' % value);
    if (!QUrlQuery(url).hasQueryItem(u"connect_timeout"_s))
        options.append(u"connect_timeout=10"_s);
    db.setConnectOptions(options.join(u';'));
    const QString prefix = u"Cannot open the PostgreSQL database at "_s % displayLocation;
    if (!db.open())
        return storageError(prefix, db.lastError());
    QSqlQuery query(db);
    if (!query.exec(u"SET client_min_messages = error"_s))
        return storageError(prefix, query.lastError());
    return {};
}

Store::Store() : d(std::make_unique<Private>()) {}

Store::~Store()
{
    const QString name = d->connectionName;
    if (d->db.isValid())
        d->db.close();
    d->db = QSqlDatabase();
    if (!name.isEmpty() && QSqlDatabase::contains(name))
        QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<Store>> Store::open(const QString &location)
{
    if (location.trimmed().isEmpty())
        return makeError(ErrorKind::InvalidInput, u"No database location given"_s);
    std::unique_ptr<Store> store(new Store);
    store->d->connectionName = u"quaywatch-store-%1"_s.arg(++connectionCounter);
    Result<void> opened = isPostgresUrl(location) ? store->d->openPostgres(location) : store->d->openSqlite(location);
    if (!opened)
        return opened.error();
    const Result<int> version = Migrations::apply(store->d->db, store->d->backend);
    if (!version) {
        return makeError(version.error().kind, u"Cannot prepare the database at "_s % store->d->displayLocation %
                                                   u": "_s % version.error().message);
    }
    store->d->schemaVersion = version.value();
    qCDebug(lcStore) << "opened" << store->d->displayLocation << "schema version" << version.value();
    return store;
}

QString Store::defaultLocation()
{
    const QString fromEnvironment = qEnvironmentVariable("QUAYWATCH_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder % u"/quaywatch.sqlite"_s;
}

Store::Backend Store::backend() const
{
    return d->backend;
}

int Store::schemaVersion() const
{
    return d->schemaVersion;
}

QSqlDatabase Store::database() const
{
    return d->db;
}

namespace {
// An entry with the stamps addContainer promises: added now, expiring after the trace window, due now.
WatchEntry stampedEntry(const WatchEntry &entry)
{
    WatchEntry stamped = entry;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!stamped.addedAt.isValid())
        stamped.addedAt = now;
    if (!stamped.expiresAt.isValid())
        stamped.expiresAt = stamped.addedAt.addDays(WatchEntry::traceWindowDays);
    if (!stamped.nextTraceAt.isValid())
        stamped.nextTraceAt = now;
    return stamped;
}
} // namespace

Result<std::optional<std::pair<qint64, bool>>> Store::Private::findEntry(const WatchEntry &entry)
{
    auto query = run(u"SELECT id, trace_state FROM containers WHERE entity = ? AND container_number = ? AND "
                     "provider = ?"_s,
                     {entry.entity, entry.containerNumber, entry.provider},
                     u"Cannot look up container "_s % entry.containerNumber);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<std::pair<qint64, bool>>();
    return std::optional<std::pair<qint64, bool>>(
        {query->value(0).toLongLong(), query->value(1).toString() == traceStateName(TraceState::Active)});
}

Result<void> Store::Private::reactivateEntry(qint64 id, const WatchEntry &entry)
{
    auto updated =
        run(u"UPDATE containers SET trace_state = 'active', site = ?, provider_data = ?, "
            "reference = COALESCE(?, reference), bill_of_lading = ?, booking = ?, normalize = ?, added_at = ?, "
            "expires_at = ?, next_trace_at = ?, last_error = NULL, claimed_by = NULL, claimed_until = NULL "
            "WHERE id = ?"_s,
            {textValue(entry.site), jsonValue(entry.providerData), textValue(entry.reference),
             textValue(entry.billOfLading), textValue(entry.booking), entry.normalize ? 1 : 0, timeValue(entry.addedAt),
             timeValue(entry.expiresAt), timeValue(entry.nextTraceAt), id},
            u"Cannot add container "_s % entry.containerNumber % u" again"_s);
    return updated ? Result<void>() : Result<void>(updated.error());
}

Result<AddOutcome> Store::Private::insertEntry(const WatchEntry &entry)
{
    const QString what = u"Cannot add container "_s % entry.containerNumber;
    auto inserted = run(
        u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
        "bill_of_lading, booking, added_at, expires_at, trace_state, normalize, last_traced_at, next_trace_at, "
        "last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, container_number, provider) DO NOTHING"_s,
        {entry.entity, entry.containerNumber, entry.provider, textValue(entry.site), jsonValue(entry.providerData),
         textValue(entry.reference), textValue(entry.billOfLading), textValue(entry.booking), timeValue(entry.addedAt),
         timeValue(entry.expiresAt), traceStateName(entry.traceState), entry.normalize ? 1 : 0,
         timeValue(entry.lastTracedAt), timeValue(entry.nextTraceAt), textValue(entry.lastError)},
        what);
    if (!inserted)
        return inserted.error();
    AddOutcome outcome;
    // Zero rows: another process added it between our look-up and this insert.
    outcome.created = inserted->numRowsAffected() > 0;
    inserted->finish();
    auto found = findEntry(entry);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorKind::Storage, what % u": the new row cannot be read back"_s);
    outcome.id = found->value().first;
    return outcome;
}

Result<AddOutcome> Store::addContainer(const WatchEntry &entry)
{
    if (entry.containerNumber.isEmpty() || entry.entity.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"A container number and an entity are required"_s);
    if (entry.reference.size() > WatchEntry::maxReferenceLength) {
        return makeError(ErrorKind::InvalidInput,
                         u"The reference of %1 is longer than %2 characters"_s.arg(entry.containerNumber)
                             .arg(WatchEntry::maxReferenceLength));
    }
    const WatchEntry stamped = stampedEntry(entry);
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto entity = d->ensureEntity(entry.entity); !entity)
        return entity.error();
    auto existing = d->findEntry(stamped);
    if (!existing)
        return existing.error();
    Result<AddOutcome> outcome = AddOutcome();
    if (!existing->has_value()) {
        outcome = d->insertEntry(stamped);
    } else if (const auto [id, active] = existing->value(); active) {
        outcome = AddOutcome{id, false}; // already watched: nothing changes
    } else if (auto reactivated = d->reactivateEntry(id, stamped); reactivated) {
        outcome = AddOutcome{id, true};
    } else {
        outcome = reactivated.error();
    }
    if (!outcome)
        return outcome;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

Result<int> Store::cancelContainers(const QString &entity, const QStringList &numbers)
{
    if (numbers.isEmpty())
        return 0;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    int cancelled = 0;
    for (qsizetype start = 0; start < numbers.size(); start += maxInListSize) {
        const QStringList chunk = numbers.mid(start, maxInListSize);
        QVariantList values{entity};
        for (const QString &number : chunk)
            values.append(number);
        auto query = d->run(u"UPDATE containers SET trace_state = 'cancelled', next_trace_at = NULL, "
                            "claimed_by = NULL, claimed_until = NULL WHERE entity = ? AND trace_state = 'active' "
                            "AND container_number IN ("_s %
                                placeholders(chunk.size()) % u")"_s,
                            values, u"Cannot cancel containers"_s);
        if (!query)
            return query.error();
        cancelled += query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return cancelled;
}

Result<void> Store::setReference(const QString &entity, const QString &number, const QString &reference)
{
    if (reference.size() > WatchEntry::maxReferenceLength) {
        return makeError(ErrorKind::InvalidInput, u"A reference can have at most %1 characters; this one has %2"_s
                                                      .arg(WatchEntry::maxReferenceLength)
                                                      .arg(reference.size()));
    }
    const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addDays(WatchEntry::traceWindowDays);
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto query = d->run(u"UPDATE containers SET reference = ?, expires_at = ? WHERE entity = ? AND "
                        "container_number = ?"_s,
                        {textValue(reference), timeValue(expiresAt), entity, number},
                        u"Cannot set the reference of "_s % number);
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0) {
        return makeError(ErrorKind::NotFound,
                         u"Container "_s % number % u" is not on the watchlist of entity "_s % entity);
    }
    return transaction.commit();
}

Result<QList<WatchEntry>> Store::containers(const QString &entity, const ContainerQuery &query)
{
    QString where = u"WHERE c.entity = ?"_s;
    QVariantList values{entity};
    if (query.traceState) {
        where += u" AND c.trace_state = ?"_s;
        values.append(traceStateName(*query.traceState));
    }
    if (!query.provider.isEmpty()) {
        where += u" AND c.provider = ?"_s;
        values.append(query.provider);
    }
    if (!query.numbers.isEmpty()) {
        // Long lists are filtered in memory rather than with thousands of parameters.
        if (query.numbers.size() <= maxInListSize) {
            where += u" AND c.container_number IN ("_s % placeholders(query.numbers.size()) % u")"_s;
            for (const QString &number : query.numbers)
                values.append(number);
        }
    }
    auto entries = d->selectEntries(where % u" ORDER BY c.container_number, c.provider, c.id"_s, values,
                                    u"Cannot list the watchlist"_s);
    if (!entries || query.numbers.size() <= maxInListSize)
        return entries;
    const QSet<QString> wanted(query.numbers.cbegin(), query.numbers.cend());
    QList<WatchEntry> filtered;
    for (WatchEntry &entry : entries.value()) {
        if (wanted.contains(entry.containerNumber))
            filtered.append(std::move(entry));
    }
    return filtered;
}

Result<std::optional<WatchEntry>> Store::container(const QString &entity, const QString &number)
{
    // The active entry wins when the number is watched through several providers.
    auto entries = d->selectEntries(u"WHERE c.entity = ? AND c.container_number = ? ORDER BY CASE WHEN "
                                    "c.trace_state = 'active' THEN 0 ELSE 1 END, c.id DESC LIMIT 1"_s,
                                    {entity, number}, u"Cannot read container "_s % number);
    if (!entries)
        return entries.error();
    return entries->isEmpty() ? std::nullopt : std::optional<WatchEntry>(entries->constFirst());
}

Result<std::optional<WatchEntry>> Store::containerById(qint64 id)
{
    auto entries = d->selectEntries(u"WHERE c.id = ?"_s, {id}, u"Cannot read container %1"_s.arg(id));
    if (!entries)
        return entries.error();
    return entries->isEmpty() ? std::nullopt : std::optional<WatchEntry>(entries->constFirst());
}

Result<QList<Event>> Store::events(qint64 containerId)
{
    auto query = d->run(u"SELECT "_s % eventColumns %
                            u" FROM events WHERE container_id = ? ORDER BY COALESCE(occurred_at, observed_at), id"_s,
                        {containerId}, u"Cannot read the events of container %1"_s.arg(containerId));
    if (!query)
        return query.error();
    QList<Event> events;
    while (query->next())
        events.append(readEvent(query.value()));
    return events;
}

Result<qint64> Store::eventCount(const QString &entity)
{
    auto query = entity.isEmpty() ? d->run(u"SELECT COUNT(*) FROM events"_s, {}, u"Cannot count events"_s)
                                  : d->run(u"SELECT COUNT(*) FROM events e JOIN containers c ON c.id = e.container_id "
                                           "WHERE c.entity = ?"_s,
                                           {entity}, u"Cannot count events"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QList<qint64>> Store::Private::selectClaimable(const ClaimRequest &request)
{
    QString sql = u"SELECT id FROM containers WHERE (claimed_until IS NULL OR claimed_until < ?)"_s;
    QVariantList values{timeValue(request.now)};
    if (!request.entity.isEmpty()) {
        sql += u" AND entity = ?"_s;
        values.append(request.entity);
    }
    if (!request.providers.isEmpty()) {
        sql += u" AND provider IN ("_s % placeholders(request.providers.size()) % u")"_s;
        for (const QString &provider : request.providers)
            values.append(provider);
    }
    if (!request.forceNumbers.isEmpty()) {
        // One parameter per number: a forced trace names a handful, at most a few thousand.
        sql += u" AND trace_state <> 'cancelled' AND container_number IN ("_s %
               placeholders(request.forceNumbers.size()) % u")"_s;
        for (const QString &number : request.forceNumbers)
            values.append(number);
    } else if (request.allActive) {
        sql += u" AND trace_state = 'active'"_s;
        if (request.tracedBefore.isValid()) {
            sql += u" AND (last_traced_at IS NULL OR last_traced_at < ?)"_s;
            values.append(timeValue(request.tracedBefore));
        }
    } else {
        sql += u" AND trace_state = 'active' AND next_trace_at <= ?"_s;
        values.append(timeValue(request.now));
    }
    sql += u" ORDER BY (next_trace_at IS NULL), next_trace_at, id LIMIT ?"_s;
    values.append(request.limit);
    if (backend == Backend::Postgres)
        sql += u" FOR UPDATE SKIP LOCKED"_s;
    auto query = run(sql, values, u"Cannot select the containers due for tracing"_s);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Result<QList<WatchEntry>> Store::claimDue(const ClaimRequest &request)
{
    if (request.limit <= 0)
        return QList<WatchEntry>();
    const QDateTime now = request.now.isValid() ? request.now : QDateTime::currentDateTimeUtc();
    ClaimRequest effective = request;
    effective.now = now;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto ids = d->selectClaimable(effective);
    if (!ids)
        return ids.error();
    if (ids->isEmpty()) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return QList<WatchEntry>();
    }
    const QString list = idList(ids.value());
    auto claimed = d->run(u"UPDATE containers SET claimed_by = ?, claimed_until = ? WHERE id IN ("_s % list % u")"_s,
                          {textValue(request.worker), timeValue(now.addSecs(request.leaseSeconds))},
                          u"Cannot claim the containers due for tracing"_s);
    if (!claimed)
        return claimed.error();
    claimed->finish();
    auto entries =
        d->selectEntries(u"WHERE c.id IN ("_s % list % u") ORDER BY (c.next_trace_at IS NULL), c.next_trace_at, c.id"_s,
                         {}, u"Cannot read the claimed containers"_s);
    if (!entries)
        return entries.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entries;
}

Result<int> Store::Private::writeOne(const TraceWrite &write, TraceStatements &statements, const QVariant &now)
{
    const QString what = u"Cannot write the trace results of container %1"_s.arg(write.containerId);
    if (write.snapshot) {
        const QVariantList values = snapshotValues(write.containerId, *write.snapshot, now);
        for (qsizetype i = 0; i < values.size(); ++i)
            statements.snapshotUpsert.bindValue(int(i), values.at(i));
        if (!statements.snapshotUpsert.exec())
            return failed(what, statements.snapshotUpsert);
    }
    QSqlQuery &eventInsert = statements.eventInsert;
    int inserted = 0;
    for (const Event &event : write.newEvents) {
        bindEvent(eventInsert, event, event.containerId != 0 ? event.containerId : write.containerId, now);
        if (!eventInsert.exec())
            return failed(what % u" (event "_s % event.dedupeKey % u")"_s, eventInsert);
        inserted += std::max(0, eventInsert.numRowsAffected()); // 0 when the dedupe key was already stored
    }
    QString sql = u"UPDATE containers SET last_traced_at = ?, next_trace_at = ?, last_error = ?, "
                  "claimed_by = NULL, claimed_until = NULL"_s;
    QVariantList values{timeValue(write.tracedAt), timeValue(write.nextTraceAt), textValue(write.lastError)};
    if (write.traceState) {
        sql += u", trace_state = ?"_s;
        values.append(traceStateName(*write.traceState));
    }
    sql += u" WHERE id = ?"_s;
    values.append(write.containerId);
    auto updated = run(sql, values, what);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return makeError(ErrorKind::Storage, what % u": there is no such container"_s);
    return inserted;
}

Result<int> Store::writeTraceResults(const QList<TraceWrite> &writes)
{
    if (writes.isEmpty())
        return 0;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Private::TraceStatements statements{QSqlQuery(d->db), QSqlQuery(d->db)};
    if (!statements.snapshotUpsert.prepare(upsertSnapshotSql()))
        return storageError(u"Cannot prepare the snapshot update"_s, statements.snapshotUpsert.lastError());
    if (!statements.eventInsert.prepare(insertEventSql))
        return storageError(u"Cannot prepare the event insert"_s, statements.eventInsert.lastError());
    const QVariant now = timeValue(QDateTime::currentDateTimeUtc());
    int inserted = 0;
    for (const TraceWrite &write : writes) {
        const Result<int> written = d->writeOne(write, statements, now);
        if (!written)
            return written.error();
        inserted += written.value();
    }
    statements.snapshotUpsert.finish();
    statements.eventInsert.finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return inserted;
}

#ifdef QUAYWATCH_SQLITE_DIRECT
namespace {
// Bulk ingestion straight on the sqlite3 handle QtSql opened (same library, same connection, same
// transaction): QtSql's per-value binding costs about as much as SQLite's insert itself, and
// ingestion has to reach 100,000 events/s (SPEC section 11). Enabled where core links SQLite.
Result<int> insertEventsDirect(const QSqlDatabase &database, const QList<Event> &events)
{
    Result<SqliteStatement> statement = SqliteStatement::prepare(database, insertEventSql, u"the event insert"_s);
    if (!statement)
        return statement.error();
    const QString now = timeText(QDateTime::currentDateTimeUtc());
    int inserted = 0;
    for (const Event &event : events) {
        // The locals keep the bound text alive until the step (SQLITE_STATIC binds without copying).
        const QString occurredAt = timeText(event.occurredAt);
        const QString observedAt = event.observedAt.isValid() ? timeText(event.observedAt) : now;
        const QByteArray data =
            event.data.isEmpty() ? QByteArray() : QJsonDocument(event.data).toJson(QJsonDocument::Compact);
        const QByteArray raw =
            event.raw.isEmpty() ? QByteArray() : QJsonDocument(event.raw).toJson(QJsonDocument::Compact);
        statement->bindInt64(1, event.containerId);
        statement->bindText(2, cachedEventCodeName(event.code));
        statement->bindText(3, event.providerCode);
        statement->bindText(4, occurredAt);
        statement->bindText(5, observedAt);
        statement->bindText(6, event.location.name);
        statement->bindText(7, event.location.type);
        statement->bindText(8, event.location.lot);
        statement->bindUtf8(9, data);
        statement->bindText(10, event.source);
        statement->bindText(11, event.dedupeKey);
        statement->bindUtf8(12, raw);
        const Result<int> changed = statement->step(u"Cannot insert event "_s % event.dedupeKey);
        if (!changed)
            return changed.error();
        inserted += changed.value();
    }
    return inserted;
}
} // namespace
#endif

Result<int> Store::insertEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return 0;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
#ifdef QUAYWATCH_SQLITE_DIRECT
    if (d->backend == Backend::Sqlite) {
        const Result<int> inserted = insertEventsDirect(d->db, events);
        if (!inserted)
            return inserted; // the guard rolls back
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return inserted;
    }
#endif
    QSqlQuery query(d->db);
    if (!query.prepare(insertEventSql))
        return storageError(u"Cannot prepare the event insert"_s, query.lastError());
    const QVariant now = timeValue(QDateTime::currentDateTimeUtc());
    int inserted = 0;
    for (const Event &event : events) {
        bindEvent(query, event, event.containerId, now);
        if (!query.exec())
            return d->failed(u"Cannot insert event "_s % event.dedupeKey, query);
        inserted += query.numRowsAffected();
    }
    query.finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return inserted;
}

Result<void> Store::saveConnection(const ConnectionRecord &connection)
{
    if (connection.entity.isEmpty() || connection.provider.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"A connection needs an entity and a provider"_s);
    const QString what = u"Cannot save the "_s % connection.provider % u" connection"_s;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto entity = d->ensureEntity(connection.entity); !entity)
        return entity;
    const QVariant secretFields =
        connection.savedSecretFields.isEmpty()
            ? nullText()
            : QVariant(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(connection.savedSecretFields))
                                             .toJson(QJsonDocument::Compact)));
    auto saved = d->run(
        u"INSERT INTO connections (entity, provider, fields, saved_secret_fields, environment, base_url, status, "
        "last_error, connected_at, last_verified_at, last_sync_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, provider) DO UPDATE SET fields = excluded.fields, "
        "saved_secret_fields = excluded.saved_secret_fields, environment = excluded.environment, "
        "base_url = excluded.base_url, status = excluded.status, last_error = excluded.last_error, "
        "connected_at = excluded.connected_at, last_verified_at = excluded.last_verified_at, "
        "last_sync_at = excluded.last_sync_at"_s,
        {connection.entity, connection.provider, jsonValue(connection.fields), secretFields,
         textValue(connection.environment), textValue(connection.baseUrl), connection.status,
         textValue(connection.lastError), timeValue(connection.connectedAt), timeValue(connection.lastVerifiedAt),
         timeValue(connection.lastSyncAt)},
        what);
    if (!saved)
        return saved.error();
    saved->finish();
    return transaction.commit();
}

namespace {
const QString connectionColumns = u"entity, provider, fields, saved_secret_fields, environment, base_url, status, "
                                  "last_error, connected_at, last_verified_at, last_sync_at"_s;

ConnectionRecord readConnection(const QSqlQuery &query)
{
    ConnectionRecord c;
    int i = 0;
    c.entity = query.value(i++).toString();
    c.provider = query.value(i++).toString();
    c.fields = jsonFromValue(query.value(i++));
    const QVariant secretFields = query.value(i++);
    if (!secretFields.isNull()) {
        const QJsonArray names = QJsonDocument::fromJson(secretFields.toString().toUtf8()).array();
        for (const QJsonValue &name : names)
            c.savedSecretFields.append(name.toString());
    }
    c.environment = query.value(i++).toString();
    c.baseUrl = query.value(i++).toString();
    c.status = query.value(i++).toString();
    c.lastError = query.value(i++).toString();
    c.connectedAt = timeFromValue(query.value(i++));
    c.lastVerifiedAt = timeFromValue(query.value(i++));
    c.lastSyncAt = timeFromValue(query.value(i++));
    return c;
}
} // namespace

Result<std::optional<ConnectionRecord>> Store::connection(const QString &entity, const QString &provider)
{
    auto query = d->run(u"SELECT "_s % connectionColumns % u" FROM connections WHERE entity = ? AND provider = ?"_s,
                        {entity, provider}, u"Cannot read the "_s % provider % u" connection"_s);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ConnectionRecord>();
    return std::optional<ConnectionRecord>(readConnection(query.value()));
}

Result<QList<ConnectionRecord>> Store::connections(const QString &entity)
{
    auto query = d->run(u"SELECT "_s % connectionColumns % u" FROM connections WHERE entity = ? ORDER BY provider"_s,
                        {entity}, u"Cannot list the connections"_s);
    if (!query)
        return query.error();
    QList<ConnectionRecord> records;
    while (query->next())
        records.append(readConnection(query.value()));
    return records;
}

Result<void> Store::removeConnection(const QString &entity, const QString &provider)
{
    // Only the connection row goes; the containers and events it produced stay (SPEC section 3).
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto removed = d->run(u"DELETE FROM connections WHERE entity = ? AND provider = ?"_s, {entity, provider},
                          u"Cannot remove the "_s % provider % u" connection"_s);
    if (!removed)
        return removed.error();
    return transaction.commit();
}

Result<void> Store::appendAudit(const AuditEntry &entry)
{
    if (entry.action.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"An audit entry needs an action"_s);
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto appended = d->run(
        u"INSERT INTO audit_log (at, os_user, entity, provider, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {timeValue(entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()),
         entry.user.isEmpty() ? AuditEntry::currentOsUser() : entry.user, textValue(entry.entity),
         textValue(entry.provider), entry.action, textValue(entry.outcome), textValue(entry.detail)},
        u"Cannot write the audit log"_s);
    if (!appended)
        return appended.error();
    return transaction.commit();
}

Result<QList<AuditEntry>> Store::auditEntries(const QString &entity)
{
    const QString columns = u"SELECT id, at, os_user, entity, provider, action, outcome, detail FROM audit_log"_s;
    auto query = entity.isEmpty() ? d->run(columns % u" ORDER BY at, id"_s, {}, u"Cannot read the audit log"_s)
                                  : d->run(columns % u" WHERE entity = ? ORDER BY at, id"_s, {entity},
                                           u"Cannot read the audit log"_s);
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.at = timeFromValue(query->value(1));
        entry.user = query->value(2).toString();
        entry.entity = query->value(3).toString();
        entry.provider = query->value(4).toString();
        entry.action = query->value(5).toString();
        entry.outcome = query->value(6).toString();
        entry.detail = query->value(7).toString();
        entries.append(entry);
    }
    return entries;
}

// ---- Batch add (spreadsheet import) -------------------------------------------------------------

namespace {
// A new row is inserted, a cancelled or expired one becomes active again (as addContainer does), an
// active one is left alone; the affected-row count tells which. rows: how many VALUES groups.
QString upsertContainersSql(int rows)
{
    QString sql = u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                  "bill_of_lading, booking, added_at, expires_at, trace_state, normalize, next_trace_at) VALUES "_s;
    for (int row = 0; row < rows; ++row)
        sql += (row == 0 ? u""_s : u", "_s) + u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)"_s;
    return sql +
           u" ON CONFLICT (entity, container_number, provider) DO UPDATE SET trace_state = 'active', "
           "site = excluded.site, provider_data = excluded.provider_data, "
           "reference = COALESCE(excluded.reference, containers.reference), bill_of_lading = excluded.bill_of_lading, "
           "booking = excluded.booking, normalize = excluded.normalize, added_at = excluded.added_at, "
           "expires_at = excluded.expires_at, next_trace_at = excluded.next_trace_at, last_error = NULL, "
           "claimed_by = NULL, claimed_until = NULL WHERE containers.trace_state <> 'active'"_s;
}
const QString upsertContainerSql = upsertContainersSql(1);

Result<void> checkBatchEntry(const WatchEntry &entry)
{
    if (entry.containerNumber.isEmpty() || entry.entity.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"A container number and an entity are required"_s);
    if (entry.reference.size() > WatchEntry::maxReferenceLength) {
        return makeError(ErrorKind::InvalidInput,
                         u"The reference of %1 is longer than %2 characters"_s.arg(entry.containerNumber)
                             .arg(WatchEntry::maxReferenceLength));
    }
    return {};
}

#ifdef QUAYWATCH_SQLITE_DIRECT
// The SQLite path of a large import (SPEC section 11: 100,000 rows within 2x of `sqlite3 .import`).
// Rows go in ordered by the unique key, so the unique index grows at its right edge in full pages
// instead of splitting pages all over; many rows share one statement, so SQLite opens its cursors
// once per statement instead of once per row; text is bound as UTF-8, which SQLite stores as is.
constexpr int rowsPerStatement = 64;
constexpr int valuesPerRow = 12;

Result<int> upsertContainersDirect(const QSqlDatabase &database, const QList<WatchEntry> &entries)
{
    Result<SqliteStatement> many =
        SqliteStatement::prepare(database, upsertContainersSql(rowsPerStatement), u"the container insert"_s);
    if (!many)
        return many.error();
    Result<SqliteStatement> one = SqliteStatement::prepare(database, upsertContainerSql, u"the container insert"_s);
    if (!one)
        return one.error();

    QList<qsizetype> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    const WatchEntry &front = entries.constFirst();
    const bool oneEntityAndProvider = std::all_of(entries.cbegin(), entries.cend(), [&front](const WatchEntry &e) {
        return e.entity == front.entity && e.provider == front.provider;
    });
    if (oneEntityAndProvider) { // the usual file: the number alone orders the key
        std::stable_sort(order.begin(), order.end(), [&entries](qsizetype a, qsizetype b) {
            return entries.at(a).containerNumber < entries.at(b).containerNumber;
        });
    } else {
        std::stable_sort(order.begin(), order.end(), [&entries](qsizetype a, qsizetype b) {
            const WatchEntry &x = entries.at(a);
            const WatchEntry &y = entries.at(b);
            return std::tie(x.entity, x.containerNumber, x.provider) <
                   std::tie(y.entity, y.containerNumber, y.provider);
        });
    }

    // A file's rows share their stamps (now) and mostly their provider data: encode them once.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray nowText = timeText(now).toLatin1();
    const QByteArray expiresText = timeText(now.addDays(WatchEntry::traceWindowDays)).toLatin1();
    constexpr qsizetype stampUnits = 3 * 24;
    QJsonObject lastData;
    QByteArray lastJson;
    QList<QByteArray> jsonInUse; // keeps every JSON text bound to the current statement alive
    Utf8Buffer text;
    int changed = 0;
    for (qsizetype first = 0; first < order.size();) {
        const qsizetype rows = order.size() - first >= rowsPerStatement ? rowsPerStatement : 1;
        SqliteStatement &statement = rows == 1 ? one.value() : many.value();
        qsizetype units = 0;
        for (qsizetype r = 0; r < rows; ++r) {
            const WatchEntry &entry = entries.at(order.at(first + r));
            units += entry.entity.size() + entry.containerNumber.size() + entry.provider.size() + entry.site.size() +
                     entry.reference.size() + entry.billOfLading.size() + entry.booking.size() + stampUnits;
        }
        text.reset(units);
        jsonInUse.clear();
        for (qsizetype r = 0; r < rows; ++r) {
            const WatchEntry &entry = entries.at(order.at(first + r));
            if (entry.providerData != lastData || jsonInUse.isEmpty()) {
                if (entry.providerData != lastData) {
                    lastData = entry.providerData;
                    lastJson =
                        lastData.isEmpty() ? QByteArray() : QJsonDocument(lastData).toJson(QJsonDocument::Compact);
                }
                jsonInUse.append(lastJson);
            }
            const auto stamp = [&text](const QDateTime &time, const QByteArray &fallback) {
                return time.isValid() ? text.add(timeText(time)) : QByteArrayView(fallback);
            };
            const QByteArrayView addedAt = stamp(entry.addedAt, nowText);
            const QByteArrayView expiresAt =
                entry.expiresAt.isValid()
                    ? text.add(timeText(entry.expiresAt))
                    : (entry.addedAt.isValid() ? text.add(timeText(entry.addedAt.addDays(WatchEntry::traceWindowDays)))
                                               : QByteArrayView(expiresText));
            const int at = int(r) * valuesPerRow;
            statement.bindUtf8(at + 1, text.add(entry.entity));
            statement.bindUtf8(at + 2, text.add(entry.containerNumber));
            statement.bindUtf8(at + 3, text.add(entry.provider));
            statement.bindUtf8(at + 4, text.add(entry.site));
            statement.bindUtf8(at + 5, QByteArrayView(jsonInUse.last()));
            statement.bindUtf8(at + 6, text.add(entry.reference));
            statement.bindUtf8(at + 7, text.add(entry.billOfLading));
            statement.bindUtf8(at + 8, text.add(entry.booking));
            statement.bindUtf8(at + 9, addedAt);
            statement.bindUtf8(at + 10, expiresAt);
            statement.bindInt64(at + 11, entry.normalize ? 1 : 0);
            statement.bindUtf8(at + 12, stamp(entry.nextTraceAt, nowText));
        }
        const QString &firstNumber = entries.at(order.at(first)).containerNumber;
        const Result<int> stepped =
            statement.step(rows == 1 ? QString(u"Cannot add container "_s % firstNumber)
                                     : QString(u"Cannot add containers "_s % firstNumber % u" to "_s %
                                               entries.at(order.at(first + rows - 1)).containerNumber));
        if (!stepped)
            return stepped.error();
        changed += stepped.value();
        first += rows;
    }
    return changed;
}
#endif
} // namespace

Result<int> Store::Private::upsertContainers(const QList<WatchEntry> &entries)
{
    QSqlQuery query(db);
    if (!query.prepare(upsertContainerSql))
        return storageError(u"Cannot prepare the container insert"_s, query.lastError());
    int changed = 0;
    for (const WatchEntry &original : entries) {
        const WatchEntry entry = stampedEntry(original);
        const QVariantList values{entry.entity,
                                  entry.containerNumber,
                                  entry.provider,
                                  textValue(entry.site),
                                  jsonValue(entry.providerData),
                                  textValue(entry.reference),
                                  textValue(entry.billOfLading),
                                  textValue(entry.booking),
                                  timeValue(entry.addedAt),
                                  timeValue(entry.expiresAt),
                                  entry.normalize ? 1 : 0,
                                  timeValue(entry.nextTraceAt)};
        for (qsizetype v = 0; v < values.size(); ++v)
            query.bindValue(int(v), values.at(v));
        if (!query.exec())
            return failed(u"Cannot add container "_s % entry.containerNumber, query);
        changed += query.numRowsAffected();
    }
    return changed;
}

Result<int> Store::addContainers(const QList<WatchEntry> &entries)
{
    QSet<QString> entities;
    const QString *lastEntity = nullptr; // a file's rows nearly always share one entity
    for (const WatchEntry &entry : entries) {
        if (auto checked = checkBatchEntry(entry); !checked)
            return checked.error();
        if (!lastEntity || entry.entity != *lastEntity) {
            entities.insert(entry.entity);
            lastEntity = &entry.entity;
        }
    }
    if (entries.isEmpty())
        return 0;
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    for (const QString &entity : std::as_const(entities)) {
        if (auto ensured = d->ensureEntity(entity); !ensured)
            return ensured.error();
    }
    Result<int> changed = 0;
#ifdef QUAYWATCH_SQLITE_DIRECT
    if (d->backend == Backend::Sqlite)
        changed = upsertContainersDirect(d->db, entries);
    else
#endif
        changed = d->upsertContainers(entries);
    if (!changed)
        return changed; // the guard rolls back
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}
