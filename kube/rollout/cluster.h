#pragma once
// The engine's reads and writes that are not the ordered apply: revisions, the CRD check and
// `setup`, Application apply with revision recording, and the live-vs-planned diff.
// All functions here BLOCK on Client futures: call them from a worker thread or the command
// line; the *Async variants run them on a thread pool of their own and return a QFuture.

#include "kube/client.h"
#include "kube/rollout/application.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"

#include <QFuture>
#include <QList>
#include <QMap>
#include <memory>
#include <optional>

namespace kube::rollout {

// The AppDeployment CRD VelaDesk ships (resources/crds/appdeployments.core.oam.dev.yaml),
// compiled into the kube library.
QByteArray appDeploymentCrdYaml();

// Ok when the AppDeployment CRD is served; otherwise an Invalid status saying
// "the AppDeployment CRD is not installed: run `veladesk setup`".
Status checkAppDeploymentCrd(Client& client);
struct SetupResult
{
    QStringList installed; // CRD names created
    QStringList present;   // CRD names already there
};
// Installs what VelaDesk needs where it is missing (the AppDeployment CRD). Never replaces
// a CRD that exists.
Result<SetupResult> setupCluster(Client& client);

// KubeVela's controller records revisions itself when it runs: detected by a Deployment
// named vela-core (or labelled app.kubernetes.io/name=vela-core) in vela-system.
enum class KubeVelaMode
{
    Auto,
    Present,
    Absent
};
Result<bool> kubeVelaRunning(Client& client, KubeVelaMode mode = KubeVelaMode::Auto);

// ApplicationRevisions of a namespace (of one app when appName is set), by revision number.
Result<QList<AppRevision>> listRevisions(Client& client, const QString& ns,
                                         const QString& appName = {});
Result<QList<Application>> listApplications(Client& client, const QString& ns);

struct AppApplyResult
{
    QString applicationName;
    bool kubeVelaRecords = false; // KubeVela runs: VelaDesk applied the app and recorded nothing
    bool recorded = false;        // a new revision was recorded by VelaDesk
    QString revisionName;         // the recorded or unchanged latest revision
    QString message;              // one line for the user
};
// Applies the Application (SSA). Every component must have a supported type, else nothing is
// applied ("not supported: <type>"). When KubeVela is not running, records the revision as
// KubeVela would (see decideRevision) and writes status.latestRevision (status subresource).
Result<AppApplyResult> applyApplication(Client& client, const QJsonObject& application,
                                        const QString& ns, KubeVelaMode mode = KubeVelaMode::Auto);

// Live vs planned per object: renders the plan with the cluster's revisions, server-side
// dry-runs every object and diffs the dry-run results against the live objects; objects this
// AppDeployment owns that the plan no longer names appear as Delete.
// The routing API is chosen as the applier would (routing.h; `routing` is --routing): a switch
// shows as the new route created and the other API's route deleted.
struct PlanDiff
{
    QList<Issue> issues;
    QList<ObjectDiff> objects; // AppDeployment first, then rendered objects, then deletions
    std::optional<RoutingChoice> routing;
};
Result<PlanDiff> diffPlan(Client& client, const AppDeploymentPlan& plan, const QString& ns,
                          std::optional<RoutingApi> routing = std::nullopt);
QFuture<Result<PlanDiff>> diffPlanAsync(std::shared_ptr<Client> client, AppDeploymentPlan plan,
                                        QString ns,
                                        std::optional<RoutingApi> routing = std::nullopt);

// Deployments of a namespace whose replicas a HorizontalPodAutoscaler (autoscaling/v2) scales:
// Deployment name -> "HorizontalPodAutoscaler/<name>". Empty when autoscaling/v2 is not served.
// VelaDesk does not send spec.replicas for these (RenderOptions::replicasManagedBy).
Result<QMap<QString, QString>> replicasManagedByHpa(Client& client, const QString& ns);
// autoscaling/v2 horizontalpodautoscalers (what replicasManagedByHpa() lists; the GUI watches it).
ResourceType horizontalPodAutoscalerType();
// The Deployment (apps/*) an HPA object scales (spec.scaleTargetRef); "" when it scales
// something else. The one rule replicasManagedByHpa() and the GUI's store apply.
QString hpaTargetDeployment(const QJsonObject& hpa);

// The last plan applied to completion, from the AppDeployment's annotation
// veladesk.io/last-completed-spec (written by the Applier's Status step), with the routing API
// it was applied with (veladesk.io/last-completed-routing); nullopt without one.
std::optional<AppDeploymentPlan> lastCompletedPlan(const QJsonObject& appDeployment);

// Per-revision view for `veladesk status` and the GUI.
struct RevisionState
{
    QString revisionName;
    int desiredReplicas = 0; // from the plan
    int readyReplicas = 0;   // sum over its Deployments
    int weight = 0;          // sum of its weights over the http rules
    QStringList deployments;
    // Deployment name -> "HorizontalPodAutoscaler/<name>" for those of its Deployments whose
    // replicas an HPA manages ("replicas managed by HPA/<name>"): desiredReplicas is not sent.
    QMap<QString, QString> replicasManagedBy;
};
struct AppDeploymentState
{
    AppDeploymentPlan plan; // includes status (phase, conditions, placement)
    // The routing API recorded in its annotation veladesk.io/routing (unset: none recorded, it
    // was last applied before issue 12 or not by VelaDesk).
    std::optional<RoutingApi> routing;
    QList<RevisionState> revisions;
    // The apply Lease, if any: "apply in progress by <holder> since <acquireTime>" while live.
    std::optional<ApplyLeaseInfo> lease;
    bool applyInProgress = false; // the Lease is live
    // Phase Rolling and no live Lease: an apply stopped half way (crashed, killed, lost the
    // API server for longer than --timeout). Ways out: re-apply `plan` (the spec it was
    // applying) or revert to `lastCompleted`.
    bool interrupted = false;
    std::optional<AppDeploymentPlan> lastCompleted; // the last plan applied to completion
};
Result<AppDeploymentState> readAppDeploymentState(Client& client, const QString& ns,
                                                  const QString& name);

} // namespace kube::rollout
