#pragma once
// Pods of a namespace, fed by a kube::Watch. Watch batches are queued and applied at most once
// per frame (16 ms; a batch after a quiet frame at once, on the next event-loop turn), at most
// 250 events per frame and fewer when the frames cost more than about 10 ms: removals,
// in-place updates (dataChanged, one per run of adjacent changed rows) and insertions
// (rowsInserted) for what changed; the model is reset only when a new snapshot (first list,
// namespace switch) replaces everything. Rows keep their order of arrival; sort with a proxy
// (ui/podsview.h: PodsProxy).

#include "kube/watch.h"
#include "models/ageticker.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <functional>
#include <vector>

namespace veladesk {

struct PodRow
{
    QString uid;
    QString name;
    QString revision;  // label app.oam.dev/appRevision
    QString component; // label app.oam.dev/component
    // What `kubectl get pods` prints as READY, STATUS and RESTARTS (its printPod: the phase,
    // or Terminating, a container's waiting or terminated reason, Init:1/2, ...).
    QString phase;
    int readyContainers = 0;
    int containers = 0;
    int restarts = 0;
    QString node;
    QDateTime created;
    bool terminating = false; // metadata.deletionTimestamp is set
    bool succeeded = false;   // status.phase Succeeded
    // A whole Pod (a watch event, a plain list), or an item of a Table list
    // (kube::ListOptions::asTable: metadata and the cells the API server printed); both give
    // the same row for the same pod.
    static PodRow fromJson(const QJsonObject& pod);
    // The fields fromJson() reads (and the ones a Watch needs), nothing else: what the pods
    // watch keeps (kube::Watch::setTransform), thread-safe. fromJson(slim(p)) == fromJson(p).
    static QJsonObject slim(const QJsonObject& pod);
    bool operator==(const PodRow&) const = default;
};

} // namespace veladesk

// QString, QDateTime, ints and bools only: rows can be moved with memmove when scattered pods are
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
        // The pod's cluster (multi-cluster placement, issue 13): one name per model
        // (setClusterName()); ClusterPodsModel shows several clusters' models in one table.
        Cluster,
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
        SortRole,
        ClusterRole // QString: the cluster name (setClusterName())
    };

    explicit PodsModel(QObject* parent = nullptr);
    ~PodsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces everything (a reset): the first list of a watch, or a namespace switch. A
    // large list is loaded in chunks (about 4 ms of parsing, 200 to 1,000 rows each; the
    // first inside the reset, the rest as rowsInserted on the next turns of the event loop),
    // so the GUI thread never stalls on it; events queued meanwhile are applied after it.
    void setPods(const QList<QJsonObject>& pods);
    // Rows of the last setPods() not loaded yet.
    int pendingRows() const { return int(m_snapshot.size() - m_snapshotAt); }
    // Queues a watch batch; applied on the next frame tick (or by flush()).
    void enqueue(const QList<kube::WatchEvent>& events);
    // Applies everything queued now.
    void flush();
    // At most this many events are applied per frame (0: no limit), and fewer when the last
    // frames show they cost more than about 10 ms (the batch, and the views' relayout and
    // repaint after it); a burst larger than that (a namespace deletion) is spread over
    // several frames so no frame stalls the GUI long.
    void setMaxEventsPerFrame(int events);
    int pendingEvents() const { return int(m_pending.size()); }
    // Frame interval of the batching; 0 applies each enqueue() at once.
    void setBatchInterval(int milliseconds);

    // Clock for the Age column (tests set a fixed one). Ages are refreshed every second.
    void setClock(std::function<QDateTime()> now);

    // The cluster these pods are in, shown in the Cluster column ("" until set).
    void setClusterName(const QString& name);
    QString clusterName() const { return m_cluster; }

    const PodRow& pod(int row) const { return *m_rows[size_t(row)].row; }
    // O(log n): the uid's arrival number, then a binary search of the rows (kept in order of
    // arrival, so no index is renumbered when rows are removed).
    int rowOf(const QString& uid) const;
    static State stateOf(const PodRow& pod);

Q_SIGNALS:
    // After each applied batch: how many rows were inserted, updated, removed.
    void batchApplied(int inserted, int updated, int removed);

private:
    void applyPending(int maxEvents);
    // Loads rows of m_snapshot for about `budgetMs` (-1: all); true when it is done.
    bool loadSnapshot(int budgetMs, bool inReset);
    void refreshAges();

    int rowOfSeq(quint64 seq) const;
    // Emits dataChanged for `rows` (sorted), one signal per contiguous run: a single range
    // spanning scattered rows would make the sorting proxy check (and filter) every row
    // between them.
    void emitChanged(const QList<int>& rows);

    // A row and its arrival number. Rows are held by pointer so a removal in the middle moves
    // 16 bytes per row below it (a memmove), not the row; seq grows with every row appended,
    // so m_rows is sorted by it and a uid's row is found by binary search, with nothing to
    // renumber. The rows are owned (deleted in removeRowsAt(), clearRows(), the destructor).
    struct Slot
    {
        quint64 seq;
        PodRow* row;
    };
    std::vector<Slot> m_rows;
    QHash<QString, quint64> m_index; // uid -> seq of its row
    quint64 m_nextSeq = 0;
    void appendRow(PodRow&& row);
    void removeRowsAt(int first, int last);
    void clearRows();
    // The cost of the last frame: from the start of a batch to the next turn of the event
    // loop after it (the views' relayout and repaint it caused included).
    void measureFrame(int events, const QElapsedTimer& started);
    bool m_measuring = false;
    QList<kube::WatchEvent> m_pending;
    QList<QJsonObject> m_snapshot; // the list being loaded
    qsizetype m_snapshotAt = 0;
    static constexpr int kSnapshotChunkMs = 4;
    static constexpr int kSnapshotChunkMinRows = 200;
    static constexpr int kSnapshotChunkMaxRows = 1000;
    QTimer m_frame;
    QElapsedTimer m_lastApply; // since the last applied batch
    int m_frameMs = 16;
    AgeTicker m_ages{this, [this] { refreshAges(); }};
    std::function<QDateTime()> m_now;
    QString m_cluster;
    int m_maxEventsPerFrame = 250;
    // What one frame can afford: a batch and what the views do after it (relayout, repaint)
    // within about 10 ms, from what the last frames cost.
    static constexpr double kFrameBudgetNs = 10e6;
    static constexpr int kMinEventsPerFrame = 20;
    int m_affordableEvents = 250;
};

} // namespace veladesk
