#pragma once

#include <QtCore/QString>
#include <QtWidgets/QWidget>

class MainWindow;
class PageWidget;
class QAbstractItemView;

// The GUI tests' hands on the real window: sign in through the real dialog, go to a
// page, find and select a row. Widgets are found by object name (their test API).
// Each function returns false (after a QWARN of what was missing) when the window
// did not get there within the wait.
namespace GuiDriver {
// The child of `parent` with this object name, or nullptr with a QWARN naming it.
template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent ? parent->findChild<T *>(QLatin1String(name)) : nullptr;
    if (!found)
        qWarning("no %s", name);
    return found;
}
bool signIn(MainWindow &window, const QString &username, const QString &password);
// No request of the window is out (within 10 s): what the server holds now is final.
bool settled(MainWindow &window);
PageWidget *showPage(MainWindow &window, const QString &name);
// Waits until the table shows a row with this id (RecordTableModel::kIdRole), then selects it.
bool selectRowWithId(QAbstractItemView *table, qint64 id);
// Waits until a row's `column` reads `text`; its row index, -1 when none came.
int waitForRowWithText(QAbstractItemView *table, int column, const QString &text);
QString noticeText(QWidget *page);
// As a person retypes a field: select all (Ctrl+A), then type. `field` is a QLineEdit
// or a NumberField (its editor is typed into).
void retype(QWidget *field, const QString &text);
// As an input method delivers Hangul: one committed syllable at a time into `field`
// (QTest::keyClicks knows only ASCII).
void compose(QWidget *field, const QString &text);
// The text under a NumberField (its range, or what is wrong with what was typed).
QString hintText(QWidget *numberField);
// Clicks a button of the open ConfirmDialog with this object name ("confirm" or
// "keep"); false when no such dialog opened within the wait.
bool answerConfirmation(QWidget *window, const QString &dialogName, const QString &button);
}
