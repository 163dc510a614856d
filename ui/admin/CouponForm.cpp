#include "CouponForm.h"

#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
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
// API.md: RATE is a percent 1..100; quantity up to 10,000,000.
constexpr int kMaxQuantity = 10'000'000;
constexpr int kMaxFixed = 1'000'000'000;
}

CouponForm::CouponForm(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Coupon campaigns"), parent),
      m_model(new RecordTableModel({ { tr("Coupon"), RecordTableModel::Kind::Text },
                                     { tr("Discount"), RecordTableModel::Kind::Text },
                                     { tr("Issued"), RecordTableModel::Kind::Number },
                                     { tr("Of"), RecordTableModel::Kind::Number },
                                     { tr("From"), RecordTableModel::Kind::Time },
                                     { tr("Until"), RecordTableModel::Kind::Time } },
                                   this)),
      m_table(new RecordTableView(body())), m_name(new QLineEdit(body())), m_type(new QComboBox(body())),
      m_value(new QSpinBox(body())), m_quantity(new QSpinBox(body())), m_from(new QDateTimeEdit(body())),
      m_until(new QDateTimeEdit(body())), m_problem(new QLabel(body())),
      m_create(new QPushButton(tr("&Create coupon"), body()))
{
    setObjectName(QStringLiteral("couponForm"));
    m_table->setObjectName(QStringLiteral("adminCouponTable"));
    m_name->setObjectName(QStringLiteral("couponName"));
    m_type->setObjectName(QStringLiteral("couponType"));
    m_value->setObjectName(QStringLiteral("couponValue"));
    m_quantity->setObjectName(QStringLiteral("couponQuantity"));
    m_from->setObjectName(QStringLiteral("couponFrom"));
    m_until->setObjectName(QStringLiteral("couponUntil"));
    m_problem->setObjectName(QStringLiteral("couponProblem"));
    m_create->setObjectName(QStringLiteral("createCoupon"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_name->setMaxLength(200);
    m_name->setPlaceholderText(tr("e.g. Spring sale 10%"));
    m_type->addItem(tr("Fixed amount (won off)"), QStringLiteral("FIXED"));
    m_type->addItem(tr("Rate (percent off)"), QStringLiteral("RATE"));
    m_value->setGroupSeparatorShown(true);
    m_quantity->setRange(1, kMaxQuantity);
    m_quantity->setValue(100);
    m_quantity->setGroupSeparatorShown(true);
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : { m_from, m_until }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_from->setDateTime(now);
    m_until->setDateTime(now.addDays(30));
    m_problem->setStyleSheet(QStringLiteral("color:#b3261e;"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *box = new QGroupBox(tr("New coupon"), body());
    box->setMinimumWidth(340);
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Type"), m_type);
    form->addRow(tr("&Discount"), m_value);
    form->addRow(tr("&Quantity"), m_quantity);
    form->addRow(tr("Valid &from"), m_from);
    form->addRow(tr("Valid &until"), m_until);
    form->addRow(m_problem);
    form->addRow(m_create);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 3);
    layout->addWidget(box, 2, Qt::AlignTop);

    connect(m_type, &QComboBox::currentIndexChanged, this, &CouponForm::typeChanged);
    connect(m_create, &QPushButton::clicked, this, &CouponForm::save);
    connect(m_name, &QLineEdit::returnPressed, this, &CouponForm::save);
    typeChanged();
}

void CouponForm::typeChanged()
{
    const bool rate = m_type->currentData().toString() == QLatin1String("RATE");
    m_value->setRange(1, rate ? 100 : kMaxFixed);
    m_value->setPrefix(rate ? QString() : QStringLiteral("\u20A9"));
    m_value->setSuffix(rate ? QStringLiteral(" %") : QString());
    m_value->setSingleStep(rate ? 5 : 1000);
    m_value->setValue(rate ? 10 : 3000);
}

void CouponForm::refresh()
{
    client()->coupons(this, [this](const Result<QList<Coupon>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()));
            return;
        }
        QList<RecordTableModel::Row> rows;
        for (const Coupon &c : answer.value()) {
            const QString off = c.discountType == DiscountType::Rate ? tr("%1% off").arg(c.discountValue)
                                                                     : tr("%1 off").arg(Money::format(c.discountValue));
            rows.append({ c.id, { c.name, off, c.issued, c.quantity, c.validFrom, c.validUntil }, c.issued >= c.quantity });
        }
        m_model->setRows(std::move(rows));
    });
}

bool CouponForm::validate()
{
    QString problem;
    if (m_name->text().trimmed().isEmpty())
        problem = tr("Give the coupon a name.");
    else if (m_until->dateTime() <= m_from->dateTime())
        problem = tr("The coupon must end after it starts.");
    else if (m_until->dateTime() <= QDateTime::currentDateTime())
        problem = tr("The end of the window is in the past: nobody could use it.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    return problem.isEmpty();
}

void CouponForm::save()
{
    if (!validate())
        return;
    Coupon draft;
    draft.name = m_name->text().trimmed();
    draft.discountType = m_type->currentData().toString() == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed;
    draft.discountValue = m_value->value();
    draft.quantity = m_quantity->value();
    draft.validFrom = m_from->dateTime().toUTC();
    draft.validUntil = m_until->dateTime().toUTC();
    m_create->setEnabled(false);
    client()->createCoupon(draft, this, [this](const Result<Coupon> &coupon) {
        m_create->setEnabled(true);
        if (!coupon) {
            notice()->showError(ErrorText::describe(coupon.failure()));
            return;
        }
        notice()->showSuccess(tr("Created coupon #%1 \u201C%2\u201D: %3 to claim.").arg(coupon->id).arg(coupon->name).arg(coupon->quantity));
        m_name->clear();
        refresh();
    });
}
