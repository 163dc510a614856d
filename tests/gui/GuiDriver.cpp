#include "GuiDriver.h"

#include "FieldHint.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "PageWidget.h"
#include "RecordTableModel.h"
#include "SessionView.h"
#include "ShopClient.h"

#include <QtGui/QInputMethodEvent>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace {
constexpr int kWaitMs = 15000;

template<typename Ready>
bool waitFor(Ready ready, const char *what)
{
    if (QTest::qWaitFor(ready, kWaitMs))
        return true;
    qWarning("GuiDriver: gave up waiting for %s", what);
    return false;
}
}

bool GuiDriver::settled(MainWindow &window)
{
    return QTest::qWaitFor([&window] { return window.client()->inFlight() == 0; }, 10000);
}

bool GuiDriver::signIn(MainWindow &window, const QString &username, const QString &password)
{
    if (!waitFor([&] { return window.loginDialog() && window.loginDialog()->isVisible(); }, "the sign-in dialog"))
        return false;
    LoginDialog *dialog = window.loginDialog();
    auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("username"));
    auto *pass = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    user->clear();
    QTest::keyClicks(user, username);
    pass->clear();
    QTest::keyClicks(pass, password);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
    return waitFor([&] { return window.session() != nullptr && window.session()->isVisible(); }, "the signed-in window");
}

PageWidget *GuiDriver::showPage(MainWindow &window, const QString &name)
{
    if (!window.session() || !window.session()->page(name)) {
        qWarning("GuiDriver: no page %s", qPrintable(name));
        return nullptr;
    }
    window.session()->showPage(name);
    return window.session()->page(name);
}

int GuiDriver::waitForRowWithText(QAbstractItemView *table, int column, const QString &text)
{
    int found = -1;
    waitFor(
            [&] {
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    if (table->model()->index(row, column).data().toString() == text)
                        found = row;
                }
                return found >= 0;
            },
            "a row with the text");
    return found;
}

bool GuiDriver::selectRowWithId(QAbstractItemView *table, qint64 id)
{
    int found = -1;
    const bool shown = waitFor(
            [&] {
                for (int row = 0; row < table->model()->rowCount(); ++row) {
                    if (table->model()->index(row, 0).data(RecordTableModel::kIdRole).toLongLong() == id)
                        found = row;
                }
                return found >= 0;
            },
            "a row with the id");
    if (!shown)
        return false;
    const QModelIndex index = table->model()->index(found, 0);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    return table->selectionModel()->isRowSelected(found, {});
}

QString GuiDriver::noticeText(QWidget *page)
{
    auto *notice = page->findChild<NoticeBar *>(QStringLiteral("notice"));
    return notice && notice->isVisible() ? notice->text() : QString();
}

void GuiDriver::retype(QWidget *field, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(field);
    if (!edit)
        edit = field->findChild<QLineEdit *>(QStringLiteral("editor"));
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

QString GuiDriver::hintText(QWidget *numberField)
{
    auto *hint = numberField->findChild<FieldHint *>(QStringLiteral("hint"));
    return hint ? hint->text() : QString();
}

bool GuiDriver::answerConfirmation(QWidget *window, const QString &dialogName, const QString &button)
{
    QMessageBox *box = nullptr;
    if (!waitFor(
                [&] {
                    // A box answered before may still wait for its deferred delete.
                    box = nullptr;
                    for (QMessageBox *b : window->findChildren<QMessageBox *>(dialogName)) {
                        if (b->isVisible())
                            box = b;
                    }
                    return box != nullptr;
                },
                "the confirmation"))
        return false;
    auto *answer = box->findChild<QAbstractButton *>(button);
    if (!answer)
        return false;
    QTest::mouseClick(answer, Qt::LeftButton);
    return true;
}

void GuiDriver::compose(QWidget *field, const QString &text)
{
    field->setFocus();
    for (const QChar c : text) {
        QInputMethodEvent commit;
        commit.setCommitString(QString(c));
        QApplication::sendEvent(field, &commit);
    }
}
