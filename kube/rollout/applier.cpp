#include "kube/rollout/applier.h"

#include "kube/names.h"
#include "kube/podstate.h"
#include "kube/rollout/await.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/history.h"
#include "kube/rollout/retry.h"
#include "kube/rollout/routingmonitor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QSysInfo>
#include <QThread>

#include <future>

namespace kube::rollout {

using detail::await;

QString applyStepName(ApplyStep step)
{
    switch (step) {
    case ApplyStep::Validate:
        return QStringLiteral("validate");
    case ApplyStep::Lease:
        return QStringLiteral("lease");
    case ApplyStep::DryRun:
        return QStringLiteral("dry-run");
    case ApplyStep::AppDeployment:
        return QStringLiteral("appdeployment");
    case ApplyStep::Deployments:
        return QStringLiteral("deployments");
    case ApplyStep::ReadinessGuard:
        return QStringLiteral("readiness");
    case ApplyStep::Services:
        return QStringLiteral("services");
    case ApplyStep::Endpoints:
        return QStringLiteral("endpoints");
    case ApplyStep::Routing:
        return QStringLiteral("routing");
    case ApplyStep::ReadBack:
        return QStringLiteral("read-back");
    case ApplyStep::ScaleDown:
        return QStringLiteral("scale-down");
    case ApplyStep::Prune:
        return QStringLiteral("prune");
    case ApplyStep::Status:
        return QStringLiteral("status");
    }
    return {};
}

QList<ApplyStep> allApplySteps()
{
    QList<ApplyStep> out;
    for (int i = 0; i < applyStepCount; ++i)
        out << ApplyStep(i);
    return out;
}

QString stepStateName(StepResult::State state)
{
    switch (state) {
    case StepResult::State::NotRun:
        return QStringLiteral("not run");
    case StepResult::State::Running:
        return QStringLiteral("running");
    case StepResult::State::Done:
        return QStringLiteral("done");
    case StepResult::State::Skipped:
        return QStringLiteral("skipped");
    case StepResult::State::Failed:
        return QStringLiteral("FAILED");
    case StepResult::State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString ApplyReport::toString() const
{
    QStringList lines;
    for (const StepResult& s : steps) {
        QString line = QStringLiteral("  %1 %2").arg(applyStepName(s.step).leftJustified(15),
                                                     stepStateName(s.state));
        if (!s.message.isEmpty())
            line += QStringLiteral(": ") + s.message;
        lines << line;
    }
    if (!status.ok())
        lines << ktr("kube::rollout", "error: %1").arg(status.toString());
    return lines.join(QLatin1Char('\n'));
}

namespace {

const QString kConditionType = QStringLiteral("Ready");
// The status write and the Lease release that end an apply get this long even when the
// apply's own --timeout has passed: they are what tells others how the apply ended.
constexpr std::chrono::seconds kFinalWriteGrace{30};

QString metaString(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String(key)).toString();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString objectKey(const ResourceType& t, const QString& name)
{
    return t.kind + QLatin1Char('/') + name;
}

QJsonObject specOf(const QJsonObject& o)
{
    return o.value(QLatin1String("spec")).toObject();
}

// spec.replicas, or -1 when absent.
int replicasOf(const QJsonObject& deployment)
{
    const QJsonValue v = specOf(deployment).value(QLatin1String("replicas"));
    return v.isUndefined() ? -1 : v.toInt();
}

// The status is of the current spec: the controller has seen this generation.
bool observedGeneration(const QJsonObject& deployment)
{
    return !deployment.isEmpty() &&
           deployment.value(QLatin1String("status"))
                   .toObject()
                   .value(QLatin1String("observedGeneration"))
                   .toInteger() >= deployment.value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("generation"))
                                       .toInteger();
}

QJsonObject templateLabels(const QJsonObject& deployment)
{
    return specOf(deployment)
        .value(QLatin1String("template"))
        .toObject()
        .value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("labels"))
        .toObject();
}

// The given field manager owns spec.replicas through server-side apply.
bool appliesReplicas(const QJsonObject& live, const QString& manager)
{
    for (const QJsonValue& v : live.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("managedFields"))
                                   .toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("manager")).toString() != manager ||
            e.value(QLatin1String("operation")).toString() != QLatin1String("Apply"))
            continue;
        if (e.value(QLatin1String("fieldsV1"))
                .toObject()
                .value(QLatin1String("f:spec"))
                .toObject()
                .contains(QLatin1String("f:replicas")))
            return true;
    }
    return false;
}

// "http[0]: example-app-v1-testsvc-8000 50, example-app-v2-testsvc-80 50" per rule ("rules[0]"
// for an HTTPRoute).
QString routesText(const QList<RouteDestination>& routes,
                   const QString& label = QStringLiteral("http"))
{
    QStringList rules;
    int rule = -1;
    QStringList cur;
    for (const RouteDestination& r : routes) {
        if (r.rule != rule && !cur.isEmpty()) {
            rules << QStringLiteral("%1[%2]: ").arg(label).arg(rule) +
                         cur.join(QStringLiteral(", "));
            cur.clear();
        }
        rule = r.rule;
        cur << QStringLiteral("%1 %2").arg(r.host).arg(r.weight);
    }
    if (!cur.isEmpty())
        rules << QStringLiteral("%1[%2]: ").arg(label).arg(rule) + cur.join(QStringLiteral(", "));
    return rules.join(QStringLiteral("; "));
}

// Where a route keeps its rules: "http" (VirtualService), "rules" (HTTPRoute).
QString rulesLabel(const QJsonObject& route)
{
    return route.value(QLatin1String("kind")).toString() == QLatin1String("HTTPRoute")
               ? QStringLiteral("rules")
               : QStringLiteral("http");
}

} // namespace

// An error in a step: the Status to report and the condition reason to write.
struct StepError
{
    Status status;
    QString reason;
};

struct Applier::Private
{
    std::shared_ptr<Client> client;
    AppDeploymentPlan plan;
    ApplyOptions options;
    Applier* q = nullptr;

    std::atomic<bool> cancelled{false};
    std::atomic<bool> running{false};
    std::unique_ptr<QThread> worker;
    mutable QMutex mutex;
    ApplyReport lastReport;

    // State of one run.
    ApplyReport report;
    ApplyStep current = ApplyStep::Validate;
    std::chrono::steady_clock::time_point deadline;
    QString ns;
    QString holder;
    QList<AppRevision> revisions;
    RenderOptions renderOptions;
    QJsonObject liveAppDeployment; // before this run, empty when it did not exist
    QString liveUid;        // the AppDeployment's uid before this run, empty when it did not exist
    QString uid;            // the AppDeployment's uid once applied
    ServedRouting served;   // the route types the cluster serves
    RoutingChoice routing;  // the API this plan routes through
    QStringList routeNotes; // warnings of the Routing step, repeated in its message
    bool routingChanged = false; // the Routing step changed or removed a route
    RenderResult rendered;
    QList<QPair<ResourceType, QJsonObject>> liveObjects; // per rendered object (empty if absent)
    QSet<int> adopt;                                     // indexes of rendered objects to adopt
    // What pruning would delete as seen by Validate: for the dry-run's preview only. The Prune
    // step lists again, after routing changed.
    QList<QPair<ResourceType, QJsonObject>> prunePreview;
    QMap<QString, int> keptAbovePlan; // Deployment -> planned replicas, lowered by ScaleDown
    // Rendered objects (by index) as dry-run, and those whose dry-run answer was exactly the
    // live object Validate read (same resourceVersion and managed fields: applying them
    // changes nothing while that resourceVersion lasts).
    QHash<int, QJsonObject> dryRunSent;
    QSet<int> dryRunNoop;
    // Deployment -> the object as the Deployments step's apply (or read) answered it: the
    // readiness step's first check uses it instead of reading it again a moment later, when
    // its status is already of its current generation (otherwise it reads).
    QMap<QString, QJsonObject> freshDeployments;
    // The prune step's lists, sent by the read-back step (after the routing step changed the
    // route) with its reads; the prune step lists again when the scale-down step wrote.
    QList<QFuture<Result<ObjectList>>> pruneListsAhead;
    // The resourceVersion of Validate's list of each prune type (by typeKey()), and of the
    // AppDeployment as Validate read it (before those lists were sent).
    QHash<QString, QString> validatedListRv;
    QString validatedAdRv;
    // No other apply of this AppDeployment wrote anything between Validate's lists and this
    // apply's Lease (the Lease step checks it): the prune step's lists then need be no older
    // than Validate's (resourceVersionMatch=NotOlderThan), which the API server's watch cache
    // answers at once. A list without a resourceVersion is a consistent read: the watch cache
    // must first catch up with etcd, and a second such read of a type within 100 ms of the
    // first waits for etcd's next progress notification (kube-apiserver's
    // ConditionalProgressRequester): 40-55 ms of every apply that changed something.
    bool pruneFromValidate = false;
    std::unique_ptr<ApplyLease> lease;
    bool appDeploymentWritten = false;
    bool serverAnswered = false;              // some request of this run got an HTTP answer
    std::optional<HistoryEntry> historyEntry; // recorded by the AppDeployment step
    // The history's list, sent by the Lease step with the Lease's create (a read); the
    // AppDeployment step records the entry from it.
    std::future<Result<HistoryList>> historyAhead;
    // The history's result as the Status step sent it, with the result it claims.
    std::optional<QPair<HistoryResult, QFuture<Response>>> historyEndAhead;

    StepResult& step(ApplyStep s) { return report.steps[int(s)]; }
    bool isCancelled() const { return cancelled.load(); }

    // Announces the step; a cancel that came meanwhile (or a lost Lease) ends it at once.
    [[nodiscard]] std::optional<StepError> begin(ApplyStep s, const QString& description)
    {
        current = s;
        step(s).state = StepResult::State::Running;
        Q_EMIT q->stepStarted(s, description);
        return interruption();
    }
    void progress(ApplyStep s, const QString& message) { Q_EMIT q->stepProgress(s, message); }
    void finish(ApplyStep s, StepResult::State state, const QString& message)
    {
        step(s).state = state;
        step(s).message = message;
        Q_EMIT q->stepFinished(step(s));
    }

    // Cancelled, or the Lease is lost (another apply may be writing): stop.
    std::optional<StepError> interruption() const
    {
        if (isCancelled())
            return StepError{cancelledStatus(), QStringLiteral("Cancelled")};
        if (lease && lease->lost())
            return StepError{
                Status::error(
                    Status::Kind::Http,
                    tx("kube::rollout", "the apply lost its Lease: %1").arg(lease->lostReason()),
                    QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("LeaseLost")),
                QStringLiteral("LeaseLost")};
        return std::nullopt;
    }
    // Waits one poll interval, in small slices so that cancel() is honoured quickly.
    [[nodiscard]] std::optional<StepError> pause() const
    {
        QElapsedTimer nap;
        nap.start();
        while (nap.elapsed() < options.pollInterval.count()) {
            if (auto stop = interruption())
                return stop;
            QThread::msleep(50);
        }
        return std::nullopt;
    }
    detail::RetryPolicy retryPolicy(std::chrono::steady_clock::time_point until)
    {
        detail::RetryPolicy p{until, [this] { return interruption().has_value(); },
                              [this](const QString& message) {
                                  ++report.retries;
                                  progress(current, message);
                              },
                              QStringLiteral("--timeout"),
                              // The server has answered since the Validate step began.
                              current != ApplyStep::Validate};
        // A server that has not answered this apply once is unreachable, not restarting:
        // fail at once (nothing was changed) rather than retrying until --timeout.
        p.retryNoAnswer = serverAnswered;
        return p;
    }
    // Reads and idempotent writes: retried while the API server does not answer.
    template <typename F> auto retrying(const QString& what, F&& f)
    {
        auto r = detail::retry(retryPolicy(deadline), what, std::forward<F>(f));
        if (detail::statusOf(r).ok() || detail::statusOf(r).httpCode != 0)
            serverAnswered = true;
        return r;
    }
    // A definite answer of the server (success or a 4xx other than 429): not worth sending
    // again. No answer, 5xx and 429 go through retrying().
    static bool answered(const Status& st)
    {
        return st.ok() || (st.httpCode >= 400 && st.httpCode < 500 && st.httpCode != 429);
    }
    // The first attempt of a read sent ahead (std::async) with others; when the server did not
    // answer it, the read is sent again on its own, with retries.
    template <typename R, typename F>
    R firstAnswer(std::future<R>& first, const QString& what, F&& again)
    {
        return answerOrRetry(first.get(), what, std::forward<F>(again));
    }
    // The same for a request sent ahead through the Client (a QFuture).
    template <typename R, typename F>
    R firstAnswer(QFuture<R> first, const QString& what, F&& again)
    {
        return answerOrRetry(await(first), what, std::forward<F>(again));
    }
    template <typename R, typename F> R answerOrRetry(R r, const QString& what, F&& again)
    {
        if (answered(detail::statusOf(r))) {
            serverAnswered = true;
            return r;
        }
        return retrying(what, std::forward<F>(again));
    }
    Result<QJsonObject> getObject(const ResourceType& t, const QString& name)
    {
        return retrying(ktr("kube::rollout", "read %1").arg(objectKey(t, name)),
                        [&] { return await(client->get(t, ns, name)); });
    }
    Result<ObjectList> listObjects(const ResourceType& t, const ListOptions& lo = {})
    {
        return retrying(ktr("kube::rollout", "list %1").arg(t.resource),
                        [&] { return await(client->list(t, ns, lo)); });
    }
    // Lists of several types, sent together (one round trip, not one per type); one the
    // server did not answer is listed again on its own, with retries. In the order of `types`.
    // `los`: the options of each type's list, or one for all (optionsFor()).
    static const ListOptions& optionsFor(const QList<ListOptions>& los, qsizetype i)
    {
        return los.at(los.size() == 1 ? 0 : i);
    }
    Result<QList<ObjectList>> listTogether(const QList<ResourceType>& types,
                                           const QList<ListOptions>& los = {ListOptions()})
    {
        return collectLists(types, los, sendLists(types, los));
    }
    // The two halves of listTogether(), for lists sent with other requests.
    QList<QFuture<Result<ObjectList>>> sendLists(const QList<ResourceType>& types,
                                                 const QList<ListOptions>& los)
    {
        QList<QFuture<Result<ObjectList>>> lists;
        for (int i = 0; i < types.size(); ++i)
            lists << client->list(types.at(i), ns, optionsFor(los, i));
        return lists;
    }
    Result<QList<ObjectList>> collectLists(const QList<ResourceType>& types,
                                           const QList<ListOptions>& los,
                                           QList<QFuture<Result<ObjectList>>> lists)
    {
        QList<ObjectList> out;
        for (int i = 0; i < types.size(); ++i) {
            Result<ObjectList> list = await(lists[i]);
            if (answered(list.status))
                serverAnswered = true;
            else
                list = listObjects(types.at(i), optionsFor(los, i));
            if (!list)
                return Result<QList<ObjectList>>::failure(list.status);
            out << list.value;
        }
        return Result<QList<ObjectList>>::success(out);
    }
    // Names of the pods `matchLabels` selects that serve now (Running, Ready, not terminating),
    // read from the pods themselves: a Deployment's status and an EndpointSlice are written by
    // the controller-manager and may still count pods that are gone (kube/podstate.h).
    // Several such reads go out together: sendPodQuery() for each, then servingPodsOf().
    struct PodQuery
    {
        bool none = false; // an empty selector: no pods
        Status error;      // an invalid selector
        ListOptions lo;
        QFuture<Result<ObjectList>> sent;
    };
    PodQuery sendPodQuery(const QJsonObject& matchLabels)
    {
        PodQuery q;
        if (matchLabels.isEmpty()) {
            q.none = true;
            return q;
        }
        LabelSelector selector;
        for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
            selector.equals(it.key(), it.value().toString());
        Result<QString> text = selector.toString();
        if (!text) {
            q.error = text.status;
            return q;
        }
        q.lo.labelSelector = text.value;
        q.sent = client->list(ResourceType::pods(), ns, q.lo);
        return q;
    }
    Result<QSet<QString>> servingPodsOf(PodQuery& q)
    {
        if (q.none)
            return Result<QSet<QString>>::success({});
        if (!q.error.ok())
            return Result<QSet<QString>>::failure(q.error);
        Result<ObjectList> pods =
            firstAnswer(q.sent, ktr("kube::rollout", "list %1").arg(ResourceType::pods().resource),
                        [&] { return await(client->list(ResourceType::pods(), ns, q.lo)); });
        if (!pods)
            return Result<QSet<QString>>::failure(pods.status);
        QSet<QString> out;
        for (const QJsonObject& pod : pods.value.items)
            if (podServing(pod))
                out.insert(metaString(pod, "name"));
        return Result<QSet<QString>>::success(out);
    }
    Result<QJsonObject> applyObject(const ResourceType& t, const QJsonObject& o, bool dryRun,
                                    const QString& manager = {})
    {
        WriteOptions w = writeOptions(dryRun);
        if (!manager.isEmpty())
            w.fieldManager = manager;
        return retrying(ktr("kube::rollout", "apply %1").arg(objectKey(t, metaString(o, "name"))),
                        [&] { return await(client->apply(t, ns, o, w)); });
    }
    // Deletes with a uid precondition (`unchanged`: a resourceVersion precondition too: 409
    // when the object changed since `live` was read); gone already counts as deleted.
    Status deleteObject(const ResourceType& t, const QJsonObject& live, bool dryRun = false,
                        bool unchanged = false)
    {
        DeleteOptions del;
        del.dryRun = dryRun;
        del.propagationPolicy = dryRun ? QString() : QStringLiteral("Background");
        del.preconditionUid = metaString(live, "uid");
        if (unchanged)
            del.preconditionResourceVersion = metaString(live, "resourceVersion");
        const QString name = metaString(live, "name");
        Status st = retrying(ktr("kube::rollout", "delete %1").arg(objectKey(t, name)),
                             [&] { return await(client->remove(t, ns, name, del)); });
        return st.isNotFound() ? Status::success() : st;
    }

    ApplyReport execute();
    std::optional<StepError> validateStep();
    std::optional<StepError> leaseStep();
    std::optional<StepError> dryRunStep();
    bool nothingToChange() const;
    std::optional<StepError> appDeploymentStep();
    std::optional<StepError> deploymentsStep();
    std::optional<StepError> readinessStep();
    std::optional<StepError> servicesStep();
    std::optional<StepError> endpointsStep();
    std::optional<StepError> routingStep();
    // Waits until each parent Gateway's controller accepts the applied HTTPRoute (parents no
    // controller serves are noted, not waited for).
    std::optional<StepError> awaitRouteAcceptance(ApplyStep s, const QJsonObject& applied);
    // The route of the other routing API that this AppDeployment owns, when there is one;
    // with `sent`, from the read sendOtherRouteRead() sent ahead.
    Result<std::optional<QPair<ResourceType, QJsonObject>>>
    otherOwnedRoute(std::optional<QFuture<Result<QJsonObject>>> sent = std::nullopt);
    // The other routing API's route type, when the cluster serves it and the AppDeployment
    // exists; the read of its route, sent now.
    std::optional<ResourceType> otherRouteType() const;
    std::optional<QFuture<Result<QJsonObject>>> sendOtherRouteRead();
    std::optional<StepError> readBackStep();
    std::optional<StepError> scaleDownStep();
    // --scale-down-delay: after a routing change, before pods go.
    std::optional<StepError> awaitProxies(ApplyStep s);
    std::optional<StepError> pruneStep();
    std::optional<StepError> statusStep();
    // history.h; failures are warnings, never stop the apply. `listed`: the history's list,
    // sent ahead.
    void recordHistoryStart(std::future<Result<HistoryList>>* listed);
    // Sends the result's write, runs `meanwhile`, then waits for the write's answer.
    void recordHistoryEnd(const std::function<void()>& meanwhile);
    // The status subresource's body; its write, retried past --timeout and after a cancel;
    // with `first`, the first attempt was sent ahead (sendStatus()) with other requests.
    QJsonObject statusBody(const QString& phase, const QString& conditionStatus,
                           const QString& reason, const QString& message) const;
    QFuture<Result<QJsonObject>> sendStatus(const QJsonObject& body)
    {
        return client->applyStatus(ResourceType::appDeployments(), ns, body, writeOptions(false));
    }
    Status writeStatus(const QJsonObject& body,
                       std::optional<QFuture<Result<QJsonObject>>> first = std::nullopt);
    Status writeStatus(const QString& phase, const QString& conditionStatus, const QString& reason,
                       const QString& message)
    {
        return writeStatus(statusBody(phase, conditionStatus, reason, message));
    }
    std::optional<StepError> adoptObject(int index, bool dryRun);
    // Rendered object `index`, adopted first when --adopt said so, applied as `object` (the
    // rendered one, or an adjusted copy) and recorded in step `s`; the applied object in `out`.
    std::optional<StepError> applyRendered(ApplyStep s, int index, const QJsonObject& object,
                                           QJsonObject* out = nullptr);
    // Several rendered objects (index, object to send), each adopted first when --adopt said
    // so (one at a time), then applied together: the applies are independent within a step.
    // The applied objects in `out`, in order (an empty object for one that failed); the first
    // failure is returned (the others were sent all the same).
    std::optional<StepError> applyTogether(const QList<QPair<int, QJsonObject>>& objects,
                                           QList<QJsonObject>* out);
    QJsonObject appDeploymentObject() const;
    // Waits, polling, until `check` says each of `want` ("Kind/name" -> ready count needed) is
    // ready; skipped when `want` is empty (`none` says why) or with --force; then finishes `s`.
    // The state is a Text: the timeout's message may reach the Ready condition (English).
    struct ReadyState
    {
        bool done = false;
        Text text;
    };
    // Checks every name still pending at once (their reads go out together), with the ready
    // count each needs; a state per name, in order.
    using ReadyCheck = std::function<Result<QList<ReadyState>>(const QStringList& names,
                                                               const QList<int>& needed)>;
    std::optional<StepError> waitUntilReady(ApplyStep s, const QMap<QString, int>& want,
                                            const QString& none, const ReadyCheck& check,
                                            const Text& what);
    // The live routes of every VirtualService and HTTPRoute of the namespace that give weight
    // > 0, read now.
    struct LiveRoutes
    {
        QMap<QString, QStringList> byService; // Service -> "VirtualService/x http[0] (weight 10)"
        QList<QJsonObject> services;          // every Service of the namespace
        // Routes that reach a Deployment's pods through any Service selecting them.
        QStringList toDeployment(const QJsonObject& deployment) const;
    };
    Result<LiveRoutes> readLiveRoutes();

    Status cancelledStatus() const
    {
        return Status::error(Status::Kind::Cancelled,
                             tx("kube::rollout", "cancelled by the operator"), {},
                             QStringLiteral("Cancelled"));
    }
    WriteOptions writeOptions(bool dryRun) const
    {
        WriteOptions w;
        w.dryRun = dryRun;
        // Ownership was checked before anything was written: VelaDesk is the authority for
        // the fields it sets on the objects it owns, so conflicts with other managers (e.g. a
        // hand edit) are taken back, correcting drift.
        w.force = true;
        w.fieldManager = options.fieldManager;
        return w;
    }
    // What the prune step lists: every route, Service and Deployment labelled with this
    // AppDeployment, in the order they are deleted.
    QList<ResourceType> pruneTypes() const
    {
        return servedRouteTypes() +
               QList<ResourceType>{ResourceType::services(), ResourceType::deployments()};
    }
    ListOptions pruneQuery(const ResourceType& t) const
    {
        ListOptions lo;
        lo.labelSelector = key(labels::appDeployment) + QLatin1Char('=') + plan.name;
        const QString rv = validatedListRv.value(typeKey(t));
        if (pruneFromValidate && !rv.isEmpty()) {
            lo.resourceVersion = rv;
            lo.resourceVersionMatch = QStringLiteral("NotOlderThan");
        }
        return lo;
    }
    static QString typeKey(const ResourceType& t)
    {
        return t.group + QLatin1Char('/') + t.resource;
    }
    QList<ListOptions> pruneQueries() const
    {
        QList<ListOptions> out;
        for (const ResourceType& t : pruneTypes())
            out << pruneQuery(t);
        return out;
    }
    // Route types the cluster serves: VirtualService, HTTPRoute.
    QList<ResourceType> servedRouteTypes() const
    {
        QList<ResourceType> out;
        if (!served.virtualServiceVersion.isEmpty())
            out << ResourceType::virtualServices(served.virtualServiceVersion);
        if (!served.httpRouteVersion.isEmpty())
            out << httpRoutes(served.httpRouteVersion);
        return out;
    }
    const RenderedObject* renderedRoute() const
    {
        for (const RenderedObject& o : rendered.objects)
            if (o.isRoute())
                return &o;
        return nullptr;
    }
    QList<const RenderedObject*> renderedOf(RenderedObject::Role role) const
    {
        QList<const RenderedObject*> out;
        for (const RenderedObject& o : rendered.objects)
            if (o.role == role)
                out << &o;
        return out;
    }
    // The plan's weighted targets that get weight > 0.
    bool member() const { return options.memberRevisions.has_value(); }
    QString thisCluster() const
    {
        return options.cluster.isEmpty() ? options.homeCluster : options.cluster;
    }
    // In a member cluster, the placed-by marker its objects carry (render.h).
    QString placedBy() const
    {
        return member() ? placedByMarker(options.homeCluster, ns, plan.name) : QString();
    }
    QList<WeightedTarget> weightedTargets() const
    {
        QList<WeightedTarget> out;
        if (plan.traffic && plan.routesIn(thisCluster(), options.homeCluster))
            for (const HttpRule& rule : plan.traffic->http)
                for (const WeightedTarget& t : rule.weightedTargets)
                    if (t.weight > 0)
                        out << t;
        return out;
    }
    // Replicas that a Deployment needs ready before it gets traffic: its planned count, or 1
    // when an HPA decides the count.
    int readyWanted(const QString& deployment, const QString& revision) const
    {
        if (renderOptions.replicasManagedBy.contains(deployment))
            return 1;
        return std::max(1, plan.replicasIn(revision, thisCluster(), options.homeCluster));
    }
};

Applier::Applier(std::shared_ptr<Client> client, AppDeploymentPlan plan, ApplyOptions options,
                 QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<kube::rollout::ApplyStep>();
    qRegisterMetaType<kube::rollout::StepResult>();
    qRegisterMetaType<kube::rollout::ApplyReport>();
    d->client = std::move(client);
    d->plan = std::move(plan);
    d->options = std::move(options);
    d->q = this;
}

Applier::~Applier()
{
    if (d->worker) {
        d->cancelled = true;
        d->worker->wait();
    }
}

void Applier::start()
{
    if (d->running.exchange(true))
        return;
    d->cancelled = false;
    if (d->worker)
        d->worker->wait(); // the previous run's thread has emitted finished()
    // A thread of its own, not QThreadPool::globalInstance(): the apply blocks on requests
    // whose exec credential plugins may need a pool thread (issue 9).
    d->worker.reset(QThread::create([this]() {
        const ApplyReport r = d->execute();
        {
            QMutexLocker lock(&d->mutex);
            d->lastReport = r;
        }
        d->running = false;
        Q_EMIT finished(r);
    }));
    d->worker->setObjectName(QStringLiteral("veladesk-apply"));
    d->worker->start();
}

ApplyReport Applier::run()
{
    if (d->running.exchange(true))
        return report();
    d->cancelled = false;
    const ApplyReport r = d->execute();
    {
        QMutexLocker lock(&d->mutex);
        d->lastReport = r;
    }
    d->running = false;
    Q_EMIT finished(r);
    return r;
}

void Applier::cancel()
{
    d->cancelled = true;
}

bool Applier::isRunning() const
{
    return d->running.load();
}

ApplyReport Applier::report() const
{
    QMutexLocker lock(&d->mutex);
    return d->lastReport;
}

ApplyReport Applier::Private::execute()
{
    report = ApplyReport{};
    for (ApplyStep s : allApplySteps())
        report.steps << StepResult{s, StepResult::State::NotRun, {}, {}};
    deadline = std::chrono::steady_clock::now() + options.timeout;
    appDeploymentWritten = false;
    serverAnswered = false;
    adopt.clear();
    liveObjects.clear();
    prunePreview.clear();
    keptAbovePlan.clear();
    dryRunSent.clear();
    dryRunNoop.clear();
    freshDeployments.clear();
    pruneListsAhead.clear();
    validatedListRv.clear();
    validatedAdRv.clear();
    pruneFromValidate = false;
    routeNotes.clear();
    routingChanged = false;
    lease.reset();
    historyEntry.reset();
    historyEndAhead.reset();
    historyAhead = {};
    holder = options.holderIdentity.isEmpty() ? applyHolderIdentity(options.tool)
                                              : options.holderIdentity;

    using StepFn = std::optional<StepError> (Private::*)();
    const StepFn steps[applyStepCount] = {
        &Private::validateStep,      &Private::dryRunStep,      &Private::leaseStep,
        &Private::appDeploymentStep, &Private::deploymentsStep, &Private::readinessStep,
        &Private::servicesStep,      &Private::endpointsStep,   &Private::routingStep,
        &Private::readBackStep,      &Private::scaleDownStep,   &Private::pruneStep,
        &Private::statusStep};
    for (int i = 0; i < applyStepCount; ++i) {
        const ApplyStep s = ApplyStep(i);
        if (options.dryRun && i > int(ApplyStep::DryRun)) {
            step(s).state = StepResult::State::Skipped;
            step(s).message = QStringLiteral("--dry-run");
            continue;
        }
        std::optional<StepError> err = interruption();
        if (!err)
            err = (this->*steps[i])();
        if (!err && s == ApplyStep::DryRun && !options.dryRun && options.skipUnchanged &&
            nothingToChange()) {
            // As `kubectl apply` says "unchanged": no write at all, no history entry.
            report.unchanged = true;
            for (int j = i + 1; j < applyStepCount; ++j)
                finish(ApplyStep(j), StepResult::State::Skipped,
                       ktr("kube::rollout", "unchanged: the cluster already runs this plan"));
            break;
        }
        if (!err)
            continue;
        const bool wasCancelled = err->status.kind == Status::Kind::Cancelled;
        StepResult& sr = step(s);
        sr.state = wasCancelled ? StepResult::State::Cancelled : StepResult::State::Failed;
        sr.message = err->status.message;
        Q_EMIT q->stepFinished(sr);
        report.status = err->status;
        // Without the Lease another apply may be writing: its status is not ours to change.
        if (appDeploymentWritten && err->reason != QLatin1String("LeaseLost")) {
            QStringList done, notDone;
            for (const StepResult& r : report.steps)
                (r.state == StepResult::State::Done || r.state == StepResult::State::Skipped
                     ? done
                     : notDone)
                    << applyStepName(r.step);
            const QString msg =
                QStringLiteral("%1 failed: %2 (done: %3; not done: %4)")
                    .arg(applyStepName(s), err->status.toEnglishString(),
                         done.join(QStringLiteral(", ")), notDone.join(QStringLiteral(", ")));
            const Status st =
                writeStatus(QStringLiteral("Failed"), QStringLiteral("False"), err->reason, msg);
            if (!st.ok())
                progress(s, ktr("kube::rollout", "could not write the Failed status: %1")
                                .arg(st.toString()));
        }
        break;
    }
    // The history's result and the Lease's release are independent: the release goes out
    // while the result's write is in flight.
    recordHistoryEnd([this] {
        if (!lease)
            return;
        const Status st = lease->release(std::chrono::steady_clock::now() + kFinalWriteGrace);
        progress(
            ApplyStep::Lease,
            st.ok() ? ktr("kube::rollout", "Lease released")
                    : ktr("kube::rollout", "could not release the Lease (it expires by itself): %1")
                          .arg(st.toString()));
        lease.reset();
    });
    return report;
}

// The dry-run found every object (the AppDeployment too) as planned, nothing to adopt or
// prune, and the last apply of this plan completed: a no-op.
bool Applier::Private::nothingToChange() const
{
    if (!adopt.isEmpty() || !prunePreview.isEmpty() || report.dryRunDiffs.isEmpty())
        return false;
    for (const ObjectDiff& d : report.dryRunDiffs)
        if (d.change != ObjectDiff::Change::Unchanged)
            return false;
    return liveAppDeployment.value(QLatin1String("status"))
               .toObject()
               .value(QLatin1String("phase"))
               .toString() == QLatin1String("Completed");
}

std::optional<StepError> Applier::Private::validateStep()
{
    const ApplyStep s = ApplyStep::Validate;
    if (auto stop =
            begin(s, ktr("kube::rollout",
                         "read revisions and live objects, validate the plan, check ownership")))
        return stop;
    auto fail = [](Status st) { return StepError{std::move(st), QStringLiteral("Invalid")}; };
    auto invalid = [&](const QString& msg) {
        return fail(Status::error(Status::Kind::Invalid, msg,
                                  QStringLiteral("AppDeployment/") + plan.name,
                                  QStringLiteral("Invalid")));
    };
    if (!options.namespaceName.isEmpty() && !plan.namespaceName.isEmpty() &&
        options.namespaceName != plan.namespaceName)
        return invalid(
            ktr("kube::rollout", "the plan's namespace (%1) does not match --namespace %2")
                .arg(plan.namespaceName, options.namespaceName));
    if (plan.name.isEmpty())
        return invalid(ktr("kube::rollout", "metadata.name: required"));
    if (Result<int> limit = historyLimit(plan.annotations, options.historyLimit); !limit)
        return invalid(limit.status.message);
    ns = !plan.namespaceName.isEmpty()      ? plan.namespaceName
         : !options.namespaceName.isEmpty() ? options.namespaceName
                                            : client->defaultNamespace();
    plan.namespaceName = ns;

    // Another apply in progress: say so before reading anything else (the Lease step takes it).
    // A member cluster has no Lease: the home cluster's covers it.
    // The reads of this step that do not depend on each other go out together (one round
    // trip instead of seven); each is awaited where it is needed, in the order below.
    auto ahead = [](auto f) { return std::async(std::launch::async, std::move(f)); };
    Client& c = *client;
    const QString name = plan.name;
    auto readLease = [&c, ns = ns, name] { return readApplyLease(c, ns, name); };
    auto checkCrd = [&c] { return checkAppDeploymentCrd(c); };
    auto readRevisions = [&c, ns = ns] { return listRevisions(c, ns); };
    auto readDiscovery = [&c] { return await(c.discovery()); };
    auto readHpas = [&c, ns = ns] { return replicasManagedByHpa(c, ns); };
    auto readAd = [&c, ns = ns, name] {
        return await(c.get(ResourceType::appDeployments(), ns, name));
    };
    std::future<Result<std::optional<ApplyLeaseInfo>>> leaseAhead;
    std::future<Status> crdAhead;
    std::future<Result<QList<AppRevision>>> revisionsAhead;
    std::future<Result<QJsonObject>> adAhead;
    if (!member()) {
        leaseAhead = ahead(readLease);
        crdAhead = ahead(checkCrd);
        revisionsAhead = ahead(readRevisions);
        adAhead = ahead(readAd);
    }
    std::future<Result<Discovery>> discoveryAhead = ahead(readDiscovery);
    std::future<Result<QMap<QString, QString>>> hpasAhead = ahead(readHpas);

    Result<std::optional<ApplyLeaseInfo>> held =
        member() ? Result<std::optional<ApplyLeaseInfo>>::success(std::nullopt)
                 : firstAnswer(leaseAhead, ktr("kube::rollout", "read the apply Lease"), readLease);
    if (!held)
        return fail(held.status);
    if (held.value && held.value->isLive() && held.value->holder != holder) {
        const QString msg =
            ktr("kube::rollout", "apply in progress by %1").arg(held.value->describe());
        if (!options.dryRun) {
            report.heldBy = held.value;
            return StepError{
                Status::error(
                    Status::Kind::Invalid,
                    ktr("kube::rollout", "%1 (Lease %2): nothing was changed; try again "
                                         "when it has finished (if that apply died, its "
                                         "Lease expires at %3)")
                        .arg(msg, held.value->name, held.value->expiresAt().toString(Qt::ISODate)),
                    QStringLiteral("AppDeployment/") + plan.name,
                    QStringLiteral("ApplyInProgress")),
                QStringLiteral("ApplyInProgress")};
        }
        progress(s,
                 ktr("kube::rollout", "warning: %1; this dry-run may be outdated when it finishes")
                     .arg(msg));
    }

    if (member()) {
        revisions = *options.memberRevisions;
    } else {
        if (Status st = firstAnswer(crdAhead, ktr("kube::rollout", "check the AppDeployment CRD"),
                                    checkCrd);
            !st)
            return fail(st);
        Result<QList<AppRevision>> revs = firstAnswer(
            revisionsAhead, ktr("kube::rollout", "list ApplicationRevisions"), readRevisions);
        if (!revs)
            return fail(revs.status);
        revisions = revs.value;
    }
    renderOptions = RenderOptions{};
    renderOptions.namespaceName = ns;
    renderOptions.homeCluster = options.homeCluster;
    renderOptions.cluster = options.cluster;
    {
        Result<Discovery> disc =
            firstAnswer(discoveryAhead, ktr("kube::rollout", "discovery"), readDiscovery);
        if (!disc)
            return fail(disc.status);
        served = servedRouting(disc.value);
        renderOptions.virtualServiceVersion = served.virtualServiceVersion;
        if (!served.httpRouteVersion.isEmpty())
            renderOptions.httpRouteVersion = served.httpRouteVersion;
    }
    Result<QMap<QString, QString>> hpas =
        firstAnswer(hpasAhead, ktr("kube::rollout", "list HorizontalPodAutoscalers"), readHpas);
    if (!hpas)
        return fail(hpas.status);
    renderOptions.replicasManagedBy = hpas.value;
    // A member cluster has no AppDeployment (it lives in the home cluster).
    Result<QJsonObject> liveAd =
        member() ? Result<QJsonObject>::success(QJsonObject())
                 : firstAnswer(adAhead,
                               ktr("kube::rollout", "read %1")
                                   .arg(objectKey(ResourceType::appDeployments(), plan.name)),
                               readAd);
    if (!liveAd && !liveAd.status.isNotFound())
        return fail(liveAd.status);
    liveAppDeployment = liveAd.ok() ? liveAd.value : QJsonObject();
    liveUid = metaString(liveAppDeployment, "uid");
    // The routing API, recorded in the AppDeployment's annotation by the AppDeployment step.
    Result<RoutingChoice> choice = chooseRouting(plan, liveAppDeployment, served, options.routing);
    if (!choice)
        return invalid(choice.status.message);
    routing = choice.value;
    report.routing = routing;
    setPlannedRouting(plan, routing.api);
    renderOptions.routing = routing.api;
    progress(s, ktr("kube::rollout", "routing: %1").arg(routing.describe()));
    renderOptions.ownerUid = liveUid.isEmpty() ? RenderOptions::placeholderUid() : liveUid;
    rendered = render(plan, revisions, renderOptions);
    report.issues = rendered.issues;
    for (const Issue& i : rendered.issues)
        if (!i.isError())
            progress(s, i.toString());
    if (!rendered.ok()) {
        QStringList errors;
        for (const Issue& i : rendered.issues)
            if (i.isError())
                errors << i.field + QStringLiteral(": ") + i.message;
        Status st = Status::error(
            Status::Kind::Invalid,
            errors.size() == 1
                ? ktr("kube::rollout", "the plan is invalid, nothing was changed: %1")
                      .arg(errors.first())
                : ktr("kube::rollout", "the plan is invalid (%1 errors), nothing was changed")
                      .arg(errors.size()),
            QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("Invalid"));
        if (errors.size() > 1)
            st.details = errors;
        return fail(st);
    }
    for (const RenderedObject* o : renderedOf(RenderedObject::Role::Deployment)) {
        const QString hpa = renderOptions.replicasManagedBy.value(o->name());
        if (hpa.isEmpty())
            continue;
        report.replicasManagedBy.insert(o->name(), hpa);
        progress(s, ktr("kube::rollout", "%1: replicas managed by %2; the plan's %3 is not sent")
                        .arg(o->displayName(), hpa)
                        .arg(plan.replicasIn(o->revisionName, thisCluster(), options.homeCluster)));
    }

    // Ownership of every object to write. The reads go out together (one round trip, not one
    // per object); one the server did not answer is read again on its own, with retries.
    QList<QFuture<Result<QJsonObject>>> reads;
    for (const RenderedObject& o : rendered.objects)
        reads << client->get(o.type, ns, o.name());
    // What pruning would delete now (only the dry-run uses it, see prunePreview): these lists
    // go out with the reads.
    const bool previewPrune = !liveUid.isEmpty() || member();
    const QList<ResourceType> pruneTypes =
        servedRouteTypes() +
        QList<ResourceType>{ResourceType::deployments(), ResourceType::services()};
    ListOptions pruneQuery;
    QList<QFuture<Result<ObjectList>>> pruneLists;
    if (previewPrune) {
        Result<QString> selector =
            LabelSelector().equals(key(labels::appDeployment), plan.name).toString();
        if (!selector)
            return fail(selector.status);
        pruneQuery.labelSelector = selector.value;
        pruneLists = sendLists(pruneTypes, {pruneQuery});
    }
    QStringList conflicts;
    for (int i = 0; i < rendered.objects.size(); ++i) {
        if (auto stop = interruption())
            return stop;
        const RenderedObject& o = rendered.objects.at(i);
        Result<QJsonObject> live = await(reads[i]);
        if (answered(live.status))
            serverAnswered = true;
        else
            live = getObject(o.type, o.name());
        if (!live && !live.status.isNotFound())
            return fail(live.status);
        liveObjects << qMakePair(o.type, live.ok() ? live.value : QJsonObject());
        step(s).objects << o.displayName();
        if (!live.ok())
            continue;
        const Ownership own = ownershipOf(live.value, plan.name, liveUid, placedBy());
        if (own.state == Ownership::State::ThisAppDeployment)
            continue;
        if (options.adopt) {
            adopt.insert(i);
            progress(s, ktr("kube::rollout", "%1 is owned by %2: adopting it (--adopt)")
                            .arg(o.displayName(), own.owner));
        } else {
            conflicts << ktr("kube::rollout",
                             "%1 exists and is not owned by AppDeployment %2 (owner: %3)")
                             .arg(o.displayName(), plan.name, own.owner);
        }
    }
    if (!conflicts.isEmpty()) {
        const QString tail =
            ktr("kube::rollout", "not overwritten, nothing was changed (use --adopt to take over)");
        Status st = Status::error(
            Status::Kind::Invalid,
            conflicts.size() == 1
                ? conflicts.first() + QStringLiteral("; ") + tail
                : ktr("kube::rollout", "%1 objects exist that AppDeployment %2 does not own; %3")
                      .arg(conflicts.size())
                      .arg(plan.name, tail),
            QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("OwnershipConflict"));
        if (conflicts.size() > 1)
            st.details = conflicts;
        return StepError{st, QStringLiteral("OwnershipConflict")};
    }

    if (previewPrune) {
        QSet<QString> planned;
        for (const RenderedObject& o : rendered.objects)
            planned.insert(objectKey(o.type, o.name()));
        Result<QList<ObjectList>> lists = collectLists(pruneTypes, {pruneQuery}, pruneLists);
        if (!lists)
            return fail(lists.status);
        // The AppDeployment was read before these lists were sent (previewPrune needs its uid).
        if (!member())
            validatedAdRv = metaString(liveAppDeployment, "resourceVersion");
        for (int i = 0; i < pruneTypes.size(); ++i) {
            const ResourceType& t = pruneTypes.at(i);
            if (!member())
                validatedListRv.insert(typeKey(t), lists.value.at(i).resourceVersion);
            for (const QJsonObject& o : lists.value.at(i).items)
                if (!planned.contains(objectKey(t, metaString(o, "name"))) &&
                    ownershipOf(o, plan.name, liveUid, placedBy()).state ==
                        Ownership::State::ThisAppDeployment)
                    prunePreview << qMakePair(t, o);
        }
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "%1 objects planned, %2 to prune now, %3 revisions known")
               .arg(rendered.objects.size())
               .arg(prunePreview.size())
               .arg(revisions.size()));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::leaseStep()
{
    const ApplyStep s = ApplyStep::Lease;
    if (auto stop = begin(s, ktr("kube::rollout",
                                 "acquire the Lease: one apply of this AppDeployment at a time")))
        return stop;
    // A dry-run never gets here: execute() skips every step after DryRun.
    if (member()) {
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "member cluster: the Lease is held in the home cluster"));
        return std::nullopt;
    }
    ApplyLease::Options lo;
    lo.holder = holder;
    lo.duration = options.leaseDuration;
    lo.deadline = deadline;
    lo.stop = [this] { return isCancelled(); };
    lo.retryTlsHandshake = true; // Validate talked to this server
    lo.onRetry = [this](const QString& m) {
        ++report.retries;
        progress(ApplyStep::Lease, m);
    };
    // The AppDeployment step needs the history's list: a read, sent with the Lease's create
    // (should another apply's entry be missing from it, the entry's create answers 409 and
    // the history is listed again).
    historyAhead = std::async(std::launch::async, [&c = *client, ns = ns, name = plan.name] {
        return listHistory(c, ns, name);
    });
    std::optional<ApplyLeaseInfo> heldBy;
    Result<std::unique_ptr<ApplyLease>> l = ApplyLease::acquire(client, ns, plan.name, lo, &heldBy);
    if (!l) {
        report.heldBy = heldBy;
        return StepError{l.status, heldBy ? QStringLiteral("ApplyInProgress")
                                          : QStringLiteral("LeaseFailed")};
    }
    lease = std::move(l.value);
    report.leaseHolder = holder;
    const ApplyLeaseInfo info = lease->info();
    // Did another apply of this AppDeployment write between Validate's lists and this Lease?
    // Each one that creates objects holds the Lease and writes the AppDeployment first (phase
    // Rolling) and again at its end; one that died half way leaves its Lease behind, taken over
    // only once expired (never created afresh). So a Lease created afresh and the AppDeployment
    // still at the resourceVersion Validate read before its lists mean: what this AppDeployment
    // owns is as those lists found it, or changed by someone else since (kubectl), which a
    // list of now could miss a moment later as well. The prune step deletes with a
    // resourceVersion precondition either way.
    if (!validatedListRv.isEmpty() && !validatedAdRv.isEmpty() && info.transitions == 0) {
        const Result<QJsonObject> ad =
            await(client->get(ResourceType::appDeployments(), ns, plan.name));
        pruneFromValidate = ad.ok() && metaString(ad.value, "resourceVersion") == validatedAdRv;
    }
    step(s).objects << QStringLiteral("Lease/") + info.name;
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "Lease/%1 held by %2 (%3 s, renewed while the apply runs)")
               .arg(info.name, holder, QString::number(info.durationSeconds)));
    return std::nullopt;
}

QJsonObject Applier::Private::appDeploymentObject() const
{
    // The last completed spec is bookkeeping of the Status step (a merge patch), never part of
    // the applied configuration: a plan read back from the cluster must not carry it along.
    QJsonObject ad = renderAppDeployment(plan, renderOptions);
    QJsonObject meta = ad.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    if (annotations.contains(key(labels::lastCompletedSpec)) ||
        annotations.contains(QLatin1String(lastCompletedRoutingAnnotation))) {
        annotations.remove(key(labels::lastCompletedSpec));
        annotations.remove(QLatin1String(lastCompletedRoutingAnnotation));
        if (annotations.isEmpty())
            meta.remove(QStringLiteral("annotations"));
        else
            meta.insert(QStringLiteral("annotations"), annotations);
        ad.insert(QStringLiteral("metadata"), meta);
    }
    return ad;
}

std::optional<StepError> Applier::Private::adoptObject(int index, bool dryRun)
{
    // Replace the owner references: drop other controllers (an object has one controller),
    // keep the rest, add ours. A JSON merge patch replaces the whole list.
    const RenderedObject& o = rendered.objects.at(index);
    const QJsonObject live = liveObjects.at(index).second;
    QJsonArray refs;
    for (const QJsonValue& v : live.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("ownerReferences"))
                                   .toArray())
        if (!v.toObject().value(QLatin1String("controller")).toBool())
            refs.append(v);
    for (const QJsonValue& v : o.object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("ownerReferences"))
                                   .toArray())
        refs.append(v);
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("ownerReferences"), refs},
                     {QStringLiteral("resourceVersion"), metaString(live, "resourceVersion")}}}};
    Request req;
    req.method = "PATCH";
    req.path = o.type.objectPath(ns, o.name());
    req.contentType = "application/merge-patch+json";
    req.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    req.object = o.displayName();
    req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
    if (dryRun)
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    // Not retried: guarded by the resourceVersion read in Validate, a second attempt after a
    // lost answer would fail with a conflict.
    const Response r = await(client->send(req));
    if (!r.status)
        return StepError{r.status, QStringLiteral("AdoptFailed")};
    return std::nullopt;
}

std::optional<StepError>
Applier::Private::applyRendered(ApplyStep s, int index, const QJsonObject& object, QJsonObject* out)
{
    const RenderedObject& o = rendered.objects.at(index);
    if (auto stop = interruption())
        return stop;
    if (adopt.contains(index)) {
        if (auto err = adoptObject(index, false))
            return err;
        progress(s, ktr("kube::rollout", "%1: adopted").arg(o.displayName()));
    }
    Result<QJsonObject> r = applyObject(o.type, object, false);
    if (!r)
        return StepError{r.status, QStringLiteral("ApplyFailed")};
    step(s).objects << o.displayName();
    if (out)
        *out = r.value;
    return std::nullopt;
}

std::optional<StepError>
Applier::Private::applyTogether(const QList<QPair<int, QJsonObject>>& objects,
                                QList<QJsonObject>* out)
{
    for (const auto& [index, object] : objects) {
        if (!adopt.contains(index))
            continue;
        if (auto stop = interruption())
            return stop;
        if (auto err = adoptObject(index, false))
            return err;
        progress(current,
                 ktr("kube::rollout", "%1: adopted").arg(rendered.objects.at(index).displayName()));
    }
    if (auto stop = interruption())
        return stop;
    QList<QFuture<Result<QJsonObject>>> sent;
    for (const auto& [index, object] : objects)
        sent << client->apply(rendered.objects.at(index).type, ns, object, writeOptions(false));
    std::optional<StepError> err;
    for (int k = 0; k < objects.size(); ++k) {
        const RenderedObject& o = rendered.objects.at(objects.at(k).first);
        const QJsonObject& object = objects.at(k).second;
        Result<QJsonObject> r =
            firstAnswer(sent[k], ktr("kube::rollout", "apply %1").arg(o.displayName()), [&] {
                return await(client->apply(o.type, ns, object, writeOptions(false)));
            });
        if (!r && !err)
            err = StepError{r.status, QStringLiteral("ApplyFailed")};
        if (out)
            *out << (r.ok() ? r.value : QJsonObject());
    }
    return err;
}

std::optional<StepError> Applier::Private::dryRunStep()
{
    const ApplyStep s = ApplyStep::DryRun;
    if (auto stop = begin(s, ktr("kube::rollout", "server-side dry-run of every object")))
        return stop;
    auto rejected = [](Status st) {
        return StepError{std::move(st), QStringLiteral("DryRunRejected")};
    };
    // The objects' owner references need the AppDeployment's uid: an AppDeployment that
    // exists keeps its uid (Validate read it), so its dry-run goes out with the others; one
    // that does not exist yet gets a uid from its own dry-run first.
    const QJsonObject adObject = appDeploymentObject();
    std::optional<QFuture<Result<QJsonObject>>> adAhead;
    Result<QJsonObject> adDry = Result<QJsonObject>::success(QJsonObject());
    if (!member() && !liveUid.isEmpty())
        adAhead = client->apply(ResourceType::appDeployments(), ns, adObject, writeOptions(true));
    else if (!member()) {
        adDry = applyObject(ResourceType::appDeployments(), adObject, true);
        if (!adDry)
            return rejected(adDry.status);
    }
    // Render again with the uid the server gave (or will keep) so the dry-run sees the real
    // owner references.
    RenderOptions dryOptions = renderOptions;
    const QString dryUid = adAhead ? liveUid : metaString(adDry.value, "uid");
    if (!dryUid.isEmpty())
        dryOptions.ownerUid = dryUid;
    const RenderResult dryRendered = render(plan, revisions, dryOptions);
    // The dry-runs go out together; one the server did not answer is sent again on its own,
    // with retries. Reported in the plan's order.
    QHash<int, QFuture<Result<QJsonObject>>> dryRuns;
    for (int i = 0; i < dryRendered.objects.size(); ++i)
        if (!adopt.contains(i))
            dryRuns.insert(i, client->apply(dryRendered.objects.at(i).type, ns,
                                            dryRendered.objects.at(i).object, writeOptions(true)));
    if (adAhead) {
        adDry = firstAnswer(*adAhead,
                            ktr("kube::rollout", "apply %1")
                                .arg(objectKey(ResourceType::appDeployments(), plan.name)),
                            [&] {
                                return await(client->apply(ResourceType::appDeployments(), ns,
                                                           adObject, writeOptions(true)));
                            });
        if (!adDry)
            return rejected(adDry.status);
        if (metaString(adDry.value, "uid") != liveUid)
            // Deleted and created again since Validate read it: the owner references the
            // dry-runs carry are not those of this AppDeployment. Stop as any other conflict
            // of an object changing under the apply would.
            return rejected(Status::error(
                Status::Kind::Http,
                ktr("kube::rollout", "AppDeployment %1 was deleted and created again while "
                                     "the apply read it (uid %2, now %3): nothing was changed")
                    .arg(plan.name, liveUid, metaString(adDry.value, "uid")),
                QStringLiteral("AppDeployment/") + plan.name, QStringLiteral("Conflict")));
    }
    if (!member()) {
        step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
        report.dryRunDiffs << diffObjects(ResourceType::appDeployments(), liveAppDeployment,
                                          adDry.value);
    }
    for (int i = 0; i < dryRendered.objects.size(); ++i) {
        if (auto stop = interruption())
            return stop;
        const RenderedObject& o = dryRendered.objects.at(i);
        if (adopt.contains(i)) {
            // The owner reference rewrite and the apply cannot be chained in one dry-run:
            // check the rewrite only.
            if (auto err = adoptObject(i, true))
                return rejected(err->status);
            progress(s,
                     ktr("kube::rollout", "%1: adoption accepted (dry-run)").arg(o.displayName()));
            continue;
        }
        Result<QJsonObject> r = await(dryRuns[i]);
        if (answered(r.status))
            serverAnswered = true;
        else
            r = applyObject(o.type, o.object, true);
        if (!r)
            return rejected(r.status);
        dryRunSent.insert(i, o.object);
        if (!liveObjects.at(i).second.isEmpty() && r.value == liveObjects.at(i).second)
            dryRunNoop.insert(i);
        report.dryRunDiffs << diffObjects(o.type, liveObjects.at(i).second, r.value);
        step(s).objects << o.displayName();
        progress(s, ktr("kube::rollout", "%1: accepted").arg(o.displayName()));
    }
    for (const auto& [type, obj] : prunePreview) {
        const Status st = deleteObject(type, obj, true);
        if (!st.ok())
            return rejected(st);
        report.dryRunDiffs << diffObjects(type, obj, {});
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "%1 objects accepted, %2 deletions accepted")
               .arg(dryRendered.objects.size() + (member() ? 0 : 1))
               .arg(prunePreview.size()));
    return std::nullopt;
}

QJsonObject Applier::Private::statusBody(const QString& phase, const QString& conditionStatus,
                                         const QString& reason, const QString& message) const
{
    AppDeploymentStatus st;
    st.phase = phase;
    st.conditions << Condition{kConditionType, conditionStatus, reason, message, now()};
    if (phase == QLatin1String("Completed") && options.placementStatus)
        st.placement = *options.placementStatus;
    else if (phase == QLatin1String("Completed"))
        for (const RevisionPlacement& r : plan.appRevisions)
            st.placement << PlacementStatus{
                r.revisionName,
                {PlacementStatus::Cluster{QString(),
                                          r.replicasIn(options.homeCluster, options.homeCluster)}}};
    const QJsonObject body{
        {QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
        {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), plan.name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("status"), st.toJson()}};
    return body;
}

Status Applier::Private::writeStatus(const QJsonObject& body,
                                     std::optional<QFuture<Result<QJsonObject>>> first)
{
    if (first) {
        Result<QJsonObject> r = await(*first);
        if (answered(r.status)) {
            serverAnswered = true;
            return r.status;
        }
    }
    const QString phase =
        body.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
    // The status is how others learn how this apply ended: retried past --timeout, and even
    // after a cancel.
    detail::RetryPolicy policy =
        retryPolicy(std::max(deadline, std::chrono::steady_clock::now() + kFinalWriteGrace));
    policy.stop = [this] { return lease && lease->lost(); };
    Result<QJsonObject> r =
        detail::retry(policy, ktr("kube::rollout", "write the status (phase %1)").arg(phase),
                      [&] { return await(sendStatus(body)); });
    return r.status;
}

std::optional<StepError> Applier::Private::appDeploymentStep()
{
    const ApplyStep s = ApplyStep::AppDeployment;
    if (auto stop = begin(s, ktr("kube::rollout", "apply the AppDeployment, phase Rolling")))
        return stop;
    if (member()) {
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "member cluster: the AppDeployment lives in the home cluster"));
        return std::nullopt;
    }
    const QJsonObject ad = appDeploymentObject();
    const QJsonObject rolling =
        statusBody(QStringLiteral("Rolling"), QStringLiteral("False"), QStringLiteral("Rolling"),
                   QStringLiteral("apply in progress by %1").arg(holder));
    // The apply, the Rolling status and the history entry each need the AppDeployment's uid,
    // not each other. When the AppDeployment exists, its uid is known (Validate read it, the
    // dry-run found it unchanged): the three writes go out together. The history's list was
    // sent with the Lease's create.
    std::optional<QFuture<Result<QJsonObject>>> adAhead, rollingAhead;
    bool historyRecorded = false;
    if (!liveUid.isEmpty()) {
        adAhead = client->apply(ResourceType::appDeployments(), ns, ad, writeOptions(false));
        rollingAhead = sendStatus(rolling);
        uid = liveUid;
        recordHistoryStart(&historyAhead);
        historyRecorded = true;
    }
    Result<QJsonObject> r =
        adAhead ? firstAnswer(*adAhead,
                              ktr("kube::rollout", "apply %1")
                                  .arg(objectKey(ResourceType::appDeployments(), plan.name)),
                              [&] {
                                  return await(client->apply(ResourceType::appDeployments(), ns, ad,
                                                             writeOptions(false)));
                              })
                : applyObject(ResourceType::appDeployments(), ad, false);
    if (!r) {
        // The Rolling status may be written: then the failure is written over it.
        if (rollingAhead && await(*rollingAhead).ok())
            appDeploymentWritten = true;
        return StepError{r.status, QStringLiteral("ApplyFailed")};
    }
    appDeploymentWritten = true;
    uid = metaString(r.value, "uid");
    if (adAhead && uid != liveUid) {
        // Deleted and created again since the dry-run: the status and the history entry went
        // to the AppDeployment that is gone (the entry, owned by it, is garbage-collected).
        // Write both again for this one.
        await(*rollingAhead);
        rollingAhead.reset();
        historyEntry.reset();
        historyRecorded = false;
    }
    // Server-side apply leaves fields that another manager set (e.g. `traffic` written by a
    // client-side `kubectl apply`) even when the plan drops them: the stored plan must be
    // exactly this one, so replace the spec's top-level fields with a merge patch.
    const QJsonObject wanted = specOf(ad);
    const QJsonObject stored = specOf(r.value);
    if (stored != wanted) {
        QJsonObject specPatch = wanted;
        for (auto it = stored.begin(); it != stored.end(); ++it)
            if (!wanted.contains(it.key()))
                specPatch.insert(it.key(), QJsonValue::Null);
        Request req;
        req.method = "PATCH";
        req.path = ResourceType::appDeployments().objectPath(ns, plan.name);
        req.contentType = "application/merge-patch+json";
        req.body = QJsonDocument(QJsonObject{{QStringLiteral("spec"), specPatch}})
                       .toJson(QJsonDocument::Compact);
        req.object = QStringLiteral("AppDeployment/") + plan.name;
        req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
        const Response pr = retrying(ktr("kube::rollout", "patch the AppDeployment's spec"),
                                     [&] { return await(client->send(req)); });
        if (!pr.status)
            return StepError{pr.status, QStringLiteral("ApplyFailed")};
        progress(s, ktr("kube::rollout", "removed spec fields set by another field manager"));
    }
    step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
    if (uid != liveUid) {
        // Created now (or recreated): owner references need the real uid.
        renderOptions.ownerUid = uid;
        rendered = render(plan, revisions, renderOptions);
    }
    // A new AppDeployment: the Rolling status and the history entry go out together now.
    if (!rollingAhead)
        rollingAhead = sendStatus(rolling);
    if (!historyRecorded)
        recordHistoryStart(&historyAhead);
    const Status st = writeStatus(rolling, rollingAhead);
    if (!st.ok())
        return StepError{st, QStringLiteral("StatusFailed")};
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "AppDeployment/%1 %2 (uid %3), phase Rolling")
               .arg(plan.name,
                    liveUid.isEmpty() ? ktr("kube::rollout", "created")
                                      : ktr("kube::rollout", "updated"),
                    uid));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::deploymentsStep()
{
    const ApplyStep s = ApplyStep::Deployments;
    if (auto stop = begin(s, ktr("kube::rollout",
                                 "create Deployments and raise replicas (lowering waits until "
                                 "routing has moved)")))
        return stop;
    QList<int> indexes;
    for (int i = 0; i < rendered.objects.size(); ++i)
        if (rendered.objects.at(i).role == RenderedObject::Role::Deployment)
            indexes << i;
    if (auto stop = interruption())
        return stop;
    // Read now, under the Lease: the replicas running at this moment decide what grows. The
    // reads are independent: they go out together (one round trip, not one per Deployment).
    QList<QFuture<Result<QJsonObject>>> reads;
    for (int i : std::as_const(indexes))
        reads << client->get(rendered.objects.at(i).type, ns, rendered.objects.at(i).name());
    QList<Result<QJsonObject>> lives;
    for (int k = 0; k < indexes.size(); ++k) {
        const RenderedObject& o = rendered.objects.at(indexes.at(k));
        Result<QJsonObject> live =
            firstAnswer(reads[k], ktr("kube::rollout", "read %1").arg(o.displayName()),
                        [&] { return await(client->get(o.type, ns, o.name())); });
        if (!live && !live.status.isNotFound())
            return StepError{live.status, QStringLiteral("ApplyFailed")};
        lives << live;
    }
    int created = 0, raised = 0, kept = 0, unchanged = 0, notSent = 0;
    QList<QPair<int, QJsonObject>> toApply;
    QStringList what(indexes.size()); // progress per Deployment, once applied
    QList<bool> skipped(indexes.size(), false);
    for (int k = 0; k < indexes.size(); ++k) {
        const int i = indexes.at(k);
        const RenderedObject& o = rendered.objects.at(i);
        const Result<QJsonObject>& live = lives.at(k);
        if (auto stop = interruption())
            return stop;
        QJsonObject object = o.object;
        const int planned = replicasOf(object);
        const int running = live.ok() ? replicasOf(live.value) : -1;
        const QString hpa = renderOptions.replicasManagedBy.value(o.name());
        if (!hpa.isEmpty()) {
            // Not sending spec.replicas would make server-side apply remove a field that only
            // VelaDesk's apply owns (back to 1 replica): first hand it to another field manager
            // at its live value, as the Kubernetes documentation shows for HPAs.
            if (live.ok() && appliesReplicas(live.value, options.fieldManager)) {
                const QJsonObject handover{
                    {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                    {QStringLiteral("kind"), QStringLiteral("Deployment")},
                    {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), o.name()},
                                                             {QStringLiteral("namespace"), ns}}},
                    {QStringLiteral("spec"),
                     QJsonObject{{QStringLiteral("replicas"), std::max(0, running)}}}};
                Result<QJsonObject> h =
                    applyObject(o.type, handover, false,
                                options.fieldManager + QStringLiteral("-handover-to-hpa"));
                if (!h)
                    return StepError{h.status, QStringLiteral("ApplyFailed")};
                progress(s, ktr("kube::rollout", "%1: spec.replicas handed over to %2 at %3")
                                .arg(o.displayName(), hpa)
                                .arg(running));
            }
        } else if (running > planned) {
            // Routing may still send this revision traffic: lower it after the routing step.
            QJsonObject spec = specOf(object);
            spec.insert(QStringLiteral("replicas"), running);
            object.insert(QStringLiteral("spec"), spec);
            keptAbovePlan.insert(o.name(), planned);
            ++kept;
            progress(s,
                     ktr("kube::rollout", "%1: kept at %2 replicas until routing has moved (plan: "
                                          "%3)")
                         .arg(o.displayName())
                         .arg(running)
                         .arg(planned));
        }
        // The dry-run applied exactly this object to exactly this state (the resourceVersion
        // Validate read, still the live one) and the server answered with that state
        // unchanged: the apply would change nothing, so it is not sent.
        if (live.ok() && hpa.isEmpty() && !adopt.contains(i) && dryRunNoop.contains(i) &&
            dryRunSent.value(i) == object &&
            metaString(live.value, "resourceVersion") ==
                metaString(liveObjects.at(i).second, "resourceVersion")) {
            skipped[k] = true;
            freshDeployments.insert(o.name(), live.value);
            ++notSent;
            what[k] = ktr("kube::rollout", "%1: unchanged (as the dry-run found it)")
                          .arg(o.displayName());
            continue;
        }
        toApply << qMakePair(i, object);
        if (!live.ok()) {
            ++created;
            what[k] = ktr("kube::rollout", "%1: created").arg(o.displayName());
        } else if (hpa.isEmpty() && planned > running) {
            ++raised;
            what[k] = ktr("kube::rollout", "%1: raised %2 -> %3 replicas")
                          .arg(o.displayName())
                          .arg(running)
                          .arg(planned);
        } else if (!keptAbovePlan.contains(o.name())) {
            ++unchanged;
            what[k] = ktr("kube::rollout", "%1: applied").arg(o.displayName());
        }
    }
    // The applies only grow (or keep) what runs: independent of each other, sent together.
    QList<QJsonObject> applied;
    const std::optional<StepError> err = applyTogether(toApply, &applied);
    for (int k = 0, a = 0; k < indexes.size(); ++k) {
        const RenderedObject& o = rendered.objects.at(indexes.at(k));
        if (!skipped.at(k)) {
            const QJsonObject answer = applied.value(a++);
            if (answer.isEmpty())
                continue;
            freshDeployments.insert(o.name(), answer);
        }
        step(s).objects << o.displayName();
        if (!what.at(k).isEmpty())
            progress(s, what.at(k));
    }
    if (err)
        return err;
    if (step(s).objects.isEmpty()) {
        finish(s, StepResult::State::Skipped, ktr("kube::rollout", "no Deployments in the plan"));
        return std::nullopt;
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout",
               "%1 created, %2 raised, %3 kept above the plan until routing has moved, "
               "%4 otherwise applied, %5 unchanged (as the dry-run found them: not sent)")
               .arg(created)
               .arg(raised)
               .arg(kept)
               .arg(unchanged)
               .arg(notSent));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::waitUntilReady(ApplyStep s,
                                                          const QMap<QString, int>& want,
                                                          const QString& none,
                                                          const ReadyCheck& check, const Text& what)
{
    if (want.isEmpty()) {
        finish(s, StepResult::State::Skipped, none);
        return std::nullopt;
    }
    const QStringList names = want.keys();
    if (options.force) {
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "--force: not waiting for %1")
                   .arg(names.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QElapsedTimer timer;
    timer.start();
    const auto waitDeadline =
        std::min(deadline, std::chrono::steady_clock::now() + options.readinessTimeout);
    QStringList pending = names;
    QMap<QString, Text> lastState;
    while (true) {
        if (auto stop = interruption())
            return stop;
        QStringList bare;
        QList<int> needed;
        for (const QString& name : std::as_const(pending)) {
            bare << name.section(QLatin1Char('/'), 1);
            needed << want.value(name);
        }
        Result<QList<ReadyState>> states = check(bare, needed);
        if (!states)
            return StepError{states.status, QStringLiteral("ReadinessCheckFailed")};
        QStringList still;
        for (int k = 0; k < pending.size(); ++k) {
            const QString& name = pending.at(k);
            const ReadyState& state = states.value.at(k);
            if (state.done) {
                progress(s, ktr("kube::rollout", "%1: %2").arg(name, state.text.shown));
                step(s).objects << name;
                continue;
            }
            still << name;
            if (lastState.value(name).english != state.text.english)
                progress(s, ktr("kube::rollout", "%1: waiting, %2").arg(name, state.text.shown));
            lastState[name] = state.text;
        }
        pending = still;
        if (pending.isEmpty())
            break;
        if (std::chrono::steady_clock::now() >= waitDeadline) {
            QStringList shown, english;
            for (const QString& name : pending) {
                shown << QStringLiteral("%1 (%2)").arg(name, lastState.value(name).shown);
                english << QStringLiteral("%1 (%2)").arg(name, lastState.value(name).english);
            }
            const Text details{shown.join(QStringLiteral(", ")),
                               english.join(QStringLiteral(", "))};
            return StepError{
                Status::error(Status::Kind::Transport,
                              tx("kube::rollout", "%1 not ready within %2 s: %3; traffic was not "
                                                  "switched (use --force to route anyway)")
                                  .arg(what)
                                  .arg(timer.elapsed() / 1000)
                                  .arg(details),
                              {}, QStringLiteral("ReadinessTimeout")),
                QStringLiteral("ReadinessTimeout")};
        }
        if (auto stop = pause())
            return stop;
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "ready: %1").arg(names.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::readinessStep()
{
    const ApplyStep s = ApplyStep::ReadinessGuard;
    if (auto stop =
            begin(s, ktr("kube::rollout", "wait until every revision that will get traffic has "
                                          "its planned replicas ready")))
        return stop;
    QMap<QString, int> want;
    for (const WeightedTarget& t : weightedTargets())
        want.insert(QStringLiteral("Deployment/") + deploymentName(t.componentName, t.revisionName),
                    readyWanted(deploymentName(t.componentName, t.revisionName), t.revisionName));
    // Each check reads every pending Deployment (together), then the pods each selects
    // (together, after the Deployments). The first check takes the Deployments as the
    // Deployments step's applies answered them a moment ago.
    auto check = [&](const QStringList& names,
                     const QList<int>& needed) -> Result<QList<ReadyState>> {
        using R = Result<QList<ReadyState>>;
        QList<QJsonObject> deps(names.size());
        QHash<int, QFuture<Result<QJsonObject>>> reads;
        for (int k = 0; k < names.size(); ++k) {
            const QJsonObject fresh = freshDeployments.take(names.at(k));
            if (observedGeneration(fresh))
                deps[k] = fresh;
            else
                reads.insert(k, client->get(ResourceType::deployments(), ns, names.at(k)));
        }
        for (auto it = reads.begin(); it != reads.end(); ++it) {
            const QString& dn = names.at(it.key());
            Result<QJsonObject> dep = firstAnswer(
                it.value(),
                ktr("kube::rollout", "read %1").arg(objectKey(ResourceType::deployments(), dn)),
                [&] { return await(client->get(ResourceType::deployments(), ns, dn)); });
            if (!dep)
                return R::failure(dep.status);
            deps[it.key()] = dep.value;
        }
        // The status may lag behind the pods (it still counts deleted ones after an API server
        // restart or while the controller-manager is busy): the pods, read after it, must agree.
        QList<PodQuery> pods;
        for (const QJsonObject& dep : std::as_const(deps))
            pods << sendPodQuery(specOf(dep)
                                     .value(QLatin1String("selector"))
                                     .toObject()
                                     .value(QLatin1String("matchLabels"))
                                     .toObject());
        QList<ReadyState> out;
        for (int k = 0; k < names.size(); ++k) {
            const QJsonObject& dep = deps.at(k);
            Result<QSet<QString>> serving = servingPodsOf(pods[k]);
            if (!serving)
                return R::failure(serving.status);
            const QJsonObject st = dep.value(QLatin1String("status")).toObject();
            const int ready = st.value(QLatin1String("readyReplicas")).toInt();
            const int updated = st.value(QLatin1String("updatedReplicas")).toInt();
            const bool observed = observedGeneration(dep);
            const int need = needed.at(k);
            const int serve = int(serving.value.size());
            ReadyState r;
            r.done = observed && ready >= need && updated >= need && serve >= need;
            r.text = tx("kube::rollout", "%1 ready of %2 needed").arg(ready).arg(need);
            if (serve < std::min(ready, need))
                r.text = tx("kube::rollout", "%1 ready of %2 needed, but %3 pod(s) serve (its "
                                             "status lags behind the pods)")
                             .arg(ready)
                             .arg(need)
                             .arg(serve);
            out << r;
        }
        return R::success(out);
    };
    const std::optional<StepError> err =
        waitUntilReady(s, want, ktr("kube::rollout", "no revision gets traffic"), check,
                       tx("kube::rollout", "replicas"));
    freshDeployments.clear();
    return err;
}

std::optional<StepError> Applier::Private::servicesStep()
{
    const ApplyStep s = ApplyStep::Services;
    if (auto stop = begin(s, ktr("kube::rollout", "server-side apply of the Services")))
        return stop;
    // Independent of each other: applied together.
    QList<QPair<int, QJsonObject>> services;
    for (int i = 0; i < rendered.objects.size(); ++i)
        if (rendered.objects.at(i).role == RenderedObject::Role::Service)
            services << qMakePair(i, rendered.objects.at(i).object);
    QList<QJsonObject> applied;
    const std::optional<StepError> err = applyTogether(services, &applied);
    for (int k = 0; k < services.size(); ++k) {
        if (applied.value(k).isEmpty())
            continue;
        const RenderedObject& o = rendered.objects.at(services.at(k).first);
        step(s).objects << o.displayName();
        progress(s, ktr("kube::rollout", "%1: applied").arg(o.displayName()));
    }
    if (err)
        return err;
    if (step(s).objects.isEmpty()) {
        finish(s, StepResult::State::Skipped, ktr("kube::rollout", "no traffic in the plan"));
        return std::nullopt;
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "%1 applied: %2")
               .arg(step(s).objects.size())
               .arg(step(s).objects.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::endpointsStep()
{
    const ApplyStep s = ApplyStep::Endpoints;
    if (auto stop =
            begin(s, ktr("kube::rollout", "wait until every Service that will get traffic has "
                                          "ready endpoints")))
        return stop;
    QMap<QString, int> want;
    for (const WeightedTarget& t : weightedTargets())
        want.insert(QStringLiteral("Service/") +
                        serviceName(t.revisionName, t.componentName, t.port),
                    readyWanted(deploymentName(t.componentName, t.revisionName), t.revisionName));
    // Each check lists every pending Service's EndpointSlices (together), then the pods each
    // Service selects (together, after the slices).
    auto check = [&](const QStringList& names,
                     const QList<int>& needed) -> Result<QList<ReadyState>> {
        using R = Result<QList<ReadyState>>;
        QList<ListOptions> sliceQueries;
        QList<QFuture<Result<ObjectList>>> sliceLists;
        for (const QString& svc : names) {
            ListOptions lo;
            lo.labelSelector = QStringLiteral("kubernetes.io/service-name=") + svc;
            sliceQueries << lo;
            sliceLists << client->list(ResourceType::endpointSlices(), ns, lo);
        }
        QList<ObjectList> slices;
        for (int k = 0; k < names.size(); ++k) {
            const ListOptions& lo = sliceQueries.at(k);
            Result<ObjectList> l = firstAnswer(
                sliceLists[k],
                ktr("kube::rollout", "list %1").arg(ResourceType::endpointSlices().resource),
                [&] { return await(client->list(ResourceType::endpointSlices(), ns, lo)); });
            if (!l)
                return R::failure(l.status);
            slices << l.value;
        }
        // The slices are the controller-manager's view and may lag: an endpoint counts when
        // its pod, read after the slices, still serves.
        QList<PodQuery> pods;
        for (const QString& svc : names) {
            QJsonObject selector;
            for (const RenderedObject& o : rendered.objects)
                if (o.role == RenderedObject::Role::Service && o.name() == svc)
                    selector = specOf(o.object).value(QLatin1String("selector")).toObject();
            pods << sendPodQuery(selector);
        }
        QList<ReadyState> out;
        for (int k = 0; k < names.size(); ++k) {
            Result<QSet<QString>> serving = servingPodsOf(pods[k]);
            if (!serving)
                return R::failure(serving.status);
            int ready = 0;
            for (const QJsonObject& slice : slices.at(k).items)
                for (const QJsonValue& e : slice.value(QLatin1String("endpoints")).toArray())
                    if (endpointReady(e.toObject()) &&
                        serving.value.contains(endpointPodName(e.toObject())))
                        ++ready;
            ReadyState r;
            r.done = ready >= needed.at(k);
            r.text =
                tx("kube::rollout", "%1 ready endpoints of %2 needed").arg(ready).arg(needed.at(k));
            out << r;
        }
        return R::success(out);
    };
    return waitUntilReady(s, want, ktr("kube::rollout", "no Service gets traffic"), check,
                          tx("kube::rollout", "endpoints"));
}

std::optional<ResourceType> Applier::Private::otherRouteType() const
{
    const RoutingApi other =
        routing.api == RoutingApi::HTTPRoute ? RoutingApi::VirtualService : RoutingApi::HTTPRoute;
    const QString version = served.versionOf(other);
    if (version.isEmpty() || uid.isEmpty())
        return std::nullopt;
    return routeType(other, version);
}

std::optional<QFuture<Result<QJsonObject>>> Applier::Private::sendOtherRouteRead()
{
    if (const std::optional<ResourceType> t = otherRouteType())
        return client->get(*t, ns, plan.name);
    return std::nullopt;
}

Result<std::optional<QPair<ResourceType, QJsonObject>>>
Applier::Private::otherOwnedRoute(std::optional<QFuture<Result<QJsonObject>>> sent)
{
    using R = Result<std::optional<QPair<ResourceType, QJsonObject>>>;
    const std::optional<ResourceType> other = otherRouteType();
    if (!other)
        return R::success(std::nullopt);
    const ResourceType t = *other;
    Result<QJsonObject> live =
        sent ? firstAnswer(*sent, ktr("kube::rollout", "read %1").arg(objectKey(t, plan.name)),
                           [&] { return await(client->get(t, ns, plan.name)); })
             : getObject(t, plan.name);
    if (live.status.isNotFound())
        return R::success(std::nullopt);
    if (!live)
        return R::failure(live.status);
    if (ownershipOf(live.value, plan.name, uid, placedBy()).state !=
        Ownership::State::ThisAppDeployment) {
        const QString note =
            ktr("kube::rollout", "%1 exists and is not owned by this AppDeployment: left alone")
                .arg(objectKey(t, plan.name));
        if (!routeNotes.contains(note))
            routeNotes << note;
        return R::success(std::nullopt);
    }
    return R::success(qMakePair(t, live.value));
}

std::optional<StepError> Applier::Private::awaitRouteAcceptance(ApplyStep s,
                                                                const QJsonObject& applied)
{
    const QString route = QStringLiteral("HTTPRoute/") + plan.name;
    const QList<ParentAcceptance> parents = httpRouteAcceptance(applied);
    if (parents.isEmpty()) {
        routeNotes << ktr("kube::rollout",
                          "%1 has no parent Gateway (spec.traffic.gateways is empty): "
                          "nothing routes through it")
                          .arg(route);
        return std::nullopt;
    }
    // Parents whose controller is there to accept the route.
    QList<GatewayRef> waitFor;
    const ResourceType gateways = gatewayApiGateways(served.httpRouteVersion);
    for (const ParentAcceptance& p : parents) {
        const QString gwNs = p.parent.namespaceName.isEmpty() ? ns : p.parent.namespaceName;
        const QString gw = QStringLiteral("Gateway ") + p.parent.display(ns);
        Result<QJsonObject> live = retrying(ktr("kube::rollout", "read %1").arg(gw), [&] {
            return await(client->get(gateways, gwNs, p.parent.name));
        });
        if (live.status.isNotFound()) {
            routeNotes << ktr("kube::rollout",
                              "%1 does not exist: nothing routes %2 through it until "
                              "it does")
                              .arg(gw, route);
            continue;
        }
        if (live.status.httpCode == 403) {
            routeNotes << ktr("kube::rollout",
                              "%1 cannot be read (%2): not waiting for its controller")
                              .arg(gw, live.status.message);
            continue;
        }
        if (!live)
            return StepError{live.status, QStringLiteral("RouteNotAccepted")};
        if (!gatewayHasController(live.value)) {
            routeNotes
                << ktr("kube::rollout", "no controller has accepted %1 (GatewayClass %2): %3 is "
                                        "applied, but nothing routes it until one does")
                       .arg(gw,
                            specOf(live.value).value(QLatin1String("gatewayClassName")).toString(),
                            route);
            continue;
        }
        waitFor << p.parent;
    }
    for (const QString& n : std::as_const(routeNotes))
        progress(s, ktr("kube::rollout", "warning: %1").arg(n));
    if (waitFor.isEmpty())
        return std::nullopt;

    QElapsedTimer timer;
    timer.start();
    const auto until =
        std::min(deadline, std::chrono::steady_clock::now() + options.routeAcceptanceTimeout);
    QMap<QString, QString> lastState; // English
    while (true) {
        Result<QJsonObject> live = getObject(httpRoutes(served.httpRouteVersion), plan.name);
        if (!live)
            return StepError{live.status, QStringLiteral("RouteNotAccepted")};
        QStringList pending, pendingEnglish, accepted;
        for (const ParentAcceptance& a : httpRouteAcceptance(live.value)) {
            bool wanted = false;
            for (const GatewayRef& g : waitFor)
                wanted = wanted || (g.display(ns) == a.parent.display(ns));
            if (!wanted)
                continue;
            const QString gw = QStringLiteral("Gateway ") + a.parent.display(ns);
            if (a.acceptedFalse)
                return StepError{Status::error(Status::Kind::Http,
                                               tx("kube::rollout",
                                                  "%1 was not accepted by %2 (controller %3): %4; "
                                                  "replicas were not lowered and nothing was "
                                                  "pruned")
                                                   .arg(route, gw, a.controllerName, a.detail),
                                               route, QStringLiteral("RouteNotAccepted")),
                                 QStringLiteral("RouteNotAccepted")};
            if (a.accepted && a.resolvedRefs) {
                accepted << ktr("kube::rollout", "%1 (controller %2)").arg(gw, a.controllerName);
                continue;
            }
            const Text state = a.reported ? untranslated(a.detail)
                                          : tx("kube::rollout", "no status yet for generation %1")
                                                .arg(live.value.value(QLatin1String("metadata"))
                                                         .toObject()
                                                         .value(QLatin1String("generation"))
                                                         .toInteger());
            if (lastState.value(gw) != state.english)
                progress(
                    s, ktr("kube::rollout", "%1: waiting for %2: %3").arg(route, gw, state.shown));
            lastState[gw] = state.english;
            pending << QStringLiteral("%1 (%2)").arg(gw, state.shown);
            pendingEnglish << QStringLiteral("%1 (%2)").arg(gw, state.english);
        }
        if (pending.isEmpty()) {
            progress(s, ktr("kube::rollout", "%1: accepted by %2")
                            .arg(route, accepted.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        if (std::chrono::steady_clock::now() >= until)
            return StepError{
                Status::error(Status::Kind::Transport,
                              tx("kube::rollout", "%1 was not accepted within %2 s: %3; replicas "
                                                  "were not lowered and nothing was pruned")
                                  .arg(route)
                                  .arg(timer.elapsed() / 1000)
                                  .arg(Text{pending.join(QStringLiteral(", ")),
                                            pendingEnglish.join(QStringLiteral(", "))}),
                              route, QStringLiteral("RouteNotAccepted")),
                QStringLiteral("RouteNotAccepted")};
        if (auto stop = pause())
            return stop;
    }
}

std::optional<StepError> Applier::Private::routingStep()
{
    const ApplyStep s = ApplyStep::Routing;
    const RenderedObject* route = renderedRoute();
    if (auto stop =
            begin(s, route ? ktr("kube::rollout", "switch routing: server-side apply of the %1")
                                 .arg(route->type.kind)
                           : ktr("kube::rollout", "switch routing: remove the routes (the plan "
                                                  "has no traffic)")))
        return stop;
    if (!route) {
        // No traffic in the plan: the routes this AppDeployment owns go now, before anything
        // shrinks.
        QStringList deleted;
        for (const ResourceType& t : servedRouteTypes()) {
            if (uid.isEmpty() && !member()) // no AppDeployment yet: nothing of it can exist
                break;
            Result<QJsonObject> live = getObject(t, plan.name);
            if (!live && !live.status.isNotFound())
                return StepError{live.status, QStringLiteral("ApplyFailed")};
            if (!live.ok() || ownershipOf(live.value, plan.name, uid, placedBy()).state !=
                                  Ownership::State::ThisAppDeployment)
                continue;
            const Status st = deleteObject(t, live.value);
            if (!st.ok())
                return StepError{st, QStringLiteral("ApplyFailed")};
            step(s).objects << objectKey(t, plan.name);
            deleted << objectKey(t, plan.name);
        }
        routingChanged = !deleted.isEmpty();
        // A cluster of a multi-cluster plan that runs no revision with weight > 0 has no route.
        const QString why = plan.traffic
                                ? ktr("kube::rollout", "no revision with weight > 0 runs in "
                                                       "this cluster")
                                : ktr("kube::rollout", "the plan has no traffic");
        if (deleted.isEmpty())
            finish(s, StepResult::State::Skipped,
                   plan.traffic ? why : ktr("kube::rollout", "no traffic in the plan"));
        else
            finish(s, StepResult::State::Done,
                   ktr("kube::rollout", "%1 deleted: %2")
                       .arg(deleted.join(QStringLiteral(", ")), why));
        return std::nullopt;
    }
    const int index = int(route - rendered.objects.constData());
    routingChanged = specOf(liveObjects.value(index).second) != specOf(route->object);
    // The other API's route is only read here (it is deleted below, once this route routes):
    // the read goes out with the apply. Under the Lease nothing else of this AppDeployment
    // writes it meanwhile.
    std::optional<QFuture<Result<QJsonObject>>> otherRead = sendOtherRouteRead();
    QJsonObject applied;
    if (auto err = applyRendered(s, index, route->object, &applied))
        return err;
    progress(s, ktr("kube::rollout", "%1: applied (resourceVersion %2)")
                    .arg(route->displayName(), metaString(applied, "resourceVersion")));
    if (route->role == RenderedObject::Role::HTTPRoute)
        if (auto err = awaitRouteAcceptance(s, applied))
            return err;
    // A switch of routing API: the other API's route goes once this one routes.
    QString switched;
    Result<std::optional<QPair<ResourceType, QJsonObject>>> other = otherOwnedRoute(otherRead);
    if (!other)
        return StepError{other.status, QStringLiteral("ApplyFailed")};
    if (other.value) {
        const auto& [type, obj] = *other.value;
        const Status st = deleteObject(type, obj);
        if (!st.ok())
            return StepError{st, QStringLiteral("ApplyFailed")};
        step(s).objects << objectKey(type, plan.name);
        routingChanged = true;
        switched = ktr("kube::rollout", "; switched from %1: %2 deleted")
                       .arg(type.kind, objectKey(type, plan.name));
        progress(s, ktr("kube::rollout", "%1: deleted, %2 routes now")
                        .arg(objectKey(type, plan.name), route->displayName()));
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "%1 routes: %2%3%4")
               .arg(route->displayName(),
                    routesText(routeDestinations(route->object, ns), rulesLabel(route->object)),
                    switched,
                    routeNotes.isEmpty() ? QString()
                                         : ktr("kube::rollout", " (warning: %1)")
                                               .arg(routeNotes.join(QStringLiteral("; ")))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::readBackStep()
{
    const ApplyStep s = ApplyStep::ReadBack;
    const RenderedObject* route = renderedRoute();
    if (auto stop = begin(s, ktr("kube::rollout", "read the route back: nothing shrinks unless it "
                                                  "routes as planned")))
        return stop;
    if (servedRouteTypes().isEmpty()) {
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "the cluster serves no VirtualService and no HTTPRoute"));
        return std::nullopt;
    }
    auto mismatch = [&](const QString& object, const Text& what) {
        return StepError{Status::error(Status::Kind::Http,
                                       tx("kube::rollout", "%1; replicas were not lowered and "
                                                           "nothing was pruned")
                                           .arg(what),
                                       object, QStringLiteral("RoutingMismatch")),
                         QStringLiteral("RoutingMismatch")};
    };
    if (!route) {
        for (const ResourceType& t : servedRouteTypes()) {
            Result<QJsonObject> live = getObject(t, plan.name);
            if (!live && !live.status.isNotFound())
                return StepError{live.status, QStringLiteral("ReadBackFailed")};
            if (live.ok() && ownershipOf(live.value, plan.name, uid, placedBy()).state ==
                                 Ownership::State::ThisAppDeployment)
                return mismatch(
                    objectKey(t, plan.name),
                    tx("kube::rollout", "the %1 still exists after it was deleted").arg(t.kind));
        }
        finish(s, StepResult::State::Done,
               ktr("kube::rollout", "no route of this AppDeployment routes traffic"));
        return std::nullopt;
    }
    // Both reads go out together: the route, and the other API's route (which must be gone);
    // and with them the prune step's lists (the routing step has changed the route already).
    QFuture<Result<QJsonObject>> routeRead = client->get(route->type, ns, plan.name);
    std::optional<QFuture<Result<QJsonObject>>> otherRead = sendOtherRouteRead();
    pruneListsAhead = sendLists(pruneTypes(), pruneQueries());
    Result<QJsonObject> live =
        firstAnswer(routeRead, ktr("kube::rollout", "read %1").arg(route->displayName()),
                    [&] { return await(client->get(route->type, ns, plan.name)); });
    if (!live && !live.status.isNotFound())
        return StepError{live.status, QStringLiteral("ReadBackFailed")};
    if (!live.ok())
        return mismatch(
            route->displayName(),
            tx("kube::rollout", "the %1 is gone right after it was applied").arg(route->type.kind));
    const QJsonObject planned = specOf(route->object);
    const QJsonObject got = specOf(live.value);
    for (auto it = planned.begin(); it != planned.end(); ++it)
        if (got.value(it.key()) != it.value())
            return mismatch(
                route->displayName(),
                tx("kube::rollout", "the %1 read back (resourceVersion %2) differs from "
                                    "what was applied in spec.%3: routes %4, planned %5 "
                                    "(another writer?)")
                    .arg(route->type.kind, metaString(live.value, "resourceVersion"), it.key(),
                         routesText(routeDestinations(live.value, ns), rulesLabel(live.value)),
                         routesText(routeDestinations(route->object, ns),
                                    rulesLabel(route->object))));
    Result<std::optional<QPair<ResourceType, QJsonObject>>> other = otherOwnedRoute(otherRead);
    if (!other)
        return StepError{other.status, QStringLiteral("ReadBackFailed")};
    if (other.value)
        return mismatch(objectKey(other.value->first, plan.name),
                        tx("kube::rollout", "%1 still exists after the switch to %2")
                            .arg(objectKey(other.value->first, plan.name), route->type.kind));
    step(s).objects << route->displayName();
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "%1 routes as planned at resourceVersion %2: %3")
               .arg(route->displayName(), metaString(live.value, "resourceVersion"),
                    routesText(routeDestinations(live.value, ns), rulesLabel(live.value))));
    return std::nullopt;
}

QStringList Applier::Private::LiveRoutes::toDeployment(const QJsonObject& deployment) const
{
    QStringList out;
    for (const QJsonObject& svc : services)
        if (selectorMatches(specOf(svc).value(QLatin1String("selector")).toObject(),
                            templateLabels(deployment)))
            for (const QString& r : byService.value(metaString(svc, "name")))
                out << QStringLiteral("%1 -> Service/%2").arg(r, metaString(svc, "name"));
    return out;
}

Result<Applier::Private::LiveRoutes> Applier::Private::readLiveRoutes()
{
    using R = Result<LiveRoutes>;
    LiveRoutes out;
    const QList<ResourceType> routeTypes = servedRouteTypes();
    Result<QList<ObjectList>> lists =
        listTogether(routeTypes + QList<ResourceType>{ResourceType::services()});
    if (!lists)
        return R::failure(lists.status);
    for (int i = 0; i < routeTypes.size(); ++i) {
        const ResourceType& t = routeTypes.at(i);
        const QString rules =
            t.kind == QLatin1String("HTTPRoute") ? QStringLiteral("rules") : QStringLiteral("http");
        for (const QJsonObject& v : lists.value.at(i).items)
            for (const RouteDestination& d : routeDestinations(v, ns))
                if (d.weight > 0 && !d.service.isEmpty())
                    out.byService[d.service]
                        << QStringLiteral("%1/%2 %3[%4] (weight %5)")
                               .arg(t.kind, metaString(v, "name"), rules, QString::number(d.rule),
                                    QString::number(d.weight));
    }
    out.services = lists.value.last().items;
    return R::success(out);
}

std::optional<StepError> Applier::Private::awaitProxies(ApplyStep s)
{
    bool podsGo = !keptAbovePlan.isEmpty();
    for (const auto& [type, obj] : prunePreview)
        podsGo = podsGo || type.kind == QLatin1String("Deployment");
    if (options.scaleDownDelay.count() <= 0 || !routingChanged || !podsGo)
        return std::nullopt;
    progress(s,
             ktr("kube::rollout", "waiting %1 ms (--scale-down-delay) for the gateways to take the "
                                  "new routing before pods go")
                 .arg(options.scaleDownDelay.count()));
    pruneListsAhead.clear(); // older than the wait: the prune step lists again

    const auto until =
        std::min(deadline, std::chrono::steady_clock::now() + options.scaleDownDelay);
    while (std::chrono::steady_clock::now() < until) {
        if (auto stop = interruption())
            return stop;
        QThread::msleep(50);
    }
    return std::nullopt;
}

std::optional<StepError> Applier::Private::scaleDownStep()
{
    const ApplyStep s = ApplyStep::ScaleDown;
    if (auto stop = begin(
            s, ktr("kube::rollout", "lower replicas to the plan, now that routing has moved")))
        return stop;
    if (auto stop = awaitProxies(s))
        return stop;
    if (keptAbovePlan.isEmpty()) {
        finish(s, StepResult::State::Skipped, ktr("kube::rollout", "no replicas to lower"));
        return std::nullopt;
    }
    // Routes read now, after the routing step: a Deployment goes to 0 only when no live route
    // of any VirtualService or HTTPRoute of the namespace gives its Services weight.
    Result<LiveRoutes> routes = readLiveRoutes();
    if (!routes)
        return StepError{routes.status, QStringLiteral("ScaleDownFailed")};
    QStringList lowered;
    for (const RenderedObject* o : renderedOf(RenderedObject::Role::Deployment)) {
        if (!keptAbovePlan.contains(o->name()))
            continue;
        if (auto stop = interruption())
            return stop;
        const int planned = keptAbovePlan.value(o->name());
        if (planned == 0) {
            const QStringList routing = routes.value.toDeployment(o->object);
            if (!routing.isEmpty())
                return StepError{
                    Status::error(Status::Kind::Http,
                                  tx("kube::rollout", "%1 was not scaled to 0: a live route still "
                                                      "gives it traffic (%2)")
                                      .arg(o->displayName(), routing.join(QStringLiteral(", "))),
                                  o->displayName(), QStringLiteral("StillRouted")),
                    QStringLiteral("StillRouted")};
        }
        Result<QJsonObject> r = applyObject(o->type, o->object, false);
        if (!r)
            return StepError{r.status, QStringLiteral("ScaleDownFailed")};
        step(s).objects << o->displayName();
        lowered << ktr("kube::rollout", "%1 to %2").arg(o->displayName()).arg(planned);
        progress(
            s,
            ktr("kube::rollout", "%1: lowered to %2 replicas").arg(o->displayName()).arg(planned));
    }
    finish(s, StepResult::State::Done,
           ktr("kube::rollout", "lowered: %1").arg(lowered.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::pruneStep()
{
    const ApplyStep s = ApplyStep::Prune;
    if (auto stop =
            begin(s, ktr("kube::rollout",
                         "delete what this AppDeployment owns and the plan no longer names")))
        return stop;
    // Listed after routing changed and under the Lease, never from an earlier list: by the
    // read-back step (sent with its reads, once the route was applied) when the scale-down
    // step wrote nothing since, else now.
    QSet<QString> planned;
    for (const RenderedObject& o : rendered.objects)
        planned.insert(objectKey(o.type, o.name()));
    const QList<ResourceType> types = pruneTypes();
    const QList<ListOptions> lo = pruneQueries();
    QList<QPair<ResourceType, QJsonObject>> toPrune;
    const bool listedAhead =
        pruneListsAhead.size() == types.size() && step(ApplyStep::ScaleDown).objects.isEmpty();
    Result<QList<ObjectList>> lists =
        listedAhead ? collectLists(types, lo, pruneListsAhead) : listTogether(types, lo);
    pruneListsAhead.clear();
    if (!lists)
        return StepError{lists.status, QStringLiteral("PruneFailed")};
    for (int i = 0; i < types.size(); ++i) {
        const ResourceType& t = types.at(i);
        for (const QJsonObject& o : lists.value.at(i).items)
            if (!planned.contains(objectKey(t, metaString(o, "name"))) &&
                ownershipOf(o, plan.name, uid, placedBy()).state ==
                    Ownership::State::ThisAppDeployment)
                toPrune << qMakePair(t, o);
    }
    if (toPrune.isEmpty()) {
        finish(s, StepResult::State::Skipped, ktr("kube::rollout", "nothing to prune"));
        return std::nullopt;
    }
    {
        QStringList names;
        for (const auto& [type, obj] : toPrune)
            names << objectKey(type, metaString(obj, "name"));
        progress(s, ktr("kube::rollout", "to delete: %1").arg(names.join(QStringLiteral(", "))));
    }
    Result<LiveRoutes> live = readLiveRoutes();
    if (!live)
        return StepError{live.status, QStringLiteral("PruneFailed")};
    // Routes (left from an earlier plan), then Services, then Deployments (the order of
    // `types`): each only when no live route gives it weight.
    for (auto [type, obj] : toPrune) {
        if (auto stop = interruption())
            return stop;
        const QString name = metaString(obj, "name");
        // Deleted only as it was judged (resourceVersion precondition): an object changed since
        // it was listed is read again and judged again.
        bool deleted = false;
        for (int attempt = 0;; ++attempt) {
            QStringList routes;
            if (type.kind == QLatin1String("Service"))
                routes = live.value.byService.value(name);
            else if (type.kind == QLatin1String("Deployment"))
                routes = live.value.toDeployment(obj);
            if (!routes.isEmpty())
                return StepError{
                    Status::error(
                        Status::Kind::Http,
                        tx("kube::rollout", "%1 was not deleted: a live route "
                                            "still gives it traffic (%2)")
                            .arg(objectKey(type, name), routes.join(QStringLiteral(", "))),
                        objectKey(type, name), QStringLiteral("StillRouted")),
                    QStringLiteral("StillRouted")};
            const Status st = deleteObject(type, obj, false, true);
            if (st.ok()) {
                deleted = true;
                break;
            }
            if (!st.isConflict() || attempt == 2)
                return StepError{st, QStringLiteral("PruneFailed")};
            Result<QJsonObject> now = getObject(type, name);
            if (!now && !now.status.isNotFound())
                return StepError{now.status, QStringLiteral("PruneFailed")};
            if (!now.ok() || metaString(now.value, "uid") != metaString(obj, "uid")) {
                deleted = true; // the object listed is gone (a namesake is not ours to judge)
                break;
            }
            if (ownershipOf(now.value, plan.name, uid, placedBy()).state !=
                Ownership::State::ThisAppDeployment)
                break;
            obj = now.value;
        }
        if (!deleted) {
            progress(s, ktr("kube::rollout",
                            "%1: changed since it was listed and no longer owned by this "
                            "AppDeployment: left as it is")
                            .arg(objectKey(type, name)));
            continue;
        }
        step(s).objects << objectKey(type, name);
        progress(s, ktr("kube::rollout", "%1: deleted").arg(objectKey(type, name)));
    }
    if (step(s).objects.isEmpty())
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "nothing deleted: what was listed changed meanwhile"));
    else
        finish(s, StepResult::State::Done,
               ktr("kube::rollout", "deleted: %1").arg(step(s).objects.join(QStringLiteral(", "))));
    return std::nullopt;
}

std::optional<StepError> Applier::Private::statusStep()
{
    const ApplyStep s = ApplyStep::Status;
    if (auto stop = begin(s, ktr("kube::rollout", "phase Completed")))
        return stop;
    if (member()) {
        finish(s, StepResult::State::Skipped,
               ktr("kube::rollout", "member cluster: the status is written in the home cluster"));
        return std::nullopt;
    }
    QStringList parts;
    for (const RevisionPlacement& r : plan.appRevisions) {
        QString part = QStringLiteral("%1: %2 replicas, weight %3")
                           .arg(r.revisionName)
                           .arg(r.replicasIn(options.homeCluster, options.homeCluster))
                           .arg(plan.weightsByRevision().value(r.revisionName));
        for (auto it = report.replicasManagedBy.begin(); it != report.replicasManagedBy.end(); ++it)
            for (const RenderedObject* o : renderedOf(RenderedObject::Role::Deployment))
                if (o->name() == it.key() && o->revisionName == r.revisionName)
                    part += QStringLiteral(" (replicas managed by %1)").arg(it.value());
        parts << part;
    }
    QStringList done;
    for (const StepResult& r : report.steps)
        if (r.state == StepResult::State::Done)
            done << applyStepName(r.step);
    const QString message = (parts.isEmpty() ? QStringLiteral("no revisions deployed")
                                             : parts.join(QStringLiteral("; "))) +
                            QStringLiteral(" (done: %1)").arg(done.join(QStringLiteral(", ")));
    // The completed spec (an annotation: the AppDeployment itself), the Completed status (its
    // status subresource) and the history's result need nothing of each other: the three
    // writes go out together. When the annotation's or the status's write fails, the step
    // fails: execute() then writes the Failed status over whatever this step wrote, and the
    // history's result again, so what stays is what such a failure left before (an apply
    // killed between the writes leaves Rolling or Completed, each with the spec that runs).
    const QJsonObject patch{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("annotations"),
                      QJsonObject{{key(labels::lastCompletedSpec),
                                   QString::fromUtf8(QJsonDocument(specOf(appDeploymentObject()))
                                                         .toJson(QJsonDocument::Compact))},
                                  {QLatin1String(lastCompletedRoutingAnnotation),
                                   routingApiName(routing.api)}}}}}};
    Request req;
    req.method = "PATCH";
    req.path = ResourceType::appDeployments().objectPath(ns, plan.name);
    req.contentType = "application/merge-patch+json";
    req.body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    req.object = QStringLiteral("AppDeployment/") + plan.name;
    req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
    QFuture<Response> annotationAhead = client->send(req);
    const QJsonObject completed = statusBody(QStringLiteral("Completed"), QStringLiteral("True"),
                                             QStringLiteral("Completed"), message);
    QFuture<Result<QJsonObject>> statusAhead = sendStatus(completed);
    if (historyEntry)
        historyEndAhead =
            qMakePair(HistoryResult::Succeeded,
                      client->send(applyEndRequest(*historyEntry, HistoryResult::Succeeded,
                                                   QStringLiteral("applied to completion"))));
    const Response pr =
        firstAnswer(annotationAhead, ktr("kube::rollout", "record the completed plan"),
                    [&] { return await(client->send(req)); });
    const Status st = writeStatus(completed, statusAhead);
    if (!pr.status)
        return StepError{pr.status, QStringLiteral("StatusFailed")};
    if (!st.ok())
        return StepError{st, QStringLiteral("StatusFailed")};
    step(s).objects << QStringLiteral("AppDeployment/") + plan.name;
    finish(s, StepResult::State::Done, ktr("kube::rollout", "phase Completed"));
    return std::nullopt;
}

void Applier::Private::recordHistoryStart(std::future<Result<HistoryList>>* listed)
{
    HistoryRecord record;
    record.applied = appDeploymentObject();
    QJsonObject meta = record.applied.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("namespace"), ns);
    record.applied.insert(QStringLiteral("metadata"), meta);
    record.appDeploymentUid = uid;
    record.kubeconfigUser = client->connection().userName;
    record.host = QSysInfo::machineHostName();
    record.holder = holder;
    record.tool = options.tool;
    record.changeCause = options.changeCause;
    const int limit = historyLimit(plan.annotations, options.historyLimit).value;
    QStringList warnings;
    std::optional<HistoryList> pre;
    if (listed && listed->valid())
        if (Result<HistoryList> l = listed->get(); l.ok())
            pre = l.value;
    Result<HistoryEntry> r = retrying(ktr("kube::rollout", "record the apply in the history"), [&] {
        warnings.clear();
        const bool usedList = pre.has_value();
        Result<HistoryEntry> e =
            recordApplyStart(*client, ns, record, limit, &warnings, pre ? &*pre : nullptr);
        pre.reset(); // another attempt lists again
        if (usedList && e.status.isConflict()) {
            // The list sent ahead missed an entry of another apply (see leaseStep()).
            warnings.clear();
            e = recordApplyStart(*client, ns, record, limit, &warnings);
        }
        return e;
    });
    if (r) {
        historyEntry = r.value;
        report.historyRevision = r.value.revision;
        progress(ApplyStep::AppDeployment,
                 ktr("kube::rollout", "history: revision %1 recorded (ControllerRevision/%2)")
                     .arg(r.value.revision)
                     .arg(r.value.name));
    } else {
        warnings.prepend(ktr("kube::rollout", "the apply could not be recorded in the history: %1")
                             .arg(r.status.toString()));
    }
    for (const QString& w : warnings)
        progress(ApplyStep::AppDeployment, ktr("kube::rollout", "history: %1").arg(w));
    report.historyWarnings << warnings;
}

void Applier::Private::recordHistoryEnd(const std::function<void()>& meanwhile)
{
    if (!historyEntry) {
        historyEndAhead.reset();
        meanwhile();
        return;
    }
    const HistoryResult result = report.ok() ? HistoryResult::Succeeded
                                 : report.status.kind == Status::Kind::Cancelled ||
                                         report.status.reason == QLatin1String("LeaseLost")
                                     ? HistoryResult::Interrupted
                                     : HistoryResult::Failed;
    const QString message =
        report.ok() ? QStringLiteral("applied to completion") : report.status.toEnglishString();
    // Like the final status: recorded past --timeout and after a cancel.
    detail::RetryPolicy policy =
        retryPolicy(std::max(deadline, std::chrono::steady_clock::now() + kFinalWriteGrace));
    policy.stop = [] { return false; };
    // The Status step sent "Succeeded" already; when the apply did not succeed after all, that
    // write is answered first, then the real result is written over it.
    QFuture<Response> first;
    if (historyEndAhead && historyEndAhead->first == result) {
        first = historyEndAhead->second;
    } else {
        if (historyEndAhead)
            await(historyEndAhead->second);
        first = client->send(applyEndRequest(*historyEntry, result, message));
    }
    historyEndAhead.reset();
    meanwhile();
    Status st = await(first).status;
    if (!answered(st))
        st = detail::retry(policy, ktr("kube::rollout", "record the result in the history"),
                           [&] { return recordApplyEnd(*client, *historyEntry, result, message); });
    if (!st.ok()) {
        const QString w =
            ktr("kube::rollout", "could not record the result (%1) of revision %2: %3")
                .arg(historyResultName(result))
                .arg(historyEntry->revision)
                .arg(st.toString());
        report.historyWarnings << w;
        progress(ApplyStep::Status, ktr("kube::rollout", "history: %1").arg(w));
    }
}

} // namespace kube::rollout
