#include "AddressBookPage.h"

#include "AddressDialog.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

AddressBookPage::AddressBookPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_shipping(new ShippingClient(client, this)),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_add(new QPushButton(body())), m_edit(new QPushButton(body())),
      m_delete(new QPushButton(body())), m_default(new QPushButton(body()))
{
    setObjectName(QStringLiteral("addressesPage"));
    m_table->setObjectName(QStringLiteral("addressTable"));
    m_add->setObjectName(QStringLiteral("addAddress"));
    m_edit->setObjectName(QStringLiteral("editAddress"));
    m_delete->setObjectName(QStringLiteral("deleteAddress"));
    m_default->setObjectName(QStringLiteral("makeDefaultAddress"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_default);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, [this] { edit(Address {}); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const Address *a = selected())
            edit(*a);
    });
    connect(m_table, &QAbstractItemView::doubleClicked, m_edit, &QPushButton::click);
    connect(m_delete, &QPushButton::clicked, this, &AddressBookPage::askToDelete);
    connect(m_default, &QPushButton::clicked, this, &AddressBookPage::makeDefault);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AddressBookPage::showButtons);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void AddressBookPage::retranslateUi()
{
    setTitle(tr("Addresses"));
    m_table->setAccessibleName(tr("Addresses"));
    m_model->setHeaders({ tr("Default"), tr("Name"), tr("Recipient"), tr("Phone"), tr("Address") });
    m_table->setEmptyText(tr("No addresses yet. Add one to have orders delivered; without one, orders are picked up in person."));
    m_add->setText(tr("&Add address…"));
    m_edit->setText(tr("&Edit…"));
    m_delete->setText(tr("&Delete"));
    m_default->setText(tr("&Make default"));
    show(m_addresses);
}

void AddressBookPage::refresh()
{
    m_shipping->addresses(this, [this](const Result<QList<Address>> &found) {
        if (!found) {
            notice()->showError(ErrorText::describe(found.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        show(found.value());
    });
}

void AddressBookPage::show(const QList<Address> &addresses)
{
    const qint64 chosen = m_table->selectedId();
    m_addresses = addresses;
    QList<RecordTableModel::Row> rows;
    for (const Address &a : addresses) {
        QString where = QStringLiteral("(%1) %2").arg(a.postalCode, a.address1);
        if (!a.address2.isEmpty())
            where += QLatin1Char(' ') + a.address2;
        rows.append({ a.id, { a.isDefault ? tr("✓ Default") : QString(), a.label, a.recipient, a.phone, where } });
    }
    m_model->setRows(std::move(rows));
    m_table->selectIdOrFirst(chosen);
    showButtons();
}

const Address *AddressBookPage::selected() const
{
    const qint64 id = m_table->selectedId();
    for (const Address &a : m_addresses)
        if (a.id == id)
            return &a;
    return nullptr;
}

void AddressBookPage::showButtons()
{
    const Address *a = selected();
    m_edit->setEnabled(a != nullptr);
    m_delete->setEnabled(a != nullptr);
    m_default->setEnabled(a != nullptr && !a->isDefault);
    m_add->setEnabled(m_addresses.size() < ShippingRules::kMaxAddresses);
    m_add->setToolTip(m_add->isEnabled() ? QString()
                                         : tr("At most %1 addresses: delete one to add another.").arg(ShippingRules::kMaxAddresses));
}

void AddressBookPage::edit(const Address &address)
{
    auto *dialog = new AddressDialog(m_shipping, address, this);
    connect(dialog, &AddressDialog::saved, this, [this](const Address &saved) {
        notice()->showSuccess(tr("Address saved: %1, %2.").arg(saved.recipient, saved.address1));
        m_table->selectId(saved.id);
        refresh();
    });
    dialog->open();
}

void AddressBookPage::askToDelete()
{
    const Address *a = selected();
    if (!a)
        return;
    const Address gone = *a;
    ConfirmDialog::ask(this, QStringLiteral("confirmDeleteAddress"), tr("Delete this address?"),
                       tr("%1, %2 leaves the address book. Orders already sent there keep their copy.").arg(gone.recipient, gone.address1),
                       tr("&Delete"), tr("&Keep"), [this, gone] {
                           m_shipping->deleteAddress(gone.id, this, [this, gone](const Result<bool> &done) {
                               if (!done) {
                                   notice()->showError(ErrorText::describe(done.failure()));
                                   return;
                               }
                               notice()->showSuccess(tr("Address deleted: %1, %2.").arg(gone.recipient, gone.address1));
                               refresh();
                           });
                       });
}

void AddressBookPage::makeDefault()
{
    const Address *a = selected();
    if (!a)
        return;
    m_shipping->updateAddress(*a, true, this, [this](const Result<Address> &saved) {
        if (!saved) {
            notice()->showError(ErrorText::describe(saved.failure()));
            return;
        }
        notice()->showSuccess(tr("Orders go to %1, %2 unless you choose another address.").arg(saved->recipient, saved->address1));
        refresh();
    });
}
