#pragma once

#include "dashboardcounts.h"
#include "watchlistdrilldown.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QTimer;
class QValueAxis;
class WatchlistModel;

// The coordinator's overview: containers by status, holds by type and LFDs per day (overdue first,
// then the next week), as bar charts over the rows the watchlist already holds, and what costs
// money: the demurrage running and the containers at risk in the next two days. A click on a bar (or
// on a figure) asks for the watchlist narrowed to those containers. Bars run horizontally so that
// every category label has the room it needs in any language.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(WatchlistModel &model, QWidget *parent = nullptr);

    // Recounts now; changes of the model are otherwise picked up shortly after they happen.
    void refresh();
    const DashboardCounts &counts() const { return m_counts; }

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *exposureLabel() const { return m_exposure; }
    // The LFD chart's bars: index 0 is "Overdue", then today and the six days after it.
    static constexpr int lfdBarCount = DashboardCounts::lfdDays + 1;
    QChartView *statusView() const { return m_status.view; }
    QChartView *holdView() const { return m_holds.view; }
    QChartView *lfdView() const { return m_lfd.view; }
    QBarSet *statusBars() const { return m_status.bars; }
    QBarSet *holdBars() const { return m_holds.bars; }
    QBarSet *lfdBars() const { return m_lfd.bars; }

Q_SIGNALS:
    void drillDownRequested(const WatchlistDrillDown &drillDown);

private:
    struct BarChart
    {
        QChartView *view = nullptr;
        QBarSet *bars = nullptr;
        QBarCategoryAxis *categories = nullptr;
        QValueAxis *values = nullptr;
    };

    BarChart makeChart(const QString &title, const QColor &color);
    static void fill(BarChart &chart, const QStringList &labels, const QList<int> &values);
    void onBarClicked(const BarChart &chart, int index);
    void onExposureLink(const QString &link);
    void showExposure();

    WatchlistModel &m_model;
    DashboardCounts m_counts;
    QLabel *m_summary;
    QLabel *m_exposure;
    BarChart m_status;
    BarChart m_holds;
    BarChart m_lfd;
    QTimer *m_refreshTimer;
};
