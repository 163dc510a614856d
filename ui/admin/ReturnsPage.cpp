#include "ReturnsPage.h"

#include "AdminClient.h"
#include "Card.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "OrderStatusText.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "RefundShare.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QString statusText(const QString &status)
{
    if (status == QLatin1String("REQUESTED"))
        return QCoreApplication::translate("ReturnsPage", "Asked");
    if (status == QLatin1String("ACCEPTED"))
        return QCoreApplication::translate("ReturnsPage", "Accepted");
    if (status == QLatin1String("REJECTED"))
        return QCoreApplication::translate("ReturnsPage", "Rejected");
    return status;
}
}

ReturnsPage::ReturnsPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_shipping(new ShippingClient(client, this)), m_statusLabel(new QLabel(body())),
      m_status(new QComboBox(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_card(new Card(QString(), body())), m_summary(new QLabel(m_card)),
      m_restock(new QCheckBox(m_card)), m_noteLabel(new QLabel(m_card)), m_note(new QLineEdit(m_card)),
      m_accept(new QPushButton(m_card)), m_reject(new QPushButton(m_card))
{
    setObjectName(QStringLiteral("returnsPage"));
    m_status->setObjectName(QStringLiteral("returnStatus"));
    m_table->setObjectName(QStringLiteral("returnTable"));
    m_summary->setObjectName(QStringLiteral("returnPreview"));
    m_restock->setObjectName(QStringLiteral("returnRestock"));
    m_note->setObjectName(QStringLiteral("returnNote"));
    m_accept->setObjectName(QStringLiteral("acceptReturn"));
    m_reject->setObjectName(QStringLiteral("rejectReturn"));
    for (const char *status : { "REQUESTED", "ACCEPTED", "REJECTED", "" })
        m_status->addItem(QString(), QLatin1String(status));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_restock->setChecked(true);
    m_note->setMaxLength(ShippingRules::kMaxNoteLength);
    m_noteLabel->setBuddy(m_note);
    m_statusLabel->setBuddy(m_status);

    auto *note = new QHBoxLayout;
    note->addWidget(m_noteLabel);
    note->addWidget(m_note, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_reject);
    buttons->addWidget(m_accept);
    m_card->content()->addWidget(m_summary);
    m_card->content()->addWidget(m_restock);
    m_card->content()->addLayout(note);
    m_card->content()->addLayout(buttons);
    m_card->content()->addStretch();
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_table, 3);
    columns->addWidget(m_card, 2);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(columns, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &ReturnsPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReturnsPage::loadOrder);
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ReturnsPage::retranslateUi()
{
    setTitle(tr("Returns"));
    m_table->setAccessibleName(tr("Returns"));
    const QString states[] = { tr("Asked"), tr("Accepted"), tr("Rejected"), tr("All") };
    for (int i = 0; i < m_status->count(); ++i)
        m_status->setItemText(i, states[i]);
    m_statusLabel->setText(tr("&Show"));
    m_model->setHeaders({ tr("Return"), tr("Order"), tr("Asked at"), tr("Units"), tr("Reason"), tr("State") });
    m_table->setEmptyText(tr("No returns here."));
    m_restock->setText(tr("Put the units back in s&tock"));
    m_noteLabel->setText(tr("&Note"));
    m_note->setPlaceholderText(tr("For the customer (optional)"));
    m_accept->setText(tr("&Accept and refund…"));
    m_reject->setText(tr("&Reject…"));
    QList<RecordTableModel::Row> rows;
    for (const ProductReturn &r : m_returns) {
        qint64 units = 0;
        for (const RefundLine &l : r.lines)
            units += l.quantity;
        rows.append({ r.id,
                      { tr("#%1").arg(r.id), tr("#%1").arg(r.orderId), r.createdAt, units, r.reason, statusText(r.status) },
                      r.status != QLatin1String("REQUESTED") });
    }
    const qint64 current = m_table->selectedId();
    m_model->setRows(std::move(rows));
    m_table->selectIdOrFirst(current);
    showDecision();
}

void ReturnsPage::refresh()
{
    load();
}

void ReturnsPage::load()
{
    const int generation = ++m_generation;
    m_shipping->returns(m_status->currentData().toString(), 1, 100, this,
                        [this, generation](const Result<Page<ProductReturn>> &found) {
                            if (generation != m_generation)
                                return;
                            if (!found) {
                                notice()->showError(ErrorText::describe(found.failure()), QStringLiteral("load"));
                                return;
                            }
                            notice()->resolve(QStringLiteral("load"));
                            m_returns = found->items;
                            retranslateUi();
                            loadOrder();
                        });
}

const ProductReturn *ReturnsPage::selected() const
{
    const qint64 id = m_table->selectedId();
    for (const ProductReturn &r : m_returns)
        if (r.id == id)
            return &r;
    return nullptr;
}

void ReturnsPage::loadOrder()
{
    const ProductReturn *r = selected();
    m_order = Order {};
    showDecision();
    if (!r)
        return;
    const qint64 returnId = r->id;
    client()->admin()->order(r->orderId, this, [this, returnId](const Result<Order> &order) {
        if (!selected() || selected()->id != returnId)
            return; // another one was chosen meanwhile
        if (!order) {
            notice()->showError(ErrorText::describe(order.failure()));
            return;
        }
        m_order = order.value();
        showDecision();
    });
}

void ReturnsPage::showDecision()
{
    const ProductReturn *r = selected();
    m_preview = -1;
    const bool open = r && r->status == QLatin1String("REQUESTED");
    m_card->setTitle(r ? tr("Return #%1 of order #%2").arg(r->id).arg(r->orderId) : tr("Return"));
    if (!r) {
        m_summary->setText(tr("Select a return to decide on it."));
    } else if (m_order.id != r->orderId) {
        m_summary->setText(tr("Reading order #%1…").arg(r->orderId));
    } else {
        QStringList lines;
        QHash<qint64, qint64> quantities;
        bool fits = OrderStatusText::isOpen(m_order.status);
        for (const RefundLine &l : r->lines) {
            QString name = tr("product #%1").arg(l.productId);
            for (const OrderLine &line : m_order.items) {
                if (line.productId != l.productId)
                    continue;
                name = line.name;
                fits = fits && l.quantity <= line.quantity - line.refundedQuantity;
            }
            lines << tr("%1 × %2").arg(name, Money::count(l.quantity));
            quantities.insert(l.productId, l.quantity);
        }
        QString text = tr("<b>Asked back:</b> %1<br><b>Why:</b> %2").arg(lines.join(QStringLiteral(", ")).toHtmlEscaped(),
                                                                          r->reason.toHtmlEscaped());
        if (r->refundId > 0)
            text += tr("<br>Refunded %1.").arg(Money::format(r->refundAmount));
        if (!r->note.isEmpty())
            text += tr("<br><b>Note:</b> %1").arg(r->note.toHtmlEscaped());
        if (open && fits) {
            m_preview = RefundShare::amount(m_order, quantities);
            text += tr("<br>Accepting refunds <b>%1</b> to the customer's wallet (their share of the %2 paid).")
                            .arg(Money::format(m_preview), Money::format(m_order.paidAmount));
        } else if (open) {
            text += tr("<br>These units were refunded meanwhile: this return can only be rejected.");
        }
        m_summary->setText(text);
    }
    m_restock->setEnabled(open && m_preview >= 0);
    m_note->setEnabled(open);
    m_accept->setEnabled(open && m_preview >= 0 && !m_deciding);
    m_reject->setEnabled(open && !m_deciding);
}

void ReturnsPage::decide(bool accept)
{
    const ProductReturn *r = selected();
    if (!r || m_deciding)
        return;
    const qint64 returnId = r->id;
    const qint64 amount = m_preview;
    const QString text = accept ? tr("%1 goes back to the customer's wallet now, and the return is closed.").arg(Money::format(amount))
                                : tr("Nothing is refunded, and the return is closed: it cannot be decided again.");
    ConfirmDialog::ask(this, accept ? QStringLiteral("confirmAcceptReturn") : QStringLiteral("confirmRejectReturn"),
                       accept ? tr("Accept return #%1?").arg(returnId) : tr("Reject return #%1?").arg(returnId), text,
                       accept ? tr("&Refund %1").arg(Money::format(amount)) : tr("&Reject"), tr("&Keep"),
                       [this, returnId, accept] {
                           m_deciding = true;
                           showDecision();
                           m_shipping->decide(returnId, accept, m_restock->isChecked(), m_note->text().trimmed(), this,
                                              [this, accept](const Result<ProductReturn> &decided) {
                                                  m_deciding = false;
                                                  if (!decided) {
                                                      notice()->showError(ErrorText::describe(decided.failure()));
                                                      load();
                                                      return;
                                                  }
                                                  notice()->showSuccess(
                                                          accept ? tr("Return #%1 accepted: %2 refunded.")
                                                                           .arg(decided->id)
                                                                           .arg(Money::format(decided->refundAmount))
                                                                 : tr("Return #%1 rejected.").arg(decided->id));
                                                  m_note->clear();
                                                  load();
                                              });
                       });
}
