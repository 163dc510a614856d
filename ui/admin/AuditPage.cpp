#include "AuditPage.h"

#include "AdminClient.h"
#include "AuditText.h"
#include "Card.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

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
    m_model->setHeaders({ tr("When"), tr("Who"), tr("What was done"), tr("Record") });
    m_table->setEmptyText(tr("Nothing recorded yet. Every change an administrator makes is listed here."));
    m_table->setAccessibleName(tr("Audit log"));
    m_entityLabel->setText(tr("S&how"));
    m_entity->setItemText(0, tr("Every record"));
    for (int i = 1; i < m_entity->count(); ++i)
        m_entity->setItemText(i, AuditText::entityName(m_entity->itemData(i).toString()));
    showRows();
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
                                 showRows();
                                 m_pager->setPage(answer->page, answer->pageCount(), answer->total);
                                 m_table->selectIdOrFirst(selected);
                                 showDetail();
                             });
}

void AuditPage::showRows()
{
    // Same ids in place: the selection stays when only the language changed.
    QList<RecordTableModel::Row> rows;
    for (const AuditEntry &e : m_entries)
        rows.append({ e.id,
                      { e.at, e.actor, AuditText::summary(e),
                        QStringLiteral("%1 #%2").arg(AuditText::entityName(e.entity)).arg(e.entityId) } });
    m_model->setRows(std::move(rows));
}

void AuditPage::showDetail()
{
    const qint64 id = m_table->selectedId();
    for (const AuditEntry &e : m_entries) {
        if (e.id != id)
            continue;
        m_card->setTitle(tr("%1 #%2").arg(AuditText::entityName(e.entity)).arg(e.entityId));
        m_change->setText(AuditText::describeChange(e));
        return;
    }
    m_card->setTitle(tr("Change"));
    m_change->setText(tr("Select an entry to see what it changed."));
}
