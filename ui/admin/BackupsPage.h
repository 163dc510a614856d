#pragma once

#include "AdminValues.h"
#include "PageWidget.h"

#include <QtCore/QTimer>

class Card;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// Admin: the shop's backups (GET /admin/backups), newest first, with their size, whether
// each was verified (restored into a scratch database and checked) and when it was
// taken; "Back up now" (POST) with its progress, polled every kPollMs until it is
// verified or failed; where the files are, with the exact restore command for the one
// selected (restore stays a command, run with the shop stopped). On the app's own shop
// the folder can be changed; the new one is used from the app's next start.
class BackupsPage : public PageWidget
{
    Q_OBJECT
public:
    explicit BackupsPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    // What "Change folder…" does once a folder is picked (tests call it directly).
    void chooseFolder(const QString &folder);
    static constexpr int kPollMs = 1000;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void makeModel();
    void load();
    void backUpNow();
    void showList();
    void showProgress();
    void showWhere();
    void showSelected();
    QString sizeText(qint64 bytes) const;
    QString stateText(const BackupEntry &entry) const;

    RecordTableModel *m_model = nullptr;
    RecordTableView *m_table;
    QPushButton *m_backUp;
    QProgressBar *m_progress;
    QLabel *m_status;
    Card *m_whereCard;
    QLabel *m_where;
    QPushButton *m_openFolder;
    QPushButton *m_changeFolder;
    QLabel *m_folderNote;
    Card *m_restoreCard;
    QLabel *m_restore;
    QPlainTextEdit *m_command; // the restore command, to copy
    QLabel *m_afterCommand;
    BackupList m_list;
    bool m_loaded = false;
    qint64 m_waitingFor = 0; // the backup this page asked for, until it ends
    QTimer m_poll;
    bool m_polling = false;
    int m_generation = 0;
};
