#pragma once

#include "result.h"
#include "store.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QTimeZone>

#include <functional>

// CSV per RFC 4180 (UTF-8, CRLF, optional BOM for Excel) with formula-injection neutralisation:
// a cell starting with = + - @ tab or carriage return (or their full-width forms) is prefixed
// with an apostrophe.
namespace Csv {
bool needsNeutralizing(QStringView cell);
QString neutralize(const QString &cell);
void appendField(QByteArray &out, QStringView cell); // neutralised, quoted when needed
void appendRow(QByteArray &out, const QStringList &cells);
} // namespace Csv

enum class ReportKind
{
    Watchlist,
    Holds,
    Lfd,
    Events,
    Audit,
    FieldMapping // a destination's layout (FieldMappings): ExportOptions::fieldMapping names it
};
enum class ReportFormat
{
    Csv,
    Json
};

struct ExportOptions
{
    QString entity = QStringLiteral("default");
    ReportKind kind = ReportKind::Watchlist;
    ReportFormat format = ReportFormat::Csv;
    bool excelBom = false;
    QStringList numbers;  // empty: every container
    QString fieldMapping; // ReportKind::FieldMapping: the destination kind whose table lays out the report
};

// What a report for people needs that the core does not know: the site's time zone of a row, words
// for codes (statuses, hold types, event codes) in the user's language, and a progress callback.
struct HumanReportOptions
{
    std::function<QTimeZone(const QString &provider, const QString &site)> siteZone; // empty: UTC
    // key is the report column ("status", "type", "holds", "code", "trace_state"), code its value.
    std::function<QString(const QString &key, const QString &code)> codeText; // empty: the code itself
    std::function<void(qint64 rows)> progress;                                // every few thousand rows
};

namespace Exporter {
// The report a command names: the fixed ones, or a registered field table's kind (FieldMapping).
std::optional<ReportKind> reportKindFromName(const QString &name);
// Every name reportKindFromName knows, fixed ones first: for usage texts and file names.
QStringList reportNames();
// The same report as write(), as CSV for people: the columns a person reads first come first, under
// translated headers; times in each row's site zone with the UTC offset ("2026-03-10 05:00
// UTC-07:00"); codes in words; raw JSON columns left out. The machine names stay in write()'s
// --format json. A field table's layout is its destination's own and is written as write() writes it.
Result<qint64> writeForPeople(Store &store, const ExportOptions &options, const HumanReportOptions &human,
                              QIODevice &out);
// The machine keys of the columns writeForPeople writes for kind, in order, and their headers.
QStringList humanColumnKeys(ReportKind kind);
QString humanHeader(const QString &key);
// Streams the report to out. Returns the number of rows written.
Result<qint64> write(Store &store, const ExportOptions &options, QIODevice &out);
} // namespace Exporter
