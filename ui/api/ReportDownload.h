#pragma once

#include "Failure.h"

#include <QtCore/QObject>
#include <QtCore/QSaveFile>

class QNetworkReply;

// One CSV report on its way into a file: each chunk is written as it arrives (a year of
// order lines need never sit in memory), into a QSaveFile, so the chosen file is
// replaced only by a whole report: a refusal, a lost server or abort() leaves what was
// there before. finished() comes once, after which succeeded() and failure() tell.
class ReportDownload : public QObject
{
    Q_OBJECT
public:
    ReportDownload(QNetworkReply *reply, const QString &fileName, QObject *parent);
    ~ReportDownload() override;

    QString fileName() const { return m_file.fileName(); }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && m_ok; }
    const Failure &failure() const { return m_failure; }
    qint64 written() const { return m_written; }
    void abort();

Q_SIGNALS:
    // total is -1 while the size is unknown (the server streams without a length).
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void readChunk();
    void complete();
    void fail(const Failure &failure);
    bool answeredOk() const;

    QNetworkReply *m_reply;
    QSaveFile m_file;
    QByteArray m_errorBody;
    Failure m_failure;
    qint64 m_written = 0;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_ok = false;
};
