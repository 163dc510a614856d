#include "ProductPage.h"

#include "CatalogueClient.h"
#include "Cart.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "PictureCache.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kStock = QStringLiteral("productStock");
}

ProductPage::ProductPage(ShopClient *client, Cart *cart, NoticeBar *notice, QWidget *parent)
    : QWidget(parent), m_client(client), m_cart(cart), m_notice(notice),
      m_back(new QPushButton(this)), m_picture(new QLabel(this)),
      m_strip(new QListWidget(this)), m_name(new QLabel(this)), m_price(new QLabel(this)), m_stock(new QLabel(this)),
      m_facts(new QLabel(this)), m_description(new QLabel(this)),
      m_quantity(new NumberField(NumberField::Unit::Count, 1, ShopLimits::kMaxLineQuantity, this)),
      m_quantityLabel(new QLabel(this)), m_add(new QPushButton(this))
{
    setObjectName(QStringLiteral("productPage"));
    m_back->setObjectName(QStringLiteral("backToShop"));
    m_picture->setObjectName(QStringLiteral("productPicture"));
    m_strip->setObjectName(QStringLiteral("pictureStrip"));
    m_name->setObjectName(QStringLiteral("productTitle"));
    m_price->setObjectName(QStringLiteral("productPriceText"));
    m_stock->setObjectName(QStringLiteral("productStockText"));
    m_facts->setObjectName(QStringLiteral("productFacts"));
    m_description->setObjectName(QStringLiteral("productDescriptionText"));
    m_quantity->setObjectName(QStringLiteral("detailQuantity"));
    m_add->setObjectName(QStringLiteral("detailAddToCart"));

    m_picture->setFixedSize(kPictureSide, kPictureSide);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setStyleSheet(QStringLiteral("background:#eef1f6; color:#8a94a6; border-radius:8px;"));
    m_strip->setViewMode(QListWidget::IconMode);
    m_strip->setFlow(QListWidget::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setIconSize(QSize(64, 64));
    m_strip->setFixedSize(kPictureSide, 88);
    m_strip->setMovement(QListWidget::Static);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    QFont priceFont = m_price->font();
    priceFont.setPointSizeF(priceFont.pointSizeF() * 1.35);
    priceFont.setBold(true);
    m_price->setFont(priceFont);
    m_facts->setStyleSheet(QStringLiteral("color:#5f6368;"));
    m_facts->setWordWrap(true); // a long category path wraps, never cut off
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quantity->setFixedWidth(150); // label, field and button fit the narrowest window
    m_quantity->setValue(1);

    auto *descriptionScroll = new QScrollArea(this);
    descriptionScroll->setWidget(m_description);
    descriptionScroll->setWidgetResizable(true);
    descriptionScroll->setFrameShape(QFrame::NoFrame);
    m_quantityLabel->setBuddy(m_quantity->editor());
    auto *buy = new QHBoxLayout;
    buy->addWidget(m_quantityLabel, 0, Qt::AlignTop);
    buy->addWidget(m_quantity, 0, Qt::AlignTop);
    buy->addWidget(m_add, 0, Qt::AlignTop);
    buy->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_name);
    right->addWidget(m_price);
    right->addWidget(m_stock);
    right->addWidget(m_facts);
    right->addSpacing(8);
    right->addWidget(descriptionScroll, 1);
    right->addLayout(buy);
    auto *left = new QVBoxLayout;
    left->addWidget(m_picture);
    left->addWidget(m_strip);
    left->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addSpacing(20);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_back, 0, Qt::AlignLeft);
    layout->addLayout(columns, 1);

    connect(m_back, &QPushButton::clicked, this, &ProductPage::back);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ProductPage::back);
    connect(m_strip, &QListWidget::currentRowChanged, this, &ProductPage::showPicture);
    connect(m_add, &QPushButton::clicked, this, &ProductPage::add);
    connect(m_quantity, &NumberField::submitted, this, &ProductPage::add);
    connect(m_quantity, &NumberField::edited, m_notice, &NoticeBar::clearError);
    connect(m_cart, &Cart::changed, this, &ProductPage::updateActions);
    connect(m_client->catalogue()->pictures(), &PictureCache::ready, this, [this] {
        showPicture(m_shownPicture);
        for (int i = 0; i < m_strip->count() && i < m_product.images.size(); ++i)
            m_strip->item(i)->setIcon(m_client->catalogue()->pictures()->picture(m_product.images.at(i).thumbUrl()));
    });
    connect(&m_liveStock, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_loading)
            reload();
    });
    m_liveStock.start(kLiveStockMs);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ProductPage::retranslateUi()
{
    m_back->setText(tr("\u2039 &Back to the shop"));
    m_back->setToolTip(tr("Back to the shop (Esc)"));
    m_quantityLabel->setText(tr("&Quantity"));
    m_add->setText(tr("&Add to cart"));
    m_picture->setAccessibleName(tr("Picture of the product"));
    m_strip->setAccessibleName(tr("Pictures of the product"));
    if (m_product.id > 0) {
        const Product same = m_product;
        show(same);
        showPicture(m_shownPicture);
    }
}

void ProductPage::open(const Product &preview, const QString &categoryPath)
{
    m_categoryPath = categoryPath;
    m_quantity->setValue(1);
    m_shownPicture = 0;
    show(preview);
    reload();
    m_quantity->editor()->setFocus();
}

void ProductPage::reload()
{
    if (m_product.id <= 0)
        return;
    m_loading = true;
    const qint64 id = m_product.id;
    m_client->product(id, this, [this, id](const Result<Product> &answer) {
        m_loading = false;
        if (id != m_product.id)
            return; // another product was opened meanwhile
        if (!answer) {
            m_notice->showError(ErrorText::describe(answer.failure()), kStock);
            return;
        }
        m_notice->resolve(kStock);
        m_cart->noteStock(answer->id, answer->stock);
        show(answer.value());
    });
}

void ProductPage::show(const Product &product)
{
    const bool samePictures = product.id == m_product.id && product.images.size() == m_product.images.size()
            && m_strip->count() == product.images.size();
    m_product = product;
    m_name->setText(product.name);
    m_price->setText(Money::format(product.price));
    if (product.stock == 0) {
        m_stock->setText(tr("Sold out"));
        m_stock->setStyleSheet(QStringLiteral("color:#b3261e; font-weight:bold;"));
    } else {
        m_stock->setText(tr("%1 in stock").arg(Money::count(product.stock)));
        m_stock->setStyleSheet(QStringLiteral("color:#137333;"));
    }
    QStringList facts;
    if (!product.sku.isEmpty())
        facts.append(tr("SKU %1").arg(product.sku));
    if (!m_categoryPath.isEmpty())
        facts.append(QString(m_categoryPath).replace(QLatin1Char('/'), QStringLiteral(" \u203A ")));
    m_facts->setText(facts.join(QStringLiteral("  \u00B7  ")));
    m_description->setText(product.description.isEmpty() ? tr("No description yet.") : product.description);
    if (!samePictures) {
        const QSignalBlocker quiet(m_strip);
        m_strip->clear();
        PictureCache *pictures = m_client->catalogue()->pictures();
        for (const ProductImage &image : product.images) {
            auto *item = new QListWidgetItem(m_strip);
            item->setIcon(pictures->picture(image.thumbUrl()));
            item->setSizeHint(QSize(76, 76));
        }
        m_strip->setVisible(product.images.size() > 1);
        m_shownPicture = qBound(0, m_shownPicture, int(qMax(0, product.images.size() - 1)));
        m_strip->setCurrentRow(m_shownPicture);
        showPicture(m_shownPicture);
    }
    updateActions();
}

void ProductPage::showPicture(int index)
{
    if (index < 0 || index >= m_product.images.size()) {
        m_picture->setPixmap({});
        m_picture->setText(tr("No picture"));
        return;
    }
    m_shownPicture = index;
    const QPixmap full = m_client->catalogue()->pictures()->picture(m_product.images.at(index).url());
    if (full.isNull()) {
        m_picture->setPixmap({});
        m_picture->setText(tr("Loading picture\u2026"));
        return;
    }
    m_picture->setPixmap(full.scaled(m_picture->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void ProductPage::updateActions()
{
    if (m_product.id <= 0) {
        m_add->setEnabled(false);
        return;
    }
    const qint64 room = m_cart->room(m_product);
    m_quantity->setRange(1, room, m_cart->roomText(m_product));
    m_add->setEnabled(room > 0);
}

void ProductPage::add()
{
    if (m_product.id <= 0 || !m_add->isEnabled())
        return;
    if (!m_quantity->check()) {
        m_notice->clear();
        return;
    }
    const qint64 quantity = *m_quantity->value();
    m_cart->add(m_product, quantity);
    m_notice->showSuccess(tr("Added %1 \u00D7 %2 (%3 each) to the cart.")
                                  .arg(Money::count(quantity), m_product.name, Money::format(m_product.price)));
    m_quantity->setValue(1);
    updateActions();
}
