#include "dashboardpage.h"

#include "statuspresentation.h"
#include "watchlistmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

DashboardPage::DashboardPage(WatchlistModel &model, QWidget *parent)
    : QWidget(parent), m_model(model), m_summary(new QLabel(this)), m_exposure(new QLabel(this)),
      m_refreshTimer(new QTimer(this))
{
    m_summary->setObjectName(u"dashboardSummary"_s);
    m_summary->setWordWrap(true);
    m_exposure->setObjectName(u"demurrageExposure"_s);
    m_exposure->setWordWrap(true);
    m_exposure->setTextFormat(Qt::RichText);
    m_exposure->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_exposure->setAccessibleName(tr("Demurrage exposure"));
    connect(m_exposure, &QLabel::linkActivated, this, &DashboardPage::onExposureLink);
    QFont bigger = m_summary->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.3);
    m_summary->setFont(bigger);
    m_status = makeChart(tr("Containers by status"), QColor(0x1e, 0x63, 0xb4));
    m_holds = makeChart(tr("Containers on hold, by hold type"), QColor(0xc6, 0x28, 0x28));
    m_lfd = makeChart(tr("Last free days: overdue and the next 7 days"), QColor(0xe0, 0x8a, 0x00));

    auto *hint = new QLabel(tr("Click a bar to see its containers in the watchlist."), this);
    hint->setEnabled(false);
    auto *grid = new QGridLayout;
    grid->addWidget(m_lfd.view, 0, 0);
    grid->addWidget(m_status.view, 0, 1);
    grid->addWidget(m_holds.view, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_exposure);
    layout->addLayout(grid, 1);
    layout->addWidget(hint);

    // A sync or a streamed load changes many rows in quick succession: count once they settle.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(100);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(&m_model, &QAbstractItemModel::modelReset, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::dataChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::rowsInserted, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::rowsRemoved, m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

DashboardPage::BarChart DashboardPage::makeChart(const QString &title, const QColor &color)
{
    BarChart chart;
    chart.bars = new QBarSet(title); // the series owns it
    chart.bars->setColor(color);
    chart.bars->setBorderColor(color.darker(120));
    chart.bars->setLabelColor(palette().color(QPalette::WindowText));
    auto *series = new QHorizontalBarSeries;
    series->append(chart.bars);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    auto *qchart = new QChart;
    qchart->setTitle(title);
    qchart->addSeries(series);
    qchart->legend()->hide();
    qchart->setAnimationOptions(QChart::NoAnimation);
    qchart->setBackgroundRoundness(0);
    chart.categories = new QBarCategoryAxis;
    chart.values = new QValueAxis;
    chart.values->setLabelFormat(u"%d"_s);
    // Category names sit left of horizontal bars, where the axis takes the width its longest label
    // needs: "Achterstallig" or "Devolución en vacío" are never cut short as under narrow bars.
    qchart->addAxis(chart.categories, Qt::AlignLeft);
    qchart->addAxis(chart.values, Qt::AlignBottom);
    series->attachAxis(chart.categories);
    series->attachAxis(chart.values);
    chart.view = new QChartView(qchart, this);
    chart.view->setRenderHint(QPainter::Antialiasing);
    chart.view->setMinimumHeight(200);
    chart.view->setAccessibleName(title);
    chart.view->setCursor(Qt::PointingHandCursor);
    QBarSet *bars = chart.bars;
    connect(bars, &QBarSet::clicked, this, [this, bars](int index) {
        for (const BarChart *candidate : {&m_status, &m_holds, &m_lfd}) {
            if (candidate->bars == bars)
                onBarClicked(*candidate, index);
        }
    });
    return chart;
}

void DashboardPage::fill(BarChart &chart, const QStringList &labels, const QList<int> &values)
{
    if (chart.categories->categories() != labels) {
        chart.categories->clear();
        chart.categories->append(labels);
    }
    if (chart.bars->count() != values.size()) {
        chart.bars->remove(0, chart.bars->count());
        for (const int value : values)
            chart.bars->append(value);
    } else {
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (chart.bars->at(int(i)) != values[i])
                chart.bars->replace(int(i), values[i]);
        }
    }
    const int top = values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
    // Head room for the value labels above the tallest bar; whole numbers on the axis.
    const int ceiling = std::max(4, top + std::max(1, top / 8));
    chart.values->setRange(0, ceiling);
    chart.values->setTickCount(std::min(ceiling, 4) + 1);
}

void DashboardPage::refresh()
{
    m_refreshTimer->stop();
    m_counts = DashboardCounts::count(m_model.rows(), m_model.today());
    QStringList statusLabels;
    for (const ContainerStatus status : std::as_const(m_counts.statuses))
        statusLabels.append(StatusPresentation::statusLabel(status));
    fill(m_status, statusLabels, m_counts.byStatus);
    QStringList holdLabels;
    for (const HoldType type : std::as_const(m_counts.holdTypes))
        holdLabels.append(StatusPresentation::holdLabel(type));
    fill(m_holds, holdLabels, m_counts.byHoldType);
    QStringList dayLabels{tr("Overdue")};
    for (qsizetype day = 0; day < m_counts.lfdDates.size(); ++day) {
        const QDate date = m_counts.lfdDates[day];
        dayLabels.append(day == 0 ? tr("Today") : day == 1 ? tr("Tomorrow") : QLocale().toString(date, u"ddd d"_s));
    }
    fill(m_lfd, dayLabels, QList<int>{m_counts.lfdOverdue} + m_counts.byLfdDate);
    int lfdWeek = 0;
    for (const int value : std::as_const(m_counts.byLfdDate))
        lfdWeek += value;
    // The overdue count is on the exposure line below, with its drill-down.
    m_summary->setText(tr("%1 containers · %2 on hold · %3 last free days this week")
                           .arg(m_counts.containers)
                           .arg(m_counts.onHold)
                           .arg(lfdWeek));
    showExposure();
}

void DashboardPage::showExposure()
{
    const QLocale locale;
    const QString money =
        tr("Demurrage running: %1 on %n container(s) still at the terminal", nullptr, m_counts.demurrageContainers)
            .arg(locale.toString(m_counts.demurrageTotal, 'f', 2));
    const QString risk = tr("%n container(s) at risk: LFD in the next 2 days", nullptr, m_counts.atRisk);
    const QString overdue = tr("%n overdue", nullptr, m_counts.lfdOverdue);
    // Links so each figure drills down like a bar, also from the keyboard.
    m_exposure->setText(u"<b>%1</b> · <a href=\"atRisk\">%2</a> · <a href=\"overdue\">%3</a>"_s.arg(
        money.toHtmlEscaped(), risk.toHtmlEscaped(), overdue.toHtmlEscaped()));
}

void DashboardPage::onExposureLink(const QString &link)
{
    if (link == "atRisk"_L1)
        Q_EMIT drillDownRequested(WatchlistDrillDown::atRisk(m_model.today()));
    else if (link == "overdue"_L1)
        Q_EMIT drillDownRequested(WatchlistDrillDown::overdue(m_model.today()));
}

void DashboardPage::onBarClicked(const BarChart &chart, int index)
{
    if (index < 0)
        return;
    if (&chart == &m_status && index < m_counts.statuses.size())
        Q_EMIT drillDownRequested(WatchlistDrillDown::byStatus(m_counts.statuses[index]));
    else if (&chart == &m_holds && index < m_counts.holdTypes.size())
        Q_EMIT drillDownRequested(WatchlistDrillDown::byHoldType(m_counts.holdTypes[index]));
    else if (&chart == &m_lfd && index == 0)
        Q_EMIT drillDownRequested(WatchlistDrillDown::overdue(m_model.today()));
    else if (&chart == &m_lfd && index <= m_counts.lfdDates.size())
        Q_EMIT drillDownRequested(WatchlistDrillDown::byLfd(m_counts.lfdDates[index - 1]));
}
