// libFuzzer target: the CSV reader and the import planning behind it. Any bytes must give a table
// or a clear error, never a crash, a hang or unbounded memory.
#include "csvreader.h"
#include "importer.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<SpreadsheetTable> table = CsvReader::parse(bytes);
    if (!table)
        return 0;
    ImportDefaults defaults;
    defaults.provider = QStringLiteral("provider_a"); // any id will do: the planner only needs one
    const ImportMapping mapping = ImportMapping::guess(table.value());
    (void)ImportMapping::layoutKey(table.value(), mapping.headerIndex);
    (void)Importer::plan(table.value(), mapping, defaults);
    return 0;
}
