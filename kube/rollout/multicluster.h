#pragma once
// Multi-cluster placement (issue 13): a plan's placement[].clusterSelector.name names a
// cluster; VelaDesk maps cluster names to kubeconfig contexts (the same name by default,
// `--cluster NAME=CONTEXT` or the GUI's settings otherwise). The home cluster is the current
// context: the AppDeployment (plan, Lease, history, status) lives there only.
//
// MultiClusterApplier runs one Applier per cluster (applier.h), each on its own thread, and
// keeps make before break across clusters with barriers at step boundaries:
//   probe         every cluster answers (GET /version) before any apply starts; an unreachable
//                 cluster fails the apply before anything changes, naming cluster and context
//   validate, dry-run, lease       in every cluster (member clusters: no Lease, no AppDeployment)
//   -- barrier: every cluster validated and dry-run; the home cluster holds the Lease
//   appdeployment (home only), deployments, readiness, services, endpoints
//   -- barrier: grown and ready everywhere
//   routing, read-back
//   -- barrier: routed everywhere
//   scale-down, prune
//   -- barrier: shrunk everywhere
//   status        (home only) phase Completed, status.placement per cluster
// A failure in one cluster cancels the others at their next step: the report names the cluster
// that failed and, for every cluster, the steps done (a half-applied cluster is recoverable by
// applying again: every step is idempotent).
//
// A plan whose placements name no cluster but the home cluster is not multi-cluster: callers
// use Applier directly, exactly as before issue 13.

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/plan.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace kube::rollout {

// Cluster name -> kubeconfig context. Unmapped names use the context of the same name.
class ClusterContexts
{
public:
    // "NAME=CONTEXT" entries (--cluster, repeatable). Errors name the bad entry.
    static Result<ClusterContexts> parse(const QStringList& entries);
    void set(const QString& cluster, const QString& context) { m_map.insert(cluster, context); }
    QString contextOf(const QString& cluster) const { return m_map.value(cluster, cluster); }
    // The home cluster's name for the current context: the name mapped to it, else the context.
    QString clusterOf(const QString& context) const;
    const QMap<QString, QString>& entries() const { return m_map; }
    bool isEmpty() const { return m_map.isEmpty(); }

private:
    QMap<QString, QString> m_map;
};

struct ClusterTarget
{
    QString name;    // as in clusterSelector.name (the home cluster: its mapped name)
    QString context; // kubeconfig context
    std::shared_ptr<Client> client;
};

// Connects to every cluster of `plan` (home first) and to `previous` clusters (those the last
// apply placed revisions in, previousClusters(): what they run is pruned): `home` is the client
// of the current context. A context missing from the kubeconfig is an error naming the cluster
// and the context.
Result<QList<ClusterTarget>> connectClusters(const AppDeploymentPlan& plan,
                                             std::shared_ptr<Client> home,
                                             const ClusterContexts& contexts,
                                             const KubeConfigOptions& kubeconfig,
                                             const QStringList& previous = {});
// The clusters other than `home` that an AppDeployment's status.placement names (the last
// completed apply's placement).
QStringList previousClusters(const AppDeploymentStatus& status, const QString& home);
// The same, read from the home cluster (blocking; not found: none).
Result<QStringList> readPreviousClusters(Client& home, const QString& ns, const QString& name,
                                         const QString& homeName);

// Every cluster answers GET /version within `timeoutMs`; the error names every cluster that
// does not, with its context and server.
Status probeClusters(const QList<ClusterTarget>& clusters, int timeoutMs = 5000);

// status.placement of a plan: per revision, every cluster it is placed in with its replicas.
// The home cluster is named `home` (empty: unnamed placements are reported with clusterName
// empty, as a single-cluster apply does).
QList<PlacementStatus> placementStatusOf(const AppDeploymentPlan& plan, const QString& home);

// Per revision and cluster: planned replicas (the plan), ready replicas (the cluster's
// Deployments of the AppDeployment, -1 when the cluster did not answer: `error` says why).
struct PlacementState
{
    QString revisionName;
    QString cluster;
    QString context;
    int replicas = 0;
    int ready = -1;
    QString error;
    // spec.replicas of the revision's Deployments in the cluster (summed); -1: none there (or
    // the cluster did not answer).
    int live = -1;
    // The cluster runs other than the plan's replicas (unknown when it did not answer; no
    // Deployment is drift only when the plan wants replicas there).
    bool drifted() const { return error.isEmpty() && (live < 0 ? replicas > 0 : live != replicas); }
    bool operator==(const PlacementState&) const = default; // PlanRow compares its placements
};
QList<PlacementState> readPlacementStates(const QList<ClusterTarget>& clusters,
                                          const AppDeploymentPlan& plan, const QString& ns);

// What one cluster's Deployments of a plan run for one revision (summed over its Deployments).
struct LiveReplicas
{
    int replicas = 0; // spec.replicas
    int ready = 0;    // status.readyReplicas
};
// The same states as readPlacementStates() for one cluster, from what is already known of it
// (a watch cache, the GUI's stores): `live` per revision (absent: no Deployment there), or
// `error` when the cluster did not answer. Revisions not placed in `cluster` are left out.
QList<PlacementState> placementStatesIn(const AppDeploymentPlan& plan, const QString& home,
                                        const QString& cluster, const QString& context,
                                        const QMap<QString, LiveReplicas>& live,
                                        const QString& error = {});

struct MultiClusterReport
{
    Status status; // Ok, or the first failure; its message names the cluster
    QString failedCluster;
    QList<QPair<QString, ApplyReport>> clusters; // per cluster, home first (empty: not started)
    bool ok() const { return status.ok(); }
    // One block per cluster (its steps), then the error and what was left half-applied.
    QString toString() const;
};

class MultiClusterApplier : public QObject
{
    Q_OBJECT
public:
    // `clusters`: home first (connectClusters()). options.namespaceName, timeouts, etc. apply to
    // every cluster.
    MultiClusterApplier(QList<ClusterTarget> clusters, AppDeploymentPlan plan,
                        ApplyOptions options = {}, QObject* parent = nullptr);
    ~MultiClusterApplier() override;

    // Blocking (command line, tests; never the GUI thread). Signals come from worker threads.
    MultiClusterReport run();
    void cancel();

Q_SIGNALS:
    void stepStarted(const QString& cluster, kube::rollout::ApplyStep step,
                     const QString& description);
    void stepProgress(const QString& cluster, kube::rollout::ApplyStep step,
                      const QString& message);
    void stepFinished(const QString& cluster, const kube::rollout::StepResult& result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kube::rollout
