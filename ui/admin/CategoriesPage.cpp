#include "CategoriesPage.h"

#include "Card.h"
#include "CatalogueClient.h"
#include "CategoryTree.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShopLimits.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kSave = QStringLiteral("category");
}

CategoriesPage::CategoriesPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_tree(new CategoryTree(false, body())),
      m_name(new QLineEdit(body())), m_parent(new QComboBox(body())), m_add(new QPushButton(body())),
      m_rename(new QPushButton(body())), m_move(new QPushButton(body())), m_delete(new QPushButton(body())),
      m_card(new Card(QString(), body())), m_nameLabel(new QLabel(m_card)), m_parentLabel(new QLabel(m_card)),
      m_hint(new QLabel(m_card))
{
    setObjectName(QStringLiteral("categoriesPage"));
    m_tree->setObjectName(QStringLiteral("categoryEditorTree"));
    m_name->setObjectName(QStringLiteral("categoryName"));
    m_parent->setObjectName(QStringLiteral("categoryParent"));
    m_add->setObjectName(QStringLiteral("addCategory"));
    m_rename->setObjectName(QStringLiteral("renameCategory"));
    m_move->setObjectName(QStringLiteral("moveCategory"));
    m_delete->setObjectName(QStringLiteral("deleteCategory"));
    m_name->setMaxLength(ShopLimits::kMaxCategoryNameLength);

    m_card->setMinimumWidth(360);
    auto *form = new QFormLayout;
    m_nameLabel->setBuddy(m_name);
    m_parentLabel->setBuddy(m_parent);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_parentLabel, m_parent);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color:#5f6368;"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_move);
    buttons->addStretch();
    buttons->addWidget(m_delete);
    m_card->content()->addLayout(form);
    m_card->content()->addWidget(m_hint);
    m_card->content()->addLayout(buttons);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 3);
    layout->addWidget(m_card, 2, Qt::AlignTop);

    connect(m_tree, &CategoryTree::chosenChanged, this, &CategoriesPage::showChosen);
    connect(m_add, &QPushButton::clicked, this, &CategoriesPage::add);
    connect(m_rename, &QPushButton::clicked, this, &CategoriesPage::rename);
    connect(m_move, &QPushButton::clicked, this, &CategoriesPage::move);
    connect(m_delete, &QPushButton::clicked, this, &CategoriesPage::remove);
    connect(m_name, &QLineEdit::textEdited, this, [this] { notice()->resolve(kSave); });
    showChosen();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CategoriesPage::retranslateUi()
{
    setTitle(tr("Categories"));
    m_tree->setAccessibleName(tr("Categories"));
    m_name->setPlaceholderText(tr("e.g. Cookware"));
    m_card->setTitle(tr("Category"));
    m_nameLabel->setText(tr("&Name"));
    m_parentLabel->setText(tr("&Under"));
    m_hint->setText(tr("Add puts a new category with this name under the one chosen in \u201CUnder\u201D. Rename "
                       "and Move here change the category selected in the tree. Only an empty category "
                       "can be deleted."));
    m_add->setText(tr("&Add"));
    m_rename->setText(tr("&Rename"));
    m_move->setText(tr("&Move here"));
    m_delete->setText(tr("&Delete"));
    if (m_parent->count() > 0)
        m_parent->setItemText(0, tr("At the top"));
}

void CategoriesPage::refresh()
{
    client()->catalogue()->categories(this, [this](const Result<QList<Category>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        m_tree->setCategories(answer.value());
        fillParents();
        showChosen();
    });
}

void CategoriesPage::fillParents()
{
    const qint64 was = m_parent->currentData().toLongLong();
    m_parent->clear();
    m_parent->addItem(tr("At the top"), qint64(0));
    for (const Category &c : m_tree->categories())
        m_parent->addItem(QString(c.path).replace(QLatin1Char('/'), QStringLiteral(" \u203A ")), c.id);
    m_parent->setCurrentIndex(qMax(0, m_parent->findData(was)));
}

void CategoriesPage::showChosen()
{
    const Category *chosen = m_tree->chosen();
    m_rename->setEnabled(chosen);
    m_move->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    if (chosen)
        m_name->setText(chosen->name);
}

QString CategoriesPage::nameOf(qint64 id) const
{
    for (const Category &c : m_tree->categories()) {
        if (c.id == id)
            return c.name;
    }
    return tr("the top");
}

void CategoriesPage::saved(const Result<Category> &answer, const QString &what, const QString &name)
{
    if (!answer) {
        const Failure &failure = answer.failure();
        QString why;
        if (failure.code == ErrorCode::NameTaken)
            why = tr("There is already a category named \u201C%1\u201D there; names are unique among siblings.").arg(name);
        else if (failure.code == ErrorCode::ValidationFailed
                 && failure.details.value(QStringLiteral("field")).toString() == QLatin1String("parentId"))
            why = tr("A category cannot move under itself or under one of its own subcategories.");
        else
            why = ErrorText::describe(failure);
        notice()->showError(tr("%1 Nothing was changed.").arg(ErrorText::sentence(what + QStringLiteral(": ") + why)),
                            kSave);
        return;
    }
    notice()->showSuccess(tr("%1: \u201C%2\u201D is now %3.")
                                  .arg(what, answer->name, QString(answer->path).replace(QLatin1Char('/'), QStringLiteral(" \u203A "))),
                          kSave);
    refresh();
    m_tree->choose(answer->id);
}

void CategoriesPage::add()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        notice()->showError(tr("Give the new category a name."), kSave);
        return;
    }
    const qint64 parentId = m_parent->currentData().toLongLong();
    client()->catalogue()->createCategory(name, parentId, this, [this, name](const Result<Category> &answer) {
        saved(answer, tr("Not added"), name);
    });
}

void CategoriesPage::rename()
{
    const Category *chosen = m_tree->chosen();
    const QString name = m_name->text().trimmed();
    if (!chosen)
        return;
    if (name.isEmpty()) {
        notice()->showError(tr("Give the category a name."), kSave);
        return;
    }
    client()->catalogue()->updateCategory(chosen->id, { { QStringLiteral("name"), name } }, this,
                                          [this, name](const Result<Category> &answer) {
                                              saved(answer, answer ? tr("Renamed") : tr("Not renamed"), name);
                                          });
}

void CategoriesPage::move()
{
    const Category *chosen = m_tree->chosen();
    if (!chosen)
        return;
    const qint64 parentId = m_parent->currentData().toLongLong();
    const QJsonValue parent = parentId > 0 ? QJsonValue(parentId) : QJsonValue(QJsonValue::Null);
    client()->catalogue()->updateCategory(chosen->id, { { QStringLiteral("parentId"), parent } }, this,
                                          [this, name = chosen->name](const Result<Category> &answer) {
                                              saved(answer, answer ? tr("Moved") : tr("Not moved"), name);
                                          });
}

void CategoriesPage::remove()
{
    const Category *chosen = m_tree->chosen();
    if (!chosen)
        return;
    const qint64 id = chosen->id;
    const QString name = chosen->name;
    client()->catalogue()->deleteCategory(id, this, [this, name](const Result<bool> &done) {
        if (!done) {
            const QString why = done.failure().code == ErrorCode::CategoryNotEmpty
                    ? tr("it still holds products or categories. Move them elsewhere (or delete them) first.")
                    : ErrorText::describe(done.failure());
            notice()->showError(tr("\u201C%1\u201D was not deleted: %2").arg(name, why), kSave);
            return;
        }
        notice()->showSuccess(tr("Deleted \u201C%1\u201D.").arg(name), kSave);
        m_name->clear();
        refresh();
    });
}
