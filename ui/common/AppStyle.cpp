#include "AppStyle.h"

#include <QtGui/QIcon>
#include <QtGui/QPalette>
#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QProxyStyle>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleFactory>
#include <QtWidgets/QStyleOption>

namespace {
// Fusion marks the control with the focus by a faint tint of its outline, which is hard
// to find on a light page: a 2 px ring in the highlight colour goes round a focused
// button, field, box or choice instead, so a keyboard user sees where Tab went.
class FocusRingStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        switch (element) {
        case PE_PanelButtonCommand:
        case PE_FrameLineEdit:
        case PE_IndicatorCheckBox:
        case PE_IndicatorRadioButton:
            if (option->state & State_HasFocus)
                ring(painter, option->rect, option->palette);
            break;
        default:
            break;
        }
    }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget) const override
    {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if ((control == CC_ComboBox || control == CC_SpinBox) && (option->state & State_HasFocus))
            ring(painter, option->rect, option->palette);
    }

    static void ring(QPainter *painter, const QRect &rect, const QPalette &palette)
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 3, 3);
        painter->restore();
    }
};
}

void AppStyle::apply()
{
    QApplication::setStyle(new FocusRingStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
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
            // The buttons drawn by this sheet get their focus ring here (2 px, the padding 1 px less: no jump).
            "QPushButton#pay:focus, QPushButton#addToCart:focus, QPushButton#detailAddToCart:focus, QPushButton#charge:focus,"
            " QPushButton#claimCoupon:focus, QPushButton#saveProduct:focus, QPushButton#createCoupon:focus,"
            " QPushButton#signIn:focus, QPushButton#createOwner:focus { border:2px solid #0b2e6b; padding:5px 13px; }"
            "#sideBar QPushButton:focus { border:2px solid #8ab4f8; padding:4px; }"
            "#balanceCard, Card { background:white; border:1px solid #dadce0; border-radius:8px; }"
            "QHeaderView::section { background:#eef1f6; border:none; border-bottom:1px solid #dadce0; padding:5px; }"));
}
