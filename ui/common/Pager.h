#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QPushButton;

// "‹ Previous  Page 2 of 7 (130)  Next ›" under a paged list.
class Pager : public QWidget
{
    Q_OBJECT
public:
    explicit Pager(QWidget *parent = nullptr);

    int page() const { return m_page; }
    void setPage(int page, int pageCount, qint64 total);

Q_SIGNALS:
    void pageRequested(int page);

private:
    void retranslateUi();

    QPushButton *m_previous;
    QLabel *m_label;
    QPushButton *m_next;
    int m_page = 1;
    int m_pageCount = 1;
    qint64 m_total = 0;
};
