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
#include <map>
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

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(storedTimeText(time)) : nullText();
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
    Result<int> upsertContainers(QSqlQuery &query, const ContainerBatch &batch); // portable batch add
    TransactionGuard transaction() const { return TransactionGuard(db, backend, displayLocation); }
    Result<void> ensureEntity(const QString &entity);
    // (id, active) of the entry with the same entity, number and provider, if there is one.
    Result<std::optional<std::pair<qint64, bool>>> findEntry(const WatchEntry &entry);
    Result<void> reactivateEntry(qint64 id, const WatchEntry &entry);
    Result<AddOutcome> insertEntry(const WatchEntry &entry);
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
    // 16 KiB pages (a new file only; an existing one keeps its size): a large import spends a fifth
    // less in SQLite than with 4 KiB pages, having a quarter as many pages to balance, log and copy.
    const QStringList pragmas{u"PRAGMA page_size = 16384"_s,    u"PRAGMA busy_timeout = 10000"_s,
                              u"PRAGMA journal_mode = WAL"_s,   u"PRAGMA foreign_keys = ON"_s,
                              u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA cache_size = -65536"_s};
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
    if (Result<void> checked = ContainerBatch::check(entry); !checked)
        return checked.error();
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
    const QString now = storedTimeText(QDateTime::currentDateTimeUtc());
    int inserted = 0;
    for (const Event &event : events) {
        // The locals keep the bound text alive until the step (SQLITE_STATIC binds without copying).
        const QString occurredAt = storedTimeText(event.occurredAt);
        const QString observedAt = event.observedAt.isValid() ? storedTimeText(event.observedAt) : now;
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
// The values are in ContainerBatch's column order. With shared columns (SQLite only), parameter
// c + 1 holds column c for every row, and row r's own values are parameters after those.
QString upsertContainersSql(int rows, quint32 shared = 0)
{
    QString sql = u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                  "bill_of_lading, booking, added_at, expires_at, trace_state, normalize, next_trace_at) VALUES "_s;
    for (int row = 0; row < rows; ++row) {
        sql += row == 0 ? u"("_s : u", ("_s;
        for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
            if (column > 0)
                sql += u", "_s;
            if (column == ContainerBatch::Normalize)
                sql += u"'active', "_s; // trace_state comes before normalize
            if (shared == 0)
                sql += u'?';
            else if (shared & (1u << column))
                sql += u'?' + QString::number(column + 1);
            else
                sql += u'?' + QString::number((row + 1) * ContainerBatch::ColumnCount + column + 1);
        }
        sql += u')';
    }
    return sql +
           u" ON CONFLICT (entity, container_number, provider) DO UPDATE SET trace_state = 'active', "
           "site = excluded.site, provider_data = excluded.provider_data, "
           "reference = COALESCE(excluded.reference, containers.reference), bill_of_lading = excluded.bill_of_lading, "
           "booking = excluded.booking, normalize = excluded.normalize, added_at = excluded.added_at, "
           "expires_at = excluded.expires_at, next_trace_at = excluded.next_trace_at, last_error = NULL, "
           "claimed_by = NULL, claimed_until = NULL WHERE containers.trace_state <> 'active'"_s;
}
const QString upsertContainerSql = upsertContainersSql(1);

// Turns SQLite's foreign key checks off for the lifetime of this object (on one connection).
class SqliteForeignKeysOff
{
public:
    explicit SqliteForeignKeysOff(const QSqlDatabase &database) : m_database(database) { set(false); }
    ~SqliteForeignKeysOff() { set(true); }
    SqliteForeignKeysOff(const SqliteForeignKeysOff &) = delete;
    SqliteForeignKeysOff &operator=(const SqliteForeignKeysOff &) = delete;

private:
    void set(bool on)
    {
        QSqlQuery query(m_database);
        if (!query.exec(on ? u"PRAGMA foreign_keys = ON"_s : u"PRAGMA foreign_keys = OFF"_s))
            qCWarning(lcStore) << "cannot switch foreign key checks" << (on ? "on:" : "off:")
                               << query.lastError().text();
    }

    QSqlDatabase m_database;
};

#ifdef QUAYWATCH_SQLITE_DIRECT
constexpr int rowsPerStatement = 256;

// The SQLite path of a batch: many rows share one statement, so SQLite opens its cursors once per
// statement instead of once per row; the batch's UTF-8 text is bound as it is, and values every row
// shares are bound once per statement.
class SqliteContainerWriter
{
public:
    static Result<SqliteContainerWriter> open(const QSqlDatabase &database)
    {
        auto one = SqliteStatement::prepare(database, upsertContainerSql, u"the container insert"_s);
        if (!one)
            return one.error();
        return SqliteContainerWriter(database, std::move(one.value()));
    }

    // How many rows were new or became active again.
    Result<int> write(const ContainerBatch &batch)
    {
        const quint32 shared = batch.sharedColumns();
        int changed = 0;
        for (qsizetype first = 0; first < batch.size();) {
            const bool many = batch.size() - first >= rowsPerStatement;
            const qsizetype rows = many ? rowsPerStatement : 1;
            SqliteStatement *statement = &m_one;
            if (many) {
                Result<SqliteStatement *> prepared = manyRowStatement(shared);
                if (!prepared)
                    return prepared.error();
                statement = prepared.value();
                for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
                    if (shared & (1u << column))
                        bind(*statement, column + 1, batch, first, column);
                }
            }
            for (qsizetype r = 0; r < rows; ++r) {
                const int at = many ? int(r + 1) * ContainerBatch::ColumnCount + 1 : 1;
                for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
                    if (!many || !(shared & (1u << column)))
                        bind(*statement, at + column, batch, first + r, column);
                }
            }
            QString failing = u"Cannot add container "_s + batch.text(first, ContainerBatch::ContainerNumber);
            if (rows > 1)
                failing += u" or one of the "_s + QString::number(rows - 1) + u" after it"_s;
            const Result<int> stepped = statement->step(failing);
            if (!stepped)
                return stepped.error();
            changed += stepped.value();
            first += rows;
        }
        return changed;
    }

private:
    SqliteContainerWriter(const QSqlDatabase &database, SqliteStatement one)
        : m_database(database), m_one(std::move(one))
    {}

    static void bind(SqliteStatement &statement, int index, const ContainerBatch &batch, qsizetype row, int column)
    {
        const QByteArrayView value = batch.value(row, ContainerBatch::Column(column));
        if (column == ContainerBatch::Normalize)
            statement.bindInt64(index, value == "1" ? 1 : 0);
        else
            statement.bindUtf8(index, value);
    }

    // One statement per set of shared columns; a file's batches nearly always have the same set.
    Result<SqliteStatement *> manyRowStatement(quint32 shared)
    {
        auto found = m_many.find(shared);
        if (found == m_many.end()) {
            auto prepared = SqliteStatement::prepare(m_database, upsertContainersSql(rowsPerStatement, shared),
                                                     u"the container insert"_s);
            if (!prepared)
                return prepared.error();
            found = m_many.emplace(shared, std::move(prepared.value())).first;
        }
        return &found->second;
    }

    QSqlDatabase m_database;
    SqliteStatement m_one;
    std::map<quint32, SqliteStatement> m_many; // rowsPerStatement rows each
};
#endif
} // namespace

Result<int> Store::Private::upsertContainers(QSqlQuery &query, const ContainerBatch &batch)
{
    int changed = 0;
    for (qsizetype row = 0; row < batch.size(); ++row) {
        for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
            const QByteArrayView value = batch.value(row, ContainerBatch::Column(column));
            if (column == ContainerBatch::Normalize)
                query.bindValue(column, value == "1" ? 1 : 0);
            else
                query.bindValue(column, value.isNull() ? nullText() : QVariant(QString::fromUtf8(value)));
        }
        if (!query.exec())
            return failed(u"Cannot add container "_s + batch.text(row, ContainerBatch::ContainerNumber), query);
        changed += query.numRowsAffected();
    }
    return changed;
}

Result<int> Store::addContainers(const QList<WatchEntry> &entries)
{
    ContainerBatch batch;
    batch.reserve(entries.size());
    for (const WatchEntry &entry : entries) {
        if (auto appended = batch.append(entry); !appended)
            return appended.error();
    }
    if (batch.isEmpty())
        return 0;
    struct OneBatch final : ContainerFeed
    {
        std::optional<ContainerBatch> batch;
        Result<std::optional<ContainerBatch>> next() override { return std::exchange(batch, std::nullopt); }
    } feed;
    feed.batch = std::move(batch);
    return addContainers(feed);
}

Result<int> Store::addContainers(ContainerFeed &feed)
{
    // Every row's entity is made sure of below, inside this transaction and under SQLite's write
    // lock, so SQLite checking the foreign key again for each row proves nothing more; it costs
    // about 6% of a large import. The setting only changes outside a transaction: it goes around it.
    std::optional<SqliteForeignKeysOff> foreignKeysOff;
    if (d->backend == Backend::Sqlite)
        foreignKeysOff.emplace(d->db);
    auto transaction = d->transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(d->db); // the portable path, unless the SQLite one is taken
#ifdef QUAYWATCH_SQLITE_DIRECT
    std::optional<SqliteContainerWriter> direct;
    if (d->backend == Backend::Sqlite) {
        Result<SqliteContainerWriter> opened = SqliteContainerWriter::open(d->db);
        if (!opened)
            return opened.error();
        direct.emplace(std::move(opened.value()));
    }
    if (!direct && !query.prepare(upsertContainerSql))
#else
    if (!query.prepare(upsertContainerSql))
#endif
        return storageError(u"Cannot prepare the container insert"_s, query.lastError());
    QSet<QString> ensured;
    int changed = 0;
    while (true) {
        Result<std::optional<ContainerBatch>> batch = feed.next();
        if (!batch)
            return batch.error(); // the guard rolls back
        if (!batch->has_value())
            break;
        batch->value().finish(); // a no-op when the feed did it on its own thread
        for (const QString &entity : batch->value().entities()) {
            if (ensured.contains(entity))
                continue;
            if (auto made = d->ensureEntity(entity); !made)
                return made.error();
            ensured.insert(entity);
        }
#ifdef QUAYWATCH_SQLITE_DIRECT
        const Result<int> written = direct ? direct->write(batch->value()) : d->upsertContainers(query, batch->value());
#else
        const Result<int> written = d->upsertContainers(query, batch->value());
#endif
        if (!written)
            return written.error();
        changed += written.value();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}
