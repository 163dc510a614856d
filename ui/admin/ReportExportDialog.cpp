#include "ReportExportDialog.h"

#include "AdminClient.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "ReportDownload.h"
#include "Retranslate.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateEdit>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <iterator>

namespace {
struct Choice {
    const char *label;
    ReportRequest::Kind kind;
    const char *by;
    const char *file;
};
const Choice kChoices[] = {
    { QT_TRANSLATE_NOOP("ReportExportDialog", "Sales by day"), ReportRequest::Kind::Sales, "day", "sales-by-day" },
    { QT_TRANSLATE_NOOP("ReportExportDialog", "Sales by product"), ReportRequest::Kind::Sales, "product", "sales-by-product" },
    { QT_TRANSLATE_NOOP("ReportExportDialog", "Sales by category"), ReportRequest::Kind::Sales, "category", "sales-by-category" },
    { QT_TRANSLATE_NOOP("ReportExportDialog", "Orders, one row per line"), ReportRequest::Kind::Orders, "", "orders" },
};
}

ReportExportDialog::ReportExportDialog(AdminClient *admin, QWidget *parent)
    : QDialog(parent), m_admin(admin), m_notice(new NoticeBar(this)), m_report(new QComboBox(this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_progress(new QProgressBar(this)),
      m_where(new QLabel(this)), m_save(new QPushButton(this)), m_close(nullptr)
{
    setObjectName(QStringLiteral("reportExportDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_report->setObjectName(QStringLiteral("reportKind"));
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_where->setObjectName(QStringLiteral("reportWhere"));
    m_save->setObjectName(QStringLiteral("reportSave"));
    m_notice->setObjectName(QStringLiteral("notice"));
    for (int i = 0; i < int(std::size(kChoices)); ++i)
        m_report->addItem(QString());
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : { m_from, m_to })
        edit->setCalendarPopup(true);
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    m_progress->hide();
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    for (QWidget *field : { static_cast<QWidget *>(m_report), static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to) }) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        form->addRow(label, field);
        m_labels.append(label);
    }
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("reportClose"));
    connect(m_save, &QPushButton::clicked, this, &ReportExportDialog::chooseFile);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportExportDialog::review);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportExportDialog::review);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_where);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ReportExportDialog::retranslateUi()
{
    setWindowTitle(tr("Export CSV"));
    for (int i = 0; i < m_report->count() && i < int(std::size(kChoices)); ++i)
        m_report->setItemText(i, tr(kChoices[i].label));
    const QString labels[] = { tr("&Report"), tr("&From"), tr("&To (inclusive)") };
    for (int i = 0; i < m_labels.size(); ++i)
        m_labels[i]->setText(labels[i]);
    for (QDateEdit *edit : { m_from, m_to })
        edit->setDisplayFormat(Money::dateFormat());
    m_progress->setAccessibleName(tr("Download"));
    m_save->setText(tr("&Save as\u2026"));
    m_close->setText(tr("Close"));
    review();
}

void ReportExportDialog::review()
{
    const qint64 days = m_from->date().daysTo(m_to->date()) + 1;
    QString problem;
    if (days < 1)
        problem = tr("The first day comes after the last.");
    else if (days > kMaxDays)
        problem = tr("At most %1 days at a time (this is %2).").arg(kMaxDays).arg(days);
    if (problem.isEmpty())
        m_notice->resolve(QStringLiteral("dates"));
    else
        m_notice->showError(problem, QStringLiteral("dates"));
    m_save->setEnabled(problem.isEmpty() && !m_download);
}

void ReportExportDialog::chooseFile()
{
    const Choice &choice = kChoices[qBound(0, m_report->currentIndex(), int(std::size(kChoices)) - 1)];
    const QString suggested = QDir(saveFolder())
                                      .filePath(QStringLiteral("%1-%2-%3.csv")
                                                        .arg(QLatin1String(choice.file),
                                                             m_from->date().toString(Qt::ISODate),
                                                             m_to->date().toString(Qt::ISODate)));
    // The save dialog runs its own loop, as every save dialog does; the download does not.
    const QString fileName =
            QFileDialog::getSaveFileName(this, tr("Save the report as"), suggested, tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    rememberFolder(QFileInfo(fileName).absolutePath());
    exportTo(fileName);
}

QString ReportExportDialog::saveFolder()
{
    // The folder of the last report saved, while it exists; else Documents, else home:
    // never the process's working folder (where a save dialog falls back to when the
    // folder it is given does not exist).
    const QString last = QSettings().value(QLatin1String(kFolderKey)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

void ReportExportDialog::rememberFolder(const QString &folder)
{
    QSettings().setValue(QLatin1String(kFolderKey), folder);
}

void ReportExportDialog::exportTo(const QString &fileName)
{
    if (m_download)
        return;
    const Choice &choice = kChoices[qBound(0, m_report->currentIndex(), int(std::size(kChoices)) - 1)];
    ReportRequest request;
    request.kind = choice.kind;
    request.from = m_from->date();
    request.to = m_to->date();
    request.by = QLatin1String(choice.by);
    m_notice->clear();
    m_where->setText(tr("Downloading into %1\u2026").arg(QDir::toNativeSeparators(fileName)));
    m_progress->setRange(0, 0); // busy until the size is known (a streamed report has none)
    m_progress->show();
    m_download = m_admin->downloadReport(request, fileName, this);
    connect(m_download, &ReportDownload::progress, this, [this](qint64 received, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(received * 1000 / total));
        }
        m_progress->setFormat(tr("%1 KB").arg(Money::count(received / 1024)));
        m_progress->setTextVisible(true);
    });
    connect(m_download, &ReportDownload::finished, this, &ReportExportDialog::finished);
    review();
}

void ReportExportDialog::finished()
{
    ReportDownload *download = m_download;
    if (!download)
        return;
    m_progress->hide();
    const QString where = QDir::toNativeSeparators(download->fileName());
    if (download->succeeded()) {
        m_where->setText(tr("Written to %1 (%2 bytes).").arg(where, Money::count(download->written())));
        m_notice->showSuccess(tr("The report is saved."));
    } else {
        m_where->setText(tr("Nothing was written to %1.").arg(where));
        m_notice->showError(ErrorText::describe(download->failure()));
    }
    download->deleteLater();
    m_download = nullptr;
    review();
}
