#include "kube/rollout/applylease.h"

#include "kube/rollout/application.h"
#include "kube/rollout/await.h"
#include "kube/rollout/retry.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <condition_variable>
#include <mutex>
#include <pwd.h>
#include <thread>
#include <unistd.h>

namespace kube::rollout {

using detail::await;

namespace {

const ResourceType kLeases{QStringLiteral("coordination.k8s.io"), QStringLiteral("v1"),
                           QStringLiteral("leases"), QStringLiteral("Lease"), true};

// metav1.MicroTime: RFC 3339 with exactly six fractional digits.
QString microTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

QString shortTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject leaseObject(const QString& ns, const QString& name, const QString& appDeployment,
                        const QJsonObject& spec, const QString& resourceVersion = {})
{
    QJsonObject meta{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), ns},
                     {QStringLiteral("labels"),
                      QJsonObject{{key(labels::appDeployment), appDeployment},
                                  {key(labels::managedBy), QStringLiteral("veladesk")}}}};
    if (!resourceVersion.isEmpty())
        meta.insert(QStringLiteral("resourceVersion"), resourceVersion);
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Lease")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

QJsonObject leaseSpec(const QString& holder, const QDateTime& acquired, const QDateTime& renewed,
                      int durationSeconds, int transitions)
{
    return QJsonObject{{QStringLiteral("holderIdentity"), holder},
                       {QStringLiteral("leaseDurationSeconds"), durationSeconds},
                       {QStringLiteral("acquireTime"), microTime(acquired)},
                       {QStringLiteral("renewTime"), microTime(renewed)},
                       {QStringLiteral("leaseTransitions"), transitions}};
}

Result<QJsonObject> put(Client& client, const QJsonObject& object, const QString& ns,
                        const QString& name)
{
    Request req;
    req.method = "PUT";
    req.path = kLeases.objectPath(ns, name);
    req.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    req.object = QStringLiteral("Lease/") + name;
    const Response r = await(client.send(req));
    if (!r.status)
        return Result<QJsonObject>::failure(r.status);
    return Result<QJsonObject>::success(r.json());
}

QString hostName()
{
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0)
        return QStringLiteral("unknown-host");
    return QString::fromLocal8Bit(buf);
}

QString userName()
{
    for (const char* var : {"USER", "LOGNAME"}) {
        const QString u = qEnvironmentVariable(var);
        if (!u.isEmpty())
            return u;
    }
    if (const passwd* pw = getpwuid(getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(getuid());
}

} // namespace

bool ApplyLeaseInfo::isLive(const QDateTime& now) const
{
    return held() && renewTime.isValid() && now < expiresAt();
}

QString ApplyLeaseInfo::describe() const
{
    return ktr("kube::rollout", "%1 since %2")
        .arg(holder.isEmpty() ? ktr("kube::rollout", "(nobody)") : holder,
             shortTime(acquireTime.isValid() ? acquireTime : renewTime));
}

std::optional<ApplyLeaseInfo> ApplyLeaseInfo::fromJson(const QJsonObject& lease)
{
    if (lease.isEmpty())
        return std::nullopt;
    const QJsonObject meta = lease.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = lease.value(QLatin1String("spec")).toObject();
    ApplyLeaseInfo i;
    i.name = meta.value(QLatin1String("name")).toString();
    i.namespaceName = meta.value(QLatin1String("namespace")).toString();
    i.resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
    i.uid = meta.value(QLatin1String("uid")).toString();
    i.holder = spec.value(QLatin1String("holderIdentity")).toString();
    i.acquireTime = QDateTime::fromString(spec.value(QLatin1String("acquireTime")).toString(),
                                          Qt::ISODateWithMs);
    i.renewTime =
        QDateTime::fromString(spec.value(QLatin1String("renewTime")).toString(), Qt::ISODateWithMs);
    i.durationSeconds = spec.value(QLatin1String("leaseDurationSeconds")).toInt();
    i.transitions = spec.value(QLatin1String("leaseTransitions")).toInt();
    return i;
}

ResourceType applyLeaseType()
{
    return kLeases;
}

ApplyActivity applyActivity(const QString& phase, const std::optional<ApplyLeaseInfo>& lease,
                            const QDateTime& now)
{
    if (lease && lease->isLive(now))
        return ApplyActivity::InProgress;
    return phase == QLatin1String("Rolling") ? ApplyActivity::Interrupted : ApplyActivity::Idle;
}

QString applyLeaseName(const QString& appDeploymentName)
{
    const QString name = QStringLiteral("veladesk-apply-") + appDeploymentName;
    if (name.size() <= 253)
        return name;
    // Names are DNS subdomains (253 characters at most): keep a prefix and a hash.
    const QByteArray hash =
        QCryptographicHash::hash(appDeploymentName.toUtf8(), QCryptographicHash::Sha256).toHex();
    return name.left(236) + QLatin1Char('-') + QString::fromLatin1(hash.left(16));
}

QString applyHolderIdentity(const QString& tool)
{
    return QStringLiteral("%1@%2 (%3, pid %4, %5)")
        .arg(userName(), hostName(), tool)
        .arg(qint64(getpid()))
        .arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

Result<std::optional<ApplyLeaseInfo>> readApplyLease(Client& client, const QString& ns,
                                                     const QString& appDeploymentName)
{
    using R = Result<std::optional<ApplyLeaseInfo>>;
    Result<QJsonObject> r = await(client.get(kLeases, ns, applyLeaseName(appDeploymentName)));
    if (r.status.isNotFound())
        return R::success(std::nullopt);
    if (!r)
        return R::failure(r.status);
    return R::success(ApplyLeaseInfo::fromJson(r.value));
}

struct ApplyLease::Private
{
    std::shared_ptr<Client> client;
    QString ns, name, appDeployment;
    Options options;

    mutable std::mutex mutex;
    std::condition_variable wake;
    ApplyLeaseInfo info;
    bool stopping = false;
    bool lost = false;
    QString lostReason;
    std::chrono::steady_clock::time_point lastRenewed = std::chrono::steady_clock::now();
    std::thread renewer;

    void setLost(const QString& why)
    {
        std::lock_guard lock(mutex);
        if (!lost) {
            lost = true;
            lostReason = why;
        }
    }

    void renewLoop()
    {
        const auto interval = std::max<std::chrono::milliseconds>(std::chrono::milliseconds(500),
                                                                  options.duration / 3);
        std::unique_lock lock(mutex);
        while (!stopping && !lost) {
            wake.wait_for(lock, interval, [this] { return stopping; });
            if (stopping)
                break;
            lock.unlock();
            renewOnce();
            lock.lock();
        }
    }

    void renewOnce()
    {
        auto giveUpIfTooLong = [this](const Status& why) {
            if (std::chrono::steady_clock::now() - lastRenewed > options.duration)
                setLost(
                    ktr("kube::rollout", "could not renew the Lease for longer than its %1 s: %2")
                        .arg(options.duration.count())
                        .arg(why.toString()));
        };
        Result<QJsonObject> cur = await(client->get(kLeases, ns, name));
        if (cur.status.isNotFound()) {
            setLost(ktr("kube::rollout", "Lease %1 was deleted by someone else").arg(name));
            return;
        }
        if (!cur) {
            giveUpIfTooLong(cur.status);
            return;
        }
        const std::optional<ApplyLeaseInfo> live = ApplyLeaseInfo::fromJson(cur.value);
        if (!live || live->holder != options.holder) {
            setLost(ktr("kube::rollout", "Lease %1 was taken over by %2")
                        .arg(name, live ? live->describe() : ktr("kube::rollout", "someone else")));
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject obj = cur.value;
        QJsonObject spec = obj.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("renewTime"), microTime(now));
        obj.insert(QStringLiteral("spec"), spec);
        Result<QJsonObject> w = put(*client, obj, ns, name);
        if (!w) {
            giveUpIfTooLong(w.status);
            return;
        }
        std::lock_guard lock(mutex);
        if (auto i = ApplyLeaseInfo::fromJson(w.value))
            info = *i;
        lastRenewed = std::chrono::steady_clock::now();
    }

    void stopRenewing()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        if (renewer.joinable())
            renewer.join();
    }
};

ApplyLease::ApplyLease(std::unique_ptr<Private> p) : d(std::move(p)) {}

ApplyLease::~ApplyLease()
{
    d->stopRenewing();
}

Result<std::unique_ptr<ApplyLease>> ApplyLease::acquire(std::shared_ptr<Client> client,
                                                        const QString& ns,
                                                        const QString& appDeploymentName,
                                                        const Options& options,
                                                        std::optional<ApplyLeaseInfo>* heldBy)
{
    using R = Result<std::unique_ptr<ApplyLease>>;
    const QString name = applyLeaseName(appDeploymentName);
    const detail::RetryPolicy policy{options.deadline, options.stop, options.onRetry,
                                     QStringLiteral("--timeout"), options.retryTlsHandshake};
    const int duration = int(options.duration.count());
    auto acquired = [&](const QJsonObject& lease) {
        auto p = std::make_unique<Private>();
        p->client = client;
        p->ns = ns;
        p->name = name;
        p->appDeployment = appDeploymentName;
        p->options = options;
        p->info = ApplyLeaseInfo::fromJson(lease).value_or(ApplyLeaseInfo{});
        p->lastRenewed = std::chrono::steady_clock::now();
        std::unique_ptr<ApplyLease> l(new ApplyLease(std::move(p)));
        Private* raw = l->d.get();
        raw->renewer = std::thread([raw] { raw->renewLoop(); });
        return R::success(std::move(l));
    };
    // A write whose answer was lost may have happened: a 409 then sends us back to reading,
    // where our own holder identity is recognised.
    // The first round creates without reading: the Lease is deleted at the end of each apply,
    // so it is usually absent, and a create that finds it answers 409 (AlreadyExists), which
    // leads to the read. Nothing is decided without a read except creating an absent Lease.
    for (int round = 0; round < 4; ++round) {
        Result<QJsonObject> cur = Result<QJsonObject>::success({});
        bool absent = round == 0;
        if (!absent) {
            cur = detail::retry(policy, ktr("kube::rollout", "read Lease %1").arg(name),
                                [&] { return await(client->get(kLeases, ns, name)); });
            if (!cur && !cur.status.isNotFound())
                return R::failure(cur.status);
            absent = cur.status.isNotFound();
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (absent) {
            const QJsonObject body = leaseObject(ns, name, appDeploymentName,
                                                 leaseSpec(options.holder, now, now, duration, 0));
            Result<QJsonObject> created =
                detail::retry(policy, ktr("kube::rollout", "create Lease %1").arg(name),
                              [&] { return await(client->create(kLeases, ns, body)); });
            if (created)
                return acquired(created.value);
            if (created.status.isConflict())
                continue;
            return R::failure(created.status);
        }
        const std::optional<ApplyLeaseInfo> info = ApplyLeaseInfo::fromJson(cur.value);
        if (info && info->holder == options.holder)
            return acquired(cur.value);
        if (info && info->isLive(now)) {
            if (heldBy)
                *heldBy = info;
            const qint64 renewedAgo = info->renewTime.secsTo(now);
            return R::failure(Status::error(
                Status::Kind::Invalid,
                ktr("kube::rollout",
                    "apply in progress by %1 (Lease %2, renewed %3 s ago): nothing was "
                    "changed; try again when it has finished (if that apply died, its "
                    "Lease expires at %4)")
                    .arg(info->describe(), name, QString::number(renewedAgo),
                         shortTime(info->expiresAt())),
                QStringLiteral("AppDeployment/") + appDeploymentName,
                QStringLiteral("ApplyInProgress")));
        }
        // Released or expired: take it over (resourceVersion precondition).
        const QJsonObject body = leaseObject(
            ns, name, appDeploymentName,
            leaseSpec(options.holder, now, now, duration, (info ? info->transitions : 0) + 1),
            info ? info->resourceVersion : QString());
        Result<QJsonObject> taken =
            detail::retry(policy, ktr("kube::rollout", "take over Lease %1").arg(name),
                          [&] { return put(*client, body, ns, name); });
        if (taken)
            return acquired(taken.value);
        if (taken.status.isConflict() || taken.status.isNotFound())
            continue;
        return R::failure(taken.status);
    }
    return R::failure(Status::error(
        Status::Kind::Http,
        ktr("kube::rollout", "Lease %1 kept changing while VelaDesk tried to acquire it").arg(name),
        QStringLiteral("Lease/") + name, QStringLiteral("Conflict")));
}

ApplyLeaseInfo ApplyLease::info() const
{
    std::lock_guard lock(d->mutex);
    return d->info;
}

bool ApplyLease::lost() const
{
    std::lock_guard lock(d->mutex);
    return d->lost;
}

QString ApplyLease::lostReason() const
{
    std::lock_guard lock(d->mutex);
    return d->lostReason;
}

Status ApplyLease::release(std::chrono::steady_clock::time_point deadline)
{
    d->stopRenewing();
    ApplyLeaseInfo i = info();
    DeleteOptions del;
    del.preconditionUid = i.uid;
    del.preconditionResourceVersion = i.resourceVersion;
    // The Lease was acquired from this server: a cut handshake is a restart, not a misconfig.
    const detail::RetryPolicy policy{
        deadline, {}, d->options.onRetry, ktr("kube::rollout", "the release deadline"), true};
    Status st = detail::retry(policy, ktr("kube::rollout", "delete Lease %1").arg(d->name), [&] {
        return await(d->client->remove(kLeases, d->ns, d->name, del));
    });
    if (st.ok() || st.isNotFound())
        return Status::success();
    if (st.isConflict())
        return Status::error(
            Status::Kind::Http,
            ktr("kube::rollout", "Lease %1 was taken over by another apply; left as it is")
                .arg(d->name),
            QStringLiteral("Lease/") + d->name, QStringLiteral("Conflict"));
    return st;
}

} // namespace kube::rollout
