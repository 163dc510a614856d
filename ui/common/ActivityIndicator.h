#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QProgressBar;

// The status bar's "working…": a busy bar and what is loading, shown while any request
// is in flight, so every request shows progress without each page drawing its own.
class ActivityIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityIndicator(QWidget *parent = nullptr);

    void setActivity(int inFlight, const QString &latest);

private:
    QLabel *m_text;
    QProgressBar *m_bar;
};
