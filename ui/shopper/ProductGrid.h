#pragma once

#include <QtWidgets/QListView>

// The shop's products as a grid of cards (ProductCardDelegate), one selected at a time;
// an empty grid says why in words in its middle, as the app's tables do.
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

private:
    QString m_emptyText;
};
