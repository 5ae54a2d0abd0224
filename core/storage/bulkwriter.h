#pragma once

#include "containerbatch.h"
#include "event.h"
#include "result.h"

#include <QList>

#include <memory>

class Session;

// Writes many rows inside the caller's transaction: watchlist batches (spreadsheet import) and events
// (bulk ingestion). On SQLite the rows are bound straight on the sqlite3 handle QtSql opened (same
// library, same connection, same transaction), because QtSql's per-value QVariant binding costs as
// much as SQLite's insert itself; PostgreSQL takes the portable QtSql path. Statements are prepared
// on first use.
class BulkWriter
{
public:
    static Result<std::unique_ptr<BulkWriter>> open(Session &session);
    virtual ~BulkWriter() = default;

    // A new row is inserted, a cancelled or expired one becomes active again (as addContainer does),
    // an active one is left alone. Returns how many rows were new or became active again.
    virtual Result<int> writeContainers(const ContainerBatch &batch) = 0;
    // Returns how many events were new: duplicates by dedupe key are skipped. storedIds, when given,
    // receives the row id of each new event in insertion order (the outbox journal names them).
    virtual Result<int> writeEvents(const QList<Event> &events, QList<qint64> *storedIds = nullptr) = 0;
};
