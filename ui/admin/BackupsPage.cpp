#include "BackupsPage.h"

#include "AdminClient.h"
#include "BackupFolder.h"
#include "Card.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtCore/QUrl>
#include <QtGui/QDesktopServices>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

BackupsPage::BackupsPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Backups"), parent), m_table(new RecordTableView(body())), m_backUp(new QPushButton(body())),
      m_progress(new QProgressBar(body())), m_status(new QLabel(body())), m_whereCard(new Card(QString(), body())),
      m_where(new QLabel(m_whereCard)), m_openFolder(new QPushButton(m_whereCard)),
      m_changeFolder(new QPushButton(m_whereCard)), m_folderNote(new QLabel(m_whereCard)),
      m_restoreCard(new Card(QString(), body())), m_restore(new QLabel(m_restoreCard)),
      m_command(new QPlainTextEdit(m_restoreCard)), m_afterCommand(new QLabel(m_restoreCard))
{
    setObjectName(QStringLiteral("backupsPage"));
    m_table->setObjectName(QStringLiteral("backupTable"));
    m_backUp->setObjectName(QStringLiteral("backupNow"));
    m_progress->setObjectName(QStringLiteral("backupProgress"));
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_where->setObjectName(QStringLiteral("backupWhere"));
    m_openFolder->setObjectName(QStringLiteral("backupOpenFolder"));
    m_changeFolder->setObjectName(QStringLiteral("backupChangeFolder"));
    m_folderNote->setObjectName(QStringLiteral("backupFolderNote"));
    m_restore->setObjectName(QStringLiteral("backupRestore"));
    m_command->setObjectName(QStringLiteral("backupRestoreCommand"));
    m_afterCommand->setObjectName(QStringLiteral("backupAfterCommand"));
    // Long paths scroll sideways instead of widening the page; the text is for copying.
    m_command->setReadOnly(true);
    m_command->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setFixedHeight(m_command->fontMetrics().lineSpacing() * 4 + 16);
    m_command->hide();
    m_afterCommand->hide();
    m_progress->setRange(0, 0); // how long a dump and its check take is not known ahead
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    for (QLabel *label : { m_where, m_folderNote, m_restore, m_afterCommand, m_status }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_restore->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_folderNote->hide();
    // The folder is this computer's only when the app runs its own shop.
    m_openFolder->setVisible(BackupFolder::ownShop());
    m_changeFolder->setVisible(BackupFolder::ownShop());

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_backUp);
    actions->addWidget(m_progress);
    actions->addWidget(m_status, 1);
    auto *left = new QVBoxLayout;
    left->addLayout(actions);
    left->addWidget(m_table, 1);
    auto *folderButtons = new QHBoxLayout;
    folderButtons->addWidget(m_openFolder);
    folderButtons->addWidget(m_changeFolder);
    folderButtons->addStretch();
    m_whereCard->content()->addWidget(m_where);
    m_whereCard->content()->addLayout(folderButtons);
    m_whereCard->content()->addWidget(m_folderNote);
    m_restoreCard->content()->addWidget(m_restore);
    m_restoreCard->content()->addWidget(m_command);
    m_restoreCard->content()->addWidget(m_afterCommand);
    m_restoreCard->content()->addStretch(1);
    auto *right = new QWidget(body());
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_whereCard);
    rightLayout->addWidget(m_restoreCard, 1);
    right->setMinimumWidth(360);
    right->setMaximumWidth(520);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(right);

    retranslateUi();
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &BackupsPage::load);
    connect(m_backUp, &QPushButton::clicked, this, &BackupsPage::backUpNow);
    connect(m_openFolder, &QPushButton::clicked, this, [] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(BackupFolder::inUse()));
    });
    connect(m_changeFolder, &QPushButton::clicked, this, [this] {
        const QString current = BackupFolder::chosen().isEmpty() ? BackupFolder::inUse() : BackupFolder::chosen();
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Back up into"), current);
        if (!folder.isEmpty())
            chooseFolder(folder);
    });
}

void BackupsPage::changeEvent(QEvent *event)
{
    PageWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void BackupsPage::retranslateUi()
{
    setTitle(tr("Backups"));
    m_table->setAccessibleName(tr("Backups"));
    m_backUp->setText(tr("&Back up now"));
    m_openFolder->setText(tr("&Open the folder"));
    m_changeFolder->setText(tr("&Change folder\u2026"));
    m_whereCard->setTitle(tr("Where the files are"));
    makeModel();
    showList();
}

void BackupsPage::makeModel()
{
    // A new model with the headers in the window's language (the old one goes with its
    // selection, which showList() puts back).
    RecordTableModel *old = m_model;
    m_model = new RecordTableModel({ { tr("Taken"), RecordTableModel::Kind::Time },
                                     { tr("Size"), RecordTableModel::Kind::Text },
                                     { tr("Verified"), RecordTableModel::Kind::Text },
                                     { tr("Rows"), RecordTableModel::Kind::Number } },
                                   this);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BackupsPage::showSelected);
    delete old;
}

void BackupsPage::refresh()
{
    load();
}

void BackupsPage::load()
{
    if (m_polling)
        return;
    m_polling = true;
    const int generation = ++m_generation;
    client()->admin()->backups(this, [this, generation](const Result<BackupList> &answer) {
        m_polling = false;
        if (generation != m_generation)
            return;
        if (!answer) {
            m_poll.stop();
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        m_list = answer.value();
        m_loaded = true;
        showList();
        // The one asked for here has ended: say how.
        for (const BackupEntry &entry : std::as_const(m_list.items)) {
            if (entry.id != m_waitingFor || entry.inProgress())
                continue;
            m_waitingFor = 0;
            if (entry.state == QLatin1String("verified"))
                notice()->showSuccess(tr("Backed up and verified: %1, restored into a scratch database and checked.")
                                              .arg(sizeText(entry.bytes)),
                                      QStringLiteral("backup"));
            else
                notice()->showError(tr("The backup failed: %1").arg(ErrorText::sentence(entry.error)),
                                    QStringLiteral("backup"));
        }
        // Another admin's, another instance's or the schedule's backup shows here too.
        if (m_list.running || m_waitingFor != 0)
            m_poll.start();
        else
            m_poll.stop();
    });
}

void BackupsPage::backUpNow()
{
    m_backUp->setEnabled(false);
    notice()->clearError();
    m_status->setText(tr("Starting a backup\u2026"));
    client()->admin()->startBackup(this, [this](const Result<BackupEntry> &answer) {
        if (!answer) {
            m_status->clear();
            notice()->showError(tr("No backup was started: %1").arg(ErrorText::describe(answer.failure())),
                                QStringLiteral("backup"));
            showProgress();
            return;
        }
        m_waitingFor = answer->id;
        m_list.running = true;
        showProgress();
        m_poll.start();
        load();
    });
}

void BackupsPage::showList()
{
    const qint64 selected = m_table->selectedId();
    QList<RecordTableModel::Row> rows;
    for (const BackupEntry &entry : std::as_const(m_list.items))
        rows.append({ entry.id,
                      { entry.startedAt, entry.finishedAt.isValid() ? sizeText(entry.bytes) : QString(), stateText(entry),
                        entry.rows },
                      entry.state == QLatin1String("failed") });
    m_model->setRows(std::move(rows));
    m_table->selectIdOrFirst(selected);
    if (!m_loaded)
        m_table->setEmptyText(tr("Reading the shop's backups\u2026"));
    else if (m_list.directory.isEmpty())
        m_table->setEmptyText(tr("No backups yet, and this server takes none on its own: it has no backup folder."));
    else
        m_table->setEmptyText(tr("No backups yet. One is taken on its own when none was taken for %1 h; "
                                 "“Back up now” takes one at once.")
                                      .arg(m_list.everyHours));
    showProgress();
    showWhere();
    showSelected();
}

void BackupsPage::showProgress()
{
    const BackupEntry *running = nullptr;
    for (const BackupEntry &entry : std::as_const(m_list.items))
        if (entry.inProgress() && !running)
            running = &entry;
    const bool busy = m_list.running || running;
    m_progress->setVisible(busy);
    m_backUp->setEnabled(m_loaded && !busy && !m_list.directory.isEmpty());
    if (running && running->state == QLatin1String("verifying"))
        m_status->setText(tr("Checking the backup: restoring it into a scratch database\u2026"));
    else if (running)
        m_status->setText(tr("Taking the backup while the shop goes on serving\u2026"));
    else if (busy)
        m_status->setText(tr("Another server of this shop is taking a backup\u2026"));
    else
        m_status->clear();
}

void BackupsPage::showWhere()
{
    QStringList lines;
    if (!m_loaded) {
        m_where->clear();
        return;
    }
    if (m_list.directory.isEmpty()) {
        lines << tr("This server takes no backups: its administrator sets backup-dir in its configuration "
                    "(README, “Backups and restore”).");
    } else {
        lines << (BackupFolder::ownShop() ? tr("Backups of this app's shop are kept on this computer in %1.")
                                          : tr("Backups are kept on the server's computer in %1."))
                         .arg(QDir::toNativeSeparators(m_list.directory));
        lines << tr("A backup is taken when none was taken for %1 h. The newest verified ones are kept, %2 at most; "
                    "older ones are removed once a newer one is verified.")
                         .arg(m_list.everyHours)
                         .arg(m_list.keep);
    }
    m_where->setText(lines.join(QLatin1Char(' ')));
}

void BackupsPage::chooseFolder(const QString &folder)
{
    BackupFolder::choose(folder);
    const QString chosen = QDir::cleanPath(folder);
    m_folderNote->setText(chosen == QDir::cleanPath(BackupFolder::inUse())
                                  ? tr("Backups go to %1.").arg(QDir::toNativeSeparators(chosen))
                                  : tr("From the app's next start, backups go to %1. Until then they go where they "
                                       "went.")
                                            .arg(QDir::toNativeSeparators(chosen)));
    m_folderNote->show();
}

void BackupsPage::showSelected()
{
    const qint64 id = m_table->selectedId();
    const BackupEntry *shown = nullptr;
    for (const BackupEntry &entry : std::as_const(m_list.items))
        if (entry.id == id)
            shown = &entry;
    m_command->hide();
    m_afterCommand->hide();
    if (!shown) {
        m_restoreCard->setTitle(tr("Restore"));
        m_restore->setText(tr("Select a backup to see its files and how to restore it."));
        return;
    }
    // Its time as the list writes it.
    m_restoreCard->setTitle(tr("Backup of %1").arg(m_model->index(m_model->indexOfId(shown->id), 0).data().toString()));
    if (shown->state == QLatin1String("failed")) {
        m_restore->setText(tr("This backup failed: %1").arg(ErrorText::sentence(shown->error)));
        return;
    }
    if (shown->inProgress()) {
        m_restore->setText(tr("This backup is still being taken and checked."));
        return;
    }
    const QString folder = QDir::toNativeSeparators(shown->folder);
    // Restore stays a command: it replaces the whole shop and needs it stopped.
    if (BackupFolder::ownShop()) {
        m_restore->setText(tr("Its files: %1\n\nTo restore it, quit this app, then run:").arg(folder));
        m_command->setPlainText(QStringLiteral("storefront-server restore \\\n    --from %1 \\\n    --stack %2 --replace")
                                        .arg(folder, QDir::toNativeSeparators(BackupFolder::stackDir())));
        m_afterCommand->setText(tr("and start the app again. What happened after the backup is lost."));
    } else {
        m_restore->setText(tr("Its files: %1\n\nTo restore it, stop the server, then run on its computer:").arg(folder));
        m_command->setPlainText(QStringLiteral("storefront-server restore \\\n    --from %1 \\\n"
                                               "    --config /etc/storefront/storefront.ini --replace")
                                        .arg(folder));
        m_afterCommand->setText(tr("and start it again (README, “Backups and restore”). What happened after the backup "
                                   "is lost."));
    }
    m_command->show();
    m_afterCommand->show();
}

QString BackupsPage::sizeText(qint64 bytes) const
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString BackupsPage::stateText(const BackupEntry &entry) const
{
    if (entry.state == QLatin1String("verified"))
        return tr("\u2714 Verified");
    if (entry.state == QLatin1String("verifying"))
        return tr("Checking\u2026");
    if (entry.state == QLatin1String("running"))
        return tr("Taking\u2026");
    return tr("\u2718 Failed");
}
