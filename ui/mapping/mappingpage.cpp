#include "mappingpage.h"

#include "consolebackend.h"
#include "providerregistry.h"
#include "reconciler.h"
#include "watchlistrow.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// The tables the store's messages and the exports use (FieldMappings), after the built-in registry
// registered its modules' ones.
QList<FieldMapping> registeredFieldTables()
{
    ProviderRegistry::builtIn();
    return FieldMappings::all();
}

// The provider's mapping tables whose payloads are stored with its events, so the rows can be run
// on them again here; empty for a provider whose data arrives by callback.
QList<MappingTable> liveTables(const QString &providerId)
{
    const ProviderModule *module = ProviderRegistry::builtIn().module(providerId);
    QList<MappingTable> live;
    for (const MappingTable &table : module ? module->mappingTables() : QList<MappingTable>()) {
        if (table.hasLiveValues())
            live.append(table);
    }
    return live;
}

// The provider shown first: the first in catalog order whose tables have live values.
QString firstLiveProvider()
{
    for (const CatalogProvider &entry : ProviderRegistry::builtIn().catalog().providers()) {
        if (!liveTables(entry.id).isEmpty())
            return entry.id;
    }
    return {};
}

QString displayName(const QString &providerId)
{
    const CatalogProvider *entry = ProviderRegistry::builtIn().catalog().provider(providerId);
    return entry ? entry->displayName : providerId;
}

// Names and values get the width they need, up to a limit; the rule column takes the rest.
void fitColumns(QTableWidget *table, int ruleColumn)
{
    constexpr int widest = 240;
    for (int column = 0; column < table->columnCount(); ++column) {
        if (column == ruleColumn)
            continue;
        table->resizeColumnToContents(column);
        table->setColumnWidth(column, std::min(std::max(table->columnWidth(column), 90), widest));
    }
    table->horizontalHeader()->setSectionResizeMode(ruleColumn, QHeaderView::Stretch);
}

// Rule texts and table titles are English in the provider tables (marked with QT_TRANSLATE_NOOP in
// the context "MappingRules"); they are translated only where they are shown.
QString mappingText(const QString &text)
{
    return QCoreApplication::translate("MappingRules", text.toUtf8().constData());
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setToolTip(text);
    return item;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isNull())
        return u"null"_s;
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return QString::number(value.toDouble(), 'g', 15);
}

// The raw fields a row reads, out of its source property text ("move_type, out_gate_time",
// "hold_information[].hold_id").
QString rawValues(const QJsonObject &raw, const QString &sourceProperty)
{
    QStringList parts;
    for (QString name : sourceProperty.split(u", "_s)) {
        name = name.trimmed();
        if (name.contains(u'('))
            continue; // a request header, not a payload field
        const qsizetype bracket = name.indexOf(u"[]."_s);
        if (bracket > 0) {
            QStringList ids;
            for (const auto &item : raw.value(name.left(bracket)).toArray())
                ids.append(jsonText(item.toObject().value(name.mid(bracket + 3))));
            parts.append(name.left(bracket) + u": ["_s + ids.join(u", "_s) + u']');
        } else if (raw.contains(name)) {
            parts.append(sourceProperty.contains(u',') ? name + u": "_s + jsonText(raw.value(name))
                                                       : jsonText(raw.value(name)));
        }
    }
    return parts.join(u"; "_s);
}

// What one mapper row made of the payload: the observation after the rows up to and including it
// (a row may build on earlier ones, e.g. Released on the LFD and holds), through the reconciler
// into a snapshot, whose JSON names are the row's normalized properties.
QString mappedValue(const MappingRow &row, const Observation &observation, const Result<void> &applied)
{
    if (!applied)
        return MappingPage::tr("error: %1").arg(applied.error().message);
    if (row.normalizedProperty == "event location"_L1)
        return observation.eventLocation.name + u" ("_s + observation.eventLocation.type + u')';
    if (row.normalizedProperty == "not_found"_L1)
        return observation.notFound ? u"true"_s : u"false"_s;
    if (row.normalizedProperty == "container_number"_L1)
        return observation.containerNumber;
    if (row.normalizedProperty.contains(u"milestone"_s)) {
        QStringList milestones;
        for (const ObservedMilestone &milestone : observation.milestones)
            milestones.append(milestone.providerCode + u' ' +
                              QString::fromUtf8(QJsonDocument(milestone.data).toJson(QJsonDocument::Compact)));
        return milestones.join(u"; "_s);
    }
    const QJsonObject snapshot =
        Reconciler::reconcile(0, observation.containerNumber, ContainerSnapshot(), {observation}).snapshot.toJson();
    QStringList parts;
    const QStringList names = row.normalizedProperty.split(u", "_s);
    for (const QString &name : names) {
        const QJsonValue value = snapshot.value(name.trimmed());
        if (!value.isNull() && !value.isUndefined())
            parts.append(names.size() > 1 ? name + u": "_s + jsonText(value) : jsonText(value));
    }
    return parts.join(u"; "_s);
}

} // namespace

MappingPage::MappingPage(ConsoleBackend &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_providerBox(new QComboBox(this)), m_containerBox(new QComboBox(this)),
      m_providerNote(new QLabel(this)), m_payloadNote(new QLabel(this)), m_providerTable(new QTableWidget(this)),
      m_moduleTable(new QTableWidget(this)), m_fieldMappings(registeredFieldTables())
{
    setObjectName(u"mappingPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Provider:"), this));
    chooser->addWidget(m_providerBox, 1);
    chooser->addWidget(new QLabel(tr("Container:"), this));
    m_containerBox->setEditable(true);
    m_containerBox->setInsertPolicy(QComboBox::NoInsert);
    chooser->addWidget(m_containerBox, 1);
    layout->addLayout(chooser);
    m_providerNote->setWordWrap(true);
    m_payloadNote->setWordWrap(true);
    m_payloadNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A compact JSON payload is one long word: its width must not force the page (and the window)
    // wider than a laptop screen. The text breaks after commas instead (see showContainer).
    m_payloadNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_payloadNote->setMinimumWidth(1);
    layout->addWidget(m_providerNote);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_providerTable);
    splitter->addWidget(m_moduleTable);
    for (qsizetype i = 0; i < m_fieldMappings.size(); ++i) {
        m_fieldTables.append(new QTableWidget(this));
        splitter->addWidget(m_fieldTables.constLast());
    }
    layout->addWidget(splitter, 1);
    layout->addWidget(m_payloadNote);

    m_liveProvider = firstLiveProvider();
    buildProviderTable(liveTables(m_liveProvider));
    buildFieldTables();
    m_moduleTable->setObjectName(u"moduleMappingTable"_s);
    m_moduleTable->setColumnCount(3);
    m_moduleTable->setHorizontalHeaderLabels({tr("Source property"), tr("Normalized property"), tr("Rule")});
    m_moduleTable->verticalHeader()->hide();
    m_moduleTable->hide();
    connect(m_providerBox, &QComboBox::currentIndexChanged, this,
            [this] { showProvider(m_providerBox->currentData().toString()); });
    connect(m_containerBox, &QComboBox::currentTextChanged, this, &MappingPage::showContainer);
    connect(&m_backend, &ConsoleBackend::watchlistChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            reload();
    });
}

void MappingPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void MappingPage::buildProviderTable(const QList<MappingTable> &tables)
{
    m_live = tables;
    m_mapperRows.clear();
    m_rowTable.clear();
    for (int t = 0; t < m_live.size(); ++t) {
        for (const MappingRow &row : *m_live.at(t).mapperRows) {
            m_mapperRows.append(&row);
            m_rowTable.append(t);
        }
    }
    m_providerTable->setObjectName(u"providerMappingTable"_s);
    m_providerTable->setColumnCount(5);
    m_providerTable->setHorizontalHeaderLabels(
        {tr("Source property"), tr("Normalized property"), tr("Rule"), tr("Raw value"), tr("Mapped value")});
    m_providerTable->setRowCount(int(m_mapperRows.size()));
    for (int i = 0; i < m_mapperRows.size(); ++i) {
        const MappingRow &row = *m_mapperRows.at(i);
        const QString source = mappingText(m_live.at(m_rowTable.at(i)).title) + u": "_s + row.sourceProperty;
        m_providerTable->setItem(i, 0, readOnlyItem(source));
        m_providerTable->setItem(i, 1, readOnlyItem(row.normalizedProperty));
        m_providerTable->setItem(i, 2, readOnlyItem(mappingText(row.rule)));
        m_providerTable->setItem(i, providerRawColumn, readOnlyItem(QString()));
        m_providerTable->setItem(i, providerMappedColumn, readOnlyItem(QString()));
    }
    fitColumns(m_providerTable, 2);
    m_providerTable->verticalHeader()->hide();
}

void MappingPage::buildFieldTables()
{
    for (qsizetype t = 0; t < m_fieldMappings.size(); ++t) {
        const FieldMapping &mapping = m_fieldMappings.at(t);
        QTableWidget *table = m_fieldTables.at(t);
        table->setObjectName(mapping.kind + u"MappingTable"_s);
        table->setColumnCount(6);
        table->setHorizontalHeaderLabels({tr("#"), tr("Tracking property"), tr("Normalized property"),
                                          tr("%1 field").arg(mapping.title), tr("Rule"),
                                          tr("%1 value").arg(mapping.title)});
        table->setRowCount(int(mapping.rows.size()));
        for (int i = 0; i < mapping.rows.size(); ++i) {
            const FieldMappingRow &row = mapping.rows.at(i);
            table->setItem(i, 0, readOnlyItem(QString::number(row.number)));
            table->setItem(i, 1, readOnlyItem(row.trackingProperty));
            table->setItem(i, 2, readOnlyItem(row.normalizedProperty));
            table->setItem(i, 3, readOnlyItem(row.field));
            table->setItem(i, 4, readOnlyItem(mappingText(row.rule)));
            table->setItem(i, fieldValueColumn, readOnlyItem(QString()));
        }
        fitColumns(table, 4);
        table->verticalHeader()->hide();
    }
}

// "The X mapping below applies to every provider." for the destinations' tables; empty without any.
QString MappingPage::fieldTablesNote() const
{
    QStringList titles;
    for (const FieldMapping &mapping : m_fieldMappings)
        titles.append(mapping.title);
    return titles.isEmpty() ? QString()
                            : u' ' + tr("The %1 mapping below applies to every provider.").arg(titles.join(u", "_s));
}

void MappingPage::reload()
{
    m_stale = false;
    const QString provider = m_providerBox->currentData().toString();
    {
        const QSignalBlocker blocker(m_providerBox);
        m_providerBox->clear();
        for (const ProviderChoice &choice : m_backend.providers())
            m_providerBox->addItem(choice.displayName, choice.id);
        // Then every other catalog provider whose module has mapping tables, in catalog order.
        const ProviderRegistry &registry = ProviderRegistry::builtIn();
        for (const CatalogProvider &entry : registry.catalog().providers()) {
            const ProviderModule *module = registry.module(entry.id);
            if (module != nullptr && !module->mappingTables().isEmpty() && m_providerBox->findData(entry.id) < 0)
                m_providerBox->addItem(entry.displayName, entry.id);
        }
        const int index = m_providerBox->findData(provider.isEmpty() ? m_liveProvider : provider);
        m_providerBox->setCurrentIndex(std::max(index, 0));
    }
    Result<std::vector<WatchlistRow>> rows = m_backend.loadWatchlist();
    m_rows = rows ? std::move(rows.value()) : std::vector<WatchlistRow>();
    showProvider(m_providerBox->currentData().toString());
}

void MappingPage::showProvider(const QString &providerId)
{
    const QList<MappingTable> live = liveTables(providerId);
    const bool mapped = !live.isEmpty();
    if (mapped && providerId != m_liveProvider) {
        m_liveProvider = providerId;
        buildProviderTable(live);
    }
    m_providerTable->setEnabled(mapped);
    m_providerNote->setText(
        mapped ? tr("The rows below are the ones the mapper of %1 runs, in order.").arg(displayName(providerId))
               : tr("This provider has no mapping table on this screen yet.") + fieldTablesNote());
    // Another module's tables take the polled table's place; without any the latter stays, disabled.
    const bool moduleTables = !mapped && showModuleTables(providerId);
    m_moduleTable->setVisible(moduleTables);
    m_providerTable->setVisible(!moduleTables);
    const QString current = m_containerBox->currentText();
    const QSignalBlocker blocker(m_containerBox);
    m_containerBox->clear();
    for (const WatchlistRow &row : m_rows) {
        if (row.provider == providerId)
            m_containerBox->addItem(row.number);
    }
    const int index = m_containerBox->findText(current);
    m_containerBox->setCurrentIndex(index >= 0 ? index : (m_containerBox->count() > 0 ? 0 : -1));
    showContainer(m_containerBox->currentText());
}

// A provider served by another module: that module's tables, rows as its mappers run them. Their
// payloads arrive by callback, so there are no live values to show beside them.
bool MappingPage::showModuleTables(const QString &providerId)
{
    const ProviderModule *module = ProviderRegistry::builtIn().module(providerId);
    const QList<MappingTable> tables = module ? module->mappingTables() : QList<MappingTable>();
    m_moduleTable->setRowCount(0);
    if (tables.isEmpty())
        return false;
    for (const MappingTable &table : tables) {
        for (const MappingTableRow &row : table.rows) {
            const int at = m_moduleTable->rowCount();
            m_moduleTable->insertRow(at);
            m_moduleTable->setItem(at, 0, readOnlyItem(mappingText(table.title) + u": "_s + row.source));
            // A JSON name stays as it is; a marker such as "(not sent)" is translated.
            m_moduleTable->setItem(at, 1, readOnlyItem(mappingText(row.normalized)));
            m_moduleTable->setItem(at, 2, readOnlyItem(mappingText(row.rule)));
        }
    }
    fitColumns(m_moduleTable, 2);
    m_providerNote->setText(tr("The rows below are the ones the mapper of %1 runs, in order. Its data arrives by "
                               "callback, so no live values are shown.")
                                .arg(displayName(providerId)) +
                            fieldTablesNote());
    return true;
}

void MappingPage::clearLiveValues()
{
    for (int i = 0; i < m_providerTable->rowCount(); ++i) {
        m_providerTable->item(i, providerRawColumn)->setText(QString());
        m_providerTable->item(i, providerMappedColumn)->setText(QString());
    }
    for (QTableWidget *table : std::as_const(m_fieldTables)) {
        for (int i = 0; i < table->rowCount(); ++i)
            table->item(i, fieldValueColumn)->setText(QString());
    }
}

void MappingPage::showContainer(const QString &number)
{
    clearLiveValues();
    if (m_providerBox->currentData().toString() != m_liveProvider) {
        m_payloadNote->clear(); // a provider whose payloads arrive by callback: no live values
        return;
    }
    const QString wanted = number.trimmed().toUpper();
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const WatchlistRow &row) {
        return row.number == wanted && row.provider == m_providerBox->currentData().toString();
    });
    if (found == m_rows.cend()) {
        m_payloadNote->setText(wanted.isEmpty() ? tr("Choose a container to see its live values.")
                                                : tr("%1 is not on the watchlist for this provider.").arg(wanted));
        return;
    }
    const Result<QList<Event>> events = m_backend.events(found->id);
    if (!events) {
        m_payloadNote->setText(tr("Cannot read the events of %1: %2").arg(wanted, events.error().message));
        return;
    }
    fillLiveValues(*found, events.value());
}

void MappingPage::fillLiveValues(const WatchlistRow &row, const QList<Event> &events)
{
    // The newest payload each table reads (events come newest first).
    QList<QJsonObject> payloads(m_live.size());
    for (const Event &event : events) {
        for (qsizetype t = 0; t < m_live.size() && !event.raw.isEmpty(); ++t) {
            if (!m_live.at(t).readsPayload(event.raw))
                continue;
            if (payloads.at(t).isEmpty())
                payloads[t] = event.raw;
            break;
        }
    }
    const QDateTime now = m_backend.clock().now();
    QList<Observation> perTable(m_live.size());
    QList<MappingContext> contexts;
    for (qsizetype t = 0; t < m_live.size(); ++t) {
        perTable[t].containerNumber = row.number;
        contexts.append(m_live.at(t).contextFor(row.site, now));
    }
    for (int i = 0; i < m_mapperRows.size(); ++i) {
        const int t = m_rowTable.at(i);
        const QJsonObject &raw = payloads.at(t);
        if (raw.isEmpty())
            continue;
        const MappingRow &mapperRow = *m_mapperRows.at(i);
        const Result<void> applied = mapperRow.apply(raw, perTable[t], contexts.at(t));
        m_providerTable->item(i, providerRawColumn)->setText(rawValues(raw, mapperRow.sourceProperty));
        m_providerTable->item(i, providerMappedColumn)->setText(mappedValue(mapperRow, perTable.at(t), applied));
    }
    // The whole chain: every payload through the mapper and the reconciler, then the field tables.
    WatchEntry entry;
    entry.containerNumber = row.number;
    QList<Observation> observations;
    QStringList shown;
    for (qsizetype t = 0; t < m_live.size(); ++t) {
        if (!payloads.at(t).isEmpty())
            observations.append(perTable.at(t));
        shown.append(mappingText(m_live.at(t).title) + u' ' +
                     (payloads.at(t).isEmpty()
                          ? tr("none")
                          : QString::fromUtf8(QJsonDocument(payloads.at(t)).toJson(QJsonDocument::Compact))
                                .replace(u","_s, u",\u200B"_s))); // a break opportunity, invisible
    }
    entry.snapshot = Reconciler::reconcile(0, row.number, ContainerSnapshot(), observations).snapshot;
    for (qsizetype t = 0; t < m_fieldMappings.size(); ++t) {
        const QList<FieldMappingRow> &fieldRows = m_fieldMappings.at(t).rows;
        for (int i = 0; i < fieldRows.size(); ++i)
            m_fieldTables.at(t)
                ->item(i, fieldValueColumn)
                ->setText(FieldMapping::cellText(fieldRows.at(i).value(entry)));
    }
    m_payloadNote->setText(observations.isEmpty() ? tr("No provider payload stored for %1 yet.").arg(row.number)
                                                  : tr("Raw payloads of %1: %2").arg(row.number, shown.join(u"; "_s)));
}
