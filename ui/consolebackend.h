#pragma once

#include "auditentry.h"
#include "clock.h"
#include "event.h"
#include "exporter.h"
#include "importer.h"
#include "result.h"
#include "storage/acknowledgementrecord.h"
#include "storage/limitrecords.h"
#include "storage/outboxrecords.h"
#include "watchentry.h"
#include "watchlistrow.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

class QIODevice;

// A site a container can be watched at, as the add dialog offers it.
struct ProviderSiteChoice
{
    QString id;
    QString name;
};

// A provider's data field a watched container carries (e.g. the trucking company code).
struct ProviderDataFieldChoice
{
    QString name;
    QString label;
    bool required = false;
};

struct ProviderChoice
{
    QString id;
    QString displayName;
    QList<ProviderSiteChoice> sites;
    QList<ProviderDataFieldChoice> dataFields;
};

// A report File → Export writes for people (Exporter::writeForPeople) to a file.
struct ConsoleExportRequest
{
    ReportKind kind = ReportKind::Watchlist;
    QString fieldMapping; // ReportKind::FieldMapping: the destination kind whose layout it is
    QStringList numbers;  // empty: the whole watchlist (the audit log ignores it)
    QString path;
    bool excelBom = false;
    // Codes in words (statuses, hold types, event codes); called on the export's thread.
    std::function<QString(const QString &key, const QString &code)> codeText;
};

// What the "Add webhook destination" dialog asks for; the signing secret is made by the backend.
struct NewWebhookDestination
{
    QString name;
    QUrl url;
    QStringList eventCodes; // eventCodeName()s; empty: every event
};

// Everything the console asks of the rest of the application, in one small interface: the widgets
// never touch the database or the network, and tests can drive them against a real store through
// the app's implementation. Numbers are always the normalized container numbers of the watchlist.
class ConsoleBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual QString entity() const = 0;
    // Switches the company whose watchlist the console shows; emits entityChanged and
    // watchlistChanged. Backends with a single entity ignore it.
    virtual void setEntity(const QString &entity) { Q_UNUSED(entity) }
    // Every "now" of the console (notification times, refusal times): the demo's clock is accelerated.
    virtual const Clock &clock() const = 0;
    // "Today" for days-left arithmetic, on clock().
    virtual QDate today() const = 0;
    virtual QTimeZone siteTimeZone(const QString &provider, const QString &site) const = 0;
    virtual QList<ProviderChoice> providers() const = 0;

    virtual Result<std::vector<WatchlistRow>> loadWatchlist() = 0;
    // Reads the watchlist without blocking the window where the backend can (a worker thread with
    // its own connection). deliver runs on context's thread, in order: rows in id order, append
    // true for every chunk after the first, complete true on the last; or once with an error.
    // This default reads synchronously and delivers everything at once.
    using WatchlistDelivery = std::function<void(Result<std::vector<WatchlistRow>> rows, bool append, bool complete)>;
    // By value: the worker-thread overrides move deliver into the thread.
    // NOLINTNEXTLINE(performance-unnecessary-value-param)
    virtual void loadWatchlistInBackground(QObject *context, WatchlistDelivery deliver, bool streamChunks)
    {
        Q_UNUSED(context)
        Q_UNUSED(streamChunks)
        deliver(loadWatchlist(), false, true);
    }
    // The entity's audit log, oldest first, read off the window's thread where the backend can;
    // deliver runs once on context's thread. This default reads synchronously.
    virtual Result<QList<AuditEntry>> auditEntries(const QString &entity)
    {
        Q_UNUSED(entity)
        return QList<AuditEntry>();
    }
    using AuditDelivery = std::function<void(Result<QList<AuditEntry>> entries)>;
    // NOLINTNEXTLINE(performance-unnecessary-value-param): as above
    virtual void loadAuditInBackground(QObject *context, const QString &entity, AuditDelivery deliver)
    {
        Q_UNUSED(context)
        deliver(auditEntries(entity));
    }
    // Where the data lives, for the settings page (never with a password).
    virtual QString databaseLocation() const { return {}; }
    virtual Result<QList<Event>> events(qint64 containerId) = 0; // newest first
    // The container with its whole snapshot (holds with their since, both LFDs, trucker, chassis) for
    // the detail card; nullopt where the backend has only watchlist rows.
    virtual Result<std::optional<WatchEntry>> container(qint64 containerId)
    {
        Q_UNUSED(containerId)
        return std::optional<WatchEntry>();
    }

    // Returns how many were new on the watchlist.
    virtual Result<int> addContainers(const QList<WatchEntry> &entries) = 0;
    virtual Result<int> cancelTracing(const QStringList &numbers) = 0;
    // Also restarts the 90-day tracing window of each container.
    virtual Result<void> changeReference(const QStringList &numbers, const QString &reference) = 0;
    virtual Result<qint64> exportSelection(const QStringList &numbers, QIODevice &out) = 0;
    // Stores an import dialog's plan for this entity in one transaction (all rows or none) and
    // records it in the audit log; file names the source in the report. Emits watchlistChanged.
    virtual Result<ImportReport> importPlan(const ImportPlan &plan, const QString &file)
    {
        Q_UNUSED(plan)
        Q_UNUSED(file)
        return makeError(ErrorKind::Internal, QStringLiteral("This console cannot import spreadsheets"));
    }

    // The Today page's acknowledgements of this entity, newest first.
    virtual Result<QList<Acknowledgement>> acknowledgements() { return QList<Acknowledgement>(); }
    // Stores "seen, being handled" for number's situation with a note, audited; emits
    // acknowledgementsChanged.
    virtual Result<void> acknowledge(const QString &number, const QString &situation, const QString &note)
    {
        Q_UNUSED(number)
        Q_UNUSED(situation)
        Q_UNUSED(note)
        return makeError(ErrorKind::Internal, QStringLiteral("This console cannot store acknowledgements"));
    }
    // Writes the report off the window's thread where the backend can (a worker with its own
    // connection); the file appears whole or not at all. progress and deliver run on context's thread;
    // deliver runs once, with the rows written or the reason it failed.
    using ExportProgress = std::function<void(qint64 rows)>;
    using ExportDelivery = std::function<void(Result<qint64> rows)>;
    // NOLINTBEGIN(performance-unnecessary-value-param): as above
    virtual void exportReportInBackground(QObject *context, ConsoleExportRequest request, ExportProgress progress,
                                          ExportDelivery deliver)
    {
        Q_UNUSED(context)
        Q_UNUSED(request)
        Q_UNUSED(progress)
        deliver(makeError(ErrorKind::Internal, QStringLiteral("This console cannot export reports")));
    }
    // NOLINTEND(performance-unnecessary-value-param)

    // ---- Outbound destinations (issue 17), of entity() ----
    // Defaults: a console without an outbox has no destinations and refuses changes.
    virtual Result<QList<OutboundDestination>> outboundDestinations() { return QList<OutboundDestination>(); }
    virtual Result<QList<OutboxSummary>> outboxSummaries() { return QList<OutboxSummary>(); }
    using SecretDelivery = std::function<void(Result<QString> signingSecret)>;
    using DoneDelivery = std::function<void(Result<void> done)>;
    // Saves a webhook destination with a newly generated signing secret (kept in the keychain only)
    // and hands that secret to done once, on context's thread, so the user can give it to the
    // receiver; it is never readable through the backend again. InvalidInput or Insecure (an http
    // address that is not loopback) when the destination is refused.
    // NOLINTBEGIN(performance-unnecessary-value-param): moved into the keychain's callback
    virtual void addWebhookDestination(QObject *context, const NewWebhookDestination &destination, SecretDelivery done)
    {
        Q_UNUSED(context)
        Q_UNUSED(destination)
        done(makeError(ErrorKind::NotImplemented, QStringLiteral("This console cannot add outbound destinations")));
    }
    // Removes the destination, its queued and sent messages and its keychain entry.
    virtual void removeDestination(QObject *context, const QString &name, DoneDelivery done)
    {
        Q_UNUSED(context)
        Q_UNUSED(name)
        done(makeError(ErrorKind::NotImplemented, QStringLiteral("This console cannot remove outbound destinations")));
    }
    // "Test connection" of a destination: reaches it without sending container data. The text is
    // what the sender reported (e.g. "HTTP 200").
    virtual void testDestination(QObject *context, const QString &name, SecretDelivery done)
    {
        Q_UNUSED(context)
        Q_UNUSED(name)
        done(makeError(ErrorKind::NotImplemented, QStringLiteral("Testing outbound destinations is not available")));
    }
    // NOLINTEND(performance-unnecessary-value-param)
    // Puts the destination's dead letters back in the queue; returns how many.
    virtual Result<int> retryDeadLetters(const QString &name)
    {
        Q_UNUSED(name)
        return makeError(ErrorKind::NotImplemented, QStringLiteral("This console has no outbox"));
    }
    // Clears the stop reason of a destination the sender stopped: sending starts again.
    virtual Result<void> resumeDestination(const QString &name)
    {
        Q_UNUSED(name)
        return makeError(ErrorKind::NotImplemented, QStringLiteral("This console has no outbox"));
    }

    virtual void traceNow(const QStringList &numbers) = 0;
    virtual void syncNow() = 0;
    virtual bool isSyncing() const = 0;
    virtual QDateTime lastSyncAt() const = 0;
    // A view-only console never syncs (other workers on the shared database do); syncNow and
    // traceNow then do nothing. Emits viewOnlyChanged.
    virtual bool isViewOnly() const { return false; }
    virtual void setViewOnly(bool viewOnly) { Q_UNUSED(viewOnly) }
    // The workers (sync processes and consoles) seen on the database lately, for the status bar;
    // nullopt where the backend cannot tell.
    virtual std::optional<QList<WorkerHeartbeat>> activeWorkers() { return std::nullopt; }

Q_SIGNALS:
    void syncStarted();
    void syncProgress(int done, int total);
    void syncFinished(const QString &summary);
    // The stored watchlist changed (a sync wrote results, containers were added); reload it.
    void watchlistChanged();
    // Rows that changed elsewhere (another console or worker on the same database, or this
    // process's own writers), read again: update them in place, no reload.
    void watchlistRowsChanged(const std::vector<WatchlistRow> &rows);
    // A connection or its status changed elsewhere.
    void connectionsChanged();
    void entityChanged(const QString &entity);
    void acknowledgementsChanged();
    // An outbound destination or its queue changed (here or in another process): read the
    // summaries again.
    void outboxChanged();
    void viewOnlyChanged(bool viewOnly);
};
