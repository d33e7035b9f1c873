#pragma once
// Pods from every cluster a plan involves (issue 13, item 1: multi-cluster placement).
//
// ClusterPodsModel: one table of the pods of several clusters, each cluster's pods in a
// PodsModel of its own (named with PodsModel::setClusterName(), shown in its Cluster column),
// concatenated in order (home first). Rows are keyed by (cluster, uid): each PodsModel keeps
// its own uid index, so the same uid in two clusters makes two rows. Row building and the
// per-frame batching stay PodsModel's.
//
// RemoteClusters: a ClusterSession (its NamespaceStore: one watch per kind, pods included) per
// other cluster, connected to the context the cluster name maps to (the apply's mapping,
// kube::rollout::ClusterContexts), created when a cluster is first needed and torn down when
// no plan names it any more. Everything is asynchronous (ClusterSession's futures): the GUI
// thread never waits on a cluster; an unreachable one is reported by problems().

#include "kube/kubeconfig.h"
#include "kube/rollout/multicluster.h"
#include "models/logmodel.h"

#include <QConcatenateTablesProxyModel>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>

namespace veladesk {

class ClusterSession;
class NamespaceStore;
class PodsModel;
struct PodRow;

class ClusterPodsModel : public QConcatenateTablesProxyModel
{
    Q_OBJECT
public:
    // `home`: the current context's pods (not owned), always the first rows.
    explicit ClusterPodsModel(PodsModel* home, QObject* parent = nullptr);

    PodsModel* home() const { return m_home; }
    // Appends a cluster's pods (not owned; named by its clusterName()). One model per cluster.
    void addCluster(PodsModel* pods);
    void removeCluster(PodsModel* pods);
    // The clusters shown, home first.
    QStringList clusterNames() const;
    int clusterCount() const { return int(m_models.size()); }

    // The PodsModel and its row behind `index` (an index of this model); nullptr when invalid.
    PodsModel* podsModelOf(const QModelIndex& index, int* row = nullptr) const;
    // The row of the pod (cluster, uid), -1 when it is not shown.
    int rowOf(const QString& cluster, const QString& uid) const;

Q_SIGNALS:
    void clustersChanged(int clusterCount);

private:
    PodsModel* m_home;
    QList<PodsModel*> m_models; // home first
};

class RemoteClusters : public QObject
{
    Q_OBJECT
public:
    // The other clusters' pods are added to and removed from `pods`.
    explicit RemoteClusters(ClusterPodsModel* pods, QObject* parent = nullptr);
    ~RemoteClusters() override;

    // The kubeconfig the contexts are read from (as the window loaded it).
    void setKubeConfigOptions(const kube::KubeConfigOptions& options) { m_kubeConfig = options; }
    // Watches namespace `ns` in each of `clusters` (names, the home cluster excluded) through
    // the context `contexts` maps it to. New clusters are connected, clusters no longer listed
    // are torn down, the others keep their watches (a changed context or namespace reconnects).
    void setClusters(const QStringList& clusters, const kube::rollout::ClusterContexts& contexts,
                     const QString& ns);
    QStringList clusters() const { return m_clusters.keys(); }
    // Connects again every cluster that failed (the window's Reload).
    void reconnectFailed();

    // A cluster's session (nullptr: not watched).
    ClusterSession* session(const QString& cluster) const;
    NamespaceStore* store(const QString& cluster) const;
    PodsModel* podsModel(const QString& cluster) const;
    // What is wrong, one line per cluster that is not live ("cluster b (context kwok-b):
    // unreachable: ..."), in cluster order; empty when every cluster is live.
    QStringList problems() const;

Q_SIGNALS:
    // Connection or watch health of a cluster changed (problems() may have).
    void statusChanged();
    // A cluster's Deployments (or the set of clusters) changed: drift and ready counts.
    void liveChanged();
    // What a cluster's session did, for the log (`source` is "<cluster>: <source>").
    void message(veladesk::LogEntry::Level level, const QString& source, const QString& text);

private:
    struct Cluster;
    void connectCluster(Cluster& c);
    void remove(const QString& name);
    QPointer<ClusterPodsModel> m_pods;
    kube::KubeConfigOptions m_kubeConfig;
    QMap<QString, std::shared_ptr<Cluster>> m_clusters;
};

} // namespace veladesk
