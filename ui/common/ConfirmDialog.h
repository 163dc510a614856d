#pragma once

#include <QtCore/QString>

#include <functional>

class QWidget;

// "Are you sure?" before what lasts (cancelling an order, signing out with a cart, a
// product at ₩0). Window-modal and opened with open(), never exec(): the event loop
// keeps running and a test finds the box by its object name and clicks a button
// ("confirm" or "keep") as a person would. onConfirm runs only on the confirm button.
namespace ConfirmDialog {
void ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
         const QString &confirmText, const QString &keepText, std::function<void()> onConfirm);
}
