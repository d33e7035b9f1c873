#pragma once
// Apply history (issue 13, item 2): every apply that reaches the AppDeployment step records an
// apps/v1 ControllerRevision owned by the AppDeployment, as Deployments and StatefulSets keep
// their own history:
//   metadata.name        veladesk-history-<appdeployment>-<revision>
//   metadata.labels      app.oam.dev/appDeployment=<name>, app.kubernetes.io/managed-by=veladesk
//   metadata.ownerReferences  the AppDeployment (uid): deleting it deletes its history
//   revision             1, 2, 3, ... (the highest recorded + 1, never reused)
//   data                 the AppDeployment exactly as applied (apiVersion, kind, metadata name,
//                        namespace, labels, annotations, spec); immutable, as ControllerRevision
//                        data is
//   metadata.annotations veladesk.io/kubeconfig-user, veladesk.io/host (who),
//                        veladesk.io/holder (the apply's Lease holder), veladesk.io/tool,
//                        veladesk.io/started-at, veladesk.io/previous-revision,
//                        veladesk.io/change-cause (e.g. "rollback to 1"), veladesk.io/result
//                        (Running, then Succeeded, Failed or Interrupted at the end of the
//                        apply), veladesk.io/finished-at, veladesk.io/message
// The newest `limit` entries are kept (default 20; the AppDeployment's annotation
// veladesk.io/history-limit or ApplyOptions::historyLimit / --history-limit change it); older
// ones are deleted when a new one is recorded. An entry still "Running" whose apply no longer
// holds the Lease was interrupted (effectiveResult()).
//
// The build/parse/prune functions are pure (unit tested with recorded objects); the others
// block on the network and must not run on a GUI thread.

#include "kube/client.h"
#include "kube/rollout/plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace kube::rollout {

inline constexpr int kDefaultHistoryLimit = 20;
inline constexpr int kMaxHistoryLimit = 1000;

namespace labels {
// AppDeployment annotation: how many history entries to keep (1..1000).
inline constexpr char historyLimit[] = "veladesk.io/history-limit";
} // namespace labels

// apps/v1 controllerrevisions
ResourceType historyType();
// "veladesk-history-<appdeployment>-<revision>" (a prefix and a hash when longer than 253).
QString historyObjectName(const QString& appDeployment, qint64 revision);
// "app.oam.dev/appDeployment=<name>,app.kubernetes.io/managed-by=veladesk"
QString historyLabelSelector(const QString& appDeployment);

enum class HistoryResult
{
    Running,
    Succeeded,
    Failed,
    Interrupted,
};
QString historyResultName(HistoryResult result);
std::optional<HistoryResult> historyResultFromName(const QString& name);

struct HistoryEntry
{
    QString name; // the ControllerRevision
    QString namespaceName;
    QString uid;
    QString resourceVersion;
    QString appDeployment;
    qint64 revision = 0;
    qint64 previousRevision = 0; // 0: the first entry
    QJsonObject applied;         // the AppDeployment as applied (data)
    QString kubeconfigUser;
    QString host;
    QString holder;
    QString tool; // veladesk-cli, veladesk-gui, ...
    QString changeCause;
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC; invalid while Running
    HistoryResult result = HistoryResult::Running;
    QString message; // how the apply ended, one line

    // "<kubeconfig user>@<host>"
    QString who() const;
    // Running while `applyInProgress` (the Lease of this entry's holder is live), else
    // Interrupted; other results as recorded.
    HistoryResult effectiveResult(bool applyInProgress) const;
    // The plan of `applied` (parsed as AppDeploymentPlan::fromJson does).
    Result<AppDeploymentPlan> plan() const;
    // Weight per revision over all rules, from `applied` (empty without traffic).
    QMap<QString, int> weights() const;
    // "example-app-v1=90,example-app-v2=10" (revisions without traffic: "<rev>=-").
    QString weightsSummary() const;
    // The ControllerRevision as read. Fails (naming the object and field) when it is not a
    // VelaDesk history entry.
    static Result<HistoryEntry> fromJson(const QJsonObject& controllerRevision);
};

struct HistoryRecord
{
    QJsonObject applied; // the AppDeployment object as applied
    QString appDeploymentUid;
    qint64 revision = 1;
    qint64 previousRevision = 0;
    QString kubeconfigUser;
    QString host;
    QString holder;
    QString tool;
    QString changeCause;
    QDateTime startedAt;
};
// The ControllerRevision of a new entry (result Running).
QJsonObject buildHistoryObject(const HistoryRecord& record);
// The merge patch that records how the apply ended.
QJsonObject historyResultPatch(HistoryResult result, const QString& message,
                               const QDateTime& finishedAt);

// The limit: `override` when > 0, else the AppDeployment annotation, else 20. A malformed or
// out-of-range annotation is an error naming it.
Result<int> historyLimit(const QJsonObject& appDeploymentAnnotations, int override = 0);
// Entries beyond the newest `limit` (by revision), oldest first.
QList<HistoryEntry> entriesToPrune(const QList<HistoryEntry>& entries, int limit);

struct HistoryList
{
    QList<HistoryEntry> entries; // by revision, oldest first
    QStringList warnings;        // labelled objects that are not history entries (skipped)
};
// Entries of an AppDeployment. When `ownerUid` is given, only those it owns.
HistoryList parseHistoryList(const QList<QJsonObject>& items, const QString& appDeployment,
                             const QString& ownerUid = {});

// Blocking (not on a GUI thread).
Result<HistoryList> listHistory(Client& client, const QString& ns, const QString& appDeployment,
                                const QString& ownerUid = {});

// Records the start of an apply: entry (highest recorded + 1), then deletes what exceeds
// `limit` (together). `record.revision` and `previousRevision` are filled here. Deletion
// failures are returned in `warnings` (the entry is recorded). `listed`, when given, is the
// history as listHistory() read it just before (a caller that sent that read along with
// others); otherwise it is listed here.
Result<HistoryEntry> recordApplyStart(Client& client, const QString& ns, HistoryRecord record,
                                      int limit, QStringList* warnings,
                                      const HistoryList* listed = nullptr);
// Records how it ended on the entry (merge patch of its annotations).
Status recordApplyEnd(Client& client, const HistoryEntry& entry, HistoryResult result,
                      const QString& message);
// The request recordApplyEnd() sends, for callers that send it along with others.
Request applyEndRequest(const HistoryEntry& entry, HistoryResult result, const QString& message);

// The entry with revision `revision`, or an error naming the AppDeployment and the number: one
// that was pruned ("older than the oldest kept, N") or never recorded.
Result<HistoryEntry> findHistoryEntry(const HistoryList& list, const QString& ns,
                                      const QString& appDeployment, qint64 revision);

} // namespace kube::rollout
