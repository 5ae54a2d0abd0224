#pragma once

#include "result.h"
#include "watchentry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QStringList>

// The store's text form of a time in both databases: fixed width "yyyy-MM-ddTHH:mm:ss.zzzZ", so
// that text order is time order. Empty for an invalid time.
QString storedTimeText(const QDateTime &time);

// Watchlist entries on their way into Store::addContainers, already in the form the store writes:
// checked, stamped (added now, expiring after the trace window, due now, unless the entry says
// otherwise) and encoded as UTF-8 in one buffer. Building a batch is the per-row work of a large
// import that needs no database, so an import builds the next batch on a second core while the
// store writes this one.
class ContainerBatch final
{
public:
    enum Column
    {
        Entity,
        ContainerNumber,
        Provider,
        Site,
        ProviderData,
        Reference,
        BillOfLading,
        Booking,
        AddedAt,
        ExpiresAt,
        Normalize, // "1" or "0"
        NextTraceAt,
        ColumnCount
    };

    // now: the stamp of entries that carry none of their own (the store's clock).
    explicit ContainerBatch(const QDateTime &now);

    void reserve(qsizetype rows);
    // Refuses an entry the watchlist cannot hold (no number or entity, a reference too long); the
    // rule of Store::addContainer too.
    static Result<void> check(const WatchEntry &entry);
    Result<void> append(const WatchEntry &entry); // check()s first
    // After the last append: orders the rows by the watchlist's unique key (entity, number,
    // provider), as an index written in key order grows at its right edge instead of splitting
    // pages everywhere, and notes the columns that hold one value in every row (the SQLite path
    // binds those once per statement instead of once per row).
    void finish();
    bool isFinished() const { return m_finished; }
    // Bit c set: every row has the value of row 0 in column c.
    quint32 sharedColumns() const { return m_shared; }

    qsizetype size() const { return m_rows; }
    bool isEmpty() const { return m_rows == 0; }
    // A value of row (in sorted order once sorted) as UTF-8; a null view stands for SQL NULL.
    QByteArrayView value(qsizetype row, Column column) const;
    QString text(qsizetype row, Column column) const { return QString::fromUtf8(value(row, column)); }
    // The entities the rows belong to, each once.
    const QStringList &entities() const { return m_entities; }

private:
    struct Cell
    {
        qint32 offset = 0;
        qint32 size = -1; // -1: NULL
    };
    void add(QStringView text, bool emptyIsNull);
    void add(QByteArrayView utf8);
    void addNull() { m_cells.append(Cell{}); }
    void addTime(const QDateTime &time, Cell &shared, QByteArrayView fallback);

    QByteArray m_text;
    qsizetype m_used = 0;
    QList<Cell> m_cells; // ColumnCount per row, in append order
    QList<qint32> m_order;
    qsizetype m_rows = 0;
    quint32 m_shared = 0;
    bool m_finished = false;
    QStringList m_entities;
    QByteArray m_nowText;
    QByteArray m_expiresText;
    Cell m_nowCell; // where m_nowText is in m_text, once a row needed it
    Cell m_expiresCell;
    QJsonObject m_lastData; // rows of one file mostly share their provider data: encode it once
    Cell m_lastDataCell;
};
