#include "StockDialog.h"

#include "AdminClient.h"
#include "Card.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <iterator>
#include <utility>

namespace {
QString reasonText(const StockEntry &e)
{
    if (e.reason == QLatin1String("INITIAL"))
        return QCoreApplication::translate("StockDialog", "Initial stock");
    if (e.reason == QLatin1String("ORDER"))
        return QCoreApplication::translate("StockDialog", "Sold, order #%1").arg(e.orderId);
    if (e.reason == QLatin1String("CANCEL"))
        return QCoreApplication::translate("StockDialog", "Cancelled, order #%1").arg(e.orderId);
    if (e.reason == QLatin1String("REFUND"))
        return QCoreApplication::translate("StockDialog", "Refunded, order #%1").arg(e.orderId);
    if (e.reason == QLatin1String("ADJUSTMENT"))
        return e.note.isEmpty() ? QCoreApplication::translate("StockDialog", "Adjusted") : QCoreApplication::translate("StockDialog", "Adjusted: %1").arg(e.note);
    return e.note.isEmpty() ? e.reason : QStringLiteral("%1: %2").arg(e.reason, e.note);
}
}

StockDialog::StockDialog(AdminClient *admin, qint64 productId, const QString &name, qint64 stock, QWidget *parent)
    : QDialog(parent), m_admin(admin), m_productId(productId), m_name(name), m_notice(new NoticeBar(this)),
      m_stock(new QLabel(this)),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(this)), m_pager(new Pager(this)), m_direction(new QComboBox(this)),
      m_units(new NumberField(NumberField::Unit::Count, 1, kMaxAdjustment, this)), m_reason(new QLineEdit(this)),
      m_reasonHint(new FieldHint(this)), m_apply(new QPushButton(this)), m_adjust(new Card(QString(), this)), m_close(nullptr)
{
    setObjectName(QStringLiteral("stockDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_stock->setObjectName(QStringLiteral("stockNow"));
    m_table->setObjectName(QStringLiteral("stockHistory"));
    m_direction->setObjectName(QStringLiteral("stockDirection"));
    m_units->setObjectName(QStringLiteral("stockUnits"));
    m_reason->setObjectName(QStringLiteral("stockReason"));
    m_reasonHint->setObjectName(QStringLiteral("stockReasonHint"));
    m_reasonHint->setReservedLines(1);
    m_apply->setObjectName(QStringLiteral("stockApply"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_direction->addItem(QString(), 1);
    m_direction->addItem(QString(), -1);
    m_reason->setMaxLength(200);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *reasonBox = new QWidget(m_adjust);
    auto *reasonLayout = new QVBoxLayout(reasonBox);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    reasonLayout->setSpacing(2);
    reasonLayout->addWidget(m_reason);
    reasonLayout->addWidget(m_reasonHint);
    for (const auto &[field, buddy] : { std::pair<QWidget *, QWidget *> { m_direction, m_direction },
                                        { m_units, m_units->editor() }, { reasonBox, m_reason } }) {
        auto *label = new QLabel(m_adjust);
        label->setBuddy(buddy);
        form->addRow(label, field);
        m_labels.append(label);
    }
    m_adjust->content()->addLayout(form);
    m_adjust->content()->addWidget(m_apply, 0, Qt::AlignRight);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("stockClose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_stock);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_pager);
    layout->addWidget(m_adjust);
    layout->addWidget(buttons);
    resize(760, 640);

    connect(m_pager, &Pager::pageRequested, this, &StockDialog::load);
    connect(m_apply, &QPushButton::clicked, this, &StockDialog::apply);
    connect(m_units, &NumberField::submitted, this, &StockDialog::apply);
    connect(m_reason, &QLineEdit::returnPressed, this, &StockDialog::apply);
    connect(m_reason, &QLineEdit::textEdited, this, [this] {
        if (m_reasonHint->hasProblem() && !m_reason->text().trimmed().isEmpty())
            showReasonRule();
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, &StockDialog::fitRange);
    m_stockNow = stock;
    Retranslate::follow(this, [this] { retranslateUi(); });
    load(1);
}

void StockDialog::retranslateUi()
{
    setWindowTitle(tr("Stock of %1").arg(m_name));
    m_model->setHeaders({ tr("When"), tr("Change"), tr("Stock after"), tr("Why"), tr("By") });
    m_table->setEmptyText(tr("No stock changes recorded yet."));
    m_table->setAccessibleName(tr("Stock history"));
    m_direction->setItemText(0, tr("Add to stock (delivery, found)"));
    m_direction->setItemText(1, tr("Take from stock (damaged, lost)"));
    m_reason->setPlaceholderText(tr("Why, e.g. “delivery 2026-12-01” or “broken in storage”"));
    m_adjust->setTitle(tr("Adjust"));
    const QString labels[] = { tr("&Change"), tr("&Units"), tr("&Reason") };
    for (int i = 0; i < m_labels.size() && i < int(std::size(labels)); ++i)
        m_labels[i]->setText(labels[i]);
    m_apply->setText(tr("&Apply"));
    m_close->setText(tr("Close"));
    if (!m_reasonHint->hasProblem())
        showReasonRule();
    showStock(m_stockNow);
}

void StockDialog::showReasonRule()
{
    m_reasonHint->showHint(tr("Up to 200 characters; kept in the history."));
}

void StockDialog::fitRange()
{
    if (m_direction->currentData().toInt() > 0) {
        m_units->setRange(1, kMaxAdjustment);
        return;
    }
    // The hint reads "1 to 14" for 14 in stock; more than that is refused as it is typed.
    const QString over = m_stockNow > 0 ? tr("Only %1 in stock: you can take at most %1.").arg(Money::count(m_stockNow))
                                        : tr("None in stock: there is nothing to take.");
    m_units->setRange(1, qMin(kMaxAdjustment, m_stockNow), over);
}

void StockDialog::showStock(qint64 stock)
{
    m_stockNow = stock;
    m_stock->setText(tr("<b>%1</b> in stock now.").arg(Money::count(stock)));
    fitRange();
}

void StockDialog::load(int page)
{
    m_admin->stockHistory(m_productId, page, kPageSize, this, [this](const Result<Page<StockEntry>> &answer) {
        if (!answer) {
            m_notice->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        m_notice->resolve(QStringLiteral("load"));
        QList<RecordTableModel::Row> rows;
        for (const StockEntry &e : answer->items)
            rows.append({ e.id,
                          { e.createdAt, e.delta > 0 ? QStringLiteral("+%1").arg(Money::count(e.delta)) : Money::count(e.delta),
                            e.stockAfter, reasonText(e), e.actor.isEmpty() ? tr("the shop") : e.actor } });
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        // The newest entry is the stock now (orders go on while the dialog is open).
        if (answer->page == 1 && !answer->items.isEmpty())
            showStock(answer->items.first().stockAfter);
    });
}

void StockDialog::apply()
{
    const bool counted = m_units->check();
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty())
        m_reasonHint->showProblem(tr("Say why the stock changes (up to 200 characters)."));
    if (!counted || reason.isEmpty())
        return;
    const qint64 delta = *m_units->value() * m_direction->currentData().toInt();
    m_apply->setEnabled(false);
    m_notice->clearError();
    m_admin->adjustStock(m_productId, delta, reason, this, [this, delta](const Result<Product> &answer) {
        m_apply->setEnabled(true);
        if (!answer) {
            const Failure &f = answer.failure();
            if (f.code == ErrorCode::OutOfStock)
                m_units->showProblem(tr("Not changed: there are fewer than %1 in stock, and stock cannot go below "
                                        "zero.")
                                             .arg(Money::count(-delta)));
            else
                m_notice->showError(tr("Not changed. %1").arg(ErrorText::describe(f)), QStringLiteral("form"));
            load(1); // the stock as it is now, and the range with it
            return;
        }
        m_notice->showSuccess(delta > 0 ? tr("Added %1; %2 in stock now.").arg(Money::count(delta)).arg(Money::count(answer->stock))
                                        : tr("Took %1; %2 in stock now.").arg(Money::count(-delta)).arg(Money::count(answer->stock)));
        m_units->clear();
        m_reason->clear();
        showStock(answer->stock);
        Q_EMIT adjusted(answer.value());
        load(1);
    });
}
