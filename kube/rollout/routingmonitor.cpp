#include "kube/rollout/routingmonitor.h"

#include "kube/podstate.h"
#include "kube/rollout/await.h"
#include "kube/rollout/routing.h"
#include "kube/watch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace kube::rollout {

namespace {

enum Kind
{
    Deployments,
    Pods,
    EndpointSlices,
    Services,
    VirtualServices,
    HTTPRoutes,
    KindCount
};

const char* const kKindNames[KindCount] = {"Deployment",     "Pod",      "EndpointSlice", "Service",
                                           "VirtualService", "HTTPRoute"};

QJsonObject meta(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString nameOf(const QJsonObject& o)
{
    return meta(o).value(QLatin1String("name")).toString();
}

QString rvText(const QJsonObject& o)
{
    return meta(o).value(QLatin1String("resourceVersion")).toString();
}

quint64 rvNumber(const QJsonObject& o)
{
    bool ok = false;
    const quint64 n = rvText(o).toULongLong(&ok);
    return ok ? n : 0;
}

QString uidOf(const QJsonObject& o)
{
    const QString uid = meta(o).value(QLatin1String("uid")).toString();
    return uid.isEmpty() ? nameOf(o) : uid;
}

QString ref(Kind kind, const QJsonObject& o)
{
    return QLatin1String(kKindNames[kind]) + QLatin1Char('/') + nameOf(o) + QLatin1Char('@') +
           rvText(o);
}

QString eventName(WatchEvent::Type t)
{
    switch (t) {
    case WatchEvent::Type::Added:
        return QStringLiteral("ADDED");
    case WatchEvent::Type::Modified:
        return QStringLiteral("MODIFIED");
    case WatchEvent::Type::Deleted:
        return QStringLiteral("DELETED");
    }
    return {};
}

qint64 nowMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

} // namespace

bool selectorMatches(const QJsonObject& selector, const QJsonObject& labels)
{
    if (selector.isEmpty())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it)
        if (labels.value(it.key()) != it.value())
            return false;
    return true;
}

QList<RouteDestination> routeDestinations(const QJsonObject& virtualService, const QString& ns)
{
    QList<RouteDestination> out;
    if (virtualService.value(QLatin1String("kind")).toString() == QLatin1String("HTTPRoute")) {
        const QJsonArray rules = virtualService.value(QLatin1String("spec"))
                                     .toObject()
                                     .value(QLatin1String("rules"))
                                     .toArray();
        for (int i = 0; i < rules.size(); ++i)
            for (const QJsonValue& bv :
                 rules.at(i).toObject().value(QLatin1String("backendRefs")).toArray()) {
                const QJsonObject b = bv.toObject();
                const QString group = b.value(QLatin1String("group")).toString();
                const QString kind = b.value(QLatin1String("kind")).toString();
                if (!group.isEmpty() || (!kind.isEmpty() && kind != QLatin1String("Service")))
                    continue;
                RouteDestination d;
                d.rule = i;
                const QString name = b.value(QLatin1String("name")).toString();
                const QString bns = b.value(QLatin1String("namespace")).toString();
                d.host = bns.isEmpty() ? name : bns + QLatin1Char('/') + name;
                const QJsonValue w = b.value(QLatin1String("weight"));
                d.weight = w.isUndefined() || w.isNull() ? 1 : w.toInt();
                if (!bns.isEmpty() && bns != ns)
                    d.otherNamespace = bns;
                else
                    d.service = name;
                out << d;
            }
        return out;
    }
    const QJsonArray http = virtualService.value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("http"))
                                .toArray();
    for (int i = 0; i < http.size(); ++i) {
        const QJsonArray route = http.at(i).toObject().value(QLatin1String("route")).toArray();
        for (const QJsonValue& dv : route) {
            const QJsonObject dest = dv.toObject();
            RouteDestination d;
            d.rule = i;
            d.host = dest.value(QLatin1String("destination"))
                         .toObject()
                         .value(QLatin1String("host"))
                         .toString();
            const QJsonValue w = dest.value(QLatin1String("weight"));
            d.weight = w.isUndefined() ? (route.size() == 1 ? 100 : 0) : w.toInt();
            // "name", "name.ns", "name.ns.svc.cluster.local"
            const QStringList parts = d.host.split(QLatin1Char('.'));
            if (parts.size() >= 2 && parts.at(1) != ns)
                d.otherNamespace = parts.at(1);
            else
                d.service = parts.first();
            out << d;
        }
    }
    return out;
}

QString RoutingViolation::toString() const
{
    QString s = QStringLiteral("%1/%2 %3[%4] -> %5 (weight %6): %7")
                    .arg(routeKind, virtualService,
                         routeKind == QLatin1String("HTTPRoute") ? QStringLiteral("rules")
                                                                 : QStringLiteral("http"),
                         QString::number(rule), host, QString::number(weight), problem);
    s += QStringLiteral("\n    began with %1 (state %2)").arg(event, QString::number(firstState));
    s += clearedBy.isEmpty() ? QStringLiteral(", still violated at state %1").arg(lastState)
                             : QStringLiteral(", lasted %1 state(s), cleared by %2")
                                   .arg(lastState - firstState + 1)
                                   .arg(clearedBy);
    s += QStringLiteral("\n    involved: ") + involved.join(QStringLiteral(", "));
    return s;
}

struct RoutingMonitor::Private
{
    std::shared_ptr<Client> client;
    QString ns;
    RoutingMonitorOptions options;
    QString vsVersion;
    QString httpRouteVersion;

    QThread thread;
    QObject* worker = nullptr; // lives in `thread`

    // Shared with callers, under `mutex`.
    mutable std::mutex mutex;
    std::condition_variable changed;
    RoutingMonitorCounts counts;
    QList<RoutingViolation> violations;
    std::function<void(const RoutingViolation&)> callback;
    int syncedWatches = 0;
    bool initialChecked = false;
    qint64 lastArrival = 0;
    int pendingCount = 0;
    QStringList watchErrors;
    bool running = false;

    // The monitor thread's own state.
    struct Pending
    {
        Kind kind;
        WatchEvent event;
        quint64 rv;
        qint64 arrival;
        quint64 seq;
    };
    QList<Watch*> watches;
    int watchCount = 0;
    QHash<QString, QJsonObject> cache[KindCount];
    QList<Pending> pending;
    quint64 seq = 0;
    quint64 appliedRv = 0;
    quint64 stateIndex = 0;
    QMap<QString, int> open; // violation key -> index in `violations` (episode still open)
    QTimer* timer = nullptr;

    void createWatches();
    void onSynced(Kind kind, const QList<QJsonObject>& objects);
    void onEvents(Kind kind, const QList<WatchEvent>& events);
    void process(bool flush);
    void apply(const Pending& p);
    void evaluate(const QString& event);
    void describeService(const QString& service, QStringList* involved, int* ready,
                         int* total) const;
    void stopWatches();
};

void RoutingMonitor::Private::createWatches()
{
    const QList<QPair<Kind, ResourceType>> types{
        {Deployments, ResourceType::deployments()},
        {Pods, ResourceType::pods()},
        {EndpointSlices, ResourceType::endpointSlices()},
        {Services, ResourceType::services()},
        {VirtualServices, ResourceType::virtualServices(vsVersion)},
        {HTTPRoutes, httpRoutes(httpRouteVersion)}};
    for (const auto& [kind, type] : types) {
        if ((kind == VirtualServices && vsVersion.isEmpty()) ||
            (kind == HTTPRoutes && httpRouteVersion.isEmpty()))
            continue;
        Watch* w = client->watch(type, ns, {}, worker);
        const Kind k = kind;
        QObject::connect(w, &Watch::synced, worker,
                         [this, k](const QList<QJsonObject>& objects) { onSynced(k, objects); });
        QObject::connect(w, &Watch::events, worker,
                         [this, k](const QList<WatchEvent>& events) { onEvents(k, events); });
        QObject::connect(w, &Watch::healthChanged, worker,
                         [this, kindName = type.kind](WatchHealth h, const QString& message) {
                             if (h != WatchHealth::Failed)
                                 return;
                             std::lock_guard lock(mutex);
                             watchErrors << kindName + QStringLiteral(": ") + message;
                             changed.notify_all();
                         });
        watches << w;
    }
    watchCount = int(watches.size());
    timer = new QTimer(worker);
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, worker, [this] { process(false); });
    timer->start();
    for (Watch* w : watches)
        w->start();
}

void RoutingMonitor::Private::onSynced(Kind kind, const QList<QJsonObject>& objects)
{
    for (const QJsonObject& o : objects) {
        cache[kind].insert(uidOf(o), o);
        appliedRv = std::max(appliedRv, rvNumber(o));
    }
    bool all = false;
    {
        std::lock_guard lock(mutex);
        all = ++syncedWatches == watchCount;
    }
    if (!all)
        return;
    evaluate(QStringLiteral("the initial lists"));
    std::lock_guard lock(mutex);
    initialChecked = true;
    changed.notify_all();
}

void RoutingMonitor::Private::onEvents(Kind kind, const QList<WatchEvent>& events)
{
    const qint64 now = nowMs();
    for (const WatchEvent& e : events)
        pending << Pending{kind, e, rvNumber(e.object), now, ++seq};
    std::lock_guard lock(mutex);
    lastArrival = now;
    pendingCount = int(pending.size());
}

void RoutingMonitor::Private::process(bool flush)
{
    {
        std::lock_guard lock(mutex);
        if (!initialChecked)
            return;
        int relists = 0;
        for (Watch* w : watches)
            relists += w->relistCount();
        counts.reconnects = relists;
    }
    if (pending.isEmpty())
        return;
    const qint64 now = nowMs();
    quint64 cutoff = 0;
    bool any = false;
    for (const Pending& p : pending)
        if (flush || now - p.arrival >= options.holdBack.count()) {
            cutoff = std::max(cutoff, p.rv);
            any = true;
        }
    if (!any)
        return;
    QList<Pending> ready, keep;
    for (const Pending& p : pending)
        (p.rv <= cutoff ? ready : keep) << p;
    std::stable_sort(ready.begin(), ready.end(), [](const Pending& a, const Pending& b) {
        return a.rv != b.rv ? a.rv < b.rv : a.seq < b.seq;
    });
    pending = keep;
    for (const Pending& p : ready)
        apply(p);
    std::lock_guard lock(mutex);
    pendingCount = int(pending.size());
    changed.notify_all();
}

void RoutingMonitor::Private::apply(const Pending& p)
{
    const QString uid = uidOf(p.event.object);
    QHash<QString, QJsonObject>& c = cache[p.kind];
    if (p.event.type == WatchEvent::Type::Deleted) {
        if (!c.contains(uid))
            return;
        c.remove(uid);
    } else {
        // A relist after a reconnect may repeat what is known already.
        if (c.contains(uid) && rvNumber(c.value(uid)) >= p.rv && p.rv != 0)
            return;
        c.insert(uid, p.event.object);
    }
    if (p.rv != 0 && p.rv < appliedRv) {
        std::lock_guard lock(mutex);
        ++counts.lateEvents;
    }
    appliedRv = std::max(appliedRv, p.rv);
    evaluate(eventName(p.event.type) + QLatin1Char(' ') + ref(p.kind, p.event.object));
}

void RoutingMonitor::Private::describeService(const QString& service, QStringList* involved,
                                              int* ready, int* total) const
{
    *ready = 0;
    *total = 0;
    QJsonObject svc;
    for (const QJsonObject& s : cache[Services])
        if (nameOf(s) == service)
            svc = s;
    if (svc.isEmpty())
        return;
    involved->append(ref(Services, svc));
    for (const QJsonObject& slice : cache[EndpointSlices]) {
        if (meta(slice)
                .value(QLatin1String("labels"))
                .toObject()
                .value(QLatin1String("kubernetes.io/service-name"))
                .toString() != service)
            continue;
        int r = 0, t = 0;
        for (const QJsonValue& e : slice.value(QLatin1String("endpoints")).toArray()) {
            ++t;
            if (endpointReady(e.toObject()))
                ++r;
        }
        *ready += r;
        *total += t;
        involved->append(ref(EndpointSlices, slice) +
                         QStringLiteral(" (%1 of %2 ready)").arg(r).arg(t));
    }
    const QJsonObject selector =
        svc.value(QLatin1String("spec")).toObject().value(QLatin1String("selector")).toObject();
    for (const QJsonObject& d : cache[Deployments]) {
        const QJsonObject tpl =
            d.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject();
        if (!selectorMatches(selector, meta(tpl).value(QLatin1String("labels")).toObject()))
            continue;
        const QJsonObject spec = d.value(QLatin1String("spec")).toObject();
        const QJsonObject st = d.value(QLatin1String("status")).toObject();
        involved->append(ref(Deployments, d) +
                         QStringLiteral(" (replicas %1, ready %2)")
                             .arg(spec.value(QLatin1String("replicas")).toInt())
                             .arg(st.value(QLatin1String("readyReplicas")).toInt()));
    }
    int pods = 0;
    for (const QJsonObject& p : cache[Pods]) {
        if (!selectorMatches(selector, meta(p).value(QLatin1String("labels")).toObject()))
            continue;
        if (++pods > 4)
            continue;
        const QString phase =
            p.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
        QString what =
            phase + (podReady(p) ? QStringLiteral(", ready") : QStringLiteral(", not ready"));
        if (beingDeleted(p))
            what += QStringLiteral(", terminating");
        involved->append(ref(Pods, p) + QStringLiteral(" (") + what + QLatin1Char(')'));
    }
    if (pods > 4)
        involved->append(QStringLiteral("%1 more pods").arg(pods - 4));
    if (pods == 0)
        involved->append(QStringLiteral("no pods"));
}

void RoutingMonitor::Private::evaluate(const QString& event)
{
    QMap<QString, RoutingViolation> now;
    QList<QPair<Kind, QJsonObject>> routes;
    for (const Kind k : {VirtualServices, HTTPRoutes})
        for (const QJsonObject& r : cache[k])
            routes << qMakePair(k, r);
    for (const auto& [routeKind, vs] : routes) {
        // Watch events of a custom resource carry kind; make sure the destinations are read as
        // the kind the watch is of.
        QJsonObject route = vs;
        route.insert(QStringLiteral("kind"), QLatin1String(kKindNames[routeKind]));
        for (const RouteDestination& dest : routeDestinations(route, ns)) {
            if (dest.weight <= 0)
                continue;
            RoutingViolation v;
            v.virtualService = nameOf(vs);
            v.routeKind = QLatin1String(kKindNames[routeKind]);
            v.rule = dest.rule;
            v.host = dest.host;
            v.weight = dest.weight;
            v.involved << ref(routeKind, vs);
            if (!dest.otherNamespace.isEmpty()) {
                v.problem = QStringLiteral("the destination is in namespace %1, which is not "
                                           "watched")
                                .arg(dest.otherNamespace);
            } else {
                int ready = 0, total = 0;
                const qsizetype before = v.involved.size();
                describeService(dest.service, &v.involved, &ready, &total);
                if (v.involved.size() == before)
                    v.problem = QStringLiteral("there is no Service %1").arg(dest.service);
                else if (ready == 0)
                    v.problem = QStringLiteral("Service %1 has no ready endpoint "
                                               "(EndpointSlices: %2 of %3 ready)")
                                    .arg(dest.service)
                                    .arg(ready)
                                    .arg(total);
            }
            if (v.problem.isEmpty())
                continue;
            now.insert(v.routeKind + QLatin1Char('/') + v.virtualService + QLatin1Char('/') +
                           QString::number(v.rule) + QLatin1Char('/') + v.host,
                       v);
        }
    }

    QList<RoutingViolation> begun;
    std::function<void(const RoutingViolation&)> notify;
    {
        std::lock_guard lock(mutex);
        notify = callback;
        ++counts.states;
        const quint64 state = stateIndex++;
        if (!now.isEmpty())
            ++counts.violatingStates;
        for (auto it = open.begin(); it != open.end();) {
            if (now.contains(it.key())) {
                violations[it.value()].lastState = state;
                ++it;
            } else {
                violations[it.value()].clearedBy = event;
                it = open.erase(it);
            }
        }
        for (auto it = now.begin(); it != now.end(); ++it) {
            if (open.contains(it.key()))
                continue;
            RoutingViolation v = it.value();
            v.event = event;
            v.firstState = state;
            v.lastState = state;
            open.insert(it.key(), int(violations.size()));
            violations << v;
            begun << v;
            ++counts.violations;
        }
    }
    if (notify)
        for (const RoutingViolation& v : begun)
            notify(v);
}

void RoutingMonitor::Private::stopWatches()
{
    process(true);
    if (timer)
        timer->stop();
    qDeleteAll(watches);
    watches.clear();
}

RoutingMonitor::RoutingMonitor(std::shared_ptr<Client> client, QString namespaceName,
                               RoutingMonitorOptions options)
    : d(std::make_unique<Private>())
{
    d->client = std::move(client);
    d->ns = std::move(namespaceName);
    d->options = options;
    d->thread.setObjectName(QStringLiteral("routing-monitor"));
}

RoutingMonitor::~RoutingMonitor()
{
    stop();
}

Status RoutingMonitor::start(std::chrono::milliseconds timeout)
{
    {
        std::lock_guard lock(d->mutex);
        if (d->running)
            return Status::success();
    }
    Result<Discovery> disc = detail::await(d->client->discovery());
    if (!disc)
        return disc.status;
    const ServedRouting served = servedRouting(disc.value);
    d->vsVersion = served.virtualServiceVersion;
    d->httpRouteVersion = served.httpRouteVersion;
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
    {
        std::lock_guard lock(d->mutex);
        d->running = true;
    }
    QMetaObject::invokeMethod(
        d->worker, [this] { d->createWatches(); }, Qt::QueuedConnection);
    std::unique_lock lock(d->mutex);
    const bool ok = d->changed.wait_for(lock, timeout, [this] { return d->initialChecked; });
    if (ok)
        return Status::success();
    return Status::error(
        Status::Kind::Transport,
        QStringLiteral("the routing monitor could not list the objects of namespace %1 within "
                       "%2 ms%3")
            .arg(d->ns)
            .arg(timeout.count())
            .arg(d->watchErrors.isEmpty()
                     ? QString()
                     : QStringLiteral(": ") + d->watchErrors.join(QStringLiteral("; "))));
}

bool RoutingMonitor::settle(std::chrono::milliseconds quiet, std::chrono::milliseconds timeout)
{
    QElapsedTimer t;
    t.start();
    std::unique_lock lock(d->mutex);
    while (t.elapsed() < timeout.count()) {
        if (d->initialChecked && d->pendingCount == 0 && nowMs() - d->lastArrival >= quiet.count())
            return true;
        d->changed.wait_for(lock, std::chrono::milliseconds(50));
    }
    return false;
}

void RoutingMonitor::stop()
{
    {
        std::lock_guard lock(d->mutex);
        if (!d->running)
            return;
        d->running = false;
    }
    QMetaObject::invokeMethod(
        d->worker, [this] { d->stopWatches(); }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

RoutingMonitorCounts RoutingMonitor::counts() const
{
    std::lock_guard lock(d->mutex);
    return d->counts;
}

QList<RoutingViolation> RoutingMonitor::violations() const
{
    std::lock_guard lock(d->mutex);
    return d->violations;
}

void RoutingMonitor::setViolationCallback(std::function<void(const RoutingViolation&)> callback)
{
    std::lock_guard lock(d->mutex);
    d->callback = std::move(callback);
}

QString RoutingMonitor::summary() const
{
    std::lock_guard lock(d->mutex);
    QString s = QStringLiteral("routing monitor, namespace %1: %2 states observed, %3 with a "
                               "violation, %4 violation(s), %5 late event(s), %6 relist(s)")
                    .arg(d->ns)
                    .arg(d->counts.states)
                    .arg(d->counts.violatingStates)
                    .arg(d->counts.violations)
                    .arg(d->counts.lateEvents)
                    .arg(d->counts.reconnects);
    for (const RoutingViolation& v : d->violations)
        s += QStringLiteral("\n  ") + v.toString();
    return s;
}

} // namespace kube::rollout
