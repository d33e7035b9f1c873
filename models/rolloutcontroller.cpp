#include "models/rolloutcontroller.h"

#include "kube/rollout/cluster.h"
#include "kube/rollout/render.h"

#include <QThread>
#include <QTimer>

namespace veladesk {

using Level = LogEntry::Level;
using kube::rollout::AppDeploymentPlan;
using kube::rollout::ApplyActivity;

namespace {
// After this window's apply ends, the watches need a moment to deliver its last writes (phase
// Completed or Failed, the Lease deleted; two streams, in either order). Until then a stale
// phase Rolling or our own Lease is not taken for an interrupted apply or another writer.
constexpr int kOwnApplySettleMs = 5000;
} // namespace

RolloutController::RolloutController(QObject* parent)
    : QObject(parent), m_plan(new RolloutPlanModel(this))
{
    connect(m_plan, &RolloutPlanModel::planChanged, this, &RolloutController::onPlanChanged);
}

RolloutController::~RolloutController()
{
    if (m_applier)
        m_applier->cancel();
    if (m_multiApplier)
        m_multiApplier->cancel();
    if (m_multiWorker)
        m_multiWorker->wait(); // cancelled: ends at its next request
    delete m_multiApplier;
}

void RolloutController::setStore(const NamespaceStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store) {
        connect(store, &NamespaceStore::changed, this, &RolloutController::onStoreChanged);
        connect(store, &NamespaceStore::changesDone, this, [this] {
            if (std::exchange(m_planKindsChanged, false)) {
                reloadFromStore(false); // updates the live values and the activity too
            } else {
                if (std::exchange(m_liveKindsChanged, false))
                    updateLive();
                if (std::exchange(m_activityKindsChanged, false))
                    updateActivity();
            }
            m_liveKindsChanged = false;
            m_activityKindsChanged = false;
        });
    }
    reloadFromStore(true);
}

void RolloutController::setConnection(std::shared_ptr<kube::Client> client, const QString& context,
                                      const QString& namespaceName)
{
    m_client = std::move(client);
    m_context = context;
    m_namespace = namespaceName;
    ++m_previewGeneration; // an answer from the previous connection is dropped
    updateState();
}

void RolloutController::setAppDeploymentCrdMissing(bool missing)
{
    if (missing == m_crdMissing)
        return;
    m_crdMissing = missing;
    m_plan->setExternalErrors(
        missing ? QStringList{tr("the AppDeployment CRD is not installed: run `veladesk setup`")}
                : QStringList());
}

void RolloutController::selectApplication(const QString& appName)
{
    m_app = appName;
    m_applied.reset();
    m_previewed.reset();
    ++m_previewGeneration;
    Q_EMIT previewCleared();
    reloadFromStore(true);
}

void RolloutController::onStoreChanged(NamespaceStore::Kind kind)
{
    switch (kind) {
    case NamespaceStore::Kind::ApplicationRevisions:
    case NamespaceStore::Kind::AppDeployments:
        m_planKindsChanged = true; // reloadFromStore() updates the live values too
        break;
    case NamespaceStore::Kind::Deployments:
    case NamespaceStore::Kind::VirtualServices:
    case NamespaceStore::Kind::HorizontalPodAutoscalers:
        m_liveKindsChanged = true;
        break;
    case NamespaceStore::Kind::ApplyLeases: // held, released, or expired (the store's clock)
        m_activityKindsChanged = true;
        break;
    default:
        break;
    }
}

void RolloutController::reloadFromStore(bool force)
{
    if (m_app.isEmpty() || !m_store) {
        m_loadedFrom.reset();
        if (!m_plan->appName().isEmpty() || m_plan->rowCount() > 0)
            m_plan->clear();
        if (!m_phase.isEmpty()) {
            m_phase.clear();
            m_phaseMessage.clear();
            Q_EMIT phaseChanged({}, {});
        }
        updateActivity();
        updateState();
        return;
    }
    const AppDeploymentPlan* ad = m_store->appDeploymentFor(m_app);
    std::optional<AppDeploymentPlan> current;
    if (ad)
        current = *ad;
    const bool serverChanged = current != m_loadedFrom || m_plan->appName() != m_app;
    // The plan just applied came back from the server: it is the new baseline, edits or not.
    if (m_applied && current == m_applied && !isApplying()) {
        force = true;
        m_applied.reset();
    }
    const QList<kube::rollout::AppRevision>& revisions = m_store->revisionList();
    // A new plan nobody edited yet follows the revisions (its row is the latest one).
    const bool untouchedNewPlan =
        m_plan->isNewPlan() && !current && !m_plan->isModified() && !isApplying();
    if (force || untouchedNewPlan || (serverChanged && !m_plan->isModified() && !isApplying())) {
        const QString typedName = m_plan->appName() == m_app && m_plan->isNewPlan()
                                      ? m_plan->appDeploymentName()
                                      : QString();
        m_plan->load(m_app, m_namespace, ad, revisions);
        if (!force && !typedName.isEmpty())
            m_plan->setAppDeploymentName(typedName); // keep what the operator typed
        m_loadedFrom = current;
    } else {
        m_plan->setRevisions(revisions);
        // (not for the writes of our own apply)
        if (serverChanged && m_plan->isModified() && !isApplying() && current != m_applied)
            Q_EMIT serverPlanChanged();
    }
    updateLive();
    QString phase, message;
    if (ad) {
        phase = ad->status.phase;
        for (const kube::rollout::Condition& c : ad->status.conditions)
            if (c.status != QLatin1String("True") && message.isEmpty())
                message = c.message;
    }
    if (phase != m_phase || message != m_phaseMessage) {
        m_phase = phase;
        m_phaseMessage = message;
        Q_EMIT phaseChanged(phase, message);
    }
    updateActivity();
}

void RolloutController::updateActivity()
{
    std::optional<kube::rollout::ApplyLeaseInfo> heldBy;
    std::optional<AppDeploymentPlan> lastCompleted;
    bool interrupted = false;
    QString reason, notice;
    const AppDeploymentPlan* ad =
        m_store && !m_app.isEmpty() ? m_store->appDeploymentFor(m_app) : nullptr;
    if (ad) {
        const ApplyActivityInfo a = m_store->applyActivityOf(*ad);
        const bool ours = a.lease && !m_ownHolder.isEmpty() && a.lease->holder == m_ownHolder &&
                          (isApplying() || m_ownApplySettling);
        if (a.activity == ApplyActivity::InProgress && !ours) {
            heldBy = a.lease;
            reason = a.inProgressText();
            notice =
                tr("Apply in progress by %1 since %2 (Lease %3, expires %4 unless renewed). "
                   "Apply is disabled for %5 until that apply ends or its Lease expires.")
                    .arg(a.lease->holder, a.sinceText(), a.lease->name,
                         a.lease->expiresAt().toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                         ad->name);
        } else if (a.activity == ApplyActivity::Interrupted && !isApplying() &&
                   !m_ownApplySettling) {
            interrupted = true;
            lastCompleted = kube::rollout::lastCompletedPlan(ad->toJson());
            notice =
                tr("An apply of %1 stopped half way: its phase is %2 and %3. Routing only points "
                   "at ready revisions, but replicas and objects may be between two plans. "
                   "Re-apply finishes the plan the AppDeployment holds; %4")
                    .arg(
                        ad->name, ad->status.phase,
                        a.lease && a.lease->held()
                            ? tr("the Lease of %1 expired at %2")
                                  .arg(a.lease->holder, a.lease->expiresAt().toLocalTime().toString(
                                                            QStringLiteral("HH:mm:ss")))
                            : tr("no apply holds its Lease"),
                        lastCompleted
                            ? tr("Revert goes back to the last plan applied to completion.")
                            : tr("no completed plan is recorded to revert to."));
        }
    }
    // (the notice names the holder, the Lease and its expiry: a renewal changes it too)
    const bool changed = heldBy.has_value() != m_heldBy.has_value() ||
                         lastCompleted != m_lastCompleted || reason != m_blockedReason ||
                         notice != m_notice;
    m_heldBy = heldBy;
    m_lastCompleted = lastCompleted;
    m_blockedReason = reason;
    m_notice = notice;
    const ApplyState state = isApplying()  ? ApplyState::Running
                             : m_heldBy    ? ApplyState::LockedByOther
                             : interrupted ? ApplyState::Interrupted
                                           : m_lastOutcome;
    if (state != m_applyState) {
        const ApplyState before = std::exchange(m_applyState, state);
        if (state == ApplyState::LockedByOther)
            log(Level::Warning, QStringLiteral("veladesk"), m_notice);
        else if (state == ApplyState::Interrupted)
            log(Level::Warning, QStringLiteral("veladesk"), m_notice);
        else if (before == ApplyState::LockedByOther && ad)
            log(Level::Info, QStringLiteral("veladesk"),
                tr("the other apply of %1 ended: Apply is possible again").arg(ad->name));
        Q_EMIT stateChanged();
    } else if (changed) {
        Q_EMIT stateChanged();
    }
    updateState();
}

void RolloutController::updateLive()
{
    if (!m_store || m_app.isEmpty())
        return;
    m_plan->setLive(m_store->virtualService(m_plan->appDeploymentName()), m_store->deployments(),
                    m_store->replicasManagedBy());
}

void RolloutController::onPlanChanged()
{
    if (m_previewed) {
        const bool stale = m_plan->plan() != *m_previewed;
        if (stale != m_previewStale) {
            m_previewStale = stale;
            Q_EMIT previewStaleChanged(stale);
        }
    }
    if (m_plan->problems() != m_lastProblems || m_plan->warnings() != m_lastWarnings) {
        m_lastProblems = m_plan->problems();
        m_lastWarnings = m_plan->warnings();
        Q_EMIT problemsChanged();
    }
    if (m_plan->isModified() != m_lastModified) {
        m_lastModified = m_plan->isModified();
        Q_EMIT modifiedChanged(m_lastModified);
    }
    updateState();
}

bool RolloutController::canPreview() const
{
    return m_client && !m_plan->appName().isEmpty() && !isApplying();
}

bool RolloutController::canApply() const
{
    return canPreview() && m_plan->isValid() && !m_heldBy;
}

bool RolloutController::canReapply() const
{
    return m_applyState == ApplyState::Interrupted && canPreview();
}

bool RolloutController::canRevertToLastCompleted() const
{
    return canReapply() && m_lastCompleted.has_value();
}

void RolloutController::updateState()
{
    if (canApply() == m_lastCanApply && canPreview() == m_lastCanPreview &&
        canReapply() == m_lastCanReapply &&
        canRevertToLastCompleted() == m_lastCanRevertToCompleted)
        return;
    m_lastCanApply = canApply();
    m_lastCanPreview = canPreview();
    m_lastCanReapply = canReapply();
    m_lastCanRevertToCompleted = canRevertToLastCompleted();
    Q_EMIT stateChanged();
}

void RolloutController::setApplyState(ApplyState state)
{
    if (state == m_applyState)
        return;
    m_applyState = state;
    Q_EMIT stateChanged();
}

bool RolloutController::preview()
{
    if (m_plan->appName().isEmpty() || isApplying())
        return false;
    const AppDeploymentPlan plan = m_plan->plan();
    kube::rollout::RenderOptions options;
    options.namespaceName = m_namespace.isEmpty() ? QStringLiteral("default") : m_namespace;
    const kube::rollout::RenderResult rendered =
        kube::rollout::render(plan, m_plan->revisions(), options);
    QList<QJsonObject> objects{kube::rollout::renderAppDeployment(plan, options)};
    objects += rendered.jsonObjects();
    m_previewed = plan;
    if (m_previewStale) {
        m_previewStale = false;
        Q_EMIT previewStaleChanged(false);
    }
    const quint64 generation = ++m_previewGeneration;
    Q_EMIT previewRendered(objects);
    if (!rendered.ok()) {
        Q_EMIT previewFailed(
            kube::rollout::issueMessages(rendered.issues).join(QStringLiteral("; ")));
        Q_EMIT previewFinished(false);
        return true;
    }
    if (!m_client) {
        Q_EMIT previewFailed(tr("not connected: the server's dry-run needs a cluster"));
        Q_EMIT previewFinished(false);
        return true;
    }
    Q_EMIT previewBusy(tr("Asking the server for a dry-run of %1 objects…").arg(objects.size()));
    log(Level::Info, QStringLiteral("veladesk"),
        tr("preview of %1: server-side dry-run of %2 objects").arg(plan.name).arg(objects.size()));
    kube::rollout::diffPlanAsync(m_client, plan, m_namespace)
        .then(this, [this, generation](kube::Result<kube::rollout::PlanDiff> result) {
            if (generation != m_previewGeneration)
                return;
            if (!result.ok()) {
                Q_EMIT previewFailed(result.status.toString());
                log(Level::Error, QStringLiteral("server"),
                    tr("dry-run failed: %1").arg(result.status.toString()));
                Q_EMIT previewFinished(false);
                return;
            }
            Q_EMIT previewDiffs(result.value.objects);
            const int changes = kube::rollout::countChanges(result.value.objects);
            log(Level::Info, QStringLiteral("server"),
                tr("dry-run: %1 of %2 objects would change")
                    .arg(changes)
                    .arg(result.value.objects.size()));
            Q_EMIT previewFinished(true);
        });
    return true;
}

bool RolloutController::apply(bool force)
{
    if (!canApply()) {
        const QString why = isApplying()                  ? tr("an apply is already running")
                            : m_plan->appName().isEmpty() ? tr("no application selected")
                            : !m_client                   ? tr("not connected to a cluster")
                            : m_heldBy ? tr("%1: nothing was changed; Apply is possible again "
                                            "when that apply ends or its Lease expires")
                                             .arg(m_blockedReason)
                                       : tr("the plan has problems: %1")
                                             .arg(m_plan->problems().join(QStringLiteral("; ")));
        Q_EMIT applyRefused(why);
        return false;
    }
    const AppDeploymentPlan plan = m_plan->plan();
    kube::rollout::ApplyOptions options;
    options.namespaceName = m_namespace;
    options.force = force;
    // The Lease names this window's apply; a Lease of ours is not "another apply" (below).
    options.tool = QStringLiteral("veladesk-gui");
    m_ownHolder = kube::rollout::applyHolderIdentity(options.tool);
    options.holderIdentity = m_ownHolder;
    // The plan loaded from the history, unchanged: the history entry says where it came from.
    if (m_historyLoad && m_historyLoad->second == plan)
        options.changeCause = tr("restore revision %1").arg(m_historyLoad->first);
    m_historyLoad.reset();
    if (force)
        log(Level::Warning, QStringLiteral("veladesk"),
            tr("apply forced: traffic is routed without waiting for ready pods"));
    options.homeCluster = homeClusterName();
    // Clusters the last apply placed revisions in (the store's AppDeployment status): what
    // they run is pruned when the plan leaves them.
    if (plan.isMultiCluster(options.homeCluster) ||
        (m_loadedFrom &&
         !kube::rollout::previousClusters(m_loadedFrom->status, options.homeCluster).isEmpty()))
        return applyMultiCluster(plan, options);
    m_applier = new kube::rollout::Applier(m_client, plan, options, this);
    connect(m_applier, &kube::rollout::Applier::stepStarted, this,
            [this](kube::rollout::ApplyStep step, const QString& description) {
                Q_EMIT stepStarted(step, description);
                log(Level::Info, QStringLiteral("apply"),
                    kube::rollout::applyStepName(step) + QStringLiteral(": ") + description);
            });
    connect(m_applier, &kube::rollout::Applier::stepProgress, this,
            [this](kube::rollout::ApplyStep step, const QString& text) {
                Q_EMIT stepProgress(step, text);
                log(Level::Info, QStringLiteral("apply"),
                    kube::rollout::applyStepName(step) + QStringLiteral(": ") + text);
            });
    connect(m_applier, &kube::rollout::Applier::stepFinished, this,
            [this](const kube::rollout::StepResult& r) {
                Q_EMIT stepFinished(r);
                const QString line = QStringLiteral("%1 %2%3").arg(
                    kube::rollout::applyStepName(r.step), kube::rollout::stepStateName(r.state),
                    r.message.isEmpty() ? QString() : QStringLiteral(": ") + r.message);
                if (r.state == kube::rollout::StepResult::State::Failed)
                    log(Level::Error, QStringLiteral("server"), line);
                else if (r.state == kube::rollout::StepResult::State::Done)
                    log(Level::Success, QStringLiteral("apply"), line);
                else
                    log(Level::Info, QStringLiteral("apply"), line);
            });
    connect(m_applier, &kube::rollout::Applier::finished, this, &RolloutController::onApplyDone);
    setApplyState(ApplyState::Running);
    Q_EMIT applyStarted(
        tr("Applying %1 to %2/%3…").arg(plan.name, m_context, options.namespaceName));
    log(Level::Info, QStringLiteral("veladesk"),
        tr("apply %1: %2 revisions").arg(plan.name).arg(plan.appRevisions.size()));
    updateState();
    m_applier->start();
    return true;
}

bool RolloutController::applyMultiCluster(const AppDeploymentPlan& plan,
                                          kube::rollout::ApplyOptions options)
{
    using namespace kube::rollout;
    // Reads the kubeconfig file and creates clients: no network (the probe runs on the apply's
    // thread).
    kube::Result<QList<ClusterTarget>> clusters = connectClusters(
        plan, m_client, m_clusterContexts, m_kubeConfig,
        m_loadedFrom ? previousClusters(m_loadedFrom->status, options.homeCluster) : QStringList());
    if (!clusters) {
        log(Level::Error, QStringLiteral("apply"), clusters.status.toString());
        Q_EMIT applyRefused(clusters.status.message);
        return false;
    }
    QStringList names;
    for (const ClusterTarget& c : clusters.value)
        names << tr("%1 (context %2)").arg(c.name, c.context);
    auto* applier = new MultiClusterApplier(clusters.value, plan, options);
    m_multiApplier = applier;
    auto label = [](const QString& c) { return QStringLiteral("[%1] ").arg(c); };
    connect(applier, &MultiClusterApplier::stepStarted, this,
            [this, label](const QString& c, ApplyStep step, const QString& description) {
                Q_EMIT stepStarted(step, label(c) + description);
                log(Level::Info, QStringLiteral("apply"),
                    label(c) + applyStepName(step) + QStringLiteral(": ") + description);
            });
    connect(applier, &MultiClusterApplier::stepProgress, this,
            [this, label](const QString& c, ApplyStep step, const QString& text) {
                Q_EMIT stepProgress(step, label(c) + text);
                log(Level::Info, QStringLiteral("apply"),
                    label(c) + applyStepName(step) + QStringLiteral(": ") + text);
            });
    connect(applier, &MultiClusterApplier::stepFinished, this,
            [this, label](const QString& c, const StepResult& r) {
                StepResult labelled = r;
                labelled.message = label(c) + r.message;
                Q_EMIT stepFinished(labelled);
                log(r.state == StepResult::State::Failed ? Level::Error : Level::Info,
                    QStringLiteral("apply"),
                    label(c) + QStringLiteral("%1 %2: %3")
                                   .arg(applyStepName(r.step), stepStateName(r.state), r.message));
            });
    QThread* worker = QThread::create([this, applier] {
        const MultiClusterReport r = applier->run();
        // The home cluster's report, with the outcome of the whole apply.
        ApplyReport report = r.clusters.isEmpty() ? ApplyReport{} : r.clusters.first().second;
        report.status = r.status;
        QMetaObject::invokeMethod(
            this,
            [this, applier, report] {
                applier->deleteLater();
                onApplyDone(report);
            },
            Qt::QueuedConnection);
    });
    worker->setObjectName(QStringLiteral("veladesk-apply-clusters"));
    m_multiWorker = worker;
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    setApplyState(ApplyState::Running);
    Q_EMIT applyStarted(tr("Applying %1 to %2 clusters: %3…")
                            .arg(plan.name)
                            .arg(clusters.value.size())
                            .arg(names.join(QStringLiteral(", "))));
    log(Level::Info, QStringLiteral("veladesk"),
        tr("apply %1 in clusters %2").arg(plan.name, names.join(QStringLiteral(", "))));
    updateState();
    worker->start();
    return true;
}

void RolloutController::onApplyDone(const kube::rollout::ApplyReport& report)
{
    m_multiApplier = nullptr;
    if (m_applier)
        m_applier->deleteLater();
    m_applier = nullptr;
    m_lastReport = report;
    m_lastOutcome = report.ok() ? ApplyState::Succeeded : ApplyState::Failed;
    m_ownApplySettling = true;
    QTimer::singleShot(kOwnApplySettleMs, this, [this] {
        m_ownApplySettling = false;
        updateActivity();
    });
    if (report.heldBy)
        log(Level::Warning, QStringLiteral("apply"),
            tr("refused: apply in progress by %1").arg(report.heldBy->describe()));
    if (report.ok()) {
        log(Level::Success, QStringLiteral("apply"),
            tr("applied %1").arg(m_plan->appDeploymentName()));
        // the applied plan becomes the baseline once the watch delivers it (maybe already)
        m_applied = m_plan->plan();
        reloadFromStore(false);
    } else {
        log(Level::Error, QStringLiteral("apply"), report.status.toString());
    }
    updateActivity();
    updateState();
    Q_EMIT stateChanged();
    Q_EMIT applyFinished(report);
}

void RolloutController::cancelApply()
{
    if (!m_applier && !m_multiApplier)
        return;
    log(Level::Warning, QStringLiteral("veladesk"), tr("cancelling the apply"));
    if (m_applier)
        m_applier->cancel();
    if (m_multiApplier)
        m_multiApplier->cancel();
}

void RolloutController::revert()
{
    if (isApplying())
        return;
    if (m_plan->isModified())
        log(Level::Info, QStringLiteral("veladesk"),
            tr("reverted unapplied edits of %1").arg(m_plan->appDeploymentName()));
    // Back to what the cluster has now: the baseline, unless the AppDeployment changed on
    // the server since it was loaded (e.g. a failed apply created it).
    std::optional<AppDeploymentPlan> current;
    if (m_store && !m_app.isEmpty())
        if (const AppDeploymentPlan* ad = m_store->appDeploymentFor(m_app))
            current = *ad;
    if (!m_app.isEmpty() && current != m_loadedFrom)
        reloadFromStore(true);
    else
        m_plan->revert();
    m_previewed.reset();
    Q_EMIT previewCleared();
}

bool RolloutController::loadHistoryPlan(const AppDeploymentPlan& plan, qint64 historyRevision)
{
    QString refused;
    if (isApplying())
        refused = tr("an apply is running");
    else if (m_app.isEmpty())
        refused = tr("no application is selected");
    else if (plan.name != m_plan->appDeploymentName())
        refused = tr("it is a plan of AppDeployment %1, and the editor holds %2")
                      .arg(plan.name, m_plan->appDeploymentName());
    if (!refused.isEmpty()) {
        const QString msg = tr("history revision %1 not loaded into the editor: %2")
                                .arg(historyRevision)
                                .arg(refused);
        log(Level::Warning, QStringLiteral("veladesk"), msg);
        Q_EMIT applyRefused(msg);
        return false;
    }
    m_plan->loadEdits(plan);
    m_historyLoad = qMakePair(historyRevision, m_plan->plan());
    m_previewed.reset();
    Q_EMIT previewCleared();
    log(Level::Info, QStringLiteral("veladesk"),
        tr("loaded history revision %1 of %2 into the editor: preview, then apply")
            .arg(historyRevision)
            .arg(plan.name));
    updateState();
    return true;
}

bool RolloutController::reapplyInterrupted()
{
    if (!canReapply())
        return false;
    log(Level::Info, QStringLiteral("veladesk"),
        tr("re-apply of %1: the plan its AppDeployment holds; preview, then Apply")
            .arg(m_plan->appDeploymentName()));
    revert();
    return preview();
}

bool RolloutController::revertToLastCompleted()
{
    if (!canRevertToLastCompleted())
        return false;
    const AppDeploymentPlan last = *m_lastCompleted;
    revert(); // from the AppDeployment as the server has it now
    m_plan->edit(last);
    log(Level::Info, QStringLiteral("veladesk"),
        tr("revert of %1 to the last completed plan: preview, then Apply")
            .arg(m_plan->appDeploymentName()));
    return preview();
}

} // namespace veladesk
