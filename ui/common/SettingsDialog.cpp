#include "SettingsDialog.h"

#include "Retranslate.h"
#include "Translator.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_languageLabel(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_note->setObjectName(QStringLiteral("languageNote"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("settingsClose"));
    for (const QString &language : Translator::languages())
        m_language->addItem(Translator::nativeName(language), language);
    m_language->setCurrentIndex(qMax(0, m_language->findData(Translator::current())));
    m_languageLabel->setBuddy(m_language);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color:#5f6368;"));

    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // At once: the person sees the window change while choosing.
    connect(m_language, &QComboBox::currentIndexChanged, this,
        [this] { Translator::choose(m_language->currentData().toString()); });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_languageLabel->setText(tr("&Language"));
    m_language->setAccessibleName(tr("Language"));
    m_note->setText(tr("The window changes at once and starts in this language next time. Money and dates follow "
                       "the language too."));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
}
