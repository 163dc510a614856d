#pragma once

#include <QtWidgets/QFrame>

class QLabel;
class QVBoxLayout;

// A white panel with its title inside, at the top: the checkout, the admin forms, an
// order's details. One look for every titled box (a QGroupBox draws its title on the
// frame's edge, which read as outside the box next to these).
class Card : public QFrame
{
    Q_OBJECT
public:
    explicit Card(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QLabel *titleLabel() const { return m_title; }
    // Put the content here, below the title.
    QVBoxLayout *content() const { return m_content; }

private:
    QLabel *m_title;
    QVBoxLayout *m_content;
};
