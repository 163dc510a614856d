#include "AuditPage.h"

#include "AdminClient.h"
#include "Card.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
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
    const auto tr = [](const char *text) { return QCoreApplication::translate("AuditPage", text); };
    if (entity == QLatin1String("product"))
        return tr("Product");
    if (entity == QLatin1String("category"))
        return tr("Category");
    if (entity == QLatin1String("coupon"))
        return tr("Coupon");
    if (entity == QLatin1String("order"))
        return tr("Order");
    if (entity == QLatin1String("user"))
        return tr("Account");
    return entity;
}
}

AuditPage::AuditPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Audit log"), parent), m_entity(new QComboBox(body())),
      m_model(new RecordTableModel({ { tr("When"), RecordTableModel::Kind::Time },
                                     { tr("Who"), RecordTableModel::Kind::Text },
                                     { tr("Action"), RecordTableModel::Kind::Text },
                                     { tr("Record"), RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_card(new Card(tr("Change"), body())),
      m_change(new QLabel(m_card))
{
    setObjectName(QStringLiteral("auditPage"));
    m_entity->setObjectName(QStringLiteral("auditEntity"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_change->setObjectName(QStringLiteral("auditChange"));
    m_entity->addItem(tr("Every record"), QString());
    for (const char *entity : { "product", "category", "coupon", "order", "user" })
        m_entity->addItem(entityText(QLatin1String(entity)), QLatin1String(entity));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setEmptyText(tr("Nothing recorded yet. Every change an administrator makes is listed here."));
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
    filter->addWidget(new QLabel(tr("Show"), body()));
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
                                entry.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
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
