#pragma once

#include "ApiValues.h"
#include "PageWidget.h"
#include "Result.h"

class Card;
class CategoryTree;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Admin: the category tree with its product counts, and the one category chosen in it:
// add one (at the top or under another), rename it, move it under another, delete it.
// The server's refusals are said in words: a name its siblings already have, a move
// under itself or its own subcategory, a delete while it still holds something.
class CategoriesPage : public PageWidget
{
    Q_OBJECT
public:
    explicit CategoriesPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;

private:
    void showChosen();
    void fillParents();
    void add();
    void rename();
    void move();
    void remove();
    void saved(const Result<Category> &answer, const QString &what, const QString &name);
    void retranslateUi();
    QString nameOf(qint64 id) const;

    CategoryTree *m_tree;
    QLineEdit *m_name;
    QComboBox *m_parent;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_move;
    QPushButton *m_delete;
    Card *m_card;
    QLabel *m_nameLabel;
    QLabel *m_parentLabel;
    QLabel *m_hint;
};
