#include "DashboardCards.h"

#include "NiceScale.h"

#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtWidgets/QLabel>

namespace DashboardCards {

QChart *newChart()
{
    auto *chart = new QChart;
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    chart->legend()->hide();
    return chart;
}

QChartView *viewOf(QChart *chart, const QString &name, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(190);
    return view;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A bar series with its category and value axes, vertical or horizontal.
void showBars(QChart *chart, QAbstractBarSeries *series, const QStringList &categories, qreal maxValue,
              Qt::Alignment categorySide, Qt::Alignment valueSide)
{
    clearChart(chart);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    const NiceScale scale = NiceScale::forMaximum(maxValue, true, 5);
    valueAxis->setRange(0, scale.top);
    valueAxis->setTickCount(scale.ticks);
    valueAxis->setLabelFormat(QString::fromLatin1(scale.labelFormat()));
    chart->addAxis(categoryAxis, categorySide);
    chart->addAxis(valueAxis, valueSide);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
}

// A chart's place when it has nothing to draw: the reason in words, not axes 0..1.
QLabel *emptyState(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("QLabel { background:white; border:1px solid #dadce0; border-radius:6px;"
                                        " color:#5f6368; font-size:12pt; padding:12px; }"));
    return label;
}

// Category names a little smaller than the chart's text, so more of them shows.
void smallLabels(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical)) {
        QFont font = axis->labelsFont();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        axis->setLabelsFont(font);
    }
}

QLabel *tile(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setMinimumHeight(80);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

void paintTile(QLabel *label, const QString &title, const QString &state, const QColor &color, const QString &lines)
{
    label->setStyleSheet(QStringLiteral("QLabel { background:white; border:1px solid #dadce0; border-left:5px solid %1;"
                                        " border-radius:6px; padding:10px; }")
                                 .arg(color.name()));
    label->setText(QStringLiteral("<b>%1</b> &nbsp; <span style='color:%2'>\u25CF %3</span><br>%4")
                           .arg(title, color.name(), state, lines));
}
}
