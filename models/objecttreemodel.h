#pragma once
// The object tree of the selected application (issue 15) as a tree model, live from the
// NamespaceStore: the store's inspected() objects and the pods it hands on (kept here in a
// PodIndex, since the store does not keep pods). The tree itself is built by the engine's
// kube::rollout::buildObjectTree(), the same function `veladesk tree` prints.
//
// Updates are keyed and in place: after each rebuild the new tree is merged into the rows
// (rowsRemoved for keys that went, dataChanged for rows that changed, rowsInserted for new
// keys), never a reset, so selection and expansion survive. Rebuilds are coalesced: at most one
// per frame, and never more than a quarter of the GUI thread's time (the next rebuild waits
// three times as long as the last one took). Pod watch events are parsed here, at most
// kPodParseBudgetMs per frame, so a 10,000-pod list does not stall the GUI thread.

#include "kube/rollout/objecttree.h"
#include "kube/watch.h"
#include "models/namespacestore.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTimer>
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
    static constexpr int kPodParseBudgetMs = 6;

    struct Item; // a row (internal)

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
    int pendingPodEvents() const { return int(m_pendingPods.size()); }
    const kube::rollout::PodIndex& pods() const { return m_pods; }

    // Parses every pending pod and rebuilds now (tests, benchmarks).
    void refresh();
    // The node behind an index (children not filled: use the model's rows), or nullptr.
    const kube::rollout::TreeNode* node(const QModelIndex& index) const;
    // The first node (depth first) of `kind` named `name`, links excluded.
    QModelIndex find(const QString& kind, const QString& name) const;
    // The summary of the tree shown (what `veladesk tree` prints at its end).
    kube::rollout::TreeSummary summary() const { return m_summary; }

    void setClock(std::function<QDateTime()> now);

    // Figures for the benchmark: rebuilds done and the time of the last one.
    int buildCount() const { return m_builds; }
    double lastBuildMs() const { return m_lastBuildMs; }
    double lastMergeMs() const { return m_lastMergeMs; }

Q_SIGNALS:
    // After each rebuild merged into the rows.
    void treeUpdated();

private:
    Item* itemOf(const QModelIndex& index) const;
    int rowOf(const Item* item) const;
    QModelIndex indexOf(const Item* item, int column = 0) const;
    void scheduleRebuild();
    void onFrame();
    bool parsePendingPods(int budgetMs); // true when none is left
    void rebuild();
    void mergeRoot(kube::rollout::TreeNode root);
    void mergeChildren(Item* parent, QList<kube::rollout::TreeNode>& next);
    void refreshAges(Item* parent);

    QPointer<NamespaceStore> m_store;
    QString m_app;
    bool m_active = true;
    std::unique_ptr<Item> m_invisibleRoot;
    kube::rollout::PodIndex m_pods;
    QList<kube::WatchEvent> m_pendingPods;
    bool m_dirty = false;
    QTimer m_frame;
    QTimer m_ages;
    QElapsedTimer m_sinceBuild;
    double m_lastBuildMs = 0;
    double m_lastMergeMs = 0;
    int m_builds = 0;
    kube::rollout::TreeSummary m_summary;
    std::function<QDateTime()> m_now;
};

} // namespace veladesk
