#include "ShopPage.h"

#include "Cart.h"
#include "CatalogueFilters.h"
#include "CategoryTree.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "ProductGrid.h"
#include "ProductListModel.h"
#include "ProductPage.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopLimits.h"

#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtGui/QPainter>
#include <QtGui/QShortcut>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QApplication>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStyledItemDelegate>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kLoad = QStringLiteral("load");

// The list's picture: the whole picture scaled down to fit a square at the row's start
// (aspect kept), then the name beside it. The model gives the card-sized picture; the
// style's own decoration drew it as a band cut by the row.
class ListThumbnailDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static constexpr int kSide = 40;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem text = option;
        initStyleOption(&text, index);
        text.features &= ~QStyleOptionViewItem::HasDecoration;
        text.icon = QIcon();
        text.rect.setLeft(option.rect.left() + kSide + 8);
        // The row's background (selection, alternating colour) under the picture too.
        QStyleOptionViewItem row = option;
        initStyleOption(&row, index);
        row.features &= ~QStyleOptionViewItem::HasDecoration;
        row.icon = QIcon();
        row.text.clear();
        const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &row, painter, option.widget);
        style->drawControl(QStyle::CE_ItemViewItem, &text, painter, option.widget);
        const QRect box(option.rect.left() + 4, option.rect.top() + (option.rect.height() - kSide) / 2, kSide, kSide);
        const QPixmap picture = index.data(Qt::DecorationRole).value<QPixmap>();
        if (picture.isNull()) {
            painter->fillRect(box, QColor(0xee, 0xf1, 0xf6));
            return;
        }
        const QPixmap scaled = picture.scaled(box.size() * picture.devicePixelRatio(), Qt::KeepAspectRatio,
                                              Qt::SmoothTransformation);
        const QSizeF shown = scaled.deviceIndependentSize();
        painter->drawPixmap(QPointF(box.left() + (box.width() - shown.width()) / 2, box.top() + (box.height() - shown.height()) / 2),
                            scaled);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // The name's width beside the square; the row's height is the square's (the
        // card-sized picture does not count).
        const int text = option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString());
        return { kSide + 8 + text + 12, kSide + 6 };
    }
};
}

ShopPage::ShopPage(ShopClient *client, Cart *cart, QWidget *parent)
    : PageWidget(client, QString(), parent), m_cart(cart),
      m_model(new ProductListModel(client->catalogue()->pictures(), this)), m_filters(new CatalogueFilters(body())),
      m_categories(new CategoryTree(true, body())), m_views(new QStackedWidget(body())),
      m_looks(new QStackedWidget(m_views)), m_grid(new ProductGrid(m_looks)), m_table(new RecordTableView(m_looks)),
      m_productPage(new ProductPage(client, cart, notice(), m_views)), m_pager(new Pager(body())),
      m_quantity(new NumberField(NumberField::Unit::Count, 1, ShopLimits::kMaxLineQuantity, body())),
      m_quantityLabel(new QLabel(body())), m_add(new QPushButton(body())), m_details(new QPushButton(body()))
{
    setObjectName(QStringLiteral("shopPage"));
    m_categories->setObjectName(QStringLiteral("categoryTree"));
    m_grid->setObjectName(QStringLiteral("productGrid"));
    m_table->setObjectName(QStringLiteral("productTable"));
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_add->setObjectName(QStringLiteral("addToCart"));
    m_details->setObjectName(QStringLiteral("openProduct"));
    // One model and one selection for both looks: switching keeps the chosen product.
    m_table->setModel(m_model);
    m_grid->setModel(m_model);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionModel(m_table->selectionModel());
    m_table->setItemDelegateForColumn(0, new ListThumbnailDelegate(m_table));
    m_table->verticalHeader()->setDefaultSectionSize(ListThumbnailDelegate::kSide + 6);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_quantity->setValue(1);
    m_quantity->setFixedWidth(160); // beside the pager and two buttons at the narrowest window
    m_add->setDefault(true);
    m_categories->setMinimumWidth(200);

    m_quantityLabel->setBuddy(m_quantity->editor());
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_pager, 1, Qt::AlignTop);
    actions->addSpacing(24);
    actions->addWidget(m_details, 0, Qt::AlignTop);
    actions->addWidget(m_quantityLabel, 0, Qt::AlignTop);
    actions->addWidget(m_quantity, 0, Qt::AlignTop);
    actions->addWidget(m_add, 0, Qt::AlignTop);
    m_looks->addWidget(m_grid);
    m_looks->addWidget(m_table);
    auto *catalogue = new QWidget(m_views);
    auto *right = new QVBoxLayout(catalogue);
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_looks, 1);
    right->addLayout(actions);
    auto *split = new QSplitter(Qt::Horizontal, body());
    split->addWidget(m_categories);
    split->addWidget(m_views);
    split->setStretchFactor(1, 1);
    split->setSizes({ 220, 900 });
    m_views->addWidget(catalogue);
    m_views->addWidget(m_productPage);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filters);
    layout->addWidget(split, 1);

    connect(m_pager, &Pager::pageRequested, this, &ShopPage::load);
    connect(m_filters, &CatalogueFilters::changed, this, [this] {
        // A search (or a filter) typed while a product's page is open is about the shop:
        // its results come into view at once, not behind the product until "Back".
        // (Typed there now: a pause that ends after a product was opened keeps the product.)
        if (m_views->currentWidget() == m_productPage && m_filters->isAncestorOf(QApplication::focusWidget()))
            m_views->setCurrentIndex(0);
        load(1);
    });
    connect(m_filters, &CatalogueFilters::lookChanged, this, &ShopPage::showLook);
    connect(m_categories, &CategoryTree::chosenChanged, this, [this] { load(1); });
    connect(m_add, &QPushButton::clicked, this, &ShopPage::addSelected);
    connect(m_details, &QPushButton::clicked, this, &ShopPage::openSelected);
    // Enter or a double-click on a product opens its page.
    connect(m_grid, &QAbstractItemView::activated, this, &ShopPage::openSelected);
    connect(m_table, &QAbstractItemView::activated, this, &ShopPage::openSelected);
    connect(m_productPage, &ProductPage::back, this, [this] {
        m_views->setCurrentIndex(0);
        notice()->clear();
        m_looks->currentWidget()->setFocus();
        load(m_pager->page());
    });
    connect(m_quantity, &NumberField::submitted, this, &ShopPage::addSelected);
    connect(m_quantity, &NumberField::edited, notice(), &NoticeBar::clearError);
    connect(m_cart, &Cart::changed, this, &ShopPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ShopPage::updateActions);
    // Live stock re-asks what is on screen, not what is being typed: a word still
    // within its typing pause is not searched early.
    connect(&m_liveStock, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_loading && m_views->currentIndex() == 0 && m_shownOnce)
            ask(m_shown);
    });
    m_liveStock.start(kLiveStockMs);
    // Tab follows the page as it reads: filters, categories, products, pages, then the
    // row under the products left to right (Details was made last).
    setTabOrder(m_details, m_quantity->editor());
    // Ctrl+F (the search box from anywhere in the window) is the window's: MainWindow::focusSearch.
    setTabOrder(m_quantity->editor(), m_add);
    updateActions();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ShopPage::retranslateUi()
{
    setTitle(tr("Shop"));
    m_model->retranslate();
    m_quantityLabel->setText(tr("&Quantity"));
    m_add->setText(tr("&Add to cart"));
    m_details->setText(tr("&Details\u2026"));
    m_categories->setAccessibleName(tr("Categories"));
    m_grid->setAccessibleName(tr("Products"));
    m_table->setAccessibleName(tr("Products"));
    if (m_shownOnce) {
        m_grid->setEmptyText(emptyText());
        m_table->setEmptyText(emptyText());
    }
    updateActions();
}

void ShopPage::refresh()
{
    loadCategories();
    if (m_views->currentWidget() == m_productPage)
        m_productPage->reload();
    else
        load(m_pager->page());
}

void ShopPage::loadCategories()
{
    client()->catalogue()->categories(this, [this](const Result<QList<Category>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), kLoad);
            return;
        }
        m_categories->setCategories(answer.value());
    });
}

void ShopPage::showLook(bool grid)
{
    // The selection is shared, so the chosen product stays chosen in the other look.
    m_looks->setCurrentWidget(grid ? static_cast<QWidget *>(m_grid) : m_table);
}

void ShopPage::load(int page)
{
    CatalogueClient::Query query;
    query.page = page;
    query.size = kPageSize;
    query.categoryId = m_categories->chosenId();
    QString problem;
    if (!m_filters->fill(query, problem)) {
        notice()->showError(problem, kLoad);
        return;
    }
    ask(query);
}

void ShopPage::ask(const CatalogueClient::Query &query)
{
    const bool sameQuestion = query.text == m_shown.text && query.categoryId == m_shown.categoryId
            && query.minPrice == m_shown.minPrice && query.maxPrice == m_shown.maxPrice
            && query.inStockOnly == m_shown.inStockOnly && query.sort == m_shown.sort;
    const quint64 asked = ++m_asked;
    m_loading = true;
    client()->catalogue()->search(query, this, [this, asked, query, sameQuestion](const Result<Page<Product>> &answer) {
        if (asked != m_asked)
            return; // a newer question is out: this answer is about text no longer typed
        m_loading = false;
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), kLoad);
            return;
        }
        notice()->resolve(kLoad);
        // A page past the end (products removed meanwhile): show the last one instead.
        if (answer->items.isEmpty() && answer->page > 1) {
            CatalogueClient::Query last = query;
            last.page = answer->pageCount();
            ask(last);
            return;
        }
        const qint64 selected = sameQuestion ? selectedId() : 0;
        m_shown = query;
        m_shownOnce = true;
        for (const Product &p : answer->items)
            m_cart->noteStock(p.id, p.stock); // live stock for the cart's lines too
        m_model->setProducts(answer->items);
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        if (!sameQuestion)
            m_grid->scrollToTop();
        const QString empty = emptyText();
        m_grid->setEmptyText(empty);
        m_table->setEmptyText(empty);
        updateActions();
    });
}

QString ShopPage::emptyText() const
{
    const Category *category = m_categories->chosen();
    if (!m_shown.text.isEmpty() && category)
        return m_filters->filtersSet()
                ? tr("No products in %2 match \u201C%1\u201D with these filters.").arg(m_shown.text, category->name)
                : tr("No products in %2 match \u201C%1\u201D.").arg(m_shown.text, category->name);
    if (!m_shown.text.isEmpty())
        return m_filters->filtersSet() ? tr("No products match \u201C%1\u201D with these filters.").arg(m_shown.text)
                                       : tr("No products match \u201C%1\u201D.").arg(m_shown.text);
    if (m_filters->filtersSet() && category)
        return tr("No products in %1 match these filters.").arg(category->name);
    if (m_filters->filtersSet())
        return tr("No products match these filters.");
    if (category)
        return tr("Nothing in %1 yet.").arg(category->name);
    return tr("Nothing here yet: the shop has no products on sale.");
}

qint64 ShopPage::selectedId() const
{
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? 0 : selected.first().data(RecordTableModel::kIdRole).toLongLong();
}

const Product *ShopPage::selectedProduct() const
{
    return m_model->productWithId(selectedId());
}

void ShopPage::updateActions()
{
    // The quantity field accepts what one more line of this product may take: the
    // stock less what the cart already holds (and 1,000 a line), and says why not more.
    const Product *product = selectedProduct();
    m_details->setEnabled(product != nullptr);
    const qint64 room = product ? m_cart->room(*product) : 0;
    m_add->setEnabled(room > 0);
    // Nothing to add (no product chosen, e.g. a search with no results; sold out; all
    // of it in the cart): the field is off and empty, so nothing is judged in red before
    // the shopper typed anything; the line under it says why in grey, or nothing.
    const bool open = room > 0;
    if (!open) {
        if (m_quantity->isEnabled() || !m_quantity->isEmpty())
            m_quantity->clear();
        m_quantity->setEnabled(false);
        if (product)
            m_quantity->setRange(1, 0, m_cart->roomText(*product));
        else
            m_quantity->hint()->clear();
        return;
    }
    const bool wasOff = !m_quantity->isEnabled();
    m_quantity->setEnabled(true);
    m_quantity->setRange(1, room, m_cart->roomText(*product));
    if (wasOff || m_quantity->isEmpty())
        m_quantity->setValue(1);
}

void ShopPage::openSelected()
{
    const Product *product = selectedProduct();
    if (!product)
        return;
    QString path;
    for (const Category &c : m_categories->categories()) {
        if (c.id == product->categoryId)
            path = c.path;
    }
    notice()->clear();
    m_productPage->open(*product, path);
    m_views->setCurrentWidget(m_productPage);
}

void ShopPage::addSelected()
{
    const Product *product = selectedProduct();
    if (!product || !m_add->isEnabled())
        return;
    if (!m_quantity->check()) {
        notice()->clear(); // the last "Added…" was about another action
        return;
    }
    const qint64 quantity = *m_quantity->value();
    m_cart->add(*product, quantity);
    notice()->showSuccess(tr("Added %1 \u00D7 %2 (%3 each) to the cart.")
                                  .arg(Money::count(quantity), product->name, Money::format(product->price)));
    m_quantity->setValue(1);
    updateActions();
}
