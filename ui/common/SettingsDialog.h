#pragma once

#include <QtWidgets/QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

// Settings: the language of the window (한국어 / English). A choice applies at once —
// every window's words change while the dialog is still open — and is remembered for
// the next start (Translator::choose). Opened with open(), never exec().
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

private:
    void retranslateUi();

    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
};
