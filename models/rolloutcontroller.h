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
// Places for what comes next (issue 8): an apply lease ("apply in progress by <holder> since
// <time>") and an interrupted apply (phase Rolling with no live Lease) are states of
// ApplyState below, fed by a Lease kind in the store; "replicas managed by HPA/x" is
// DeploymentInfo::replicasManagedBy, shown per row. New apply steps arrive through the
// Applier's signals, forwarded as they are.

#include "kube/rollout/applier.h"
#include "kube/rollout/diff.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"

#include <QObject>
#include <QPointer>
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
public:
    enum class ApplyState
    {
        Idle,
        Running,   // this process's Applier runs
        Succeeded, // the last apply finished without error
        Failed,    // the last apply failed or was cancelled (lastReport() says which steps ran)
        // Issue 8: LockedByOther (a live Lease held by another holder), Interrupted (phase
        // Rolling, no live Lease: re-apply or revert).
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
    bool isApplying() const { return m_applier != nullptr; }
    ApplyState applyState() const { return m_applyState; }
    QStringList problems() const { return m_plan->problems(); }
    QStringList warnings() const { return m_plan->warnings(); }
    bool isModified() const { return m_plan->isModified(); }
    bool isPreviewStale() const { return m_previewStale; }
    QString phase() const { return m_phase; }
    QString phaseMessage() const { return m_phaseMessage; }
    const kube::rollout::ApplyReport& lastReport() const { return m_lastReport; }

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

    QPointer<kube::rollout::Applier> m_applier;
    ApplyState m_applyState = ApplyState::Idle;
    kube::rollout::ApplyReport m_lastReport;

    // last values announced, to emit change signals only on a change
    bool m_lastCanApply = false, m_lastCanPreview = false, m_lastModified = false;
    QStringList m_lastProblems, m_lastWarnings;
};

} // namespace veladesk
