// A view-only console never syncs and says so; the status bar names the active workers from the
// heartbeat table, and the Settings page's switch turns view only on and off.
#include "clock.h"
#include "consolefixture.h"
#include "mainwindow.h"
#include "portsamericaadapter.h"
#include "provideradapter.h"
#include "settingspage.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QCheckBox>
#include <QLabel>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString portsAmerica = QString::fromLatin1(PortsAmerica::providerId);

class CountingAdapter final : public ProviderAdapter
{
public:
    QString providerId() const override { return portsAmerica; }
    int batchLimit() const override { return 50; }
    int maxConcurrentRequests() const override { return 1; }
    void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) override
    {
        ++batches;
        BatchTraceResult result;
        for (const WatchEntry &entry : batch.entries)
            result.containers.append(ContainerTraceResult{entry.id, {}, {}});
        done(result);
    }
    int batches = 0;
};
} // namespace

class TestViewOnlyConsole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void viewOnlyConsoleNeverSyncsAndShowsTheWorkers();

private:
    QTemporaryDir m_settings;
};

void TestViewOnlyConsole::initTestCase()
{
    ConsoleFixture::isolateSettings(m_settings.path(), u"tst_viewonlyconsole"_s);
}

void TestViewOnlyConsole::viewOnlyConsoleNeverSyncsAndShowsTheWorkers()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    Store &store = *opened.value();
    WatchEntry entry;
    entry.entity = u"default"_s;
    entry.containerNumber = u"MSKU1234565"_s;
    entry.provider = portsAmerica;
    entry.site = u"WBCT_LA"_s;
    QVERIFY(store.addContainer(entry));

    // A sync worker on a server, seen just now, whose last cycle ended at 12:01 local time.
    WorkerHeartbeat worker;
    worker.identity.host = u"srv1"_s;
    worker.identity.pid = 4711;
    worker.name = u"sync"_s;
    worker.lastCycleAt = QDateTime(QDate::currentDate(), QTime(12, 1)).toUTC();
    QVERIFY(store.recordHeartbeat(worker));

    StoreConsoleBackend backend(store, u"default"_s, testClock());
    CountingAdapter adapter;
    backend.setAdapter(&adapter);
    backend.setViewOnly(true);
    MainWindow window(backend);
    window.show();

    backend.syncNow();
    backend.traceNow({entry.containerNumber});
    QVERIFY(!backend.isSyncing());
    QCoreApplication::processEvents();
    QCOMPARE(adapter.batches, 0);

    QLabel *label = window.workersLabel();
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), u"View only · Workers: 1 active — srv1 (pid 4711, last cycle 12:01)"_s);

    // Switched off on the Settings page: the console syncs again and the bar no longer says view only.
    QCheckBox *viewOnly = window.settingsPage()->viewOnlyBox();
    QVERIFY(viewOnly->isChecked());
    viewOnly->setChecked(false);
    QVERIFY(!backend.isViewOnly());
    QVERIFY(!label->text().startsWith(u"View only"_s));
    backend.syncNow();
    QTRY_COMPARE(adapter.batches, 1);
}

QTEST_MAIN(TestViewOnlyConsole)
#include "tst_viewonlyconsole.moc"
