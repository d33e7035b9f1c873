#pragma once
// Replacing the rows of a table model with a new snapshot without a reset: rows whose key
// disappeared are removed, rows whose value changed get dataChanged, new keys are inserted at
// their place. Both the old rows and the new snapshot must be ordered by the same key order.

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace veladesk {

class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // key(row) -> QString; rows compared with operator==.
    template <typename Row, typename KeyFn>
    void replaceRows(QList<Row>& rows, QList<Row> next, KeyFn key)
    {
        QHash<QString, qsizetype> wanted;
        for (qsizetype i = 0; i < next.size(); ++i)
            wanted.insert(key(next[i]), i);
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            if (wanted.contains(key(rows[i])))
                continue;
            beginRemoveRows({}, int(i), int(i));
            rows.removeAt(i);
            endRemoveRows();
        }
        const int columns = columnCount();
        qsizetype j = 0;
        for (qsizetype i = 0; i < next.size(); ++i) {
            if (j < rows.size() && key(rows[j]) == key(next[i])) {
                if (!(rows[j] == next[i])) {
                    rows[j] = std::move(next[i]);
                    Q_EMIT dataChanged(index(int(j), 0), index(int(j), columns - 1));
                }
                ++j;
                continue;
            }
            // a key present further down would break the order: move is not supported, so
            // remove the stale occurrence first
            for (qsizetype k = j + 1; k < rows.size(); ++k) {
                if (key(rows[k]) == key(next[i])) {
                    beginRemoveRows({}, int(k), int(k));
                    rows.removeAt(k);
                    endRemoveRows();
                    break;
                }
            }
            beginInsertRows({}, int(j), int(j));
            rows.insert(j, std::move(next[i]));
            endInsertRows();
            ++j;
        }
    }
};

} // namespace veladesk
