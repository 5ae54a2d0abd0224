// The Today page: the seeded store under a fixed clock gives the expected groups, counts and
// sentences; hand-made rows cover each rule (bad input first); acknowledging is stored, audited and
// seen by a second console of the entity; Enter opens the container.
#include "consolefixture.h"
#include "seededconsole.h"
#include "statuspresentation.h"
#include "storeconsolebackend.h"
#include "todaymodel.h"
#include "todaypage.h"
#include "todaysituation.h"
#include "translations.h"
#include "watchlistmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
WatchlistRow inYard(const QString &number)
{
    WatchlistRow row;
    row.id = qHash(number);
    row.number = number;
    row.status = ContainerStatus::NotAvailable;
    row.available = false;
    row.lastTracedAt = WatchlistRow::fromDateTime(ConsoleFixture::now().addSecs(-600));
    return row;
}
} // namespace

class TestTodayPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

    std::vector<WatchlistRow> seededRows();
    TodaySituations::Facts facts() const
    {
        return {ConsoleFixture::today(), ConsoleFixture::now(), QTimeZone("America/Los_Angeles")};
    }

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyAndUnknownRowsNeedNothing();
    void classify_data();
    void classify();
    void seededStoreGroupsCountsAndTexts();
    void mostUrgentFirstWithinAGroup();
    void sentencesInTheChosenLanguage_data();
    void sentencesInTheChosenLanguage();
    void acknowledgeIsStoredAuditedAndShared();
    void enterOpensTheContainer();
};

void TestTodayPage::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_todaypage"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "10 Mar"
}

void TestTodayPage::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void TestTodayPage::cleanup()
{
    m_console.close();
}

std::vector<WatchlistRow> TestTodayPage::seededRows()
{
    Result<std::vector<WatchlistRow>> rows = m_console.backend->loadWatchlist();
    if (!rows)
        qFatal("cannot read the watchlist: %s", qPrintable(rows.error().message));
    return std::move(rows.value());
}

void TestTodayPage::emptyAndUnknownRowsNeedNothing()
{
    TodayModel model(*m_console.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({});
    QCOMPARE(model.rowCount(), todaySituationCount);
    for (int group = 0; group < todaySituationCount; ++group)
        QCOMPARE(model.count(TodaySituation(group)), 0);
    // A row with nothing known (never traced, no LFD, no status) needs no action yet.
    WatchlistRow blank;
    blank.number = u"MSCU1000010"_s;
    QCOMPARE(TodaySituations::classify(blank, facts()), std::nullopt);
    model.setRows({blank});
    QCOMPARE(model.rowCount(model.groupIndex(TodaySituation::DataProblem)), 0);
    // No today (a clock not set yet): LFD rules cannot apply, nothing crashes.
    WatchlistRow dated = inYard(u"MSCU1000011"_s);
    dated.lfd = ConsoleFixture::today();
    QCOMPARE(TodaySituations::classify(dated, {QDate(), ConsoleFixture::now(), QTimeZone::utc()}), std::nullopt);
}

void TestTodayPage::classify_data()
{
    QTest::addColumn<WatchlistRow>("row");
    QTest::addColumn<int>("expected"); // -1: not on the page
    const QDate today = ConsoleFixture::today();
    const qint64 now = WatchlistRow::fromDateTime(ConsoleFixture::now());

    WatchlistRow overdue = inYard(u"A"_s);
    overdue.lfd = today.addDays(-2);
    QTest::newRow("overdue in the terminal") << overdue << int(TodaySituation::LfdOverdue);
    WatchlistRow left = overdue;
    left.status = ContainerStatus::Outgated;
    left.outgatedAt = now - 3600'000;
    QTest::newRow("overdue but outgated: nothing") << left << -1;
    WatchlistRow returned = overdue;
    returned.status = ContainerStatus::EmptyReturned;
    returned.emptyReturnedAt = now - 3600'000;
    QTest::newRow("overdue but empty returned: nothing") << returned << -1;
    WatchlistRow cancelled = overdue;
    cancelled.traceState = TraceState::Cancelled;
    QTest::newRow("tracing cancelled: nothing") << cancelled << -1;

    WatchlistRow held = inYard(u"B"_s);
    held.holds = {{HoldType::Customs, u"CUSTOMS"_s, now}};
    held.lfd = today.addDays(5);
    QTest::newRow("held, LFD in 5 days") << held << int(TodaySituation::OnHold);
    WatchlistRow heldTomorrow = held;
    heldTomorrow.lfd = today.addDays(1);
    QTest::newRow("held, LFD tomorrow: the LFD group") << heldTomorrow << int(TodaySituation::LfdTomorrow);

    WatchlistRow available = inYard(u"C"_s);
    available.status = ContainerStatus::Available;
    available.available = true;
    QTest::newRow("available, no LFD") << available << int(TodaySituation::AvailableNotPickedUp);

    WatchlistRow conflict = available;
    conflict.status = ContainerStatus::Outgated;
    conflict.outgatedAt = now - 7200'000;
    QTest::newRow("available but outgated: conflict") << conflict << int(TodaySituation::DataProblem);

    WatchlistRow stale = inYard(u"D"_s);
    stale.lastTracedAt = now - 3 * 3600'000; // in the yard: every 15 minutes promised
    QTest::newRow("in the yard, traced 3 h ago: stale") << stale << int(TodaySituation::DataProblem);
    WatchlistRow vessel = inYard(u"E"_s);
    vessel.status = ContainerStatus::OnVessel;
    vessel.available.reset();
    vessel.lastTracedAt = now - 13 * 3600'000; // every 12 hours promised; one missed cycle is fine
    QTest::newRow("on vessel, traced 13 h ago: fine") << vessel << -1;
    vessel.lastTracedAt = now - 25 * 3600'000;
    QTest::newRow("on vessel, traced 25 h ago: stale") << vessel << int(TodaySituation::DataProblem);

    WatchlistRow failed = inYard(u"F"_s);
    failed.lastError = u"Bad credentials"_s;
    QTest::newRow("trace error") << failed << int(TodaySituation::DataProblem);
}

void TestTodayPage::classify()
{
    QFETCH(WatchlistRow, row);
    QFETCH(int, expected);
    const std::optional<TodaySituation> found = TodaySituations::classify(row, facts());
    QCOMPARE(found ? int(*found) : -1, expected);
}

void TestTodayPage::seededStoreGroupsCountsAndTexts()
{
    TodayModel model(*m_console.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeZoneResolver([this](const QString &provider, const QString &site) {
        return m_console.backend->siteTimeZone(provider, site);
    });
    model.setRows(seededRows());
    // A: customs + overdue; B: LFD today; C: line + freight, tomorrow; D: on vessel (nothing);
    // E: outgated with a past LFD (nothing: it left); F: trace error.
    const QList<int> expected = {1, 1, 1, 0, 0, 1};
    for (int group = 0; group < todaySituationCount; ++group) {
        QCOMPARE(model.count(TodaySituation(group)), expected[group]);
        const QModelIndex index = model.groupIndex(TodaySituation(group));
        QCOMPARE(model.rowCount(index), expected[group]);
        QCOMPARE(index.data().toString(),
                 u"%1 (%2)"_s.arg(TodaySituations::title(TodaySituation(group))).arg(expected[group]));
    }
    const QStringList n = ConsoleFixture::numbers();
    const QDate today = ConsoleFixture::today();
    const auto child = [&](TodaySituation group, int column) {
        return model.index(0, column, model.groupIndex(group));
    };
    QCOMPARE(child(TodaySituation::LfdOverdue, TodayModel::ContainerColumn).data().toString(), n[0]);
    QCOMPARE(
        child(TodaySituation::LfdOverdue, TodayModel::SituationColumn).data().toString(),
        u"Customs hold since 10 Mar, LFD 9 Mar (%1)"_s.arg(StatusPresentation::lfdDaysLeft(today.addDays(-1), today)));
    QCOMPARE(child(TodaySituation::LfdOverdue, TodayModel::ReferenceColumn).data().toString(), u"PO-1001"_s);
    QCOMPARE(child(TodaySituation::LfdToday, TodayModel::SituationColumn).data().toString(),
             u"Available, LFD %1"_s.arg(StatusPresentation::lfdDaysLeft(today, today)));
    QCOMPARE(child(TodaySituation::LfdTomorrow, TodayModel::ContainerColumn).data().toString(), n[2]);
    QCOMPARE(
        child(TodaySituation::LfdTomorrow, TodayModel::SituationColumn).data().toString(),
        u"Line + Freight hold since 10 Mar, LFD %1"_s.arg(StatusPresentation::lfdDaysLeft(today.addDays(1), today)));
    QCOMPARE(child(TodaySituation::DataProblem, TodayModel::ContainerColumn).data().toString(), n[5]);
    QCOMPARE(child(TodaySituation::DataProblem, TodayModel::SituationColumn).data().toString(),
             u"Last trace failed: Not found at the terminal"_s);
    QCOMPARE(child(TodaySituation::LfdOverdue, 0).data(TodayModel::SituationKeyRole).toString(), u"lfd_overdue"_s);

    // The clock moves on a day: B becomes overdue, C due today; still nothing for E.
    m_console.clock->advanceSeconds(24 * 3600);
    model.setRows(seededRows());
    QCOMPARE(model.count(TodaySituation::LfdOverdue), 2);
    QCOMPARE(model.count(TodaySituation::LfdToday), 1);
    QCOMPARE(model.count(TodaySituation::LfdTomorrow), 0);
    // A day without a trace is more than twice what D (on vessel: 12 h) and E (outgated: 4 h) are
    // promised: both join F's error among the data problems.
    QCOMPARE(model.count(TodaySituation::DataProblem), 3);
}

void TestTodayPage::sentencesInTheChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("held");     // customs hold since 10 Mar, LFD in 3 days
    QTest::addColumn<QString>("stale");    // in the yard, traced 3 h ago, every 15 minutes promised
    QTest::addColumn<QString>("interval"); // the schedule's words for 15 minutes
    QTest::newRow("nl") << u"nl"_s << u"Blokkade %1 sinds %2, LFD %3 (%4)"_s
                        << u"Niet getraceerd sinds %1 (gepland %2)"_s << u"elke 15 minuten"_s;
    QTest::newRow("es") << u"es"_s << u"Retención %1 desde el %2, LFD %3 (%4)"_s
                        << u"Sin rastrear desde el %1 (previsto %2)"_s << u"cada 15 minutos"_s;
}

// The sentences, their dates and their plural words follow the installed language, not English.
void TestTodayPage::sentencesInTheChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, held);
    QFETCH(QString, stale);
    QFETCH(QString, interval);
    const auto restore = qScopeGuard([] {
        Translations::install(*qApp, u"en"_s);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    });
    QCOMPARE(Translations::install(*qApp, language), language);
    const QLocale locale(language);
    QCOMPARE(QLocale().language(), locale.language());

    const QDate today = ConsoleFixture::today();
    const qint64 now = WatchlistRow::fromDateTime(ConsoleFixture::now());
    WatchlistRow row = inYard(u"MSCU1000012"_s);
    row.holds = {{HoldType::Customs, u"CUSTOMS"_s, now}};
    row.lfd = today.addDays(3);
    const QDate since = WatchlistRow::toDateTime(now).toTimeZone(facts().siteZone).date();
    QCOMPARE(TodaySituations::sentence(row, TodaySituation::OnHold, facts()),
             held.arg(StatusPresentation::holdLabel(HoldType::Customs), locale.toString(since, u"d MMM"_s),
                      locale.toString(row.lfd, u"d MMM"_s), StatusPresentation::lfdDaysLeft(row.lfd, today)));

    WatchlistRow old = inYard(u"MSCU1000013"_s);
    old.lastTracedAt = now - 3 * 3600'000;
    const QString sentence = TodaySituations::sentence(old, TodaySituation::DataProblem, facts());
    QVERIFY2(sentence.startsWith(stale.section(u'%', 0, 0)), qPrintable(sentence));
    QVERIFY2(sentence.endsWith(interval + u')'), qPrintable(sentence));
}

void TestTodayPage::mostUrgentFirstWithinAGroup()
{
    TodayModel model(*m_console.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    WatchlistRow one = inYard(u"ONE"_s);
    one.lfd = ConsoleFixture::today().addDays(-1);
    WatchlistRow five = inYard(u"FIVE"_s);
    five.lfd = ConsoleFixture::today().addDays(-5);
    WatchlistRow error = inYard(u"ERROR"_s);
    error.lastError = u"Timeout"_s;
    WatchlistRow stale = inYard(u"STALE"_s);
    stale.lastTracedAt = WatchlistRow::fromDateTime(ConsoleFixture::now().addDays(-1));
    model.setRows({one, stale, five, error});
    const QModelIndex overdue = model.groupIndex(TodaySituation::LfdOverdue);
    QCOMPARE(model.index(0, 0, overdue).data().toString(), u"FIVE"_s);
    QCOMPARE(model.index(1, 0, overdue).data().toString(), u"ONE"_s);
    const QModelIndex problems = model.groupIndex(TodaySituation::DataProblem);
    QCOMPARE(model.index(0, 0, problems).data().toString(), u"ERROR"_s);
    QCOMPARE(model.index(1, 0, problems).data().toString(), u"STALE"_s);
    QVERIFY(model.index(1, TodayModel::SituationColumn, problems).data().toString().startsWith(u"Not traced since"_s));
}

void TestTodayPage::acknowledgeIsStoredAuditedAndShared()
{
    WatchlistModel watchlist;
    watchlist.setRows(seededRows());
    TodayPage page(*m_console.backend, watchlist);
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    TodayModel *model = page.model();
    QCOMPARE(model->count(TodaySituation::LfdOverdue), 1);
    QVERIFY(!page.acknowledgeAction()->isEnabled());
    QVERIFY(page.summaryLabel()->text().contains(u'2')); // overdue or due today

    // Bad input first: cancelling the note stores nothing.
    const QModelIndex overdue = model->index(0, 0, model->groupIndex(TodaySituation::LfdOverdue));
    page.tree()->selectionModel()->select(overdue, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(page.acknowledgeAction()->isEnabled());
    page.setNotePrompt([](const QStringList &) { return std::nullopt; });
    page.acknowledgeAction()->trigger();
    QVERIFY(m_console.store->acknowledgements(u"default"_s)->isEmpty());

    QStringList asked;
    page.setNotePrompt([&asked](const QStringList &numbers) -> std::optional<QString> {
        asked = numbers;
        return u"Broker called, release expected 14:00"_s;
    });
    page.acknowledgeAction()->trigger();
    const QString number = ConsoleFixture::numbers().at(0);
    QCOMPARE(asked, QStringList{number});
    const Result<QList<Acknowledgement>> stored = m_console.store->acknowledgements(u"default"_s);
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->at(0).containerNumber, number);
    QCOMPARE(stored->at(0).situation, u"lfd_overdue"_s);
    QCOMPARE(stored->at(0).at, ConsoleFixture::now());
    // Audited, with the note.
    const Result<QList<AuditEntry>> audit = m_console.store->auditEntries(u"default"_s);
    QVERIFY(audit);
    QVERIFY(std::any_of(audit->cbegin(), audit->cend(), [&](const AuditEntry &entry) {
        return entry.action == u"acknowledge"_s && entry.detail.contains(number) &&
               entry.detail.contains(u"Broker called"_s);
    }));
    // Shown on the row.
    const QModelIndex shown =
        model->index(0, TodayModel::AcknowledgedColumn, model->groupIndex(TodaySituation::LfdOverdue));
    QVERIFY(shown.data().toString().contains(u"Broker called, release expected 14:00"_s));

    // Another console of the same entity (its own backend over the same database) shows it too.
    StoreConsoleBackend other(*m_console.store, u"default"_s, *m_console.clock);
    WatchlistModel otherWatchlist;
    otherWatchlist.setRows(seededRows());
    TodayPage otherPage(other, otherWatchlist);
    otherPage.refresh();
    QVERIFY(otherPage.model()
                ->index(0, TodayModel::AcknowledgedColumn, otherPage.model()->groupIndex(TodaySituation::LfdOverdue))
                .data()
                .toString()
                .contains(u"Broker called"_s));
}

void TestTodayPage::enterOpensTheContainer()
{
    WatchlistModel watchlist;
    watchlist.setRows(seededRows());
    TodayPage page(*m_console.backend, watchlist);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy activated(&page, &TodayPage::containerActivated);
    const QModelIndex tomorrow = page.model()->index(0, 0, page.model()->groupIndex(TodaySituation::LfdTomorrow));
    page.tree()->setCurrentIndex(tomorrow);
    page.tree()->setFocus();
    QTest::keyClick(page.tree(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), tomorrow.data(TodayModel::ContainerIdRole).toLongLong());
    // On a group row Enter only folds or unfolds it.
    page.tree()->setCurrentIndex(page.model()->groupIndex(TodaySituation::LfdToday));
    QTest::keyClick(page.tree(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    // Trace now acts on the selection.
    page.tree()->selectionModel()->select(tomorrow, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(page.selectedNumbers(), QStringList{ConsoleFixture::numbers().at(2)});
    QVERIFY(page.traceNowAction()->isEnabled());
}

QTEST_MAIN(TestTodayPage)
#include "tst_todaypage.moc"
