#include "ProductForm.h"

#include "AdminClient.h"
#include "Card.h"
#include "CatalogueClient.h"
#include "ConfirmDialog.h"
#include "DemoShopOffer.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "PictureEditor.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "ShopLimits.h"
#include "StockDialog.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QRegularExpressionValidator>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QVBoxLayout>

#include <iterator>

namespace {
const QString kSave = QStringLiteral("save");
const QString kRedBorder = QStringLiteral("QLineEdit { border:1px solid #b3261e; border-radius:3px; padding:2px; }");
}

ProductForm::ProductForm(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Number } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_card(new Card(QString(), body())),
      m_name(new QLineEdit(m_card)), m_nameHint(new FieldHint(m_card)),
      m_price(new NumberField(NumberField::Unit::Won, 0, ShopLimits::kMaxPrice, m_card)),
      m_stock(new NumberField(NumberField::Unit::Count, 0, ShopLimits::kMaxStock, m_card)),
      m_sku(new QLineEdit(m_card)), m_category(new QComboBox(m_card)), m_description(new QPlainTextEdit(m_card)),
      m_pictures(new PictureEditor(client, m_card)), m_offer(new DemoShopOffer(client, body())),
      m_new(new QPushButton(m_card)), m_save(new QPushButton(m_card)), m_stockButton(new QPushButton(m_card))
{
    setObjectName(QStringLiteral("productForm"));
    m_table->setObjectName(QStringLiteral("adminProductTable"));
    m_card->setObjectName(QStringLiteral("productCard"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_nameHint->setObjectName(QStringLiteral("productProblem"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_stock->setObjectName(QStringLiteral("productStock"));
    m_sku->setObjectName(QStringLiteral("productSku"));
    m_category->setObjectName(QStringLiteral("productCategory"));
    m_description->setObjectName(QStringLiteral("productDescription"));
    m_new->setObjectName(QStringLiteral("newProduct"));
    m_save->setObjectName(QStringLiteral("saveProduct"));
    m_stockButton->setObjectName(QStringLiteral("productStockHistory"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_name->setMaxLength(ShopLimits::kMaxNameLength);
    m_nameHint->setReservedLines(1);
    m_sku->setMaxLength(64);
    m_sku->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9._-]{0,64}")), m_sku));
    m_description->setFixedHeight(84);
    m_description->setTabChangesFocus(true);

    m_card->setMinimumWidth(340);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameHint);
    // Each label is its field's buddy: Alt+letter goes there and a screen reader says it.
    const auto row = [&](auto *field, QWidget *buddy) {
        auto *label = new QLabel(m_card);
        label->setBuddy(buddy);
        form->addRow(label, field);
        m_labels.append(label);
    };
    row(nameBox, m_name);
    row(m_price, m_price->editor());
    row(m_stock, m_stock->editor());
    row(m_sku, m_sku);
    row(m_category, m_category);
    row(m_description, m_description);
    row(m_pictures, m_pictures);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_stockButton);
    buttons->addStretch();
    buttons->addWidget(m_save);
    m_card->content()->addLayout(form);
    m_card->content()->addLayout(buttons);

    auto *left = new QVBoxLayout;
    left->addWidget(m_offer);
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    // A short window scrolls the form (up and down) instead of pressing its fields onto
    // each other and cutting the button's words.
    auto *formScroll = new QScrollArea(body());
    formScroll->setObjectName(QStringLiteral("productFormScroll"));
    auto *holder = new QWidget(formScroll);
    auto *holderLayout = new QVBoxLayout(holder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_card);
    holderLayout->addStretch();
    formScroll->setWidget(holder);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setMinimumWidth(m_card->minimumWidth() + formScroll->verticalScrollBar()->sizeHint().width());
    layout->addWidget(formScroll, 2);
    setTabOrder(m_name, m_price->editor());
    setTabOrder(m_price->editor(), m_stock->editor());
    setTabOrder(m_stock->editor(), m_sku);
    setTabOrder(m_sku, m_category);
    setTabOrder(m_category, m_description);
    setTabOrder(m_description, m_save);

    connect(m_pager, &Pager::pageRequested, this, &ProductForm::load);
    connect(m_table, &QAbstractItemView::clicked, this, &ProductForm::edit);
    connect(m_table, &QAbstractItemView::activated, this, &ProductForm::edit);
    connect(m_new, &QPushButton::clicked, this, &ProductForm::startNew);
    connect(m_save, &QPushButton::clicked, this, &ProductForm::save);
    connect(m_stockButton, &QPushButton::clicked, this, &ProductForm::openStock);
    connect(m_name, &QLineEdit::returnPressed, this, &ProductForm::save);
    connect(m_price, &NumberField::submitted, this, &ProductForm::save);
    connect(m_stock, &NumberField::submitted, this, &ProductForm::save);
    // A message is about the last save: editing the form starts a new one.
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        showNameProblem(QString());
        notice()->resolve(kSave);
    });
    connect(m_price, &NumberField::edited, notice(), [this] { notice()->resolve(kSave); });
    connect(m_stock, &NumberField::edited, notice(), [this] { notice()->resolve(kSave); });
    connect(m_sku, &QLineEdit::textEdited, notice(), [this] {
        m_sku->setStyleSheet(QString());
        notice()->resolve(kSave);
    });
    connect(m_pictures, &PictureEditor::picturesChanged, this, [this] { load(m_pager->page()); });
    connect(m_offer, &DemoShopOffer::loaded, this, [this](const QString &report) {
        notice()->showSuccess(report);
        refresh();
    });
    startNew();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ProductForm::retranslateUi()
{
    setTitle(tr("Products"));
    m_model->setHeaders({ tr("Id"), tr("Product"), tr("Price"), tr("Stock") });
    m_table->setEmptyText(tr("Nothing here yet. Create the first product with the form."));
    m_table->setAccessibleName(tr("Products"));
    const QString labels[] = { tr("&Name"), tr("P&rice"), tr("&Stock"), tr("S&KU"), tr("Ca&tegory"), tr("&Description"),
                               tr("Pictures") };
    for (int i = 0; i < m_labels.size() && i < int(std::size(labels)); ++i)
        m_labels[i]->setText(labels[i]);
    m_name->setPlaceholderText(tr("What the shopper sees"));
    m_price->editor()->setPlaceholderText(tr("e.g. 12,300"));
    m_stock->editor()->setPlaceholderText(tr("units on hand"));
    m_sku->setPlaceholderText(tr("optional, e.g. KT-0042"));
    m_description->setPlaceholderText(tr("What the shopper reads on the product's page"));
    m_new->setText(tr("N&ew product"));
    m_stockButton->setText(tr("Stock &history\u2026"));
    m_card->setTitle(m_editing > 0 ? tr("Product #%1").arg(m_editing) : tr("New product"));
    m_save->setText(m_editing > 0 ? tr("Sa&ve changes") : tr("&Create product"));
    // Wide enough for either of its words with the sheet's padding (AppStyle: 14 px a
    // side): the layout sized it for the one shown first, and cut the other ("reate produc").
    int widest = 0;
    for (QString text : { tr("Sa&ve changes"), tr("&Create product") })
        widest = qMax(widest, m_save->fontMetrics().horizontalAdvance(text.remove(QLatin1Char('&'))));
    m_save->setMinimumWidth(widest + 2 * 14 + 12);
    if (m_category->count() > 0)
        m_category->setItemText(0, tr("No category"));
}

void ProductForm::refresh()
{
    loadCategories();
    load(m_pager->page());
}

void ProductForm::loadCategories()
{
    client()->catalogue()->categories(this, [this](const Result<QList<Category>> &answer) {
        if (!answer)
            return; // the product list says what is wrong with the server
        m_categories = answer.value();
        const qint64 chosen = m_category->currentData().toLongLong();
        const QSignalBlocker quiet(m_category);
        m_category->clear();
        m_category->addItem(tr("No category"), qint64(0));
        for (const Category &c : m_categories)
            m_category->addItem(QString(c.path).replace(QLatin1Char('/'), QStringLiteral(" › ")), c.id);
        m_category->setCurrentIndex(qMax(0, m_category->findData(chosen)));
    });
}

void ProductForm::loadDetails(qint64 productId)
{
    // The list leaves out descriptions and all pictures but the first.
    client()->product(productId, this, [this, productId](const Result<Product> &product) {
        if (!product || m_editing != productId)
            return;
        if (m_description->toPlainText().isEmpty())
            m_description->setPlainText(product->description);
        m_pictures->setProduct(product.value());
    });
}

void ProductForm::load(int page)
{
    client()->products(page, kPageSize, this, [this](const Result<Page<Product>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        m_products = answer->items;
        QList<RecordTableModel::Row> rows;
        for (const Product &p : m_products)
            rows.append({ p.id, { p.id, p.name, p.price, p.stock }, p.stock == 0 });
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_offer->setShopEmpty(answer->total == 0);
        if (m_editing > 0)
            m_table->selectId(m_editing);
    });
}

void ProductForm::showNameProblem(const QString &problem)
{
    m_name->setStyleSheet(problem.isEmpty() ? QString() : kRedBorder);
    if (problem.isEmpty())
        m_nameHint->clear();
    else
        m_nameHint->showProblem(problem);
}

void ProductForm::startNew()
{
    m_editing = 0;
    m_table->clearSelection();
    m_card->setTitle(tr("New product"));
    m_name->clear();
    // Empty, not ₩0: a price is something to decide, not a default to miss.
    m_price->clear();
    m_stock->clear();
    m_sku->clear();
    m_description->clear();
    m_category->setCurrentIndex(0);
    m_pictures->setProduct(Product {});
    m_save->setText(tr("&Create product"));
    m_stockButton->setEnabled(false);
    showNameProblem(QString());
    m_name->setFocus();
}

void ProductForm::edit()
{
    const qint64 id = m_table->selectedId();
    for (const Product &p : m_products) {
        if (p.id != id)
            continue;
        m_editing = p.id;
        m_card->setTitle(tr("Product #%1").arg(p.id));
        m_name->setText(p.name);
        m_price->setValue(p.price);
        m_stock->setValue(p.stock);
        m_sku->setText(p.sku);
        m_category->setCurrentIndex(qMax(0, m_category->findData(p.categoryId)));
        m_description->setPlainText(p.description);
        m_pictures->setProduct(p);
        loadDetails(p.id);
        m_save->setText(tr("Sa&ve changes"));
        m_stockButton->setEnabled(true);
        showNameProblem(QString());
        notice()->resolve(kSave);
    }
}

bool ProductForm::validate()
{
    const bool named = !m_name->text().trimmed().isEmpty();
    showNameProblem(named ? QString() : tr("Give the product a name."));
    const bool priced = m_price->check();
    const bool stocked = m_stock->check();
    const bool described = m_description->toPlainText().size() <= ShopLimits::kMaxDescriptionLength;
    return named && priced && stocked && described;
}

void ProductForm::save()
{
    if (m_saving)
        return;
    if (!validate()) {
        notice()->clear(); // "Created product #27" was about the last save, not this form
        if (m_description->toPlainText().size() > ShopLimits::kMaxDescriptionLength)
            notice()->showError(tr("The description is %1 characters long; at most %2 fit.")
                                        .arg(Money::count(m_description->toPlainText().size()),
                                             Money::count(ShopLimits::kMaxDescriptionLength)),
                                kSave);
        return;
    }
    if (*m_price->value() == 0) {
        const QString free = Money::format(0);
        ConfirmDialog::ask(this, QStringLiteral("confirmFreeProduct"), tr("Sell it for %1?").arg(free),
                           tr("\u201C%1\u201D would cost nothing: shoppers could order it for free. Save it at %2?")
                                   .arg(m_name->text().trimmed(), free),
                           tr("Save at %1").arg(free), tr("Change the price"), [this] { send(); });
        return;
    }
    send();
}

void ProductForm::send()
{
    m_saving = true;
    m_save->setEnabled(false);
    notice()->clear();
    Product draft { m_editing, m_name->text().trimmed(), *m_price->value(), *m_stock->value() };
    draft.sku = m_sku->text().trimmed();
    draft.description = m_description->toPlainText();
    draft.categoryId = m_category->currentData().toLongLong();
    auto done = [this, creating = m_editing == 0](const Result<Product> &product) {
        m_saving = false;
        m_save->setEnabled(true);
        if (!product) {
            // Nothing was stored: say so, keep the form as typed, and point at the field.
            const QString field = product.failure().details.value(QStringLiteral("field")).toString();
            const QString reason = ErrorText::sentence(product.failure().message);
            if (field == QLatin1String("name"))
                showNameProblem(reason);
            else if (field == QLatin1String("price"))
                m_price->showProblem(reason);
            else if (field == QLatin1String("stock"))
                m_stock->showProblem(reason);
            else if (field == QLatin1String("sku") || product.failure().code == ErrorCode::SkuTaken)
                m_sku->setStyleSheet(kRedBorder);
            notice()->showError(tr("Not saved: %1 The form keeps what you typed; save again when it is fixed.")
                                        .arg(ErrorText::describe(product.failure())),
                                kSave);
            return;
        }
        notice()->showSuccess((creating ? tr("Created product #%1: %2 at %3, %4 in stock.")
                                        : tr("Saved product #%1: %2 at %3, %4 in stock."))
                                      .arg(product->id)
                                      .arg(product->name, Money::format(product->price), Money::count(product->stock)),
                              kSave);
        if (creating)
            startNew();
        refresh();
    };
    if (m_editing == 0) {
        client()->createProduct(draft, this, done);
    } else {
        client()->updateProduct(m_editing,
                                { { QStringLiteral("name"), draft.name },
                                  { QStringLiteral("price"), draft.price },
                                  { QStringLiteral("stock"), draft.stock },
                                  { QStringLiteral("sku"), draft.sku.isEmpty() ? QJsonValue() : QJsonValue(draft.sku) },
                                  { QStringLiteral("description"), draft.description },
                                  { QStringLiteral("categoryId"),
                                    draft.categoryId > 0 ? QJsonValue(draft.categoryId) : QJsonValue() } },
                                this, done);
    }
}

void ProductForm::openStock()
{
    for (const Product &p : m_products) {
        if (p.id != m_editing)
            continue;
        auto *dialog = new StockDialog(client()->admin(), p.id, p.name, p.stock, this);
        // The ledger is the stock: the form's number follows an adjustment.
        connect(dialog, &StockDialog::adjusted, this, [this](const Product &changed) {
            if (changed.id == m_editing)
                m_stock->setValue(changed.stock);
            load(m_pager->page());
        });
        dialog->open();
        return;
    }
}
