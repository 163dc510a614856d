#include "ProductForm.h"

#include "Card.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kSave = QStringLiteral("save");
const QString kRedBorder = QStringLiteral("QLineEdit { border:1px solid #b3261e; border-radius:3px; padding:2px; }");
}

ProductForm::ProductForm(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Products"), parent),
      m_model(new RecordTableModel({ { tr("Id"), RecordTableModel::Kind::Number },
                                     { tr("Product"), RecordTableModel::Kind::Text },
                                     { tr("Price"), RecordTableModel::Kind::Money },
                                     { tr("Stock"), RecordTableModel::Kind::Number } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_card(new Card(QString(), body())),
      m_name(new QLineEdit(m_card)), m_nameHint(new FieldHint(m_card)),
      m_price(new NumberField(NumberField::Unit::Won, 0, ShopLimits::kMaxPrice, m_card)),
      m_stock(new NumberField(NumberField::Unit::Count, 0, ShopLimits::kMaxStock, m_card)),
      m_new(new QPushButton(tr("&New product"), m_card)), m_save(new QPushButton(m_card))
{
    setObjectName(QStringLiteral("productForm"));
    m_table->setObjectName(QStringLiteral("adminProductTable"));
    m_card->setObjectName(QStringLiteral("productCard"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_nameHint->setObjectName(QStringLiteral("productProblem"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_stock->setObjectName(QStringLiteral("productStock"));
    m_new->setObjectName(QStringLiteral("newProduct"));
    m_save->setObjectName(QStringLiteral("saveProduct"));
    m_table->setModel(m_model);
    m_table->setEmptyText(tr("Nothing here yet. Create the first product with the form."));
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_name->setMaxLength(ShopLimits::kMaxNameLength);
    m_name->setPlaceholderText(tr("What the shopper sees"));
    m_nameHint->setReservedLines(1);
    m_price->editor()->setPlaceholderText(tr("e.g. 12,300"));
    m_stock->editor()->setPlaceholderText(tr("units on hand"));

    m_card->setMinimumWidth(340);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameHint);
    form->addRow(tr("&Name"), nameBox);
    form->addRow(tr("&Price"), m_price);
    form->addRow(tr("&Stock"), m_stock);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_save);
    m_card->content()->addLayout(form);
    m_card->content()->addLayout(buttons);
    qobject_cast<QLabel *>(form->labelForField(nameBox))->setBuddy(m_name);
    qobject_cast<QLabel *>(form->labelForField(m_price))->setBuddy(m_price->editor());
    qobject_cast<QLabel *>(form->labelForField(m_stock))->setBuddy(m_stock->editor());

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(m_card, 2, Qt::AlignTop);
    setTabOrder(m_name, m_price->editor());
    setTabOrder(m_price->editor(), m_stock->editor());
    setTabOrder(m_stock->editor(), m_save);

    connect(m_pager, &Pager::pageRequested, this, &ProductForm::load);
    connect(m_table, &QAbstractItemView::clicked, this, &ProductForm::edit);
    connect(m_table, &QAbstractItemView::activated, this, &ProductForm::edit);
    connect(m_new, &QPushButton::clicked, this, &ProductForm::startNew);
    connect(m_save, &QPushButton::clicked, this, &ProductForm::save);
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
    startNew();
}

void ProductForm::refresh()
{
    load(m_pager->page());
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
    m_save->setText(tr("&Create product"));
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
        m_save->setText(tr("&Save changes"));
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
    return named && priced && stocked;
}

void ProductForm::save()
{
    if (m_saving)
        return;
    if (!validate()) {
        notice()->clear(); // "Created product #27" was about the last save, not this form
        return;
    }
    if (*m_price->value() == 0) {
        ConfirmDialog::ask(this, QStringLiteral("confirmFreeProduct"), tr("Sell it for \u20A90?"),
                           tr("\u201C%1\u201D would cost nothing: shoppers could order it for free. Save it at \u20A90?")
                                   .arg(m_name->text().trimmed()),
                           tr("Save at \u20A90"), tr("Change the price"), [this] { send(); });
        return;
    }
    send();
}

void ProductForm::send()
{
    m_saving = true;
    m_save->setEnabled(false);
    notice()->clear();
    const Product draft { m_editing, m_name->text().trimmed(), *m_price->value(), *m_stock->value() };
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
                                  { QStringLiteral("stock"), draft.stock } },
                                this, done);
    }
}
