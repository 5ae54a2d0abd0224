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

// The coordinator's overview: containers by status, holds by type and LFDs per day for the next
// week, as bar charts over the rows the watchlist already holds. A click on a bar asks for the
// watchlist narrowed to that bar's containers.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(WatchlistModel &model, QWidget *parent = nullptr);

    // Recounts now; changes of the model are otherwise picked up shortly after they happen.
    void refresh();
    const DashboardCounts &counts() const { return m_counts; }

    QLabel *summaryLabel() const { return m_summary; }
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

    WatchlistModel &m_model;
    DashboardCounts m_counts;
    QLabel *m_summary;
    BarChart m_status;
    BarChart m_holds;
    BarChart m_lfd;
    QTimer *m_refreshTimer;
};
