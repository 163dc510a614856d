#include "AppStyle.h"

#include <QtGui/QIcon>
#include <QtGui/QPalette>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleFactory>

void AppStyle::apply()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf6, 0xf7, 0xf9));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf6, 0xfb));
    palette.setColor(QPalette::Highlight, QColor(0x1a, 0x73, 0xe8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Button, QColor(0xfc, 0xfc, 0xfd));
    QApplication::setPalette(palette);
    QIcon icon;
    for (int size : { 32, 64, 128, 256 })
        icon.addFile(QStringLiteral(":/icons/storefront-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    qApp->setStyleSheet(QStringLiteral(
            "#sideBar { background:#1f2a44; }"
            "#sideBar QLabel { color:#d6dcea; }"
            "#brand { color:white; font-size:15pt; font-weight:bold; }"
            "#headerBalance { color:white; font-weight:bold; }"
            "#navigation { background:transparent; border:none; color:#d6dcea; font-size:11pt; outline:0; }"
            "#navigation::item { padding-left:10px; border-radius:6px; }"
            "#navigation::item:selected { background:#1a73e8; color:white; }"
            "#navigation::item:hover:!selected { background:#2c3a5c; }"
            "#sideBar QPushButton { color:white; background:#2c3a5c; border:1px solid #3c4c72; border-radius:4px;"
            " padding:5px; }"
            "QPushButton#pay, QPushButton#addToCart, QPushButton#detailAddToCart, QPushButton#charge, QPushButton#claimCoupon,"
            " QPushButton#saveProduct, QPushButton#createCoupon, QPushButton#signIn, QPushButton#createOwner {"
            " background:#1a73e8; color:white; border:1px solid #1666cc; border-radius:4px; padding:6px 14px; }"
            "QPushButton#pay:disabled, QPushButton#addToCart:disabled, QPushButton#detailAddToCart:disabled, QPushButton#charge:disabled,"
            " QPushButton#claimCoupon:disabled, QPushButton#saveProduct:disabled, QPushButton#createCoupon:disabled,"
            " QPushButton#signIn:disabled, QPushButton#createOwner:disabled { background:#a8c7fa; border-color:#a8c7fa; }"
            "#balanceCard, Card { background:white; border:1px solid #dadce0; border-radius:8px; }"
            "QHeaderView::section { background:#eef1f6; border:none; border-bottom:1px solid #dadce0; padding:5px; }"));
}
