#pragma once
// One apply at a time per AppDeployment (issue 8): a coordination.k8s.io/v1 Lease named
// "veladesk-apply-<appdeployment>" in the AppDeployment's namespace. An apply acquires it before
// it changes anything, renews it (every third of its duration) while it runs and deletes it at
// the end. A Lease held by another apply is taken over only after it expired (renewTime +
// leaseDurationSeconds in the past, judged with this machine's clock): a second apply fails at
// once, naming the holder and since when.
//
// holderIdentity is "<user>@<host> (<tool>, pid <pid>, <random>)", unique per apply, so two
// applies of one user on one machine exclude each other too.

#include "kube/client.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kube::rollout {

struct ApplyLeaseInfo
{
    QString name; // the Lease
    QString namespaceName;
    QString holder;        // spec.holderIdentity; empty when released
    QDateTime acquireTime; // UTC
    QDateTime renewTime;   // UTC
    int durationSeconds = 0;
    int transitions = 0;
    QString resourceVersion;
    QString uid;

    bool held() const { return !holder.isEmpty(); }
    // Held, and renewed less than durationSeconds before `now`.
    bool isLive(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    QDateTime expiresAt() const { return renewTime.addSecs(durationSeconds); }
    // "root@build (veladesk-cli, pid 42, 9f1c) since 2026-12-01T23:40:00Z"
    QString describe() const;
    static std::optional<ApplyLeaseInfo> fromJson(const QJsonObject& lease);
};

QString applyLeaseName(const QString& appDeploymentName);
// coordination.k8s.io/v1 leases: watch it with the label selector
// app.oam.dev/appDeployment=<name> to follow the applies of an AppDeployment.
ResourceType applyLeaseType();

// What is going on with applies of an AppDeployment, from its status phase and its Lease:
// InProgress while a live Lease exists ("apply in progress by <holder> since <time>"),
// Interrupted when the phase is Rolling and no live Lease exists (an apply stopped half way:
// re-apply or revert), else Idle. Depends on `now`: a Lease expires without any change to it.
enum class ApplyActivity
{
    Idle,
    InProgress,
    Interrupted
};
ApplyActivity applyActivity(const QString& phase, const std::optional<ApplyLeaseInfo>& lease,
                            const QDateTime& now = QDateTime::currentDateTimeUtc());
// "<user>@<host> (<tool>, pid <pid>, <4 random hex digits>)"
QString applyHolderIdentity(const QString& tool);

// The Lease of an AppDeployment, if any (blocking; not on the GUI thread).
Result<std::optional<ApplyLeaseInfo>> readApplyLease(Client& client, const QString& ns,
                                                     const QString& appDeploymentName);

// A Lease held by this process; renewed on a thread of its own until release() or destruction
// (destruction does not release: a crashed apply's Lease expires instead).
class ApplyLease
{
public:
    struct Options
    {
        QString holder; // applyHolderIdentity(tool)
        std::chrono::seconds duration{std::chrono::seconds(30)};
        std::chrono::steady_clock::time_point deadline; // retries of the acquisition end here
        std::function<bool()> stop;                     // cancelled
        std::function<void(const QString&)> onRetry;
        bool retryTlsHandshake = false; // see detail::isRetryable()
    };
    // Acquires the Lease, creating it, or taking it over when released or expired. Fails with
    // reason "ApplyInProgress" (and `heldBy` filled) when another apply holds it.
    static Result<std::unique_ptr<ApplyLease>>
    acquire(std::shared_ptr<Client> client, const QString& ns, const QString& appDeploymentName,
            const Options& options, std::optional<ApplyLeaseInfo>* heldBy);
    ~ApplyLease();

    ApplyLeaseInfo info() const;
    // Set when a renewal found the Lease held by someone else, or could not renew it for longer
    // than its duration (another apply may have taken it over): stop writing.
    bool lost() const;
    QString lostReason() const;
    // Stops renewing and deletes the Lease (uid and resourceVersion preconditions: a Lease
    // taken over meanwhile is left alone). Retried within `deadline`.
    Status release(std::chrono::steady_clock::time_point deadline);

    struct Private;

private:
    explicit ApplyLease(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace kube::rollout
