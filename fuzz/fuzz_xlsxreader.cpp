// libFuzzer target: the XLSX reader (QuaZip + QXmlStreamReader) on arbitrary bytes, with a small
// inflation cap so that compressed inputs cannot make a run slow.
#include "importer.h"
#include "xlsxreader.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    XlsxReader::Options options;
    options.maxInflatedBytes = 4 * 1024 * 1024;
    const Result<SpreadsheetTable> table = XlsxReader::readBytes(bytes, options);
    if (!table)
        return 0;
    ImportDefaults defaults;
    defaults.provider = QStringLiteral("provider_a"); // any id will do: the planner only needs one
    (void)Importer::plan(table.value(), ImportMapping::guess(table.value()), defaults);
    return 0;
}
