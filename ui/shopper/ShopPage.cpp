#include "ShopPage.h"

#include "Cart.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

ShopPage::ShopPage(ShopClient *client, Cart *cart, QWidget *parent)
    : PageWidget(client, tr("Shop"), parent), m_cart(cart),
      m_model(new RecordTableModel({ { tr("Product"), RecordTableModel::Kind::Text },
                                     { tr("Price"), RecordTableModel::Kind::Money },
                                     { tr("In stock"), RecordTableModel::Kind::Number } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_quantity(new NumberField(NumberField::Unit::Count, 1, ShopLimits::kMaxLineQuantity, body())),
      m_add(new QPushButton(tr("&Add to cart"), body()))
{
    setObjectName(QStringLiteral("shopPage"));
    m_table->setObjectName(QStringLiteral("productTable"));
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_add->setObjectName(QStringLiteral("addToCart"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_quantity->setValue(1);
    m_quantity->setFixedWidth(260);
    m_add->setDefault(true);
    m_table->setEmptyText(tr("Nothing here yet: the shop has no products on sale."));

    auto *quantityLabel = new QLabel(tr("&Quantity"), body());
    quantityLabel->setBuddy(m_quantity->editor());
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_pager, 1, Qt::AlignTop);
    actions->addSpacing(24);
    actions->addWidget(quantityLabel, 0, Qt::AlignTop);
    actions->addWidget(m_quantity, 0, Qt::AlignTop);
    actions->addWidget(m_add, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(m_pager, &Pager::pageRequested, this, &ShopPage::load);
    connect(m_add, &QPushButton::clicked, this, &ShopPage::addSelected);
    // Enter in the list is the Add button: it does nothing while the button is disabled.
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (m_add->isEnabled())
            addSelected();
    });
    connect(m_quantity, &NumberField::submitted, this, &ShopPage::addSelected);
    connect(m_quantity, &NumberField::edited, notice(), &NoticeBar::clearError);
    connect(m_cart, &Cart::changed, this, &ShopPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ShopPage::updateActions);
    connect(&m_liveStock, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_loading)
            load(m_pager->page());
    });
    m_liveStock.start(kLiveStockMs);
    updateActions();
}

void ShopPage::refresh()
{
    load(m_pager->page());
}

void ShopPage::load(int page)
{
    m_loading = true;
    client()->products(page, kPageSize, this, [this](const Result<Page<Product>> &answer) {
        m_loading = false;
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        // A page past the end (products removed meanwhile): show the last one instead.
        if (answer->items.isEmpty() && answer->page > 1) {
            load(answer->pageCount());
            return;
        }
        const qint64 selected = m_table->selectedId();
        m_products = answer->items;
        QList<RecordTableModel::Row> rows;
        for (const Product &p : m_products) {
            rows.append({ p.id, { p.name, p.price, p.stock }, p.stock == 0 });
            m_cart->noteStock(p.id, p.stock); // live stock for the cart's lines too
        }
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        updateActions();
    });
}

const Product *ShopPage::selectedProduct() const
{
    const qint64 id = m_table->selectedId();
    for (const Product &p : m_products) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void ShopPage::updateActions()
{
    // The quantity field accepts what one more line of this product may take: the
    // stock less what the cart already holds (and 1,000 a line), and says why not more.
    const Product *product = selectedProduct();
    if (!product) {
        m_add->setEnabled(false);
        return;
    }
    const qint64 inCart = m_cart->quantityOf(product->id);
    const qint64 room = m_cart->room(*product);
    QString why;
    if (product->stock <= 0)
        why = tr("%1 is sold out.").arg(product->name);
    else if (room <= 0)
        why = tr("All %1 in stock are already in your cart.").arg(Money::count(product->stock));
    else if (room == ShopLimits::kMaxLineQuantity - inCart && product->stock > ShopLimits::kMaxLineQuantity)
        why = tr("At most %1 of one product per order.").arg(Money::count(ShopLimits::kMaxLineQuantity));
    else if (inCart > 0)
        why = tr("Only %1 more: %2 in stock, %3 already in your cart.")
                      .arg(Money::count(room), Money::count(product->stock), Money::count(inCart));
    else
        why = tr("Only %1 in stock.").arg(Money::count(product->stock));
    m_quantity->setRange(1, room, why);
    m_add->setEnabled(room > 0);
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
