// The Mapping screen shows every provider module's mapping tables, not only the polled provider's:
// choosing a subscribed or published provider shows the rows its module's mapper runs.
#include "envasemapper.h"
#include "mappingpage.h"
#include "portconnectmapper.h"
#include "portpromapping.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QScopeGuard>
#include <QTableWidget>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestMappingModules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyModuleProviderIsOffered();
    void showsTheSubscribedProvidersRows();
    void showsThePublishedProvidersRows();
    void polledProviderHidesTheModuleTable();
    void showsThePortProDestinationTable();
    void showsTheRulesInDutch();

private:
    void select(MappingPage &page, const QString &providerId);

    // Each test: an empty SQLite store and the Mapping page over it.
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    SystemClock m_clock;
    std::unique_ptr<StoreConsoleBackend> m_backend;
    std::unique_ptr<MappingPage> m_page;
};

void TestMappingModules::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_backend = std::make_unique<StoreConsoleBackend>(*m_store, u"default"_s, m_clock);
    m_page = std::make_unique<MappingPage>(*m_backend);
}

void TestMappingModules::cleanup()
{
    // Users first: the page before the backend, the backend before its store.
    m_page.reset();
    m_backend.reset();
    m_store.reset();
    m_database.reset();
}

void TestMappingModules::select(MappingPage &page, const QString &providerId)
{
    page.reload();
    const int index = page.providerBox()->findData(providerId);
    QVERIFY2(index >= 0, qPrintable(providerId));
    page.providerBox()->setCurrentIndex(index);
}

void TestMappingModules::everyModuleProviderIsOffered()
{
    MappingPage &page = *m_page;
    page.reload();
    for (const QString &id : {u"ports_america"_s, u"portconnect"_s, u"apm"_s})
        QVERIFY2(page.providerBox()->findData(id) >= 0, qPrintable(id));
    QCOMPARE(page.providerBox()->findData(u"psa_eportal"_s), -1); // its module has no mapping table
}

void TestMappingModules::showsTheSubscribedProvidersRows()
{
    MappingPage &page = *m_page;
    select(page, u"portconnect"_s);
    const QList<PortConnectMappingRow> &rows = PortConnectMapper::rows();
    QTableWidget *table = page.moduleTable();
    QVERIFY(!table->isHidden());
    QVERIFY(page.providerTable()->isHidden());
    QCOMPARE(table->rowCount(), rows.size());
    for (int i = 0; i < table->rowCount(); ++i) {
        QVERIFY(table->item(i, 0)->text().endsWith(rows.at(i).providerCode));
        QCOMPARE(table->item(i, 1)->text(), rows.at(i).normalized);
        QCOMPARE(table->item(i, 2)->text(), rows.at(i).rule);
    }
}

void TestMappingModules::showsThePublishedProvidersRows()
{
    MappingPage &page = *m_page;
    select(page, u"apm"_s);
    const QList<EnvaseMappingRow> &rows = EnvaseMapper::rows();
    QCOMPARE(page.moduleTable()->rowCount(), rows.size());
    QVERIFY(page.moduleTable()->item(0, 0)->text().endsWith(rows.at(0).code));
    QCOMPARE(page.moduleTable()->item(0, 2)->text(), rows.at(0).rule);
}

// The PortPro destination's table: every seed-000 row with the JSON name Quaywatch sends it as.
void TestMappingModules::showsThePortProDestinationTable()
{
    MappingPage &page = *m_page;
    select(page, u"portpro"_s);
    const QList<FieldMappingRow> &rows = PortProMapping::mapping().rows;
    QTableWidget *table = page.moduleTable();
    QVERIFY(!table->isHidden());
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(rows.size(), 10);
    for (int i = 0; i < table->rowCount(); ++i) {
        QVERIFY2(table->item(i, 0)->text().contains(rows.at(i).trackingProperty),
                 qPrintable(table->item(i, 0)->text()));
        QVERIFY(table->item(i, 0)->text().contains(rows.at(i).field));
        QCOMPARE(table->item(i, 2)->text(), rows.at(i).rule);
    }
    QCOMPARE(table->item(2, 1)->text(), u"lastFreeDay"_s);
    QCOMPARE(table->item(9, 1)->text(), u"customHold"_s);
}

// The rule texts and table titles come from the providers' tables in English; the screen shows
// them in the installed language.
void TestMappingModules::showsTheRulesInDutch()
{
    QCOMPARE(Translations::install(*qApp, u"nl"_s), u"nl"_s);
    const auto english = qScopeGuard([] { Translations::install(*qApp, u"en"_s); });
    MappingPage &page = *m_page;
    select(page, u"portconnect"_s);
    const PortConnectMappingRow *row = PortConnectMapper::row(u"CUSTOMSRELEASECANCELLED"_s);
    QVERIFY(row);
    QTableWidget *table = page.moduleTable();
    int at = 0;
    while (at < table->rowCount() && !table->item(at, 0)->text().endsWith(u": CUSTOMSRELEASECANCELLED"_s))
        ++at;
    QVERIFY(at < table->rowCount());
    QCOMPARE(table->item(at, 0)->text(), u"Callbacks van bezoekgebeurtenissen: CUSTOMSRELEASECANCELLED"_s);
    QCOMPARE(table->item(at, 1)->text(), u"HOLD_ADDED (CUSTOMS)"_s); // machine names stay
    QCOMPARE(table->item(at, 2)->text(), u"de douanevrijgave is ingetrokken: de douaneblokkade is terug"_s);
    QVERIFY(table->item(at, 2)->text() != row->rule);
}

void TestMappingModules::polledProviderHidesTheModuleTable()
{
    MappingPage &page = *m_page;
    select(page, u"portconnect"_s);
    select(page, u"ports_america"_s);
    QVERIFY(page.moduleTable()->isHidden());
    QVERIFY(!page.providerTable()->isHidden());
    QVERIFY(page.providerTable()->isEnabled());
}

QTEST_MAIN(TestMappingModules)
#include "tst_mappingmodules.moc"
