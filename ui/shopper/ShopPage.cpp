#include "ShopPage.h"

#include "Cart.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

ShopPage::ShopPage(ShopClient *client, Cart *cart, QWidget *parent)
    : PageWidget(client, tr("Shop"), parent), m_cart(cart),
      m_model(new RecordTableModel({ { tr("Product"), RecordTableModel::Kind::Text },
                                     { tr("Price"), RecordTableModel::Kind::Money },
                                     { tr("In stock"), RecordTableModel::Kind::Number } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_quantity(new QSpinBox(body())),
      m_add(new QPushButton(tr("&Add to cart"), body()))
{
    setObjectName(QStringLiteral("shopPage"));
    m_table->setObjectName(QStringLiteral("productTable"));
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_add->setObjectName(QStringLiteral("addToCart"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_quantity->setRange(1, 1000); // API.md: 1..1,000 per line
    m_quantity->setMinimumWidth(80);
    m_add->setDefault(true);

    auto *quantityLabel = new QLabel(tr("&Quantity"), body());
    quantityLabel->setBuddy(m_quantity);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_pager, 1);
    actions->addSpacing(24);
    actions->addWidget(quantityLabel);
    actions->addWidget(m_quantity);
    actions->addWidget(m_add);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);

    connect(m_pager, &Pager::pageRequested, this, &ShopPage::load);
    connect(m_add, &QPushButton::clicked, this, &ShopPage::addSelected);
    connect(m_table, &QAbstractItemView::activated, this, &ShopPage::addSelected);
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
            notice()->showError(ErrorText::describe(answer.failure()));
            return;
        }
        if (notice()->tone() == NoticeBar::Tone::Error)
            notice()->clear();
        // A page past the end (products removed meanwhile): show the last one instead.
        if (answer->items.isEmpty() && answer->page > 1) {
            load(answer->pageCount());
            return;
        }
        const qint64 selected = m_table->selectedId();
        m_products = answer->items;
        QList<RecordTableModel::Row> rows;
        for (const Product &p : m_products)
            rows.append({ p.id, { p.name, p.price, p.stock }, p.stock == 0 });
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
    const Product *product = selectedProduct();
    m_add->setEnabled(product && product->stock > 0);
    if (product && product->stock > 0)
        m_quantity->setMaximum(int(qMin<qint64>(1000, product->stock)));
}

void ShopPage::addSelected()
{
    const Product *product = selectedProduct();
    if (!product)
        return;
    if (product->stock <= 0) {
        notice()->showError(tr("%1 is sold out.").arg(product->name));
        return;
    }
    m_cart->add(*product, m_quantity->value());
    notice()->showSuccess(tr("Added %1 \u00D7 %2 (%3 each) to the cart.")
                                  .arg(m_quantity->value())
                                  .arg(product->name, Money::format(product->price)));
    m_quantity->setValue(1);
}
