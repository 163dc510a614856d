#include "CouponForm.h"

#include "Card.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
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
const QString kCreate = QStringLiteral("create");
constexpr qint64 kDefaultRatePercent = 10;
constexpr qint64 kDefaultFixedWon = 3000;
}

CouponForm::CouponForm(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Time } },
                                   this)),
      m_table(new RecordTableView(body())), m_name(new QLineEdit(body())), m_type(new QComboBox(body())),
      m_value(new NumberField(NumberField::Unit::Won, 1, ShopLimits::kMaxPrice, body())),
      m_quantity(new NumberField(NumberField::Unit::Count, 1, ShopLimits::kMaxCouponQuantity, body())),
      m_from(new QDateTimeEdit(body())), m_until(new QDateTimeEdit(body())), m_problem(new FieldHint(body())),
      m_create(new QPushButton(body())), m_box(new Card(QString(), body()))
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
    m_type->addItem(QString(), QStringLiteral("FIXED"));
    m_type->addItem(QString(), QStringLiteral("RATE"));
    m_quantity->setValue(100);
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : { m_from, m_until })
        edit->setCalendarPopup(true);
    m_from->setDateTime(now);
    m_until->setDateTime(now.addDays(30));

    m_box->setObjectName(QStringLiteral("couponCard"));
    m_box->setMinimumWidth(340);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_box->content()->addLayout(form);
    for (const auto &[field, buddy] : { std::pair<QWidget *, QWidget *> { m_name, m_name }, { m_type, m_type },
                                        { m_value, m_value->editor() }, { m_quantity, m_quantity->editor() },
                                        { m_from, m_from }, { m_until, m_until } }) {
        auto *label = new QLabel(m_box);
        label->setBuddy(buddy);
        form->addRow(label, field);
        m_labels.append(label);
    }
    form->addRow(m_problem);
    form->addRow(m_create);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_box, 2, Qt::AlignTop);

    connect(m_type, &QComboBox::currentIndexChanged, this, &CouponForm::typeChanged);
    connect(m_create, &QPushButton::clicked, this, &CouponForm::save);
    connect(m_name, &QLineEdit::returnPressed, this, &CouponForm::save);
    // The form's problem is re-judged as the fields change: it goes once it is fixed.
    connect(m_name, &QLineEdit::textEdited, this, &CouponForm::reviewChange);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &CouponForm::reviewChange);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &CouponForm::reviewChange);
    connect(m_value, &NumberField::edited, this, &CouponForm::reviewChange);
    connect(m_quantity, &NumberField::edited, this, &CouponForm::reviewChange);
    typeChanged();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CouponForm::retranslateUi()
{
    setTitle(tr("Coupon campaigns"));
    m_model->setHeaders({ tr("Coupon"), tr("Discount"), tr("Issued"), tr("Of"), tr("From"), tr("Until") });
    m_table->setEmptyText(tr("Nothing here yet. Create the first campaign with the form."));
    m_table->setAccessibleName(tr("Coupon campaigns"));
    m_name->setPlaceholderText(tr("e.g. Spring sale 10%"));
    m_type->setItemText(0, tr("Fixed amount (won off)"));
    m_type->setItemText(1, tr("Rate (percent off)"));
    m_box->setTitle(tr("New coupon"));
    const QString labels[] = { tr("&Name"), tr("&Type"), tr("&Discount"), tr("&Quantity"), tr("Valid &from"),
                               tr("Valid &until") };
    for (int i = 0; i < m_labels.size() && i < int(std::size(labels)); ++i)
        m_labels[i]->setText(labels[i]);
    m_create->setText(tr("&Create coupon"));
    for (QDateTimeEdit *edit : { m_from, m_until })
        edit->setDisplayFormat(Money::dateTimeFormat());
}

void CouponForm::reviewChange()
{
    notice()->resolve(kCreate);
    if (m_problem->hasProblem())
        validate();
}

void CouponForm::typeChanged()
{
    const bool rate = m_type->currentData().toString() == QLatin1String("RATE");
    // A number means something else in the other unit (₩3,000 off is not 3,000 % off,
    // 10 % is not ₩10): the value starts again at the type's usual one, and the hint
    // under it says the new range ("1 to 100 %").
    m_value->setUnit(rate ? NumberField::Unit::Percent : NumberField::Unit::Won);
    m_value->setRange(1, rate ? ShopLimits::kMaxRatePercent : ShopLimits::kMaxPrice);
    m_value->setValue(rate ? kDefaultRatePercent : kDefaultFixedWon);
}

void CouponForm::refresh()
{
    client()->coupons(this, [this](const Result<QList<Coupon>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
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
    const bool named = !m_name->text().trimmed().isEmpty();
    if (!named)
        problem = tr("Give the coupon a name.");
    else if (m_until->dateTime() <= m_from->dateTime())
        problem = tr("The coupon must end after it starts.");
    else if (m_until->dateTime() <= QDateTime::currentDateTime())
        problem = tr("The end of the window is in the past: nobody could use it.");
    m_name->setStyleSheet(named ? QString()
                                : QStringLiteral("QLineEdit { border:1px solid #b3261e; border-radius:3px; padding:2px; }"));
    if (problem.isEmpty())
        m_problem->clear();
    else
        m_problem->showProblem(problem);
    const bool valued = m_value->check();
    const bool counted = m_quantity->check();
    return problem.isEmpty() && valued && counted;
}

void CouponForm::save()
{
    if (!validate()) {
        notice()->clear(); // the last "Created coupon" is not about this form
        return;
    }
    Coupon draft;
    draft.name = m_name->text().trimmed();
    draft.discountType = m_type->currentData().toString() == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed;
    draft.discountValue = *m_value->value();
    draft.quantity = *m_quantity->value();
    draft.validFrom = m_from->dateTime().toUTC();
    draft.validUntil = m_until->dateTime().toUTC();
    m_create->setEnabled(false);
    notice()->clear();
    client()->createCoupon(draft, this, [this](const Result<Coupon> &coupon) {
        m_create->setEnabled(true);
        if (!coupon) {
            notice()->showError(tr("Not created: %1 The form keeps what you typed.").arg(ErrorText::describe(coupon.failure())),
                                kCreate);
            return;
        }
        notice()->showSuccess(tr("Created coupon #%1 \u201C%2\u201D: %3 to claim.")
                                      .arg(coupon->id)
                                      .arg(coupon->name, Money::count(coupon->quantity)),
                              kCreate);
        m_name->clear();
        refresh();
    });
}
