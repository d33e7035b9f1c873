#pragma once
// The object tree of the selected application (issue 15) as a tree model, live from the
// NamespaceStore: the store's inspected() objects and the pods it hands on (kept here in a
// PodIndex, since the store does not keep pods). The tree itself is built by the engine's
// kube::rollout::buildObjectTree(), the same function `veladesk tree` prints.
//
// The GUI thread neither parses pods nor builds the tree: a job on a worker thread (one in
// flight at a time) takes the pending pod events, the PodIndex and the store's inspected()
// objects as values, applies the events, builds and summarizes the tree, and hands back the new
// PodIndex and the tree. Requests made while a job runs are coalesced into the next job (at most
// one per frame); a result made stale by a new store, pod list or application is dropped, and a
// tree still waiting to be merged is replaced by a newer one.
//
// Updates are keyed and in place: the new tree is merged into the rows (rowsRemoved for keys
// that went, dataChanged for rows that changed, rowsInserted for new keys), never a reset, so
// selection and expansion survive. The merge runs in slices of at most kMergeBudgetMs per
// event-loop turn (the model is consistent between slices: a slice ends after whole
// begin/end pairs), so no turn of the GUI thread stalls on a 10,000-pod tree.

#include "kube/rollout/objecttree.h"
#include "kube/watch.h"
#include "models/namespacestore.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

namespace veladesk {

class ObjectTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Kind,
        Health,
        Info,
        Age,
        ColumnCount
    };
    enum Role
    {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        NameRole,
        HealthRole, // int(kube::rollout::Health) of the node itself
        WorstRole,  // int(kube::rollout::Health) of the node and its descendants
        NodeRole,   // int(kube::rollout::TreeNode::Role)
        UidRole,
        ApiVersionRole,
        NamespaceRole, // "" for the tree's namespace
        ReasonRole,
        MessageRole,
        ResourceVersionRole,
        SearchRole, // "kind/name" in lower case, what the filter matches
    };
    static constexpr int kFrameMs = 16;
    static constexpr int kMergeBudgetMs = 6;

    struct Item;      // a row (internal)
    struct JobResult; // what a worker job hands back (internal)
    struct MergeTask; // one parent's children being merged (internal)

    explicit ObjectTreeModel(QObject* parent = nullptr);
    ~ObjectTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Follows the store's kinds and pods (nullptr: none). Objects already in the store and
    // pods from its next podsReset() are shown.
    void setStore(NamespaceStore* store);
    NamespaceStore* store() const { return m_store; }
    // The application whose tree is shown ("" for none).
    void setApplication(const QString& appName);
    QString application() const { return m_app; }
    // While inactive (the tree is not on screen) pods are still indexed but no tree is built.
    void setActive(bool active);

    // Pods, as the store hands them on (tests call these directly).
    void setPods(const QList<QJsonObject>& pods);
    void enqueuePods(const QList<kube::WatchEvent>& events);
    // Pod events not yet in pods(): queued, or being applied by the worker.
    int pendingPodEvents() const { return int(m_pendingPods.size()) + m_inFlightPods; }
    const kube::rollout::PodIndex& pods() const { return m_pods; }

    // Parses every pending pod, rebuilds and merges now, on the calling thread (tests).
    void refresh();
    // The node behind an index (children not filled: use the model's rows), or nullptr.
    const kube::rollout::TreeNode* node(const QModelIndex& index) const;
    // The first node (depth first) of `kind` named `name`, links excluded.
    QModelIndex find(const QString& kind, const QString& name) const;
    // The summary of the tree shown (what `veladesk tree` prints at its end).
    kube::rollout::TreeSummary summary() const { return m_summary; }

    void setClock(std::function<QDateTime()> now);

    // Figures for the benchmark: trees built (on the worker) and the time of the last build;
    // the GUI-thread time of the last merge (all its slices) and its longest slice.
    int buildCount() const { return m_builds; }
    double lastBuildMs() const { return m_lastBuildMs; }
    double lastMergeMs() const { return m_lastMergeMs; }
    double lastMergeSliceMs() const { return m_lastMergeSliceMs; }

Q_SIGNALS:
    // After each tree is wholly merged into the rows.
    void treeUpdated();

private:
    Item* itemOf(const QModelIndex& index) const;
    int rowOf(const Item* item) const;
    QModelIndex indexOf(const Item* item, int column = 0) const;
    void scheduleRebuild();
    void askForPods(); // NamespaceStore::wantPodObjects when an application's tree is shown
    void onFrame();
    void startJob();
    void onJobDone();
    void acceptResult(std::shared_ptr<JobResult> result);
    void beginMerge(std::shared_ptr<JobResult> result);
    void onMergeSlice();
    bool mergeSome(qint64 budgetNs); // true when the merge is done
    bool mergeTask(MergeTask& task, const QElapsedTimer& clock, qint64 budgetNs);
    void finishMerge();
    void refreshAges(Item* parent);

    QPointer<NamespaceStore> m_store;
    QString m_app;
    bool m_active = true;
    std::unique_ptr<Item> m_invisibleRoot;
    kube::rollout::PodIndex m_pods;
    QList<kube::WatchEvent> m_pendingPods;
    bool m_dirty = false;
    // The worker job (one at a time) and what makes its result stale.
    QThreadPool m_pool;
    QFuture<std::shared_ptr<JobResult>> m_job;
    QFutureWatcher<std::shared_ptr<JobResult>> m_jobWatcher;
    bool m_running = false;
    int m_inFlightPods = 0;
    quint64 m_podsEpoch = 0; // a new store or pod list
    quint64 m_treeEpoch = 0; // a new store or application
    // The merge in progress (slices) and the next tree waiting for it.
    std::unique_ptr<std::deque<MergeTask>> m_merge;
    std::shared_ptr<JobResult> m_merging;
    std::shared_ptr<JobResult> m_waiting;
    double m_mergeMs = 0;
    double m_mergeSliceMs = 0;
    QTimer m_mergeTimer;
    QTimer m_frame;
    QTimer m_ages;
    double m_lastBuildMs = 0;
    double m_lastMergeMs = 0;
    double m_lastMergeSliceMs = 0;
    int m_builds = 0;
    kube::rollout::TreeSummary m_summary;
    std::function<QDateTime()> m_now;
};

} // namespace veladesk
