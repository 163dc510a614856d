#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtGui/QColor>

QT_BEGIN_NAMESPACE
class QAbstractBarSeries;
class QChart;
class QChartView;
class QLabel;
class QWidget;
QT_END_NAMESPACE

// The dashboard's cards, drawn the same way each time: charts without animation or
// legend, a chart's place when there is nothing to draw, the health tiles with their
// coloured edge. Free functions: they hold no state of their own.
namespace DashboardCards {
QChart *newChart();
QChartView *viewOf(QChart *chart, const QString &name, QWidget *parent);
void clearChart(QChart *chart);
// A bar series with its category and value axes, vertical or horizontal.
void showBars(QChart *chart, QAbstractBarSeries *series, const QStringList &categories, qreal maxValue,
              Qt::Alignment categorySide, Qt::Alignment valueSide);
// A chart's place when it has nothing to draw: the reason in words, not axes 0..1.
QLabel *emptyState(const QString &name, QWidget *parent);
// Category names a little smaller than the chart's text, so more of them shows.
void smallLabels(QChart *chart);
QLabel *tile(const QString &name, QWidget *parent);
void paintTile(QLabel *label, const QString &title, const QString &state, const QColor &color, const QString &lines);
}
