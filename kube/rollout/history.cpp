#include "kube/rollout/history.h"

#include "kube/rollout/application.h"
#include "kube/rollout/await.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace kube::rollout {

namespace {

const ResourceType kControllerRevisions{QStringLiteral("apps"), QStringLiteral("v1"),
                                        QStringLiteral("controllerrevisions"),
                                        QStringLiteral("ControllerRevision"), true};

// Annotations of an entry.
constexpr char kUser[] = "veladesk.io/kubeconfig-user";
constexpr char kHost[] = "veladesk.io/host";
constexpr char kHolder[] = "veladesk.io/holder";
constexpr char kTool[] = "veladesk.io/tool";
constexpr char kStartedAt[] = "veladesk.io/started-at";
constexpr char kFinishedAt[] = "veladesk.io/finished-at";
constexpr char kPrevious[] = "veladesk.io/previous-revision";
constexpr char kChangeCause[] = "veladesk.io/change-cause";
constexpr char kResult[] = "veladesk.io/result";
constexpr char kMessage[] = "veladesk.io/message";
constexpr qsizetype kMaxMessage = 1024;

QString rfc3339(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

} // namespace

ResourceType historyType()
{
    return kControllerRevisions;
}

QString historyObjectName(const QString& appDeployment, qint64 revision)
{
    const QString suffix = QLatin1Char('-') + QString::number(revision);
    QString base = QStringLiteral("veladesk-history-") + appDeployment;
    if (base.size() + suffix.size() > 253) {
        const QByteArray hash =
            QCryptographicHash::hash(appDeployment.toUtf8(), QCryptographicHash::Sha256).toHex();
        base = base.left(253 - suffix.size() - 17) + QLatin1Char('-') +
               QString::fromLatin1(hash.left(16));
    }
    return base + suffix;
}

QString historyLabelSelector(const QString& appDeployment)
{
    return QStringLiteral("%1=%2,%3=veladesk")
        .arg(key(labels::appDeployment), appDeployment, key(labels::managedBy));
}

QString historyResultName(HistoryResult result)
{
    switch (result) {
    case HistoryResult::Running:
        return QStringLiteral("Running");
    case HistoryResult::Succeeded:
        return QStringLiteral("Succeeded");
    case HistoryResult::Failed:
        return QStringLiteral("Failed");
    case HistoryResult::Interrupted:
        return QStringLiteral("Interrupted");
    }
    return {};
}

std::optional<HistoryResult> historyResultFromName(const QString& name)
{
    for (HistoryResult r : {HistoryResult::Running, HistoryResult::Succeeded, HistoryResult::Failed,
                            HistoryResult::Interrupted})
        if (historyResultName(r) == name)
            return r;
    return std::nullopt;
}

QString HistoryEntry::who() const
{
    return (kubeconfigUser.isEmpty() ? QStringLiteral("?") : kubeconfigUser) + QLatin1Char('@') +
           (host.isEmpty() ? QStringLiteral("?") : host);
}

HistoryResult HistoryEntry::effectiveResult(bool applyInProgress) const
{
    if (result == HistoryResult::Running && !applyInProgress)
        return HistoryResult::Interrupted;
    return result;
}

Result<AppDeploymentPlan> HistoryEntry::plan() const
{
    Result<AppDeploymentPlan> p = AppDeploymentPlan::fromJson(applied);
    if (!p)
        p.status.setMessage(tx("kube::rollout", "history entry %1 (revision %2): %3")
                                .arg(name)
                                .arg(revision)
                                .arg(p.status.text()));
    return p;
}

QMap<QString, int> HistoryEntry::weights() const
{
    // Straight from the JSON: a summary must not depend on the plan parsing.
    QMap<QString, int> out;
    const QJsonObject spec = applied.value(QLatin1String("spec")).toObject();
    const QJsonArray http =
        spec.value(QLatin1String("traffic")).toObject().value(QLatin1String("http")).toArray();
    for (const QJsonValue& rule : http)
        for (const QJsonValue& t :
             rule.toObject().value(QLatin1String("weightedTargets")).toArray()) {
            const QJsonObject target = t.toObject();
            const QString rev = target.value(QLatin1String("revisionName")).toString();
            out[rev] += target.value(QLatin1String("weight")).toInt();
        }
    return out;
}

QString HistoryEntry::weightsSummary() const
{
    const QMap<QString, int> w = weights();
    QStringList parts;
    QStringList seen;
    const QJsonArray revs = applied.value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("appRevisions"))
                                .toArray();
    for (const QJsonValue& r : revs) {
        const QString name = r.toObject().value(QLatin1String("revisionName")).toString();
        seen << name;
        parts << name + QLatin1Char('=') +
                     (w.contains(name) ? QString::number(w.value(name)) : QStringLiteral("-"));
    }
    for (auto it = w.begin(); it != w.end(); ++it)
        if (!seen.contains(it.key()))
            parts << it.key() + QLatin1Char('=') + QString::number(it.value());
    return parts.isEmpty() ? QStringLiteral("(no revisions)") : parts.join(QLatin1Char(','));
}

Result<HistoryEntry> HistoryEntry::fromJson(const QJsonObject& o)
{
    using R = Result<HistoryEntry>;
    const QJsonObject m = meta(o);
    HistoryEntry e;
    e.name = m.value(QLatin1String("name")).toString();
    e.namespaceName = m.value(QLatin1String("namespace")).toString();
    e.uid = m.value(QLatin1String("uid")).toString();
    e.resourceVersion = m.value(QLatin1String("resourceVersion")).toString();
    const QString object = QStringLiteral("ControllerRevision/") + e.name;
    auto bad = [&](const QString& msg) {
        return R::failure(
            Status::error(Status::Kind::Invalid, msg, object, QStringLiteral("NotHistory")));
    };
    if (o.value(QLatin1String("kind")).toString() != QLatin1String("ControllerRevision"))
        return bad(ktr("kube::rollout", "not a ControllerRevision"));
    const QJsonObject labelsObj = m.value(QLatin1String("labels")).toObject();
    e.appDeployment = labelsObj.value(key(labels::appDeployment)).toString();
    if (e.appDeployment.isEmpty())
        return bad(
            ktr("kube::rollout", "metadata.labels: %1 missing").arg(key(labels::appDeployment)));
    const QJsonValue rev = o.value(QLatin1String("revision"));
    if (!rev.isDouble() || rev.toDouble() < 1)
        return bad(ktr("kube::rollout", "revision: must be a positive integer"));
    e.revision = qint64(rev.toDouble());
    e.applied = o.value(QLatin1String("data")).toObject();
    if (!e.applied.value(QLatin1String("spec")).isObject())
        return bad(ktr("kube::rollout", "data.spec: missing (not a VelaDesk history entry)"));
    const QJsonObject a = m.value(QLatin1String("annotations")).toObject();
    auto ann = [&](const char* k) { return a.value(QLatin1String(k)).toString(); };
    e.kubeconfigUser = ann(kUser);
    e.host = ann(kHost);
    e.holder = ann(kHolder);
    e.tool = ann(kTool);
    e.changeCause = ann(kChangeCause);
    e.message = ann(kMessage);
    e.startedAt = QDateTime::fromString(ann(kStartedAt), Qt::ISODate);
    if (!e.startedAt.isValid())
        e.startedAt = QDateTime::fromString(m.value(QLatin1String("creationTimestamp")).toString(),
                                            Qt::ISODate);
    e.finishedAt = QDateTime::fromString(ann(kFinishedAt), Qt::ISODate);
    if (!ann(kPrevious).isEmpty()) {
        bool ok = false;
        e.previousRevision = ann(kPrevious).toLongLong(&ok);
        if (!ok || e.previousRevision < 0)
            return bad(
                ktr("kube::rollout", "metadata.annotations.%1: \"%2\" is not a revision number")
                    .arg(QLatin1String(kPrevious), ann(kPrevious)));
    }
    const std::optional<HistoryResult> result = historyResultFromName(ann(kResult));
    if (!result)
        return bad(ktr("kube::rollout",
                       "metadata.annotations.%1: \"%2\" is not Running, Succeeded, "
                       "Failed or Interrupted")
                       .arg(QLatin1String(kResult), ann(kResult)));
    e.result = *result;
    return R::success(e);
}

QJsonObject buildHistoryObject(const HistoryRecord& r)
{
    const QJsonObject adMeta = meta(r.applied);
    const QString ad = adMeta.value(QLatin1String("name")).toString();
    QJsonObject annotations{
        {QLatin1String(kUser), r.kubeconfigUser},
        {QLatin1String(kHost), r.host},
        {QLatin1String(kHolder), r.holder},
        {QLatin1String(kTool), r.tool},
        {QLatin1String(kStartedAt), rfc3339(r.startedAt)},
        {QLatin1String(kResult), historyResultName(HistoryResult::Running)},
    };
    if (r.previousRevision > 0)
        annotations.insert(QLatin1String(kPrevious), QString::number(r.previousRevision));
    if (!r.changeCause.isEmpty())
        annotations.insert(QLatin1String(kChangeCause), r.changeCause);
    QJsonObject metadata{
        {QStringLiteral("name"), historyObjectName(ad, r.revision)},
        {QStringLiteral("labels"),
         QJsonObject{{key(labels::appDeployment), ad},
                     {key(labels::managedBy), QStringLiteral("veladesk")}}},
        {QStringLiteral("annotations"), annotations},
        {QStringLiteral("ownerReferences"),
         QJsonArray{
             QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
                         {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
                         {QStringLiteral("name"), ad},
                         {QStringLiteral("uid"), r.appDeploymentUid}}}},
    };
    const QString ns = adMeta.value(QLatin1String("namespace")).toString();
    if (!ns.isEmpty())
        metadata.insert(QStringLiteral("namespace"), ns);
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("ControllerRevision")},
                       {QStringLiteral("metadata"), metadata},
                       {QStringLiteral("revision"), double(r.revision)},
                       {QStringLiteral("data"), r.applied}};
}

QJsonObject historyResultPatch(HistoryResult result, const QString& message,
                               const QDateTime& finishedAt)
{
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1String("; "));
    if (oneLine.size() > kMaxMessage)
        oneLine = oneLine.left(kMaxMessage - 3) + QStringLiteral("...");
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("annotations"),
                      QJsonObject{{QLatin1String(kResult), historyResultName(result)},
                                  {QLatin1String(kFinishedAt), rfc3339(finishedAt)},
                                  {QLatin1String(kMessage), oneLine}}}}}};
}

Result<int> historyLimit(const QJsonObject& annotations, int override)
{
    if (override > 0)
        return Result<int>::success(std::min(override, kMaxHistoryLimit));
    const QJsonValue v = annotations.value(key(labels::historyLimit));
    if (v.isUndefined())
        return Result<int>::success(kDefaultHistoryLimit);
    bool ok = false;
    const int n = v.toString().toInt(&ok);
    if (!ok || n < 1 || n > kMaxHistoryLimit)
        return Result<int>::failure(Status::error(
            Status::Kind::Invalid,
            ktr("kube::rollout", "metadata.annotations.%1: \"%2\" is not a number from 1 to %3")
                .arg(key(labels::historyLimit), v.toString(), QString::number(kMaxHistoryLimit)),
            {}, QStringLiteral("Invalid")));
    return Result<int>::success(n);
}

QList<HistoryEntry> entriesToPrune(const QList<HistoryEntry>& entries, int limit)
{
    QList<HistoryEntry> sorted = entries;
    std::sort(sorted.begin(), sorted.end(),
              [](const HistoryEntry& a, const HistoryEntry& b) { return a.revision < b.revision; });
    const qsizetype excess = sorted.size() - std::max(limit, 1);
    return excess > 0 ? sorted.mid(0, excess) : QList<HistoryEntry>{};
}

HistoryList parseHistoryList(const QList<QJsonObject>& items, const QString& appDeployment,
                             const QString& ownerUid)
{
    HistoryList out;
    for (const QJsonObject& item : items) {
        Result<HistoryEntry> e = HistoryEntry::fromJson(item);
        if (!e) {
            out.warnings << e.status.toString();
            continue;
        }
        if (e.value.appDeployment != appDeployment)
            continue;
        if (!ownerUid.isEmpty()) {
            bool owned = false;
            for (const QJsonValue& ref :
                 meta(item).value(QLatin1String("ownerReferences")).toArray())
                owned = owned || ref.toObject().value(QLatin1String("uid")).toString() == ownerUid;
            if (!owned)
                continue;
        }
        out.entries << e.value;
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const HistoryEntry& a, const HistoryEntry& b) { return a.revision < b.revision; });
    return out;
}

Result<HistoryList> listHistory(Client& client, const QString& ns, const QString& appDeployment,
                                const QString& ownerUid)
{
    ListOptions lo;
    lo.labelSelector = historyLabelSelector(appDeployment);
    Result<ObjectList> l = detail::await(client.list(kControllerRevisions, ns, lo));
    if (!l)
        return Result<HistoryList>::failure(l.status);
    return Result<HistoryList>::success(parseHistoryList(l.value.items, appDeployment, ownerUid));
}

Result<HistoryEntry> recordApplyStart(Client& client, const QString& ns, HistoryRecord record,
                                      int limit, QStringList* warnings, const HistoryList* listed)
{
    using R = Result<HistoryEntry>;
    const QString ad = meta(record.applied).value(QLatin1String("name")).toString();
    Result<HistoryList> existing =
        listed ? Result<HistoryList>::success(*listed) : listHistory(client, ns, ad);
    if (!existing)
        return R::failure(existing.status);
    qint64 highest = 0;
    for (const HistoryEntry& e : existing.value.entries)
        highest = std::max(highest, e.revision);
    record.revision = highest + 1;
    record.previousRevision = highest;
    if (record.startedAt.isNull())
        record.startedAt = QDateTime::currentDateTimeUtc();
    const QJsonObject object = buildHistoryObject(record);
    QFuture<Result<QJsonObject>> creating = client.create(kControllerRevisions, ns, object);
    // What exceeds the limit once this entry is recorded goes out with the create (the same
    // entries whether the create's answer is waited for or not; should the create fail, those
    // entries were the oldest and the next recorded apply would delete them).
    HistoryEntry placeholder;
    placeholder.revision = record.revision;
    QList<HistoryEntry> all = existing.value.entries;
    all << placeholder;
    const QList<HistoryEntry> prune = entriesToPrune(all, limit);
    QList<QFuture<Status>> deletes;
    for (const HistoryEntry& old : prune) {
        DeleteOptions del;
        del.preconditionUid = old.uid;
        deletes << client.remove(kControllerRevisions, ns, old.name, del);
    }
    Result<QJsonObject> created = detail::await(creating);
    if (!created && created.status.isConflict()) {
        // A lost answer to our own create, retried: the entry is ours when it has our holder.
        Result<QJsonObject> live = detail::await(
            client.get(kControllerRevisions, ns, historyObjectName(ad, record.revision)));
        if (live && meta(live.value)
                            .value(QLatin1String("annotations"))
                            .toObject()
                            .value(QLatin1String(kHolder))
                            .toString() == record.holder)
            created = live;
    }
    if (!created)
        return R::failure(created.status);
    Result<HistoryEntry> entry = HistoryEntry::fromJson(created.value);
    if (!entry)
        return entry;
    for (int i = 0; i < prune.size(); ++i) {
        const HistoryEntry& old = prune.at(i);
        const Status st = detail::await(deletes.at(i));
        if (!st.ok() && !st.isNotFound() && warnings)
            *warnings << ktr("kube::rollout", "could not prune history revision %1: %2")
                             .arg(old.revision)
                             .arg(st.toString());
    }
    return entry;
}

Status recordApplyEnd(Client& client, const HistoryEntry& entry, HistoryResult result,
                      const QString& message)
{
    return detail::await(client.send(applyEndRequest(entry, result, message))).status;
}

Request applyEndRequest(const HistoryEntry& entry, HistoryResult result, const QString& message)
{
    Request req;
    req.method = "PATCH";
    req.path = kControllerRevisions.objectPath(entry.namespaceName, entry.name);
    req.contentType = "application/merge-patch+json";
    req.body = QJsonDocument(historyResultPatch(result, message, QDateTime::currentDateTimeUtc()))
                   .toJson(QJsonDocument::Compact);
    req.object = QStringLiteral("ControllerRevision/") + entry.name;
    return req;
}

Result<HistoryEntry> findHistoryEntry(const HistoryList& list, const QString& ns,
                                      const QString& appDeployment, qint64 revision)
{
    for (const HistoryEntry& e : list.entries)
        if (e.revision == revision)
            return Result<HistoryEntry>::success(e);
    const QString object = QStringLiteral("AppDeployment/") + appDeployment;
    QString msg;
    if (list.entries.isEmpty())
        msg = ktr("kube::rollout", "AppDeployment %1/%2 has no history: revision %3 does not exist "
                                   "(an apply by VelaDesk records one)")
                  .arg(ns, appDeployment)
                  .arg(revision);
    else if (revision > 0 && revision < list.entries.first().revision)
        msg =
            ktr("kube::rollout", "revision %3 of AppDeployment %1/%2 was pruned: the history keeps "
                                 "the newest entries, %4 to %5 (see veladesk history %2)")
                .arg(ns, appDeployment)
                .arg(revision)
                .arg(list.entries.first().revision)
                .arg(list.entries.last().revision);
    else
        msg =
            ktr("kube::rollout", "AppDeployment %1/%2 has no revision %3 in its history (revisions "
                                 "%4 to %5; see veladesk history %2)")
                .arg(ns, appDeployment)
                .arg(revision)
                .arg(list.entries.first().revision)
                .arg(list.entries.last().revision);
    return Result<HistoryEntry>::failure(
        Status::error(Status::Kind::Invalid, msg, object, QStringLiteral("UnknownRevision")));
}

} // namespace kube::rollout
