#pragma once
// The apply history of one AppDeployment (kube/rollout/history.h), newest first, from the
// NamespaceStore's History kind; changes are merged in place (a new apply inserts a row at the
// top, a finished one updates its row). An entry still "Running" under a newer entry was
// interrupted (a second apply cannot start while the first holds the Lease).
// Also the data of the history pane's timeline (each revision's weight per entry) and diffs
// between two entries.

#include "kube/rollout/history.h"
#include "models/keyedrows.h"

#include <QPointer>

namespace veladesk {

class NamespaceStore;

struct HistoryRow
{
    kube::rollout::HistoryEntry entry;
    kube::rollout::HistoryResult shown = kube::rollout::HistoryResult::Running;
    bool operator==(const HistoryRow& other) const
    {
        return entry.name == other.entry.name &&
               entry.resourceVersion == other.entry.resourceVersion && shown == other.shown;
    }
};

class HistoryModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Revision,
        When,
        Who,
        Tool,
        Result,
        Weights,
        ChangeCause,
        ColumnCount
    };
    enum Role
    {
        RevisionRole = Qt::UserRole + 1, // qint64
        ResultRole,                      // QString: Running, Succeeded, Failed, Interrupted
    };

    explicit HistoryModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setStore(const NamespaceStore* store);
    // The AppDeployment whose history is shown ("" : none).
    void setAppDeployment(const QString& name);
    QString appDeployment() const { return m_appDeployment; }
    void refresh();

    const HistoryRow& row(int row) const { return m_rows[row]; }
    // The row of history revision `revision`, -1 when not shown.
    int rowOf(qint64 revision) const;

    // The timeline: for every revision named by any entry, its weight in each entry that routes
    // traffic, oldest entry first (0 where such an entry does not route to it).
    struct Series
    {
        QString revisionName;
        QList<QPair<qint64, int>> points; // (history revision, weight)
    };
    QList<Series> timeline() const;

    // Unified diff of the plans (YAML of spec) of two history revisions, older first; "" when
    // equal.
    QString diff(qint64 from, qint64 to) const;

private:
    QPointer<const NamespaceStore> m_store;
    QString m_appDeployment;
    QList<HistoryRow> m_rows; // newest first
};

} // namespace veladesk
