#include "importmapping.h"

#include "containernumber.h"
#include "settings.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int headerSearchRows = 20;
static_assert(headerSearchRows <= ImportMapping::mappingRows);

// "Container #" -> "container", "B/L No." -> "blno": letters and digits only, lower case.
QString squeezed(const QString &header)
{
    QString out;
    out.reserve(header.size());
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}

struct Synonyms
{
    ImportField field;
    std::initializer_list<const char16_t *> names; // squeezed
};

const std::array<Synonyms, 6> &synonyms()
{
    static const std::array<Synonyms, 6> table{{
        {ImportField::ContainerNumber,
         {u"container", u"containernumber", u"containerno", u"containernr", u"containerid", u"cntr", u"cntrno",
          u"cntrnumber", u"ctr", u"ctrno", u"equipment", u"equipmentnumber", u"equipmentno", u"unit", u"unitnumber",
          u"unitno", u"number"}},
        {ImportField::Provider, {u"provider", u"providerid", u"datasource", u"source"}},
        {ImportField::Site, {u"site", u"siteid", u"sitecode", u"terminal", u"terminalcode", u"terminalid"}},
        {ImportField::Reference,
         {u"reference", u"ref", u"refno", u"referencenumber", u"customerreference", u"customerref", u"custref",
          u"customerrefno", u"clientref", u"yourreference", u"yourref", u"loadnumber", u"loadno", u"load"}},
        {ImportField::BillOfLading,
         {u"bl", u"blno", u"blnumber", u"billoflading", u"billofladingnumber", u"bol", u"mbl", u"mbol", u"masterbl",
          u"masterbilloflading"}},
        {ImportField::Booking, {u"booking", u"bookingnumber", u"bookingno", u"bookingref", u"bkg", u"bkgno"}},
    }};
    return table;
}

// Provider data fields the catalog's providers declare (resources/catalog/providers.json), matched
// whatever their case.
const std::array<const char16_t *, 8> knownDataKeys{u"truckingCompanyCode",
                                                    u"steamshipBL",
                                                    u"locationCode",
                                                    u"truckCompany",
                                                    u"siteId",
                                                    u"port",
                                                    u"category",
                                                    u"facility"};

QString fieldNameOf(ImportField field)
{
    switch (field) {
    case ImportField::Ignore:
        return u"ignore"_s;
    case ImportField::ContainerNumber:
        return u"container_number"_s;
    case ImportField::Provider:
        return u"provider"_s;
    case ImportField::Site:
        return u"site"_s;
    case ImportField::Reference:
        return u"reference"_s;
    case ImportField::BillOfLading:
        return u"bill_of_lading"_s;
    case ImportField::Booking:
        return u"booking"_s;
    case ImportField::ProviderData:
        return u"provider_data"_s;
    }
    return u"ignore"_s;
}

bool looksLikeContainerNumber(const QString &cell)
{
    QString compact = cell;
    compact.remove(u' ');
    compact.remove(u'-');
    return ContainerNumber::isValid(compact);
}

} // namespace

int ImportMapping::containerColumn() const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).field == ImportField::ContainerNumber)
            return int(i);
    }
    return -1;
}

QString ImportMapping::fieldName(ImportField field)
{
    return fieldNameOf(field);
}

QList<ImportField> ImportMapping::allFields()
{
    return {ImportField::Ignore,    ImportField::ContainerNumber, ImportField::Provider, ImportField::Site,
            ImportField::Reference, ImportField::BillOfLading,    ImportField::Booking,  ImportField::ProviderData};
}

std::optional<ImportField> ImportMapping::fieldFromName(const QString &name)
{
    for (const ImportField field : allFields()) {
        if (fieldNameOf(field) == name)
            return field;
    }
    return std::nullopt;
}

QJsonObject ImportMapping::toJson() const
{
    QJsonArray list;
    for (const ImportColumn &column : columns) {
        QJsonObject object{{u"field"_s, fieldNameOf(column.field)}};
        if (column.field == ImportField::ProviderData)
            object.insert(u"key"_s, column.dataKey);
        list.append(object);
    }
    return {{u"header_index"_s, headerIndex}, {u"columns"_s, list}};
}

std::optional<ImportMapping> ImportMapping::fromJson(const QJsonObject &json)
{
    if (!json.value(u"columns"_s).isArray())
        return std::nullopt;
    ImportMapping mapping;
    mapping.headerIndex = json.value(u"header_index"_s).toInt(-1);
    const QJsonArray columns = json.value(u"columns"_s).toArray();
    for (const auto &value : columns) {
        const QJsonObject object = value.toObject();
        const auto field = fieldFromName(object.value(u"field"_s).toString());
        if (!field)
            return std::nullopt;
        mapping.columns.append({*field, object.value(u"key"_s).toString()});
    }
    return mapping;
}

ImportColumn ImportMapping::guessColumn(const QString &header)
{
    const QString trimmed = header.trimmed();
    for (const QLatin1StringView prefix : {"data."_L1, "data:"_L1}) {
        if (trimmed.startsWith(prefix, Qt::CaseInsensitive) && trimmed.size() > prefix.size())
            return {ImportField::ProviderData, trimmed.mid(prefix.size()).trimmed()};
    }
    const QString key = squeezed(trimmed);
    if (key.isEmpty())
        return {};
    for (const char16_t *known : knownDataKeys) {
        if (key == QString::fromUtf16(known).toLower())
            return {ImportField::ProviderData, QString::fromUtf16(known)};
    }
    for (const Synonyms &entry : synonyms()) {
        for (const char16_t *name : entry.names) {
            if (key == QStringView(name))
                return {entry.field, {}};
        }
    }
    return {};
}

int ImportMapping::findHeaderRow(const SpreadsheetTable &table)
{
    const qsizetype limit = std::min<qsizetype>(table.rows.size(), headerSearchRows);
    for (qsizetype i = 0; i < limit; ++i) {
        for (const QString &cell : table.rows.at(i).cells) {
            if (guessColumn(cell).field == ImportField::ContainerNumber)
                return int(i);
        }
    }
    return -1;
}

ImportMapping ImportMapping::guess(const SpreadsheetTable &table)
{
    ImportMapping mapping;
    mapping.headerIndex = findHeaderRow(table);
    qsizetype width = 0;
    for (const SpreadsheetRow &row : table.rows)
        width = std::max(width, row.cells.size());
    mapping.columns.resize(width);
    if (mapping.headerIndex >= 0) {
        const QStringList &header = table.rows.at(mapping.headerIndex).cells;
        bool haveNumber = false;
        for (qsizetype i = 0; i < header.size(); ++i) {
            ImportColumn column = guessColumn(header.at(i));
            if (column.field == ImportField::ContainerNumber) {
                if (haveNumber)
                    column = {}; // the first such column wins; a second is ignored, not mixed in
                haveNumber = true;
            }
            mapping.columns[i] = column;
        }
        return mapping;
    }
    // No header: the column with the most valid container numbers in the first rows.
    QList<int> hits(width, 0);
    const qsizetype limit = std::min<qsizetype>(table.rows.size(), mappingRows);
    for (qsizetype r = 0; r < limit; ++r) {
        const QStringList &cells = table.rows.at(r).cells;
        for (qsizetype c = 0; c < cells.size(); ++c)
            hits[c] += looksLikeContainerNumber(cells.at(c)) ? 1 : 0;
    }
    const auto best = std::max_element(hits.cbegin(), hits.cend());
    if (best != hits.cend() && *best > 0)
        mapping.columns[best - hits.cbegin()] = {ImportField::ContainerNumber, {}};
    return mapping;
}

QString ImportMapping::layoutKey(const SpreadsheetTable &table, int headerIndex)
{
    if (headerIndex < 0 || headerIndex >= table.rows.size())
        return {};
    QStringList normalized;
    for (const QString &cell : table.rows.at(headerIndex).cells)
        normalized.append(cell.trimmed().toLower());
    while (!normalized.isEmpty() && normalized.constLast().isEmpty())
        normalized.removeLast();
    const QByteArray digest =
        QCryptographicHash::hash(normalized.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(32));
}

std::optional<ImportMapping> ImportMapping::recall(const Settings &settings, const QString &layoutKey)
{
    if (layoutKey.isEmpty())
        return std::nullopt;
    const QByteArray stored = settings.value(SettingKey::ImportLayout, layoutKey).toByteArray();
    if (stored.isEmpty())
        return std::nullopt;
    return fromJson(QJsonDocument::fromJson(stored).object());
}

std::optional<ImportMapping> ImportMapping::recallFor(const Settings &settings, const SpreadsheetTable &table)
{
    // Any of the first rows may be the header the user chose in the dialog, also one guess() would
    // not recognize (that is when a remembered mapping matters most).
    const qsizetype limit = std::min<qsizetype>(table.rows.size(), headerSearchRows);
    for (qsizetype i = 0; i < limit; ++i) {
        std::optional<ImportMapping> mapping = recall(settings, layoutKey(table, int(i)));
        if (mapping) {
            mapping->headerIndex = int(i); // the same header, maybe below a different title block
            return mapping;
        }
    }
    return std::nullopt;
}

void ImportMapping::remember(Settings &settings, const QString &layoutKey, const ImportMapping &mapping)
{
    if (layoutKey.isEmpty())
        return;
    settings.setValue(SettingKey::ImportLayout, QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact),
                      layoutKey);
}

std::optional<ImportMapping> ImportMapping::recall(QSettings &settings, const QString &layoutKey)
{
    return recall(Settings(settings), layoutKey);
}

void ImportMapping::remember(QSettings &settings, const QString &layoutKey, const ImportMapping &mapping)
{
    Settings table(settings);
    remember(table, layoutKey, mapping);
}

std::optional<ImportMapping> ImportMapping::recallFor(QSettings &settings, const SpreadsheetTable &table)
{
    return recallFor(Settings(settings), table);
}
