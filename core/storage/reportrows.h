#pragma once

#include "result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class Session;

// The reports read straight from the tables, row by row, for exports of any size: the rows stream
// through once and are never all held in memory.
enum class ReportTable
{
    Watchlist,
    Events,
    Audit
};

// How a column's stored text becomes a cell: most pass straight through (times are already
// ISO 8601 UTC text), a few are decoded.
enum class ReportCellType
{
    Text,
    Bool,   // stored 0/1
    Number, // stored REAL
    Json,   // a stored JSON object
    Holds   // a stored JSON array of {type, source_code, since}
};

struct ReportColumn
{
    const char16_t *header;
    const char16_t *expression; // SQL select expression
    ReportCellType type = ReportCellType::Text;
};

struct ReportRequest
{
    ReportTable table = ReportTable::Watchlist;
    QString entity;
    QStringList numbers; // empty: every container (the audit log ignores it)
    // Ask for SQLite's own UTF-8 text (cells()), which a CSV writer copies without a QVariant or
    // QString per cell; granted on SQLite only.
    bool rawText = false;
};

// A forward-only cursor over one report's rows.
class ReportCursor final
{
public:
    static const QList<ReportColumn> &columns(ReportTable table);
    static Result<std::unique_ptr<ReportCursor>> open(Session &session, const ReportRequest &request);
    ~ReportCursor();
    ReportCursor(const ReportCursor &) = delete;
    ReportCursor &operator=(const ReportCursor &) = delete;

    bool rawText() const { return m_raw; }
    // The next row, false after the last one.
    Result<bool> next();
    // Raw-text cursors: the row's cells as UTF-8, a null view for SQL NULL, "1" or "0" for a Bool
    // column; valid until next().
    const QList<QByteArrayView> &cells() const { return m_cells; }
    // Other cursors: the row's values.
    QVariant value(int column) const;

private:
    struct Private;
    explicit ReportCursor(std::unique_ptr<Private> d, bool raw);

    std::unique_ptr<Private> d;
    bool m_raw = false;
    QList<QByteArrayView> m_cells;
};
