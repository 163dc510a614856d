#include "ProductForm.h"

#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"

#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace {
// API.md: name 1..200 characters, price and stock whole numbers 0..1,000,000,000.
constexpr int kMaxName = 200;
constexpr int kMaxPrice = 1'000'000'000;
constexpr int kMaxStock = 1'000'000'000;
}

ProductForm::ProductForm(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Products"), parent),
      m_model(new RecordTableModel({ { tr("Id"), RecordTableModel::Kind::Number },
                                     { tr("Product"), RecordTableModel::Kind::Text },
                                     { tr("Price"), RecordTableModel::Kind::Money },
                                     { tr("Stock"), RecordTableModel::Kind::Number } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_mode(new QLabel(body())),
      m_name(new QLineEdit(body())), m_price(new QSpinBox(body())), m_stock(new QSpinBox(body())),
      m_problem(new QLabel(body())), m_new(new QPushButton(tr("&New product"), body())),
      m_save(new QPushButton(body()))
{
    setObjectName(QStringLiteral("productForm"));
    m_table->setObjectName(QStringLiteral("adminProductTable"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_price->setObjectName(QStringLiteral("productPrice"));
    m_stock->setObjectName(QStringLiteral("productStock"));
    m_problem->setObjectName(QStringLiteral("productProblem"));
    m_new->setObjectName(QStringLiteral("newProduct"));
    m_save->setObjectName(QStringLiteral("saveProduct"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_name->setMaxLength(kMaxName);
    m_name->setPlaceholderText(tr("What the shopper sees"));
    m_price->setRange(0, kMaxPrice);
    m_price->setPrefix(QStringLiteral("\u20A9"));
    m_price->setGroupSeparatorShown(true);
    m_price->setSingleStep(1000);
    m_stock->setRange(0, kMaxStock);
    m_stock->setGroupSeparatorShown(true);
    m_problem->setStyleSheet(QStringLiteral("color:#b3261e;"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    QFont bold = m_mode->font();
    bold.setBold(true);
    m_mode->setFont(bold);

    auto *box = new QGroupBox(body());
    box->setMinimumWidth(340);
    auto *form = new QFormLayout(box);
    form->addRow(m_mode);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Price"), m_price);
    form->addRow(tr("&Stock"), m_stock);
    form->addRow(m_problem);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addStretch();
    buttons->addWidget(m_save);
    form->addRow(buttons);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(box, 2, Qt::AlignTop);
    setTabOrder(m_name, m_price);
    setTabOrder(m_price, m_stock);
    setTabOrder(m_stock, m_save);

    connect(m_pager, &Pager::pageRequested, this, &ProductForm::load);
    connect(m_table, &QAbstractItemView::clicked, this, &ProductForm::edit);
    connect(m_table, &QAbstractItemView::activated, this, &ProductForm::edit);
    connect(m_new, &QPushButton::clicked, this, &ProductForm::startNew);
    connect(m_save, &QPushButton::clicked, this, &ProductForm::save);
    connect(m_name, &QLineEdit::returnPressed, this, &ProductForm::save);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_problem->hide(); });
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
            notice()->showError(ErrorText::describe(answer.failure()));
            return;
        }
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

void ProductForm::startNew()
{
    m_editing = 0;
    m_table->clearSelection();
    m_mode->setText(tr("New product"));
    m_name->clear();
    m_price->setValue(0);
    m_stock->setValue(0);
    m_save->setText(tr("&Create product"));
    m_problem->hide();
    m_name->setFocus();
}

void ProductForm::edit()
{
    const qint64 id = m_table->selectedId();
    for (const Product &p : m_products) {
        if (p.id != id)
            continue;
        m_editing = p.id;
        m_mode->setText(tr("Product #%1").arg(p.id));
        m_name->setText(p.name);
        m_price->setValue(int(p.price));
        m_stock->setValue(int(p.stock));
        m_save->setText(tr("&Save changes"));
        m_problem->hide();
    }
}

bool ProductForm::validate()
{
    QString problem;
    if (m_name->text().trimmed().isEmpty())
        problem = tr("Give the product a name.");
    m_name->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border:1px solid #b3261e;"));
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

void ProductForm::save()
{
    if (!validate())
        return;
    m_save->setEnabled(false);
    const Product draft { m_editing, m_name->text().trimmed(), m_price->value(), m_stock->value() };
    auto done = [this, creating = m_editing == 0](const Result<Product> &product) {
        m_save->setEnabled(true);
        if (!product) {
            const QString field = product.failure().details.value(QStringLiteral("field")).toString();
            notice()->showError(ErrorText::describe(product.failure()));
            if (!field.isEmpty()) {
                m_problem->setText(product.failure().message);
                m_problem->show();
            }
            return;
        }
        notice()->showSuccess((creating ? tr("Created product #%1: %2 at %3, %4 in stock.")
                                        : tr("Saved product #%1: %2 at %3, %4 in stock."))
                                      .arg(product->id)
                                      .arg(product->name, Money::format(product->price))
                                      .arg(product->stock));
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
