#include "CatalogueFilters.h"

#include "Money.h"
#include "Retranslate.h"
#include "ShopLimits.h"

#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QButtonGroup>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QToolButton>

#include <iterator>

CatalogueFilters::CatalogueFilters(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_minPrice(new QLineEdit(this)), m_maxPrice(new QLineEdit(this)),
      m_inStock(new QCheckBox(this)), m_sort(new QComboBox(this)), m_grid(new QToolButton(this)),
      m_list(new QToolButton(this)), m_dash(new QLabel(QStringLiteral("\u2013"), this))
{
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_minPrice->setObjectName(QStringLiteral("minPrice"));
    m_maxPrice->setObjectName(QStringLiteral("maxPrice"));
    m_inStock->setObjectName(QStringLiteral("inStockOnly"));
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_grid->setObjectName(QStringLiteral("showGrid"));
    m_list->setObjectName(QStringLiteral("showList"));

    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(ShopLimits::kMaxQueryLength);
    m_search->setMinimumWidth(260);
    // Digits with optional thousands separators and the won's sign in either language:
    // "12,300", "₩12,300", "12,300원".
    auto *digits = new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("\u20A9?[0-9,]{0,13} ?\uC6D0?")), this);
    for (QLineEdit *price : { m_minPrice, m_maxPrice }) {
        price->setValidator(digits);
        price->setFixedWidth(96);
        price->setClearButtonEnabled(true);
    }
    // Relevance with a search, catalogue order without; then the API's sorts.
    for (const char *sort : { "", "price", "-price", "newest", "popular" })
        m_sort->addItem(QString(), QLatin1String(sort));
    for (QToolButton *look : { m_grid, m_list }) {
        look->setCheckable(true);
        look->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    auto *looks = new QButtonGroup(this);
    looks->addButton(m_grid);
    looks->addButton(m_list);
    m_grid->setChecked(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addSpacing(8);
    layout->addWidget(m_minPrice);
    layout->addWidget(m_dash);
    layout->addWidget(m_maxPrice);
    layout->addWidget(m_inStock);
    layout->addWidget(m_sort);
    layout->addSpacing(8);
    layout->addWidget(m_grid);
    layout->addWidget(m_list);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &CatalogueFilters::changed);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typingPause.start(); });
    // Enter: no need to wait for the pause.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typingPause.stop();
        Q_EMIT changed();
    });
    for (QLineEdit *price : { m_minPrice, m_maxPrice })
        connect(price, &QLineEdit::textChanged, this, [this] { m_typingPause.start(); });
    connect(m_inStock, &QCheckBox::toggled, this, &CatalogueFilters::changed);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &CatalogueFilters::changed);
    connect(m_grid, &QToolButton::toggled, this, &CatalogueFilters::lookChanged);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CatalogueFilters::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search products (name, description, SKU)"));
    m_search->setAccessibleName(tr("Search products"));
    m_minPrice->setPlaceholderText(tr("Min \u20A9"));
    m_maxPrice->setPlaceholderText(tr("Max \u20A9"));
    m_minPrice->setAccessibleName(tr("Lowest price"));
    m_maxPrice->setAccessibleName(tr("Highest price"));
    m_inStock->setText(tr("In stock only"));
    m_sort->setAccessibleName(tr("Order of products"));
    const QString sorts[] = { tr("Best match"), tr("Price: low to high"), tr("Price: high to low"), tr("Newest first"),
                              tr("Popular (last 3 days)") };
    for (int i = 0; i < m_sort->count() && i < int(std::size(sorts)); ++i)
        m_sort->setItemText(i, sorts[i]);
    m_grid->setText(tr("Grid"));
    m_list->setText(tr("List"));
    m_grid->setAccessibleName(tr("Show products as a grid"));
    m_list->setAccessibleName(tr("Show products as a list"));
    m_dash->setAccessibleName(tr("to"));
}

std::optional<qint64> CatalogueFilters::won(const QString &text, bool &bad)
{
    const QString digits = Money::digitsOf(text);
    if (digits.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value > ShopLimits::kMaxPrice) {
        bad = true;
        return std::nullopt;
    }
    return value;
}

bool CatalogueFilters::fill(CatalogueClient::Query &query, QString &problem) const
{
    bool bad = false;
    const std::optional<qint64> low = won(m_minPrice->text(), bad);
    const std::optional<qint64> high = won(m_maxPrice->text(), bad);
    if (bad) {
        problem = tr("A price can be at most %1.").arg(Money::format(ShopLimits::kMaxPrice));
        return false;
    }
    if (low && high && *low > *high) {
        problem = tr("The lowest price (%1) is above the highest (%2).").arg(Money::format(*low), Money::format(*high));
        return false;
    }
    query.text = searchText();
    query.minPrice = low.value_or(-1);
    query.maxPrice = high.value_or(-1);
    query.inStockOnly = m_inStock->isChecked();
    query.sort = m_sort->currentData().toString();
    return true;
}

QString CatalogueFilters::searchText() const
{
    return m_search->text().trimmed();
}

bool CatalogueFilters::filtersSet() const
{
    return !m_minPrice->text().isEmpty() || !m_maxPrice->text().isEmpty() || m_inStock->isChecked();
}

bool CatalogueFilters::gridChosen() const
{
    return m_grid->isChecked();
}
