#include "ConfirmDialog.h"

#include <QtCore/QPointer>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

void ConfirmDialog::ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                        const QString &confirmText, const QString &keepText, std::function<void()> onConfirm)
{
    // The question is said again in the body, bold, where it wraps: a window title is cut
    // by the window manager at the box's width ("Enable minji.k…?"), and a name is the
    // part that matters.
    QString said = text.toHtmlEscaped();
    said.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    const QString body = QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(title.toHtmlEscaped(), said);
    auto *box = new QMessageBox(QMessageBox::Question, title, body, QMessageBox::NoButton, parent);
    box->setTextFormat(Qt::RichText);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *confirm = box->addButton(confirmText, QMessageBox::AcceptRole);
    QPushButton *keep = box->addButton(keepText, QMessageBox::RejectRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    keep->setObjectName(QStringLiteral("keep"));
    // The safe answer is the default: Enter or Esc does not cancel an order by accident.
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    QPointer<QWidget> guard(parent);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [=, onConfirm = std::move(onConfirm)](QAbstractButton *b) {
        if (b == confirm && guard)
            onConfirm();
    });
    box->open();
}
