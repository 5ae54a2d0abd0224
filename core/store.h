#pragma once

#include "auditentry.h"
#include "connectionrecord.h"
#include "containerbatch.h"
#include "event.h"
#include "result.h"
#include "watchentry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;

// Hands Store::addContainers its entries batch by batch.
class ContainerFeed
{
public:
    virtual ~ContainerFeed() = default;
    // The next batch, or nullopt when there are no more. Called on the store's thread.
    virtual Result<std::optional<ContainerBatch>> next() = 0;
};

// What one trace did to one container; a batch of these is written in one transaction.
struct TraceWrite
{
    qint64 containerId = 0;
    std::optional<ContainerSnapshot> snapshot; // nullopt: keep the stored snapshot (e.g. on error)
    QList<Event> newEvents;                    // inserted unless their dedupe key is already stored
    QDateTime tracedAt;
    QDateTime nextTraceAt;                // invalid: no more traces
    QString lastError;                    // empty clears the error
    std::optional<TraceState> traceState; // e.g. Completed after the empty is returned
};

struct AddOutcome
{
    qint64 id = 0;
    bool created = false; // false: the container was already on the watchlist (nothing changed)
};

struct ContainerQuery
{
    std::optional<TraceState> traceState; // nullopt: all states
    QStringList numbers;                  // empty: all numbers
    QString provider;                     // empty: all providers
};

// The database: SQLite by default, PostgreSQL for teams. Versioned migrations run on open. SQLite
// runs in WAL mode with foreign keys on and BEGIN IMMEDIATE for writes. A Store belongs to the thread
// that opened it (one connection per thread); open another Store in another thread.
class Store final
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    // location: a file path, or a URL postgresql://user[:password]@host[:port]/dbname.
    static Result<std::unique_ptr<Store>> open(const QString &location);
    // QUAYWATCH_DB when set, else <AppDataLocation>/quaywatch.sqlite.
    static QString defaultLocation();

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    Backend backend() const;
    int schemaVersion() const;

    // Watchlist. addContainer stamps addedAt/expiresAt/nextTraceAt (due now) when they are empty and
    // returns created=false, changing nothing, when (entity, number, provider) is already there and
    // active. A cancelled entry that is added again becomes active again.
    Result<AddOutcome> addContainer(const WatchEntry &entry);
    Result<int> cancelContainers(const QString &entity, const QStringList &numbers);
    // Adds every entry with addContainer's rules in ONE transaction: all are stored or, on any error,
    // none (a spreadsheet import is all-or-nothing per file). Returns how many were new or became
    // active again; entries already active (also repeats within the batch) change nothing.
    Result<int> addContainers(const QList<WatchEntry> &entries);
    // The same for entries that arrive batch by batch, from a feed that may build them on another
    // thread while this one writes: a large import reads and checks its file on one core while the
    // database writes on the other. An error from the feed rolls everything back.
    Result<int> addContainers(ContainerFeed &feed);
    Result<void> setReference(const QString &entity, const QString &number, const QString &reference);
    Result<QList<WatchEntry>> containers(const QString &entity, const ContainerQuery &query = {});
    Result<std::optional<WatchEntry>> container(const QString &entity, const QString &number);
    Result<std::optional<WatchEntry>> containerById(qint64 id);
    Result<QList<Event>> events(qint64 containerId); // oldest first
    Result<qint64> eventCount(const QString &entity);

    // Sync. claimDue claims up to limit active entries due at now (or, with force, the listed
    // numbers whatever their schedule; with allActive, every active entry not traced since
    // tracedBefore) for worker until now + leaseSeconds. On PostgreSQL the claim uses
    // FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same entry.
    struct ClaimRequest
    {
        QString entity; // empty: every entity
        QDateTime now;
        int limit = 500;
        QString worker;
        int leaseSeconds = 300;
        QStringList forceNumbers;
        bool allActive = false;
        QDateTime tracedBefore;
        QStringList providers; // only these providers' entries; empty: every provider
    };
    Result<QList<WatchEntry>> claimDue(const ClaimRequest &request);
    // Writes every TraceWrite (snapshot, events, bookkeeping, claim released) in one transaction.
    // Returns how many events were new: an event whose dedupe key is already stored is skipped.
    Result<int> writeTraceResults(const QList<TraceWrite> &writes);
    // Appends events in one transaction (bulk ingestion; duplicates by dedupe key are skipped).
    Result<int> insertEvents(const QList<Event> &events);

    // Connections (non-secret fields only) and their status.
    Result<void> saveConnection(const ConnectionRecord &connection);
    Result<std::optional<ConnectionRecord>> connection(const QString &entity, const QString &provider);
    Result<QList<ConnectionRecord>> connections(const QString &entity);
    Result<void> removeConnection(const QString &entity, const QString &provider); // events are kept

    // Audit log.
    Result<void> appendAudit(const AuditEntry &entry);
    Result<QList<AuditEntry>> auditEntries(const QString &entity);

    // For streaming readers inside core (exports, benchmarks): the calling thread's connection.
    QSqlDatabase database() const;

private:
    Store();
    struct Private;
    std::unique_ptr<Private> d;
};
