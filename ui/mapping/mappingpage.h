#pragma once

#include "event.h"
#include "portsamericamapper.h"

#include <QList>
#include <QWidget>

#include <vector>

class ConsoleBackend;
class QComboBox;
class QLabel;
class QTableWidget;
struct WatchlistRow;

// The Mapping screen: for a provider, the table "source property -> normalized property -> rule"
// that its mapper really runs (the very PortsAmericaMapper row objects, so the screen and the code
// cannot disagree; every other provider module's tables come from the provider registry); the TMS mapping normalized
// field -> PortPro field (the PortProMapping rows the portpro report uses); and for a selected container the live value
// at each step: the raw payload of its latest events, what each mapper row makes of it, and the PortPro column it ends
// up in.
class MappingPage final : public QWidget
{
    Q_OBJECT

public:
    explicit MappingPage(ConsoleBackend &backend, QWidget *parent = nullptr);

    // The mapper rows on screen, in order (availability rows, then gate rows): the same objects
    // the mapper runs.
    const QList<const PortsAmericaMappingRow *> &mapperRows() const { return m_mapperRows; }
    QTableWidget *providerTable() const { return m_providerTable; }
    // The mapping tables of the selected provider's module where it is not the polled one above.
    QTableWidget *moduleTable() const { return m_moduleTable; }
    QTableWidget *portProTable() const { return m_portProTable; }
    QComboBox *providerBox() const { return m_providerBox; }
    QComboBox *containerBox() const { return m_containerBox; }

    // Column of the live values in both tables.
    static constexpr int providerRawColumn = 3;
    static constexpr int providerMappedColumn = 4;
    static constexpr int portProValueColumn = 5;

public Q_SLOTS:
    void reload();                             // providers and containers from the backend
    void showContainer(const QString &number); // fills the live-value columns
    void showProvider(const QString &providerId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildProviderTable();
    void buildPortProTable();
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
    QTableWidget *m_portProTable;
    QList<const PortsAmericaMappingRow *> m_mapperRows;
    QList<bool> m_gateRow; // per mapper row: does it read GateTransaction moves?
    std::vector<WatchlistRow> m_rows;
};
