#pragma once
// Pods of a namespace, fed by a kube::Watch. Watch batches are queued and applied at most once
// per frame (16 ms), at most 250 events per frame: removals, in-place updates (dataChanged) and
// insertions (rowsInserted) for what changed; the model is reset only when a new snapshot (first
// list, namespace switch) replaces everything. Rows keep their order of arrival; sort with a proxy.

#include "kube/watch.h"
#include "models/ageticker.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <functional>

namespace veladesk {

struct PodRow
{
    QString uid;
    QString name;
    QString revision;  // label app.oam.dev/appRevision
    QString component; // label app.oam.dev/component
    QString phase;     // status.phase, or Terminating / a container's waiting reason
    int readyContainers = 0;
    int containers = 0;
    int restarts = 0;
    QString node;
    QDateTime created;
    bool terminating = false;
    static PodRow fromJson(const QJsonObject& pod);
    bool operator==(const PodRow&) const = default;
};

} // namespace veladesk

// QString, QDateTime and ints only: rows can be moved with memmove when scattered pods are
// removed (measured: scattered removals were dominated by element-wise moves).
Q_DECLARE_TYPEINFO(veladesk::PodRow, Q_RELOCATABLE_TYPE);

namespace veladesk {

class PodsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Revision,
        Phase,
        Ready,
        Restarts,
        Node,
        Age,
        ColumnCount
    };
    enum class State
    {
        Ready,
        Progressing,
        Failed,
        Terminating
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1,
        UidRole,
        RevisionRole,
        SortRole
    };

    explicit PodsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces everything (a reset): the first list of a watch, or a namespace switch.
    void setPods(const QList<QJsonObject>& pods);
    // Queues a watch batch; applied on the next frame tick (or by flush()).
    void enqueue(const QList<kube::WatchEvent>& events);
    // Applies everything queued now.
    void flush();
    // At most this many events are applied per frame (0: no limit); a burst larger than that
    // (a namespace deletion) is spread over several frames so no frame stalls the GUI long.
    void setMaxEventsPerFrame(int events);
    int pendingEvents() const { return int(m_pending.size()); }
    // Frame interval of the batching; 0 applies each enqueue() at once.
    void setBatchInterval(int milliseconds);

    // Clock for the Age column (tests set a fixed one). Ages are refreshed every second.
    void setClock(std::function<QDateTime()> now);

    const PodRow& pod(int row) const { return m_rows[row]; }
    int rowOf(const QString& uid) const { return m_index.value(uid, -1); }
    static State stateOf(const PodRow& pod);

Q_SIGNALS:
    // After each applied batch: how many rows were inserted, updated, removed.
    void batchApplied(int inserted, int updated, int removed);

private:
    void applyPending(int maxEvents);
    void rebuildIndex();
    void refreshAges();

    QList<PodRow> m_rows;
    QHash<QString, int> m_index; // uid -> row
    QList<kube::WatchEvent> m_pending;
    QTimer m_frame;
    AgeTicker m_ages{this, [this] { refreshAges(); }};
    std::function<QDateTime()> m_now;
    int m_maxEventsPerFrame = 250;
};

} // namespace veladesk
