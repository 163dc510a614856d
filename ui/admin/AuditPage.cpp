#include "AuditPage.h"

#include "AdminClient.h"
#include "Card.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

namespace {
// Fields whose numbers are won: shown as money.
bool isMoney(const QString &field)
{
    static const QSet<QString> money { QStringLiteral("price"), QStringLiteral("balance"), QStringLiteral("amount"),
                                       QStringLiteral("paidAmount"), QStringLiteral("totalAmount"),
                                       QStringLiteral("refundedAmount"), QStringLiteral("discountAmount") };
    return money.contains(field);
}

QString valueText(const QString &field, const QJsonValue &value)
{
    QString text;
    if (value.isDouble())
        text = isMoney(field) ? Money::format(value.toInteger()) : Money::count(value.toInteger());
    else if (value.isBool())
        text = value.toBool() ? QCoreApplication::translate("AuditPage", "yes") : QCoreApplication::translate("AuditPage", "no");
    else if (value.isString())
        text = value.toString().isEmpty() ? QCoreApplication::translate("AuditPage", "(empty)") : value.toString();
    else if (value.isNull() || value.isUndefined())
        text = QCoreApplication::translate("AuditPage", "(none)");
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (text.size() > 160)
        text = text.left(159) + QChar(0x2026);
    return text.toHtmlEscaped();
}

QString entityText(const QString &entity)
{
    if (entity == QLatin1String("product"))
        return QCoreApplication::translate("AuditPage", "Product");
    if (entity == QLatin1String("category"))
        return QCoreApplication::translate("AuditPage", "Category");
    if (entity == QLatin1String("coupon"))
        return QCoreApplication::translate("AuditPage", "Coupon");
    if (entity == QLatin1String("order"))
        return QCoreApplication::translate("AuditPage", "Order");
    if (entity == QLatin1String("user"))
        return QCoreApplication::translate("AuditPage", "Account");
    return entity;
}
}

AuditPage::AuditPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_entity(new QComboBox(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_card(new Card(QString(), body())),
      m_change(new QLabel(m_card)), m_entityLabel(new QLabel(body()))
{
    setObjectName(QStringLiteral("auditPage"));
    m_entity->setObjectName(QStringLiteral("auditEntity"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_change->setObjectName(QStringLiteral("auditChange"));
    for (const char *entity : { "", "product", "category", "coupon", "order", "user" })
        m_entity->addItem(QString(), QLatin1String(entity));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_change->setWordWrap(true);
    m_change->setTextFormat(Qt::RichText);
    m_change->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_change->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(m_card);
    scroll->setWidget(m_change);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_card->content()->addWidget(scroll, 1);
    m_card->setMinimumWidth(380);

    auto *filter = new QHBoxLayout;
    m_entityLabel->setBuddy(m_entity);
    filter->addWidget(m_entityLabel);
    filter->addWidget(m_entity);
    filter->addStretch();
    auto *left = new QVBoxLayout;
    left->addLayout(filter);
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(m_card, 2);

    connect(m_entity, &QComboBox::currentIndexChanged, this, [this] { load(1); });
    connect(m_pager, &Pager::pageRequested, this, &AuditPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditPage::showDetail);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void AuditPage::retranslateUi()
{
    setTitle(tr("Audit log"));
    m_model->setHeaders({ tr("When"), tr("Who"), tr("Action"), tr("Record") });
    m_table->setEmptyText(tr("Nothing recorded yet. Every change an administrator makes is listed here."));
    m_table->setAccessibleName(tr("Audit log"));
    m_entityLabel->setText(tr("S&how"));
    m_entity->setItemText(0, tr("Every record"));
    for (int i = 1; i < m_entity->count(); ++i)
        m_entity->setItemText(i, entityText(m_entity->itemData(i).toString()));
    showDetail();
}

void AuditPage::refresh()
{
    load(m_pager->page());
}

void AuditPage::load(int page)
{
    const int generation = ++m_generation;
    client()->admin()->audit(m_entity->currentData().toString(), page, kPageSize, this,
                             [this, generation](const Result<Page<AuditEntry>> &answer) {
                                 if (generation != m_generation)
                                     return;
                                 if (!answer) {
                                     notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
                                     return;
                                 }
                                 notice()->resolve(QStringLiteral("load"));
                                 const qint64 selected = m_table->selectedId();
                                 m_entries = answer->items;
                                 QList<RecordTableModel::Row> rows;
                                 for (const AuditEntry &e : m_entries)
                                     rows.append({ e.id,
                                                   { e.at, e.actor, e.action,
                                                     QStringLiteral("%1 #%2").arg(entityText(e.entity)).arg(e.entityId) } });
                                 m_model->setRows(std::move(rows));
                                 m_pager->setPage(answer->page, answer->pageCount(), answer->total);
                                 m_table->selectIdOrFirst(selected);
                                 showDetail();
                             });
}

void AuditPage::showDetail()
{
    const qint64 id = m_table->selectedId();
    for (const AuditEntry &e : m_entries) {
        if (e.id != id)
            continue;
        m_card->setTitle(tr("%1 #%2: %3").arg(entityText(e.entity)).arg(e.entityId).arg(e.action));
        m_change->setText(describeChange(e));
        return;
    }
    m_card->setTitle(tr("Change"));
    m_change->setText(tr("Select an entry to see what it changed."));
}

QString AuditPage::describeChange(const AuditEntry &entry)
{
    QStringList keys = entry.before.keys() + entry.after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList lines;
    int unchanged = 0;
    for (const QString &key : keys) {
        const bool had = entry.before.contains(key);
        const bool has = entry.after.contains(key);
        const QJsonValue before = entry.before.value(key);
        const QJsonValue after = entry.after.value(key);
        const QString name = QStringLiteral("<b>%1</b>").arg(key.toHtmlEscaped());
        if (had && has && before == after) {
            ++unchanged;
            continue;
        }
        if (had && has)
            lines << tr("%1: %2 \u2192 %3").arg(name, valueText(key, before), valueText(key, after));
        else if (has)
            lines << tr("%1: %2").arg(name, valueText(key, after));
        else
            lines << tr("%1: %2 (removed)").arg(name, valueText(key, before));
    }
    QString head = tr("By %1 at %2.")
                           .arg(entry.actor.toHtmlEscaped(),
                                Money::dateTime(entry.at, true));
    if (entry.before.isEmpty() && !entry.after.isEmpty())
        head += tr(" Created with:");
    else if (!entry.before.isEmpty() && entry.after.isEmpty())
        head += tr(" Deleted; it was:");
    else if (!lines.isEmpty())
        head += tr(" Changed:");
    if (lines.isEmpty())
        lines << tr("No field changed.");
    if (unchanged > 0)
        lines << tr("<span style='color:#777'>%n other field(s) unchanged.</span>", nullptr, unchanged);
    return head + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
}
