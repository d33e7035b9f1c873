#pragma once
// The rollout of one application, without widgets: the edited plan (a RolloutPlanModel that
// wraps one kube::rollout::AppDeploymentPlan), its issues, the preview (render, then the
// server's dry-run diff, with generations so a late answer never overwrites a newer one) and
// the apply job (a kube::rollout::Applier) with its lifecycle. It follows a NamespaceStore:
// new revisions, the application's AppDeployment (reloaded as the baseline while there are
// no edits) and the live VirtualService / Deployments for drift.
//
// Widgets bind to its properties and signals; the window only wires. Offline (no client) it
// still edits, validates and renders; preview and apply then fail with a clear message.
//
// Slider step path: RolloutPlanModel::setWeight (one validate()) -> planChanged ->
// onPlanChanged() here (canApply, problems, preview staleness by value comparison) -> the
// editor repaints. No JSON and no loop back through the window.
//
// Applies of the same AppDeployment elsewhere (issue 8), from the store's apply Leases: while
// another apply holds a live Lease the state is LockedByOther, Apply is disabled and
// applyBlockedReason() says "apply in progress by <holder> since <time>"; an AppDeployment left
// in phase Rolling without a live Lease is Interrupted, with two ways out that go through the
// normal preview and apply: reapplyInterrupted() (the AppDeployment's spec) and
// revertToLastCompleted() (the last plan applied to completion). This window's applies hold
// the Lease as "<user>@<host> (veladesk-gui, pid N, xxxx)". Deployments an HPA scales reach the
// plan rows (RolloutPlanModel::setLive). Apply steps arrive through the Applier's signals,
// forwarded as they are.

#include "kube/rollout/applier.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/multicluster.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>

namespace veladesk {

class RolloutController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool canPreview READ canPreview NOTIFY stateChanged)
    Q_PROPERTY(bool canApply READ canApply NOTIFY stateChanged)
    Q_PROPERTY(bool applying READ isApplying NOTIFY stateChanged)
    Q_PROPERTY(QStringList problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY problemsChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(bool previewStale READ isPreviewStale NOTIFY previewStaleChanged)
    Q_PROPERTY(ApplyState applyState READ applyState NOTIFY stateChanged)
    Q_PROPERTY(QString applyBlockedReason READ applyBlockedReason NOTIFY stateChanged)
public:
    enum class ApplyState
    {
        Idle,
        Running,       // this process's Applier runs
        Succeeded,     // the last apply finished without error
        Failed,        // the last apply failed or was cancelled (lastReport() says which steps ran)
        LockedByOther, // another apply holds a live Lease of the AppDeployment (heldBy())
        Interrupted,   // phase Rolling and no live Lease: an apply stopped half way
    };
    Q_ENUM(ApplyState)

    explicit RolloutController(QObject* parent = nullptr);
    ~RolloutController() override;

    RolloutPlanModel* planModel() const { return m_plan; }

    // Inputs
    void setStore(const NamespaceStore* store);
    // The cluster to preview and apply against; nullptr: offline.
    void setConnection(std::shared_ptr<kube::Client> client, const QString& context,
                       const QString& namespaceName);
    void setAppDeploymentCrdMissing(bool missing);
    // Loads `appName`'s plan from the store (its AppDeployment, or a new plan); "" : none.
    // Unapplied edits are dropped: ask first (isModified()).
    void selectApplication(const QString& appName);
    QString application() const { return m_app; }

    // State
    bool canPreview() const;
    bool canApply() const;
    bool isApplying() const { return m_applier != nullptr || m_multiApplier != nullptr; }
    // Multi-cluster placement: cluster name -> kubeconfig context (same name when unmapped),
    // and the kubeconfig other clusters' contexts are read from.
    void setClusterContexts(const kube::rollout::ClusterContexts& contexts)
    {
        m_clusterContexts = contexts;
    }
    kube::rollout::ClusterContexts clusterContexts() const { return m_clusterContexts; }
    void setKubeConfigOptions(const kube::KubeConfigOptions& options) { m_kubeConfig = options; }
    // The current context's cluster name (placements naming it are home placements).
    QString homeClusterName() const { return m_clusterContexts.clusterOf(m_context); }
    ApplyState applyState() const { return m_applyState; }
    QStringList problems() const { return m_plan->problems(); }
    QStringList warnings() const { return m_plan->warnings(); }
    bool isModified() const { return m_plan->isModified(); }
    bool isPreviewStale() const { return m_previewStale; }
    QString phase() const { return m_phase; }
    QString phaseMessage() const { return m_phaseMessage; }
    const kube::rollout::ApplyReport& lastReport() const { return m_lastReport; }

    // LockedByOther: the Lease and "apply in progress by <holder> since <time>" ("" otherwise).
    const std::optional<kube::rollout::ApplyLeaseInfo>& heldBy() const { return m_heldBy; }
    QString applyBlockedReason() const { return m_blockedReason; }
    // Interrupted: the plan the AppDeployment's spec holds can be re-applied; the last plan
    // applied to completion (annotation veladesk.io/last-completed-spec), when there is one,
    // can be brought back.
    bool canReapply() const;
    bool canRevertToLastCompleted() const;
    const std::optional<kube::rollout::AppDeploymentPlan>& lastCompletedPlan() const
    {
        return m_lastCompleted;
    }
    // One paragraph for the editor's banner while LockedByOther or Interrupted, else "".
    QString applyNotice() const { return m_notice; }
    // The Lease holder of this window's running apply ("" when none runs).
    QString ownHolder() const { return isApplying() ? m_ownHolder : QString(); }

public Q_SLOTS:
    // Renders the plan, then asks the server for a dry-run diff. Returns false when it could not
    // start (nothing selected, applying); previewFinished() follows every started preview.
    bool preview();
    // Starts the ordered apply of the plan; `force` skips the readiness guard. Returns false
    // (and emits applyRefused) when it cannot start.
    bool apply(bool force = false);
    void cancelApply();
    // Back to the baseline (or to the server's AppDeployment if it changed since the load).
    void revert();
    // Puts a plan from the apply history (the pane's "Load into editor") into the editor as
    // unapplied edits of the selected application's AppDeployment; then preview and apply as
    // usual. False (and applyRefused) while applying or when it is another AppDeployment's.
    bool loadHistoryPlan(const kube::rollout::AppDeploymentPlan& plan, qint64 historyRevision);
    // Interrupted apply, way out 1: the editor holds the AppDeployment's spec again (edits are
    // dropped: ask first) and its preview starts; Apply then finishes what was interrupted.
    bool reapplyInterrupted();
    // Way out 2: the editor holds the last completed plan as an edit of the AppDeployment (the
    // rows show what changes back) and its preview starts; Apply then brings it back.
    bool revertToLastCompleted();

Q_SIGNALS:
    void stateChanged();
    void problemsChanged();
    void modifiedChanged(bool modified);
    // The AppDeployment's status.phase and the message of its first condition that is not True.
    void phaseChanged(const QString& phase, const QString& message);
    // The AppDeployment changed on the server while the plan has unapplied edits.
    void serverPlanChanged();

    void previewCleared();
    void previewRendered(const QList<QJsonObject>& objects); // AppDeployment first
    void previewBusy(const QString& message);
    void previewDiffs(const QList<kube::rollout::ObjectDiff>& diffs);
    void previewFailed(const QString& message);
    void previewFinished(bool ok);
    void previewStaleChanged(bool stale);

    void applyStarted(const QString& description);
    void applyRefused(const QString& message);
    void stepStarted(kube::rollout::ApplyStep step, const QString& description);
    void stepProgress(kube::rollout::ApplyStep step, const QString& message);
    void stepFinished(const kube::rollout::StepResult& result);
    void applyFinished(const kube::rollout::ApplyReport& report);

    // For the log: what the controller did and what the server answered (plain text).
    void message(veladesk::LogEntry::Level level, const QString& source, const QString& text);

private:
    void onStoreChanged(NamespaceStore::Kind kind);
    void onPlanChanged();
    void reloadFromStore(bool force);
    void updateLive();
    void updateState();
    // LockedByOther / Interrupted from the store's Lease and the AppDeployment, now.
    void updateActivity();
    void setApplyState(ApplyState state);
    void onApplyDone(const kube::rollout::ApplyReport& report);
    void log(LogEntry::Level level, const QString& source, const QString& text)
    {
        Q_EMIT message(level, source, text);
    }

    RolloutPlanModel* m_plan;
    QPointer<const NamespaceStore> m_store;
    std::shared_ptr<kube::Client> m_client;
    QString m_context;
    QString m_namespace;
    QString m_app;
    bool m_crdMissing = false;
    // the AppDeployment the baseline came from (value comparison decides "changed on server")
    std::optional<kube::rollout::AppDeploymentPlan> m_loadedFrom;
    // the plan of the last successful apply, until the store has it (then it is the baseline)
    std::optional<kube::rollout::AppDeploymentPlan> m_applied;
    bool m_planKindsChanged = false, m_liveKindsChanged = false; // until the store's changesDone

    QString m_phase, m_phaseMessage;

    quint64 m_previewGeneration = 0;
    std::optional<kube::rollout::AppDeploymentPlan> m_previewed;
    bool m_previewStale = false;

    // The history revision "Load into editor" put in the editor, and the plan it gave.
    std::optional<QPair<qint64, kube::rollout::AppDeploymentPlan>> m_historyLoad;
    QPointer<kube::rollout::Applier> m_applier;
    // Multi-cluster placement (kube/rollout/multicluster.h): the cluster name -> context
    // mapping (the settings' Clusters entry), the kubeconfig the window loaded, and the apply
    // of a plan placed in several clusters (run on a thread of its own).
    kube::rollout::ClusterContexts m_clusterContexts;
    kube::KubeConfigOptions m_kubeConfig;
    QPointer<kube::rollout::MultiClusterApplier> m_multiApplier;
    QPointer<QThread> m_multiWorker;
    bool applyMultiCluster(const kube::rollout::AppDeploymentPlan& plan,
                           kube::rollout::ApplyOptions options);
    ApplyState m_applyState = ApplyState::Idle;
    ApplyState m_lastOutcome = ApplyState::Idle; // Idle, Succeeded or Failed: this window's
    kube::rollout::ApplyReport m_lastReport;
    QString m_ownHolder; // the Lease holder of this window's apply
    std::optional<kube::rollout::ApplyLeaseInfo> m_heldBy;
    QString m_blockedReason;
    std::optional<kube::rollout::AppDeploymentPlan> m_lastCompleted;
    QString m_notice;
    bool m_activityKindsChanged = false;
    bool m_ownApplySettling = false; // for kOwnApplySettleMs after this window's apply ended

    // last values announced, to emit change signals only on a change
    bool m_lastCanApply = false, m_lastCanPreview = false, m_lastModified = false;
    bool m_lastCanReapply = false, m_lastCanRevertToCompleted = false;
    QStringList m_lastProblems, m_lastWarnings;
};

} // namespace veladesk
