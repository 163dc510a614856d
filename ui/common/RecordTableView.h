#pragma once

#include <QtWidgets/QTableView>

// The look every list of the app shares: whole rows selected, one at a time,
// alternating colours, no row numbers, columns sized to their content, one line per
// row (long names end in "…" and show whole in their tooltip). An empty list says so
// in words ("Nothing here yet…") instead of showing a blank table.
class RecordTableView : public QTableView
{
    Q_OBJECT
public:
    explicit RecordTableView(QWidget *parent = nullptr);

    // The id (RecordTableModel::kIdRole) of the selected row, 0 when none is.
    qint64 selectedId() const;
    void selectId(qint64 id);
    // After a reload: the row that was selected (id > 0), else the first row if any.
    void selectIdOrFirst(qint64 id);

    // Painted in the middle of the list while it has no rows.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    // True while the list is empty and says so.
    bool showsEmptyText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_emptyText;
};
