#include "CartPage.h"

#include "AddressChoice.h"
#include "Card.h"
#include "Cart.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pricing.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kStock = QStringLiteral("stock");
const QString kBalance = QStringLiteral("balance");

QLabel *amountLabel(const QString &name, QWidget *parent, bool strong = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (strong) {
        QFont font = label->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.3);
        label->setFont(font);
    }
    return label;
}

QString couponText(const UserCoupon &c)
{
    // A name that says its discount already ("신규 가입 3,000원 할인") is not followed by it
    // again: the choice is narrow, and the repeat cut the name mid-number.
    const QString value = c.discountType == DiscountType::Rate ? QStringLiteral("%1%").arg(c.discountValue)
                                                                : Money::count(c.discountValue);
    if (c.name.contains(value))
        return c.name;
    const QString off = c.discountType == DiscountType::Rate
            ? QCoreApplication::translate("CartPage", "%1% off").arg(c.discountValue)
            : QCoreApplication::translate("CartPage", "%1 off").arg(Money::format(c.discountValue));
    return QStringLiteral("%1 \u2014 %2").arg(c.name, off);
}

QLabel *formLabel(QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setBuddy(buddy);
    return label;
}
}

CartPage::CartPage(ShopClient *client, Cart *cart, QWidget *parent)
    : PageWidget(client, QString(), parent), m_cart(cart),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Money } },
                                   this)),
      m_table(new RecordTableView(body())),
      m_quantity(new NumberField(NumberField::Unit::Count, 1, ShopLimits::kMaxLineQuantity, body())),
      m_remove(new QPushButton(body())), m_coupon(new QComboBox(body())),
      m_total(amountLabel(QStringLiteral("cartTotal"), body())),
      m_discount(amountLabel(QStringLiteral("cartDiscount"), body())),
      m_toPay(amountLabel(QStringLiteral("cartToPay"), body(), true)),
      m_balance(amountLabel(QStringLiteral("cartBalance"), body())), m_pay(new QPushButton(body()))
{
    setObjectName(QStringLiteral("cartPage"));
    m_table->setObjectName(QStringLiteral("cartTable"));
    m_quantity->setObjectName(QStringLiteral("lineQuantity"));
    m_remove->setObjectName(QStringLiteral("removeLine"));
    m_coupon->setObjectName(QStringLiteral("couponChoice"));
    m_pay->setObjectName(QStringLiteral("pay"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_quantity->setFixedWidth(250);
    m_pay->setMinimumHeight(36);
    m_coupon->setMinimumWidth(170);
    m_coupon->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_coupon->setMinimumContentsLength(16);

    m_quantityLabel = formLabel(m_quantity->editor(), body());
    auto *lineActions = new QHBoxLayout;
    lineActions->addStretch();
    lineActions->addWidget(m_quantityLabel, 0, Qt::AlignTop);
    lineActions->addWidget(m_quantity, 0, Qt::AlignTop);
    lineActions->addWidget(m_remove, 0, Qt::AlignTop);

    m_checkout = new Card(QString(), body());
    m_checkout->setObjectName(QStringLiteral("checkoutCard"));
    auto *form = new QFormLayout;
    m_checkout->content()->addLayout(form);
    // Each amount is named by its label, for a screen reader too.
    m_couponLabel = formLabel(m_coupon, m_checkout);
    m_totalLabel = formLabel(m_total, m_checkout);
    m_discountLabel = formLabel(m_discount, m_checkout);
    m_toPayLabel = formLabel(m_toPay, m_checkout);
    m_balanceLabel = formLabel(m_balance, m_checkout);
    form->addRow(m_couponLabel, m_coupon);
    form->addRow(m_totalLabel, m_total);
    form->addRow(m_discountLabel, m_discount);
    form->addRow(m_toPayLabel, m_toPay);
    form->addRow(m_balanceLabel, m_balance);
    // Where it goes (issue 26): the default address, another one, or picked up in person.
    m_address = new AddressChoice(client, m_checkout);
    form->addRow(m_address->label(), m_address);
    form->addRow(m_pay);
    m_checkout->setFixedWidth(270); // the lines keep the rest, so names fit at 920 × 600
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addLayout(lineActions);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(m_checkout, 0, Qt::AlignTop);

    connect(m_cart, &Cart::changed, this, &CartPage::showCart);
    connect(m_coupon, &QComboBox::currentIndexChanged, this, &CartPage::showSummary);
    connect(m_pay, &QPushButton::clicked, this, &CartPage::pay);
    connect(m_remove, &QPushButton::clicked, this, [this] { m_cart->remove(m_table->selectedId()); });
    // A quantity is applied as soon as it is acceptable; until then the field says why
    // not and Pay waits, so what is paid is what the field shows.
    connect(m_quantity, &NumberField::edited, this, [this] {
        if (const std::optional<qint64> quantity = m_quantity->value())
            m_cart->setQuantity(m_table->selectedId(), *quantity);
        showSummary();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CartPage::showLine);
    connect(client, &ShopClient::balanceChanged, this, [this](qint64 balance) {
        m_knownBalance = balance;
        showSummary();
    });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CartPage::retranslateUi()
{
    setTitle(tr("Cart"));
    m_model->setHeaders({ tr("Product"), tr("Price"), tr("Quantity"), tr("Subtotal") });
    m_table->setEmptyText(tr("Your cart is empty. Add products from the Shop page."));
    m_table->setAccessibleName(tr("Cart lines"));
    m_quantityLabel->setText(tr("&Quantity"));
    m_remove->setText(tr("&Remove"));
    m_checkout->setTitle(tr("Checkout"));
    m_couponLabel->setText(tr("C&oupon"));
    m_totalLabel->setText(tr("Total"));
    m_discountLabel->setText(tr("Discount"));
    m_toPayLabel->setText(tr("To pay"));
    m_balanceLabel->setText(tr("Wallet balance"));
    showCoupons();
    showCart();
}

void CartPage::refresh()
{
    loadCoupons();
    m_address->reload();
    client()->balance(this, [](const Result<qint64> &) { });
    loadStock();
}

void CartPage::loadStock()
{
    // Stock is live: what is left now, for every line (an order has at most 50).
    for (const OrderLine &line : m_cart->lines()) {
        client()->product(line.productId, this, [this, id = line.productId](const Result<Product> &product) {
            if (product)
                m_cart->noteStock(id, product->stock);
            else if (product.failure().code == ErrorCode::NotFound)
                m_cart->noteStock(id, 0);
        });
    }
}

void CartPage::showLine()
{
    const qint64 id = m_table->selectedId();
    const int row = m_model->indexOfId(id);
    m_quantity->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    if (row < 0) {
        // No line (an empty cart): no number, and no range left from the line that went.
        m_quantity->clear();
        m_quantity->hint()->clear();
        m_lineShown = 0;
        return;
    }
    const qint64 stock = m_cart->stockOf(id);
    const qint64 limit = m_cart->lineLimit(id);
    m_quantity->setRange(1, qMax<qint64>(1, limit),
                         stock >= 0 && stock < ShopLimits::kMaxLineQuantity
                                 ? tr("Only %1 in stock.").arg(Money::count(stock))
                                 : tr("At most %1 of one product per order.").arg(Money::count(ShopLimits::kMaxLineQuantity)));
    // Another line: its quantity. The same line: what is typed stays, even when wrong.
    if (id != m_lineShown || (m_quantity->problem().isEmpty() && m_quantity->value() != m_cart->quantityOf(id)))
        m_quantity->setValue(m_cart->quantityOf(id));
    m_lineShown = id;
}

void CartPage::loadCoupons()
{
    client()->myCoupons(QStringLiteral("AVAILABLE"), this, [this](const Result<QList<UserCoupon>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        m_coupons = answer.value();
        m_couponsRead = true;
        showCoupons();
        showSummary();
    });
}

void CartPage::showCoupons()
{
    if (!m_couponsRead)
        return;
    const qint64 chosen = m_coupon->currentData().toLongLong();
    const QSignalBlocker quiet(m_coupon);
    m_coupon->clear();
    m_coupon->addItem(m_coupons.isEmpty() ? tr("No coupons to use") : tr("No coupon"), qint64(0));
    for (const UserCoupon &c : m_coupons)
        m_coupon->addItem(couponText(c), c.id);
    m_coupon->setCurrentIndex(qMax(0, m_coupon->findData(chosen)));
}

void CartPage::showCart()
{
    const qint64 selected = m_table->selectedId();
    QList<RecordTableModel::Row> rows;
    for (const OrderLine &line : m_cart->lines()) {
        const qint64 stock = m_cart->stockOf(line.productId);
        // A line that no longer fits says so in its own name cell (greyed out).
        const bool over = stock >= 0 && line.quantity > stock;
        const QString name = !over      ? line.name
                : stock == 0            ? tr("%1 \u2014 sold out").arg(line.name)
                                        : tr("%1 \u2014 only %2 left").arg(line.name, Money::count(stock));
        rows.append({ line.productId, { name, line.unitPrice, line.quantity, line.unitPrice * line.quantity }, over });
    }
    m_model->setRows(std::move(rows));
    if (m_model->rowCount() > 0)
        m_table->selectId(m_model->indexOfId(selected) >= 0 ? selected : m_model->row(0).id);
    showLine();
    m_quantity->setEnabled(m_model->rowCount() > 0);
    m_remove->setEnabled(m_model->rowCount() > 0);

    // An empty cart has nothing left to refuse: an error about paying it (balance,
    // coupon, stock) goes with the lines it was about.
    if (m_cart->isEmpty())
        notice()->clearError();
    // A line that no longer fits the stock says so until it fits again.
    const QList<OrderLine> over = m_cart->overStock();
    if (over.isEmpty()) {
        notice()->resolve(kStock);
    } else {
        QStringList lines;
        for (const OrderLine &line : over) {
            const qint64 stock = m_cart->stockOf(line.productId);
            lines << (stock == 0 ? tr("%1 is sold out").arg(line.name)
                                 : tr("only %1 %2 left (the cart holds %3)")
                                           .arg(Money::count(stock), line.name, Money::count(line.quantity)));
        }
        notice()->showError(tr("Not enough in stock: %1. Lower the quantity or remove the line to pay.")
                                    .arg(lines.join(QStringLiteral("; "))),
                            kStock);
    }
    showSummary();
}

const UserCoupon *CartPage::chosenCoupon() const
{
    const qint64 id = m_coupon->currentData().toLongLong();
    for (const UserCoupon &c : m_coupons) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

void CartPage::showSummary()
{
    const qint64 total = m_cart->total();
    const UserCoupon *coupon = chosenCoupon();
    const qint64 discount = coupon ? Pricing::discount(coupon->discountType, coupon->discountValue, total) : 0;
    m_total->setText(Money::format(total));
    m_discount->setText(discount > 0 ? Money::format(-discount) : Money::format(0));
    m_toPay->setText(Money::format(total - discount));
    const bool enough = m_knownBalance < 0 || m_knownBalance >= total - discount;
    m_balance->setText(m_knownBalance < 0 ? tr("\u2014") : Money::format(m_knownBalance));
    m_balance->setStyleSheet(enough ? QString() : QStringLiteral("color:#b3261e;"));
    m_balance->setToolTip(enough ? QString() : tr("The wallet has less than the amount to pay: charge it first."));
    if (enough)
        notice()->resolve(kBalance); // charged meanwhile: "not enough money" is no longer true
    const bool quantityTyped = m_model->indexOfId(m_table->selectedId()) < 0 || m_quantity->problem().isEmpty();
    m_pay->setEnabled(!m_cart->isEmpty() && !m_paying && quantityTyped && m_cart->overStock().isEmpty());
    m_pay->setText(m_paying ? tr("Paying…") : tr("&Pay %1").arg(Money::format(total - discount)));
}

void CartPage::pay()
{
    if (m_cart->isEmpty() || m_paying)
        return;
    // Money moves only when the person has seen what leaves the wallet and said yes.
    const qint64 total = m_cart->total();
    const UserCoupon *coupon = chosenCoupon();
    const qint64 discount = coupon ? Pricing::discount(coupon->discountType, coupon->discountValue, total) : 0;
    const QString toPay = Money::format(total - discount);
    QStringList said { tr("%1 will be taken from the wallet.").arg(toPay) };
    if (discount > 0)
        said << tr("Coupon \u201C%1\u201D: %2 off.").arg(coupon->name, Money::format(discount));
    if (m_knownBalance >= total - discount)
        said << tr("The balance will then be %1.").arg(Money::format(m_knownBalance - (total - discount)));
    ConfirmDialog::ask(this, QStringLiteral("confirmPay"), tr("Pay %1?").arg(toPay), said.join(QLatin1Char('\n')),
                       tr("&Pay %1").arg(toPay), tr("Don't pay"), [this] { payConfirmed(); });
}

void CartPage::payConfirmed()
{
    if (m_cart->isEmpty() || m_paying)
        return;
    m_paying = true;
    showSummary();
    notice()->showInfo(tr("Paying…"));
    const UserCoupon *coupon = chosenCoupon();
    m_address->shipping()->placeOrder(m_cart->lines(), coupon ? coupon->id : 0, m_address->addressId(), this,
                                      [this](const Result<Order> &order) {
        m_paying = false;
        if (!order) {
            explainRefusal(order.failure());
            showSummary();
            return;
        }
        m_cart->clear();
        const QString paid = Money::format(order->paidAmount);
        notice()->showSuccess(order->discountAmount > 0
                                      ? tr("Order #%1 paid: %2 taken from the wallet (total %3, coupon discount %4).")
                                                .arg(order->id)
                                                .arg(paid, Money::format(order->totalAmount),
                                                     Money::format(order->discountAmount))
                                      : tr("Order #%1 paid: %2 taken from the wallet.").arg(order->id).arg(paid));
        refresh();
    });
}

void CartPage::explainRefusal(const Failure &failure)
{
    QString text = ErrorText::describe(failure);
    QString cause;
    if (failure.code == ErrorCode::OutOfStock) {
        const qint64 productId = failure.details.value(QStringLiteral("productId")).toInteger();
        for (const OrderLine &line : m_cart->lines()) {
            if (line.productId == productId)
                text = tr("Out of stock \u2014 not enough %1 left for %2. Nothing was charged.")
                               .arg(line.name, Money::count(line.quantity));
        }
        cause = kStock;
        loadStock(); // the lines then say how many are left
    } else if (failure.code == ErrorCode::InsufficientBalance) {
        text += tr(" Charge the wallet and pay again; nothing was charged.");
        cause = kBalance;
    } else if (failure.code == ErrorCode::CouponNotUsable) {
        text += tr(" Choose another coupon or none.");
        loadCoupons();
    } else {
        text += tr(" Nothing was charged.");
    }
    notice()->showError(text, cause);
}
