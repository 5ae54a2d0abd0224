#include "migrations.h"

#include "clock.h"
#include "codecs.h"
#include "logging.h"
#include "session.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

using Codecs::storageError;

namespace {
// Any fixed number: every Quaywatch process migrating one PostgreSQL database takes this lock.
constexpr qint64 migrationLockKey = 0x5157444221;

Migrations::Step initialSchema()
{
    Migrations::Step initial;
    initial.version = 1;
    initial.description = u"Initial schema: entities, watchlist, snapshots, events, connections, audit log"_s;
    initial.statements = {
        uR"(CREATE TABLE entities (
              id {id},
              name TEXT NOT NULL UNIQUE,
              created_at TEXT))"_s,
        uR"(INSERT INTO entities (name) VALUES ('default'))"_s,
        uR"(CREATE TABLE containers (
              id {id},
              entity TEXT NOT NULL REFERENCES entities (name),
              container_number TEXT NOT NULL,
              provider TEXT NOT NULL DEFAULT '',
              site TEXT,
              provider_data TEXT,
              reference TEXT,
              bill_of_lading TEXT,
              booking TEXT,
              added_at TEXT NOT NULL,
              expires_at TEXT,
              trace_state TEXT NOT NULL DEFAULT 'active',
              normalize INTEGER NOT NULL DEFAULT 1,
              last_traced_at TEXT,
              next_trace_at TEXT,
              last_error TEXT,
              claimed_by TEXT,
              claimed_until TEXT,
              UNIQUE (entity, container_number, provider)))"_s,
        uR"(CREATE INDEX containers_due ON containers (trace_state, next_trace_at))"_s,
        uR"(CREATE TABLE snapshots (
              container_id {bigint} PRIMARY KEY REFERENCES containers (id),
              status TEXT NOT NULL DEFAULT 'unknown',
              vessel_name TEXT,
              voyage TEXT,
              vessel_eta TEXT,
              vessel_ata TEXT,
              discharged_at TEXT,
              available INTEGER,
              location TEXT,
              location_lot TEXT,
              holds TEXT,
              lfd_terminal TEXT,
              lfd_line TEXT,
              lfd TEXT,
              demurrage_amount {real},
              outgated_at TEXT,
              outgate_trucker TEXT,
              chassis_number TEXT,
              empty_returned_at TEXT,
              pickup_appointment_at TEXT,
              size_length TEXT,
              size_height TEXT,
              size_iso_code TEXT,
              gross_weight {real},
              hazardous INTEGER,
              line_scac TEXT,
              not_found INTEGER NOT NULL DEFAULT 0,
              updated_at TEXT))"_s,
        uR"(CREATE TABLE events (
              id {id},
              container_id {bigint} NOT NULL REFERENCES containers (id),
              code TEXT NOT NULL,
              provider_code TEXT,
              occurred_at TEXT,
              observed_at TEXT NOT NULL,
              location_name TEXT,
              location_type TEXT,
              location_lot TEXT,
              data TEXT,
              source TEXT,
              dedupe_key TEXT UNIQUE,
              raw TEXT))"_s,
        uR"(CREATE INDEX events_container ON events (container_id))"_s,
        // Secrets never get a column here: they live in the OS keychain.
        uR"(CREATE TABLE connections (
              id {id},
              entity TEXT NOT NULL REFERENCES entities (name),
              provider TEXT NOT NULL,
              fields TEXT,
              saved_secret_fields TEXT,
              environment TEXT,
              base_url TEXT,
              status TEXT NOT NULL DEFAULT 'not_connected',
              last_error TEXT,
              connected_at TEXT,
              last_verified_at TEXT,
              last_sync_at TEXT,
              UNIQUE (entity, provider)))"_s,
        uR"(CREATE TABLE audit_log (
              id {id},
              at TEXT NOT NULL,
              os_user TEXT,
              entity TEXT,
              provider TEXT,
              action TEXT NOT NULL,
              outcome TEXT,
              detail TEXT))"_s,
        uR"(CREATE INDEX audit_log_entity ON audit_log (entity, at))"_s,
    };
    return initial;
}

// Events are the history users rely on: the database itself refuses to change or drop one.
Migrations::Step appendOnlyEvents()
{
    Migrations::Step appendOnly;
    appendOnly.version = 2;
    appendOnly.description = u"Events are append-only"_s;
    appendOnly.sqliteStatements = {
        uR"(CREATE TRIGGER events_no_update BEFORE UPDATE ON events
              BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)"_s,
        uR"(CREATE TRIGGER events_no_delete BEFORE DELETE ON events
              BEGIN SELECT RAISE(ABORT, 'events are append-only'); END)"_s,
    };
    appendOnly.postgresStatements = {
        uR"(CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS
              $body$ BEGIN RAISE EXCEPTION 'events are append-only'; END $body$)"_s,
        uR"(CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
              FOR EACH ROW EXECUTE FUNCTION events_append_only())"_s,
    };
    return appendOnly;
}

// Subscriptions at push-style providers, trace publications and the visits callbacks were filed under.
Migrations::Step subscriptions()
{
    Migrations::Step step;
    step.version = 3;
    step.description = u"Subscriptions, trace publications and callback visits"_s;
    step.statements = {
        uR"(CREATE TABLE subscriptions (
          entity TEXT NOT NULL,
          provider TEXT NOT NULL,
          number TEXT NOT NULL,
          booking INTEGER NOT NULL DEFAULT 0,
          api_version INTEGER NOT NULL,
          event_codes TEXT NOT NULL,
          port TEXT,
          category TEXT,
          facility TEXT,
          callback_uri TEXT,
          emails TEXT,
          reference TEXT,
          remote_id TEXT,
          created_at TEXT NOT NULL,
          expires_at TEXT,
          state TEXT NOT NULL,
          PRIMARY KEY (entity, provider, number, booking)))"_s,
        uR"(CREATE TABLE trace_publish_settings (
          entity TEXT PRIMARY KEY,
          org_id TEXT,
          svc_id TEXT,
          origin TEXT,
          endpoint TEXT))"_s,
        uR"(CREATE TABLE trace_publications (
          entity TEXT NOT NULL,
          number TEXT NOT NULL,
          provider TEXT NOT NULL,
          published_at TEXT,
          cancelled_at TEXT,
          state TEXT NOT NULL,
          PRIMARY KEY (entity, number)))"_s,
        uR"(CREATE TABLE callback_visits (
          container_id {bigint} NOT NULL REFERENCES containers (id),
          visit_key TEXT NOT NULL,
          started_at TEXT,
          PRIMARY KEY (container_id, visit_key)))"_s,
    };
    return step;
}

// A claim names its worker (host, pid, process start), so the next worker on that host can tell a
// dead worker's claims from a live one's and release them instead of waiting out the lease.
Migrations::Step claimOwners()
{
    Migrations::Step step;
    step.version = 4;
    step.description = u"Claims record their worker: host, pid, process start and claim time"_s;
    step.statements = {
        u"ALTER TABLE containers ADD COLUMN claimed_host TEXT"_s,
        u"ALTER TABLE containers ADD COLUMN claimed_pid {bigint}"_s,
        u"ALTER TABLE containers ADD COLUMN claimed_process_start TEXT"_s,
        u"ALTER TABLE containers ADD COLUMN claimed_at TEXT"_s,
        u"CREATE INDEX containers_claims ON containers (claimed_host, claimed_pid) WHERE claimed_until IS NOT NULL"_s,
    };
    return step;
}

// A snapshot says when the provider's gate evidence and its yard listing disagree (the gate saw the
// box leave, the availability answer still lists it in the yard), so the watchlist can show it.
Migrations::Step yardListingConflict()
{
    Migrations::Step step;
    step.version = 5;
    step.description = u"Snapshots flag a yard listing that contradicts the gate"_s;
    step.statements = {
        u"ALTER TABLE snapshots ADD COLUMN yard_listing_conflict INTEGER NOT NULL DEFAULT 0"_s,
    };
    return step;
}

// The Today page's acknowledgements: kept per entity (every console of the entity shows them), by
// container number so that they survive a container being cancelled and added again.
Migrations::Step acknowledgements()
{
    Migrations::Step step;
    step.version = 6;
    step.description = u"Acknowledgements of the Today page's situations, with a note"_s;
    step.statements = {
        uR"(CREATE TABLE acknowledgements (
              id {id},
              entity TEXT NOT NULL REFERENCES entities (name),
              container_number TEXT NOT NULL,
              situation TEXT NOT NULL,
              note TEXT,
              os_user TEXT NOT NULL,
              at TEXT NOT NULL))"_s,
        u"CREATE INDEX acknowledgements_entity ON acknowledgements (entity, at)"_s,
    };
    return step;
}

// Issue 17: where an entity's changes are sent, and the transactional outbox that holds them until
// they are. A message row is written in the same transaction as the events that caused it and is
// claimed the way containers are (claimed_* names the worker, so a dead worker's claims can be
// released). The partial indexes keep the claim cheap however many delivered rows pile up.
Migrations::Step outbox()
{
    Migrations::Step step;
    step.version = 7;
    step.description = u"Outbound destinations and the outbox"_s;
    step.statements = {
        uR"(CREATE TABLE outbound_destinations (
              id {id},
              entity TEXT NOT NULL,
              name TEXT NOT NULL,
              kind TEXT NOT NULL,
              url TEXT,
              event_codes TEXT,
              enabled INTEGER NOT NULL DEFAULT 1,
              max_in_flight INTEGER NOT NULL DEFAULT 8,
              max_attempts INTEGER NOT NULL DEFAULT 10,
              stopped_reason TEXT,
              created_at TEXT NOT NULL,
              UNIQUE (entity, name)))"_s,
        uR"(CREATE TABLE outbox_messages (
              id {id},
              message_id TEXT NOT NULL UNIQUE,
              destination_id {bigint} NOT NULL REFERENCES outbound_destinations (id),
              entity TEXT NOT NULL,
              container_id {bigint} NOT NULL,
              container_number TEXT NOT NULL,
              payload TEXT NOT NULL,
              state TEXT NOT NULL DEFAULT 'pending',
              attempts INTEGER NOT NULL DEFAULT 0,
              created_at TEXT NOT NULL,
              next_attempt_at TEXT NOT NULL,
              claimed_by TEXT,
              claimed_until TEXT,
              claimed_host TEXT,
              claimed_pid {bigint},
              claimed_process_start TEXT,
              claimed_at TEXT,
              delivered_at TEXT,
              last_error TEXT,
              replay_of TEXT))"_s,
        u"CREATE INDEX outbox_open ON outbox_messages (destination_id, id) WHERE state IN ('pending', 'sending')"_s,
        u"CREATE INDEX outbox_open_container ON outbox_messages (destination_id, container_id, id) "
        "WHERE state IN ('pending', 'sending')"_s,
        u"CREATE INDEX outbox_history ON outbox_messages (destination_id, state, created_at)"_s,
        u"CREATE INDEX outbox_claims ON outbox_messages (claimed_host, claimed_pid) WHERE claimed_until IS NOT NULL"_s,
    };
    return step;
}

// A connection's concurrency limit holds across every process on one database: one row per slot,
// taken with SKIP LOCKED (or under SQLite's write lock) for the length of a request. Workers and
// consoles say they are alive, so that the status bar can name the active ones.
Migrations::Step providerSlotsAndWorkerHeartbeats()
{
    Migrations::Step step;
    step.version = 8;
    step.description = u"Provider slots and worker heartbeats"_s;
    step.statements = {
        uR"(CREATE TABLE provider_slots (
              entity TEXT NOT NULL,
              provider TEXT NOT NULL,
              slot INTEGER NOT NULL,
              holder TEXT,
              holder_host TEXT,
              holder_pid {bigint},
              holder_process_start TEXT,
              lease_until TEXT,
              taken_at TEXT,
              PRIMARY KEY (entity, provider, slot)))"_s,
        uR"(CREATE TABLE worker_heartbeats (
              host TEXT NOT NULL,
              pid {bigint} NOT NULL,
              process_start TEXT,
              name TEXT,
              started_at TEXT NOT NULL,
              last_cycle_at TEXT,
              last_seen_at TEXT NOT NULL,
              view_only INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (host, pid)))"_s,
        u"CREATE INDEX worker_heartbeats_seen ON worker_heartbeats (last_seen_at)"_s,
    };
    return step;
}

// Issue 14: when each hold and the availability last changed by the provider's clock, so that a
// late or replayed callback (a revocation older than the release it follows) cannot undo a newer
// change. NULL in existing rows: nothing recorded yet, every change applies as before.
Migrations::Step snapshotStateChanges()
{
    Migrations::Step step;
    step.version = 9;
    step.description = u"Snapshots record when each hold and the availability last changed"_s;
    step.statements = {
        u"ALTER TABLE snapshots ADD COLUMN state_changes TEXT"_s,
    };
    return step;
}

// Issue 16: when a provider that answered Retry-After may be called again, for the Data sources
// card. NULL in existing rows: no wait asked.
Migrations::Step connectionWaitUntil()
{
    Migrations::Step step;
    step.version = 10;
    step.description = u"Connections record until when the provider asked to wait"_s;
    step.statements = {
        u"ALTER TABLE connections ADD COLUMN wait_until TEXT"_s,
    };
    return step;
}

// Issue 17: bulk ingestion writes one journal row per transaction instead of one outbox message per
// event and destination (which made ingestion ten times slower); the dispatcher fans each row out
// into outbox_messages in a transaction of its own that also deletes it. event_ids lists the stored
// events as runs "first-last" (or "id"), destination_ids the destinations enabled at the write.
Migrations::Step outboxJournal()
{
    Migrations::Step step;
    step.version = 11;
    step.description = u"Outbox journal for bulk ingestion, and an index of the messages in flight"_s;
    step.statements = {
        uR"(CREATE TABLE outbox_journal (
              id {id},
              destination_ids TEXT NOT NULL,
              event_ids TEXT NOT NULL,
              created_at TEXT NOT NULL))"_s,
        // claim counts a destination's messages in flight on every call; without this index that
        // count walked every pending message (4.6 ms a claim with 8,000 queued, growing with the queue).
        u"CREATE INDEX outbox_sending ON outbox_messages (destination_id, claimed_until) WHERE state = 'sending'"_s,
    };
    return step;
}

// Append new steps at the end; never edit a step that has shipped.
QList<Migrations::Step> buildSteps()
{
    return {initialSchema(),        appendOnlyEvents(),    subscriptions(), claimOwners(),
            yardListingConflict(),  acknowledgements(),    outbox(),        providerSlotsAndWorkerHeartbeats(),
            snapshotStateChanges(), connectionWaitUntil(), outboxJournal()};
}

Result<void> createVersionTable(Session &session)
{
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(migrationLockKey); !begun)
        return begun;
    auto created = session.run(u"CREATE TABLE IF NOT EXISTS schema_version ("
                               "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"_s,
                               {}, u"Cannot create the schema_version table"_s);
    if (!created)
        return created.error();
    created->finish();
    return transaction.commit();
}

Result<void> applyStep(Session &session, const Migrations::Step &step)
{
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(migrationLockKey); !begun)
        return begun;
    // Another process may have applied this step while we waited for the lock.
    const Result<int> current = Migrations::currentVersion(session);
    if (!current)
        return current.error();
    if (current.value() >= step.version)
        return {}; // the guard ends the transaction, which changed nothing
    const QString failed = u"Schema migration %1 (%2) failed"_s.arg(step.version).arg(step.description);
    for (const QString &statement : Migrations::statementsFor(step, session.backend())) {
        if (auto done = session.run(statement, {}, failed); !done)
            return done.error();
    }
    auto recorded = session.run(
        u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s,
        {step.version, step.description, session.clock().now().toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s)},
        u"Cannot record schema migration %1"_s.arg(step.version));
    if (!recorded)
        return recorded.error();
    recorded->finish();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCDebug(lcStore) << "applied schema migration" << step.version << step.description;
    return {};
}
} // namespace

QList<Migrations::Step> Migrations::steps()
{
    static const QList<Step> all = buildSteps();
    return all;
}

int Migrations::latestVersion()
{
    return steps().constLast().version;
}

QStringList Migrations::statementsFor(const Step &step, StorageBackend backend)
{
    const bool sqlite = backend == StorageBackend::Sqlite;
    QStringList result = step.statements;
    result += sqlite ? step.sqliteStatements : step.postgresStatements;
    for (QString &statement : result) {
        statement.replace(u"{id}"_s, sqlite ? u"INTEGER PRIMARY KEY"_s : u"BIGSERIAL PRIMARY KEY"_s);
        statement.replace(u"{bigint}"_s, sqlite ? u"INTEGER"_s : u"BIGINT"_s);
        statement.replace(u"{real}"_s, sqlite ? u"REAL"_s : u"DOUBLE PRECISION"_s);
    }
    return result;
}

Result<int> Migrations::currentVersion(Session &session)
{
    QSqlQuery query(session.database());
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s) || !query.next())
        return storageError(u"Cannot read the schema version"_s, query.lastError());
    return query.value(0).isNull() ? 0 : query.value(0).toInt();
}

Result<int> Migrations::apply(Session &session)
{
    // The common case, an up-to-date database, needs no transaction and no lock.
    if (const Result<int> current = currentVersion(session); current && current.value() >= latestVersion()) {
        if (current.value() > latestVersion()) {
            return makeError(ErrorKind::Storage,
                             u"The database has schema version %1, newer than this version of Quaywatch "
                             "supports (%2); update Quaywatch"_s.arg(current.value())
                                 .arg(latestVersion()));
        }
        return current.value();
    }
    if (auto created = createVersionTable(session); !created)
        return created.error();
    for (const Step &step : steps()) {
        if (auto applied = applyStep(session, step); !applied)
            return applied.error();
    }
    return currentVersion(session);
}
