#pragma once

#include "MariadbValues.h"

#include <QtSql/QSqlResult>

class MariadbDriver;

// One statement on a MariadbDriver connection, behind QSqlQuery.
//
// Prepared: COM_STMT_PREPARE once, then per execution only COM_STMT_EXECUTE — one
// round trip, where Qt 6.4's QMYSQL sends COM_STMT_RESET before every execute (two).
// The reset is not needed: the previous result set is always read to its end
// (mysql_stmt_store_result) and freed before the next execute, and no long data is
// ever sent. Results are buffered on the client, so rows can be read in any order
// and size() is exact.
//
// Not prepared (QSqlQuery::exec(sql)): the text protocol, for session set-up,
// migrations and tests.
class MariadbResult : public QSqlResult
{
public:
    explicit MariadbResult(const MariadbDriver *driver);
    ~MariadbResult() override;

    QVariant handle() const override;

protected:
    bool prepare(const QString &query) override;
    bool exec() override;
    bool reset(const QString &query) override;
    QVariant data(int i) override;
    bool isNull(int i) override;
    bool fetch(int i) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    MYSQL *connection() const;
    void closeStatement();
    void freeResult();
    bool statementFailed(const QString &what);
    bool connectionFailed(const QString &what);
    bool bindResults();
    bool fetchRow(qint64 row);
    void readColumns(MYSQL_RES *meta);
    // The result's columns and their fetch buffers, from the statement's metadata.
    void describeResult();

    const MariadbDriver *m_driver;
    MYSQL_STMT *m_statement = nullptr;
    MYSQL_RES *m_textResult = nullptr;
    MYSQL_ROW m_textRow = nullptr;
    unsigned long *m_textLengths = nullptr;
    bool m_hasResult = false;
    qint64 m_rowCount = 0;
    qint64 m_current = -1; // the row now in the fetch buffers
    qint64 m_affected = -1;
    quint64 m_insertId = 0;
    QList<MariadbValues::Column> m_columns;
    std::vector<MariadbValues::Slot> m_slots;
    std::vector<MYSQL_BIND> m_resultBinds;
};
