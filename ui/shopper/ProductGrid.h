#pragma once

#include <QtWidgets/QListView>

// The shop's products as a grid of cards (ProductCardDelegate), one selected at a time;
// an empty grid says why in words in its middle, as the app's tables do. The cards share
// the width: as many columns as fit, no empty band on the right.
class ProductGrid : public QListView
{
    Q_OBJECT
public:
    explicit ProductGrid(QWidget *parent = nullptr);

    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    bool showsEmptyText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    QString m_emptyText;
};
