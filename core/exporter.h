#pragma once

#include "result.h"
#include "store.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QStringView>

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
    PortPro
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
    QStringList numbers; // empty: every container
};

namespace Exporter {
std::optional<ReportKind> reportKindFromName(const QString &name);
// Streams the report to out. Returns the number of rows written.
Result<qint64> write(Store &store, const ExportOptions &options, QIODevice &out);
} // namespace Exporter
