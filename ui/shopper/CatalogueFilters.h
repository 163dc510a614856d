#pragma once

#include "CatalogueClient.h"

#include <QtCore/QTimer>

#include <optional>
#include <QtWidgets/QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// The row above the shop's products: a search box that searches as you type (after a
// pause of kTypingPauseMs, so a word typed is one request, not one per letter), a price
// range, "in stock only", the order (the API's sorts) and grid or list. changed() says
// the shown products should be asked for again; query() fills in what is chosen here.
class CatalogueFilters : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogueFilters(QWidget *parent = nullptr);
    static constexpr int kTypingPauseMs = 250;

    // Sets the filter fields of `query` (text, prices, stock, sort); false, with
    // `problem` in words, when the price range cannot be asked for.
    bool fill(CatalogueClient::Query &query, QString &problem) const;
    QString searchText() const;
    bool filtersSet() const; // a price bound or "in stock only"
    bool gridChosen() const;
    QLineEdit *searchBox() const { return m_search; }

Q_SIGNALS:
    void changed();
    void lookChanged(bool grid);

private:
    static std::optional<qint64> won(const QString &text, bool &bad);
    void retranslateUi();

    QLineEdit *m_search;
    QLineEdit *m_minPrice;
    QLineEdit *m_maxPrice;
    QCheckBox *m_inStock;
    QComboBox *m_sort;
    QToolButton *m_grid;
    QToolButton *m_list;
    QLabel *m_dash;
    QTimer m_typingPause;
};
