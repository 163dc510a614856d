#include "CouponsPage.h"

#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <iterator>

namespace {
QString discountText(DiscountType type, qint64 value)
{
    return type == DiscountType::Rate ? QCoreApplication::translate("CouponsPage", "%1% off").arg(value)
                                      : QCoreApplication::translate("CouponsPage", "%1 off").arg(Money::format(value));
}

QLabel *sectionLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}
}

CouponsPage::CouponsPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent),
      m_openModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                         { {}, RecordTableModel::Kind::Text },
                                         { {}, RecordTableModel::Kind::Number },
                                         { {}, RecordTableModel::Kind::Number },
                                         { {}, RecordTableModel::Kind::Time },
                                         { {}, RecordTableModel::Kind::Text } },
                                       this)),
      m_open(new RecordTableView(body())), m_claim(new QPushButton(body())), m_status(new QComboBox(body())),
      m_mineModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                         { {}, RecordTableModel::Kind::Text },
                                         { {}, RecordTableModel::Kind::Text },
                                         { {}, RecordTableModel::Kind::Time },
                                         { {}, RecordTableModel::Kind::Time } },
                                       this)),
      m_mine(new RecordTableView(body())), m_openTitle(sectionLabel(body())), m_mineTitle(sectionLabel(body())),
      m_statusLabel(new QLabel(body()))
{
    setObjectName(QStringLiteral("couponsPage"));
    m_open->setObjectName(QStringLiteral("openCoupons"));
    m_claim->setObjectName(QStringLiteral("claimCoupon"));
    m_status->setObjectName(QStringLiteral("couponStatus"));
    m_mine->setObjectName(QStringLiteral("myCoupons"));
    m_open->setModel(m_openModel);
    m_mine->setModel(m_mineModel);
    m_open->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_open->horizontalHeader()->setStretchLastSection(false);
    m_mine->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_mine->horizontalHeader()->setStretchLastSection(false);
    for (const char *status : { "", "AVAILABLE", "USED", "EXPIRED" })
        m_status->addItem(QString(), QLatin1String(status));

    auto *openHead = new QHBoxLayout;
    openHead->addWidget(m_openTitle, 1);
    openHead->addWidget(m_claim);
    m_statusLabel->setBuddy(m_status);
    m_openTitle->setBuddy(m_open); // Alt+O: to the list, from the keyboard
    auto *mineHead = new QHBoxLayout;
    mineHead->addWidget(m_mineTitle, 1);
    mineHead->addWidget(m_statusLabel);
    mineHead->addWidget(m_status);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(openHead);
    layout->addWidget(m_open, 3);
    layout->addSpacing(8);
    layout->addLayout(mineHead);
    layout->addWidget(m_mine, 2);

    connect(m_claim, &QPushButton::clicked, this, &CouponsPage::claim);
    // Enter in the list is the Claim button: nothing while the button is disabled.
    connect(m_open, &QAbstractItemView::activated, this, [this] {
        if (m_claim->isEnabled())
            claim();
    });
    connect(m_open->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CouponsPage::updateActions);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CouponsPage::loadMine);
    // The open list, then Claim, then my coupons and their filter: as the page reads.
    setTabOrder(m_open, m_claim);
    updateActions();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CouponsPage::retranslateUi()
{
    setTitle(tr("Coupons"));
    m_openModel->setHeaders({ tr("Coupon"), tr("Discount"), tr("Left"), tr("Of"), tr("Valid until"), tr("Mine") });
    m_mineModel->setHeaders({ tr("Coupon"), tr("Discount"), tr("Status"), tr("Claimed"), tr("Valid until") });
    m_open->setEmptyText(tr("No open coupons right now. New campaigns show here as they start."));
    m_mine->setEmptyText(tr("Nothing here yet. Coupons you claim above are listed here."));
    m_open->setAccessibleName(tr("Open coupons"));
    m_mine->setAccessibleName(tr("My coupons"));
    m_claim->setText(tr("C&laim"));
    m_openTitle->setText(tr("&Open coupons \u2014 first come, first served"));
    m_mineTitle->setText(tr("My coupons"));
    m_statusLabel->setText(tr("S&how"));
    const QString statuses[] = { tr("All"), tr("Available"), tr("Used"), tr("Expired") };
    for (int i = 0; i < m_status->count() && i < int(std::size(statuses)); ++i)
        m_status->setItemText(i, statuses[i]);
}

void CouponsPage::refresh()
{
    loadMine();
    // With every status shown, loadMine() learns which coupons I hold and loads the
    // open ones after, so "claimed" marks are right on the first paint.
    if (!m_status->currentData().toString().isEmpty())
        loadOpen();
}

void CouponsPage::loadOpen()
{
    client()->coupons(this, [this](const Result<QList<Coupon>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        const qint64 selected = m_open->selectedId();
        m_coupons = answer.value();
        QList<RecordTableModel::Row> rows;
        for (const Coupon &c : m_coupons) {
            const qint64 left = qMax<qint64>(0, c.quantity - c.issued);
            const bool mine = m_held.contains(c.id);
            rows.append({ c.id,
                          { c.name, discountText(c.discountType, c.discountValue), left, c.quantity, c.validUntil,
                            mine ? tr("\u2713 claimed") : QString() },
                          left == 0 || mine });
        }
        m_openModel->setRows(std::move(rows));
        m_open->selectIdOrFirst(selected);
        updateActions();
    });
}

void CouponsPage::loadMine()
{
    const QString status = m_status->currentData().toString();
    client()->myCoupons(status, this, [this, status](const Result<QList<UserCoupon>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        QList<RecordTableModel::Row> rows;
        for (const UserCoupon &c : answer.value()) {
            if (status.isEmpty())
                m_held.insert(c.couponId);
            const QString state = c.status == QLatin1String("AVAILABLE") ? tr("Available")
                    : c.status == QLatin1String("USED")                  ? tr("Used")
                                                                         : tr("Expired");
            rows.append({ c.id,
                          { c.name, discountText(c.discountType, c.discountValue), state, c.issuedAt, c.validUntil },
                          c.status != QLatin1String("AVAILABLE") });
        }
        m_mineModel->setRows(std::move(rows));
        if (status.isEmpty())
            loadOpen();
    });
}

void CouponsPage::updateActions()
{
    const qint64 id = m_open->selectedId();
    bool claimable = false;
    for (const Coupon &c : m_coupons) {
        if (c.id == id)
            claimable = c.issued < c.quantity && !m_held.contains(c.id);
    }
    m_claim->setEnabled(claimable);
}

void CouponsPage::claim()
{
    const qint64 id = m_open->selectedId();
    if (id <= 0 || !m_claim->isEnabled())
        return;
    m_claim->setEnabled(false);
    client()->claimCoupon(id, this, [this](const Result<UserCoupon> &coupon) {
        if (!coupon) {
            notice()->showError(ErrorText::describe(coupon.failure()));
        } else {
            m_held.insert(coupon->couponId);
            notice()->showSuccess(tr("Claimed \u201C%1\u201D. It is in your coupons and ready to use at checkout.")
                                          .arg(coupon->name));
        }
        refresh();
    });
}
