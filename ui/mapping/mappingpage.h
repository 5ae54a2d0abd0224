#pragma once

#include "event.h"
#include "mappingrow.h"
#include "outbound/fieldmapping.h"
#include "providermodule.h"

#include <QList>
#include <QWidget>

#include <vector>

class ConsoleBackend;
class QComboBox;
class QLabel;
class QTableWidget;
struct WatchlistRow;

// The Mapping screen: for a provider, the tables "source property -> normalized property -> rule"
// its module's mappers really run (from the provider registry; for a polled provider the very
// MappingRow objects its mapper runs, so the screen and the code cannot disagree); for each outbound
// destination with a field table, normalized field -> destination field (the FieldMappings rows its
// report and messages use); and for a selected container of a polled provider the live value at each
// step: the raw payload of its latest events, what each mapper row makes of it, and the destination
// columns it ends up in.
class MappingPage final : public QWidget
{
    Q_OBJECT

public:
    explicit MappingPage(ConsoleBackend &backend, QWidget *parent = nullptr);

    // The mapper rows on screen, in order (table by table, as the module lists its tables): the same
    // objects the mapper runs. At first those of the first provider whose tables have live values.
    const QList<const MappingRow *> &mapperRows() const { return m_mapperRows; }
    QTableWidget *providerTable() const { return m_providerTable; }
    // The mapping tables of the selected provider's module where it is not the polled one above.
    QTableWidget *moduleTable() const { return m_moduleTable; }
    // One table per registered field table (FieldMappings::all()), in that order.
    const QList<QTableWidget *> &fieldTables() const { return m_fieldTables; }
    QComboBox *providerBox() const { return m_providerBox; }
    QComboBox *containerBox() const { return m_containerBox; }

    // Column of the live values in both tables.
    static constexpr int providerRawColumn = 3;
    static constexpr int providerMappedColumn = 4;
    static constexpr int fieldValueColumn = 5;

public Q_SLOTS:
    void reload();                             // providers and containers from the backend
    void showContainer(const QString &number); // fills the live-value columns
    void showProvider(const QString &providerId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildProviderTable(const QList<MappingTable> &tables);
    void buildFieldTables();
    QString fieldTablesNote() const;
    bool showModuleTables(const QString &providerId); // false: the provider's module has none
    void clearLiveValues();
    void fillLiveValues(const WatchlistRow &row, const QList<Event> &events);

    ConsoleBackend &m_backend;
    // The container list is a full read of the watchlist: done when the page is shown, never at
    // start-up or after a sync while another page is on screen.
    bool m_stale = true;
    QComboBox *m_providerBox;
    QComboBox *m_containerBox;
    QLabel *m_providerNote;
    QLabel *m_payloadNote;
    QTableWidget *m_providerTable;
    QTableWidget *m_moduleTable;
    QList<FieldMapping> m_fieldMappings;
    QList<QTableWidget *> m_fieldTables; // one per m_fieldMappings entry
    QString m_liveProvider;              // whose tables the provider table shows
    QList<MappingTable> m_live;          // those tables
    QList<const MappingRow *> m_mapperRows;
    QList<int> m_rowTable; // per mapper row: its table in m_live
    std::vector<WatchlistRow> m_rows;
};
