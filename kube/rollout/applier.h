#pragma once
// The ordered, cancellable apply of a plan (issue 4, "Apply, safely ordered"):
//   Validate        read revisions, discovery, the AppDeployment and live objects; validate the
//                   plan; check ownership of every object to write (--adopt takes over)
//   DryRun          server-side dry-run of the AppDeployment and every rendered object
//   AppDeployment   apply the AppDeployment (spec), phase Rolling; its uid feeds owner refs
//   Deployments     server-side apply, field manager "veladesk"
//   ReadinessGuard  every revision that gets weight > 0 has >= 1 ready replica (or --force)
//   Services        then
//   VirtualService  routing switches here, and only here
//   Prune           objects owned by this AppDeployment that the plan no longer names
//                   (Deployments of removed revisions after the VirtualService stopped routing
//                   to them; the VirtualService when traffic was removed)
//   Status          phase Completed, or Failed with a condition (reason, message); placement
// A failure stops at that step: the report says which steps were done; the VirtualService is
// untouched unless its step ran, so the old routing stays in place.
//
// Threading: start() runs the steps on a worker thread (blocking on Client futures there) and
// returns at once; signals arrive on the Applier's thread. run() does the same synchronously
// (command line, tests). cancel() is honoured between requests and while waiting for readiness;
// the report then has Status::Kind::Cancelled and Failed is written to the AppDeployment's
// status only if the AppDeployment step had run.

#include "kube/client.h"
#include "kube/rollout/diff.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <chrono>
#include <memory>

namespace kube::rollout {

enum class ApplyStep
{
    Validate,
    DryRun,
    AppDeployment,
    Deployments,
    ReadinessGuard,
    Services,
    VirtualService,
    Prune,
    Status,
};
inline constexpr int applyStepCount = 9;
QString applyStepName(ApplyStep step); // "dry-run", "deployments", ...
QList<ApplyStep> allApplySteps();

struct ApplyOptions
{
    QString namespaceName; // empty: plan's namespace, else the client's default
    bool dryRun = false;   // stop after the DryRun step; nothing is changed
    bool force = false;    // skip the readiness guard (and force SSA conflicts)
    bool adopt = false;    // take over objects of the same name owned by others
    std::chrono::milliseconds readinessTimeout{std::chrono::minutes(5)};
    std::chrono::milliseconds pollInterval{std::chrono::milliseconds(500)};
    QString fieldManager = QStringLiteral("veladesk");
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
