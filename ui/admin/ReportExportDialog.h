#pragma once

#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

class AdminClient;
class NoticeBar;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class ReportDownload;

// "Export CSV…": which report (sales by day, product or category; or every order line),
// from and to which day, then a file chosen with the save dialog. The report streams
// into that file with progress shown; the dialog says where it was written, or why not.
// Open while it downloads; closing it stops the download and leaves the file as it was.
class ReportExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReportExportDialog(AdminClient *admin, QWidget *parent = nullptr);

    // Downloads into `fileName` without asking for one (what the save dialog's answer
    // leads to; tests call it with a file of their own).
    void exportTo(const QString &fileName);

    static constexpr int kMaxDays = 366; // API.md: at most 366 days

    // Where the save dialog opens: the last report's folder (remembered in QSettings
    // under kFolderKey) while it exists, else Documents, else the home folder.
    static QString saveFolder();
    static void rememberFolder(const QString &folder);
    static constexpr const char *kFolderKey = "reports/folder";

private:
    void chooseFile();
    void finished();
    void review();
    void retranslateUi();

    AdminClient *m_admin;
    NoticeBar *m_notice;
    QComboBox *m_report;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QProgressBar *m_progress;
    QLabel *m_where;
    QPushButton *m_save;
    QPushButton *m_close;
    QList<QLabel *> m_labels; // report, from, to
    QPointer<ReportDownload> m_download;
};
