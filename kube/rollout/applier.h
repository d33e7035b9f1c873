#pragma once
// The ordered, cancellable apply of a plan: make before break (issues 4 and 8). Growth first,
// shrink last, so that at no moment does a route give weight to a revision without a ready
// endpoint, and no Deployment loses pods while a live route still sends it traffic:
//   Validate        read revisions, discovery, HorizontalPodAutoscalers, the AppDeployment and
//                   live objects; validate the plan; check ownership (--adopt takes over); fail
//                   at once when another apply holds the Lease
//   Lease           acquire the coordination.k8s.io/v1 Lease of the AppDeployment (renewed
//                   while the apply runs, deleted at the end)
//   DryRun          server-side dry-run of the AppDeployment and every rendered object
//   AppDeployment   apply the AppDeployment (spec), phase Rolling; its uid feeds owner refs
//   Deployments     create Deployments and raise replicas; a Deployment whose plan lowers its
//                   replicas keeps its live count for now; replicas of a Deployment that an HPA
//                   scales are not sent
//   ReadinessGuard  every revision that will get weight > 0 has its planned replicas ready
//   Services        server-side apply
//   Endpoints       every Service that will get weight > 0 has ready endpoints
//   Routing         routing switches here, and only here: the route (VirtualService or HTTPRoute,
//                   routing.h) is applied; an HTTPRoute waits (bounded) until the controller of
//                   each parent Gateway accepts it; when the AppDeployment switches API, the
//                   other API's route is deleted only then (all routes go when the plan has no
//                   traffic)
//   ReadBack        the route read back routes exactly as planned, and the other API's route
//                   is gone; otherwise stop before anything shrinks
//   ScaleDown       (after --scale-down-delay, when routing changed and pods are to go) lower
//                   replicas to the plan; never to 0 while a live route gives weight > 0
//   Prune           objects owned by this AppDeployment that the plan no longer names, listed
//                   now (after routing changed), Services before Deployments; none that a live
//                   route still gives weight > 0
//   Status          phase Completed, or Failed with a condition (reason, message); placement
// A failure or cancel stops at that step: the report says which steps were done. Whatever
// step it stops at, routing only points at revisions with ready endpoints (extra replicas may
// remain until the next apply).
//
// Reads and idempotent writes are retried with backoff and jitter while the API server does not
// answer, until `timeout`; the final status write and the Lease release are retried even past it
// (for 30 s). An AppDeployment left in phase Rolling without a live Lease is an interrupted
// apply (readAppDeploymentState()).
//
// Threading: start() runs the steps on a thread of its own (never a shared pool: exec
// credential plugins run from pool threads could wait for a slot the apply holds) and returns
// at once; signals are emitted from that thread. run() does the same synchronously (command
// line, tests). cancel() is honoured between requests, while waiting and while retrying; the
// report then has Status::Kind::Cancelled and Failed is written to the AppDeployment's status
// only if the AppDeployment step had run.

#include "kube/client.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace kube::rollout {

enum class ApplyStep
{
    Validate,
    DryRun, // before the Lease: a no-op apply ("unchanged") writes nothing at all
    Lease,
    AppDeployment,
    Deployments,
    ReadinessGuard,
    Services,
    Endpoints,
    Routing, // "virtualservice" before issue 12
    ReadBack,
    ScaleDown,
    Prune,
    Status,
};
inline constexpr int applyStepCount = 13;
// "validate", "dry-run", "lease", "appdeployment", "deployments", "readiness", "services",
// "endpoints", "routing", "read-back", "scale-down", "prune", "status"
QString applyStepName(ApplyStep step);
QList<ApplyStep> allApplySteps();

struct ApplyOptions
{
    QString namespaceName; // empty: plan's namespace, else the client's default
    bool dryRun = false;   // stop after the DryRun step; nothing is changed
    bool force = false;    // route without waiting for ready replicas and endpoints
    bool adopt = false;    // take over objects of the same name owned by others
    // When the dry-run finds the cluster already running the plan, stop there: nothing is
    // written (ApplyReport::unchanged). False runs every step anyway (`--full`, reapply).
    bool skipUnchanged = true;
    // Each wait for readiness (replicas, then endpoints) ends after this, and after `timeout`.
    std::chrono::milliseconds readinessTimeout{std::chrono::minutes(5)};
    // The whole apply (--timeout): waits and retries while the API server does not answer end
    // here (the final status write and the Lease release get 30 s more).
    std::chrono::milliseconds timeout{std::chrono::minutes(5)};
    std::chrono::milliseconds pollInterval{std::chrono::milliseconds(500)};
    QString fieldManager = QStringLiteral("veladesk");
    // The Lease: holder = applyHolderIdentity(tool) unless holderIdentity is set.
    QString tool = QStringLiteral("veladesk");
    QString holderIdentity;
    std::chrono::seconds leaseDuration{std::chrono::seconds(30)};
    // Apply history (history.h): entries kept (0: the AppDeployment's veladesk.io/history-limit
    // annotation, else 20) and the entry's change cause (e.g. "rollback to 3").
    int historyLimit = 0;
    QString changeCause;
    // The routing API (--routing); unset: chooseRouting()'s order (routing.h).
    std::optional<RoutingApi> routing;
    // How long the Routing step waits for a Gateway's controller to accept an HTTPRoute (only
    // for parent Gateways a controller has reported on; bounded by `timeout` too).
    std::chrono::milliseconds routeAcceptanceTimeout{std::chrono::seconds(30)};
    // --scale-down-delay: after the routing step changed the routes, wait this long before
    // pods go (scale-down, prune), so that gateways and sidecars have taken the new routing: a
    // route is stored (and accepted) before the proxies apply it. 0: no wait (what the API
    // objects say is all that is checked). Argo Rollouts' scaleDownDelaySeconds is the same idea.
    std::chrono::milliseconds scaleDownDelay{0};
    // Multi-cluster placement (multicluster.h sets these; a single-cluster apply leaves them):
    // the home cluster's name and the cluster this apply writes to (empty: the home cluster).
    QString homeCluster;
    QString cluster;
    // Set for a member cluster: the ApplicationRevisions as read in the home cluster. No CRD
    // check, Lease, AppDeployment, history or status there (they live in the home cluster);
    // objects carry the placed-by annotation instead of an owner reference (render.h).
    std::optional<QList<AppRevision>> memberRevisions;
    // The home cluster of a multi-cluster apply: status.placement written when Completed.
    std::optional<QList<PlacementStatus>> placementStatus;
};

struct StepResult
{
    enum class State
    {
        NotRun,
        Running,
        Done,
        Skipped,
        Failed,
        Cancelled
    };
    ApplyStep step = ApplyStep::Validate;
    State state = State::NotRun;
    QString message;     // what happened (one line)
    QStringList objects; // objects written/deleted/checked in the step, "Kind/name"
};
QString stepStateName(StepResult::State state);

struct ApplyReport
{
    Status status;                 // Ok, or the first failure (Invalid for plan/ownership issues)
    QList<Issue> issues;           // validation findings (warnings too)
    QList<StepResult> steps;       // one per ApplyStep, in order
    QList<ObjectDiff> dryRunDiffs; // filled by the DryRun step: live vs planned per object
    // Refused because another apply holds the Lease (status reason "ApplyInProgress"): who and
    // since when, for "apply in progress by ...".
    std::optional<ApplyLeaseInfo> heldBy;
    QString leaseHolder;                  // this apply's holder identity, once the Lease step ran
    std::optional<RoutingChoice> routing; // the routing API chosen, once Validate read it
    // Deployment name -> "HorizontalPodAutoscaler/<name>" for Deployments whose replicas an HPA
    // scales: their spec.replicas was not sent ("replicas managed by HPA/<name>").
    QMap<QString, QString> replicasManagedBy;
    int retries = 0; // requests retried while the API server did not answer
    // The dry-run found the cluster already running this plan (every object unchanged, the
    // last apply completed): nothing was written after it, no history entry recorded.
    bool unchanged = false;
    // The history entry recorded for this apply (0: none), and why it could not be recorded or
    // pruned (the apply goes on: history never stops an apply).
    qint64 historyRevision = 0;
    QStringList historyWarnings;
    bool ok() const { return status.ok(); }
    // Multi-line summary: one line per step with its state, then the error.
    QString toString() const;
};

class Applier : public QObject
{
    Q_OBJECT
public:
    Applier(std::shared_ptr<Client> client, AppDeploymentPlan plan, ApplyOptions options = {},
            QObject* parent = nullptr);
    ~Applier() override;

    // Starts on a worker thread; finished() is always emitted exactly once afterwards.
    void start();
    // Runs in the calling thread (never the GUI thread) and returns the report; signals are
    // emitted directly from this thread.
    ApplyReport run();
    void cancel();
    bool isRunning() const;
    ApplyReport report() const; // the last finished report

Q_SIGNALS:
    void stepStarted(kube::rollout::ApplyStep step, const QString& description);
    void stepProgress(kube::rollout::ApplyStep step, const QString& message);
    void stepFinished(const kube::rollout::StepResult& result);
    void finished(const kube::rollout::ApplyReport& report);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kube::rollout

Q_DECLARE_METATYPE(kube::rollout::ApplyStep)
Q_DECLARE_METATYPE(kube::rollout::StepResult)
Q_DECLARE_METATYPE(kube::rollout::ApplyReport)
