#pragma once

#include <QtWidgets/QTableView>

// The look every list of the app shares: whole rows selected, one at a time,
// alternating colours, no row numbers, columns sized to their content.
class RecordTableView : public QTableView
{
public:
    explicit RecordTableView(QWidget *parent = nullptr);

    // The id (RecordTableModel::kIdRole) of the selected row, 0 when none is.
    qint64 selectedId() const;
    void selectId(qint64 id);
    // After a reload: the row that was selected (id > 0), else the first row if any.
    void selectIdOrFirst(qint64 id);
};
