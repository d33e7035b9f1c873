#include "models/namespacestore.h"

#include "kube/rollout/cluster.h"
#include "models/podsmodel.h"

#include "kube/rollout/render.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace veladesk {

namespace lbl = kube::rollout::labels;
using kube::rollout::key;

namespace {
QJsonObject obj(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toObject();
}
QString str(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toString();
}
QString nameOf(const QJsonObject& o)
{
    return str(obj(o, "metadata"), "name");
}
QString label(const QJsonObject& o, const char* k)
{
    return obj(obj(o, "metadata"), "labels").value(key(k)).toString();
}
int intOf(const QJsonValue& v, int fallback)
{
    if (v.isDouble())
        return v.toInt(fallback);
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}
template <typename T> kube::Result<T> parsed(T value)
{
    return kube::Result<T>::success(std::move(value));
}
} // namespace

ApplicationInfo ApplicationInfo::fromJson(const QJsonObject& object)
{
    return {nameOf(object), str(obj(obj(object, "status"), "latestRevision"), "name")};
}

DeploymentInfo DeploymentInfo::fromJson(const QJsonObject& object)
{
    DeploymentInfo d;
    d.name = nameOf(object);
    d.revision = label(object, lbl::appRevision);
    d.appDeployment = label(object, lbl::appDeployment);
    d.replicas = intOf(obj(object, "spec").value(QLatin1String("replicas")), 1);
    d.readyReplicas = intOf(obj(object, "status").value(QLatin1String("readyReplicas")), 0);
    return d;
}

ServiceInfo ServiceInfo::fromJson(const QJsonObject& object)
{
    ServiceInfo s;
    s.name = nameOf(object);
    const QJsonObject spec = obj(object, "spec");
    s.revision = obj(spec, "selector").value(key(lbl::appRevision)).toString();
    for (const QJsonValue& p : spec.value(QLatin1String("ports")).toArray())
        s.ports << intOf(p.toObject().value(QLatin1String("port")), 0);
    return s;
}

VirtualServiceInfo VirtualServiceInfo::fromJson(const QJsonObject& object)
{
    VirtualServiceInfo v;
    v.name = nameOf(object);
    const QJsonObject spec = obj(object, "spec");
    for (const QJsonValue& h : spec.value(QLatin1String("hosts")).toArray())
        v.hosts << h.toString();
    const QJsonArray http = spec.value(QLatin1String("http")).toArray();
    if (http.isEmpty())
        return v;
    const QJsonArray route = http.first().toObject().value(QLatin1String("route")).toArray();
    for (const QJsonValue& r : route) {
        const QJsonObject o = r.toObject();
        // Istio: a single route without weight gets all the traffic.
        const int weight = o.contains(QLatin1String("weight"))
                               ? intOf(o.value(QLatin1String("weight")), 0)
                               : (route.size() == 1 ? 100 : 0);
        v.weights.append({str(obj(o, "destination"), "host"), weight});
    }
    return v;
}

int VirtualServiceInfo::weightOf(const QString& revisionName) const
{
    // Destinations are <revision>-<component>-<port>[.namespace.svc...] (render.h).
    const QString prefix = revisionName + QLatin1Char('-');
    int sum = 0;
    for (const auto& w : weights)
        if (w.first.section(QLatin1Char('.'), 0, 0).startsWith(prefix))
            sum += w.second;
    return sum;
}

HorizontalPodAutoscalerInfo HorizontalPodAutoscalerInfo::fromJson(const QJsonObject& object)
{
    return {nameOf(object), kube::rollout::hpaTargetDeployment(object)};
}

QString ApplyActivityInfo::holderShort() const
{
    if (!lease)
        return {};
    static const QRegularExpression own(
        QStringLiteral("^(.*) \\(([^,()]*), pid \\d+, [0-9a-f]+\\)$"));
    const QRegularExpressionMatch m = own.match(lease->holder);
    return m.hasMatch() ? QStringLiteral("%1 (%2)").arg(m.captured(1), m.captured(2))
                        : lease->holder;
}

QString ApplyActivityInfo::sinceText() const
{
    if (!lease)
        return {};
    const QDateTime t =
        (lease->acquireTime.isValid() ? lease->acquireTime : lease->renewTime).toLocalTime();
    return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss"))
                                            : t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ApplyActivityInfo::inProgressText() const
{
    if (activity != kube::rollout::ApplyActivity::InProgress || !lease)
        return {};
    return QObject::tr("apply in progress by %1 since %2").arg(holderShort(), sinceText());
}

// What the events watch keeps of an Event: the fields fromJson() reads and the ones a Watch
// needs (a namespace of 10,000 pods has at least as many Events).
static QJsonObject slimEvent(const QJsonObject& o)
{
    QJsonObject out;
    for (const char* k : {"apiVersion", "kind", "type", "reason", "message"})
        if (auto it = o.constFind(QLatin1String(k)); it != o.constEnd())
            out.insert(QLatin1String(k), *it);
    const QJsonObject meta = obj(o, "metadata");
    QJsonObject m;
    for (const char* k : {"name", "namespace", "uid", "resourceVersion"})
        if (auto it = meta.constFind(QLatin1String(k)); it != meta.constEnd())
            m.insert(QLatin1String(k), *it);
    out.insert(QLatin1String("metadata"), m);
    const QJsonObject involved = obj(o, "involvedObject");
    out.insert(QLatin1String("involvedObject"),
               QJsonObject{{QLatin1String("kind"), involved.value(QLatin1String("kind"))},
                           {QLatin1String("name"), involved.value(QLatin1String("name"))}});
    return out;
}

KubeEvent KubeEvent::fromJson(const QJsonObject& o)
{
    const QJsonObject involved = obj(o, "involvedObject");
    return {str(o, "type"), str(o, "reason"), str(involved, "kind"), str(involved, "name"),
            str(o, "message").trimmed()};
}

QString KubeEvent::text() const
{
    return QStringLiteral("%1 %2/%3: %4").arg(reason, objectKind, objectName, message);
}

template <typename T, typename Parse>
void NamespaceStore::addCachedKind(Kind kind, QMap<QString, T>* map, Parse parse)
{
    KindHandler h;
    h.clear = [map] { map->clear(); };
    h.put = [this, kind, map, parse](const QJsonObject& object) {
        ++m_parseCount;
        kube::Result<T> value = parse(object);
        if (!value.ok()) {
            map->remove(nameOf(object)); // an edit that broke it: the old value is gone too
            Q_EMIT objectRejected(kind, value.status.toString());
            return;
        }
        map->insert(nameOf(object), std::move(value.value));
    };
    h.remove = [map](const QString& name) { map->remove(name); };
    m_handlers.insert(kind, h);
}

template <typename T> void NamespaceStore::addInspectedKind(Kind kind, QMap<QString, T>* map)
{
    KindHandler& h = m_handlers[kind]; // composed with the kind's own handler, if any
    h.clear = [map, before = h.clear] {
        if (before)
            before();
        map->clear();
    };
    h.put = [map, before = h.put](const QJsonObject& object) {
        if (before)
            before(object);
        T value = T::fromJson(object);
        map->insert(value.meta.name, std::move(value));
    };
    h.remove = [map, before = h.remove](const QString& name) {
        if (before)
            before(name);
        map->remove(name);
    };
}

// The object tree's kinds, watched when served, before Events (the last).
void NamespaceStore::addTreeKinds(QList<Kind>& kinds)
{
    m_inspected.gatewayApiServed = !m_options.gatewayApiVersion.isEmpty();
    m_inspected.istioGatewaysServed = !m_options.istioGatewayVersion.isEmpty();
    QList<Kind> tree{Kind::ReplicaSets, Kind::EndpointSlices};
    if (m_inspected.gatewayApiServed)
        tree << Kind::Gateways << Kind::HTTPRoutes;
    if (m_inspected.istioGatewaysServed)
        tree << Kind::IstioGateways;
    const qsizetype events = kinds.indexOf(Kind::Events);
    for (Kind k : std::as_const(tree))
        kinds.insert(events < 0 ? kinds.size() : kinds.indexOf(Kind::Events), k);
}

NamespaceStore::NamespaceStore(QObject* parent)
    : QObject(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<veladesk::KubeEvent>();
    m_emitTimer.setSingleShot(true);
    m_emitTimer.setInterval(kChangeDelayMs);
    connect(&m_emitTimer, &QTimer::timeout, this, &NamespaceStore::emitChanges);
    m_leaseTicker.setInterval(1000);
    connect(&m_leaseTicker, &QTimer::timeout, this, &NamespaceStore::checkLeases);

    addCachedKind(Kind::Applications, &m_applications,
                  [](const QJsonObject& o) { return parsed(ApplicationInfo::fromJson(o)); });
    addCachedKind(Kind::ApplicationRevisions, &m_revisions, &kube::rollout::AppRevision::fromJson);
    addCachedKind(Kind::AppDeployments, &m_appDeployments,
                  &kube::rollout::AppDeploymentPlan::fromJson);
    addCachedKind(Kind::Deployments, &m_deployments,
                  [](const QJsonObject& o) { return parsed(DeploymentInfo::fromJson(o)); });
    addCachedKind(Kind::Services, &m_services,
                  [](const QJsonObject& o) { return parsed(ServiceInfo::fromJson(o)); });
    addCachedKind(Kind::VirtualServices, &m_virtualServices,
                  [](const QJsonObject& o) { return parsed(VirtualServiceInfo::fromJson(o)); });
    addCachedKind(Kind::History, &m_history, &kube::rollout::HistoryEntry::fromJson);
    addCachedKind(Kind::ApplyLeases, &m_applyLeases, [](const QJsonObject& o) {
        std::optional<kube::rollout::ApplyLeaseInfo> lease =
            kube::rollout::ApplyLeaseInfo::fromJson(o);
        if (!lease)
            return kube::Result<kube::rollout::ApplyLeaseInfo>::failure(
                kube::Status::error(kube::Status::Kind::Invalid, QStringLiteral("an empty Lease")));
        return parsed(*lease);
    });
    addCachedKind(Kind::HorizontalPodAutoscalers, &m_hpas, [](const QJsonObject& o) {
        return parsed(HorizontalPodAutoscalerInfo::fromJson(o));
    });
    // The object tree's values (issue 15).
    addInspectedKind(Kind::Applications, &m_inspected.applications);
    addInspectedKind(Kind::ApplicationRevisions, &m_inspected.revisions);
    addInspectedKind(Kind::AppDeployments, &m_inspected.appDeployments);
    addInspectedKind(Kind::Deployments, &m_inspected.deployments);
    addInspectedKind(Kind::Services, &m_inspected.services);
    addInspectedKind(Kind::VirtualServices, &m_inspected.virtualServices);
    addInspectedKind(Kind::ReplicaSets, &m_inspected.replicaSets);
    addInspectedKind(Kind::EndpointSlices, &m_inspected.endpointSlices);
    addInspectedKind(Kind::Gateways, &m_inspected.gateways);
    addInspectedKind(Kind::HTTPRoutes, &m_inspected.httpRoutes);
    addInspectedKind(Kind::IstioGateways, &m_inspected.istioGateways);
}

NamespaceStore::~NamespaceStore()
{
    stopWatches();
}

kube::ResourceType NamespaceStore::typeOf(Kind kind) const
{
    using kube::ResourceType;
    switch (kind) {
    case Kind::Applications:
        return ResourceType::applications();
    case Kind::ApplicationRevisions:
        return ResourceType::applicationRevisions();
    case Kind::AppDeployments:
        return ResourceType::appDeployments();
    case Kind::Deployments:
        return ResourceType::deployments();
    case Kind::Services:
        return ResourceType::services();
    case Kind::VirtualServices:
        return ResourceType::virtualServices(m_options.virtualServiceVersion);
    case Kind::Pods:
        return ResourceType::pods();
    case Kind::Events:
        return ResourceType::events();
    case Kind::History:
        return kube::rollout::historyType();
    case Kind::ApplyLeases:
        return kube::rollout::applyLeaseType();
    case Kind::HorizontalPodAutoscalers:
        return kube::rollout::horizontalPodAutoscalerType();
    case Kind::ReplicaSets:
        return ResourceType::replicaSets();
    case Kind::EndpointSlices:
        return ResourceType::endpointSlices();
    case Kind::Gateways:
        return ResourceType::gatewayApiGateways(m_options.gatewayApiVersion);
    case Kind::HTTPRoutes:
        return ResourceType::httpRoutes(m_options.gatewayApiVersion);
    case Kind::IstioGateways:
        return ResourceType::gateways(m_options.istioGatewayVersion);
    }
    return {};
}

kube::ListOptions NamespaceStore::listOptionsOf(Kind kind) const
{
    kube::ListOptions options;
    if (kind == Kind::ApplyLeases) // only the Leases of AppDeployments' applies
        options.labelSelector = key(lbl::appDeployment);
    if (kind == Kind::History) // not the ControllerRevisions of StatefulSets and DaemonSets
        options.labelSelector = QStringLiteral("app.kubernetes.io/managed-by=veladesk");
    return options;
}

void NamespaceStore::start(std::shared_ptr<kube::Client> client, const QString& namespaceName,
                           const Options& options)
{
    stop();
    m_client = std::move(client);
    m_namespace = namespaceName;
    m_options = options;
    startWatches();
}

void NamespaceStore::startWatches()
{
    if (!m_client)
        return;
    // Pods first: the largest list and the pane that shows most; Events last (their first
    // list is not logged, but it can be long).
    QList<Kind> kinds{Kind::Pods, Kind::Applications, Kind::ApplicationRevisions};
    if (m_options.appDeploymentsServed)
        kinds << Kind::AppDeployments << Kind::History;
    kinds << Kind::Deployments;
    if (!m_options.virtualServiceVersion.isEmpty())
        kinds << Kind::VirtualServices;
    kinds << Kind::Services << Kind::Events;
    if (m_options.appDeploymentsServed)
        kinds << Kind::ApplyLeases;
    if (m_options.horizontalPodAutoscalersServed)
        kinds << Kind::HorizontalPodAutoscalers;
    // Events: their first list is not logged, only what happens from now on. Leases and HPAs
    // refine what is shown; a namespace is usable before they list (or when RBAC hides them).
    // History: not needed to show the namespace (a 403 on it must not keep it "loading").
    const QSet<Kind> notAwaited{Kind::Events, Kind::ApplyLeases, Kind::HorizontalPodAutoscalers,
                                Kind::History};
    addTreeKinds(kinds);
    for (Kind k : std::as_const(kinds))
        if (!notAwaited.contains(k))
            m_pendingSync.insert(k);
    // Events after the pods' first list: a namespace of 10,000 pods has at least as many
    // Events, whose list (only its resourceVersion is used) would share the API server and the
    // transport's thread with the pods' list (bench/run.sh: 4 pages of 250 ms in the middle
    // of it).
    m_eventsAfterPods = kinds.contains(Kind::Pods) && kinds.removeOne(Kind::Events);
    for (Kind k : std::as_const(kinds))
        startWatch(k);
    // last: a slot may switch the namespace right away (start() again)
    Q_EMIT loadingChanged(true);
}

void NamespaceStore::startWatch(Kind kind)
{
    kube::Watch* w = m_client->watch(typeOf(kind), m_namespace, listOptionsOf(kind), this);
    // The largest lists: only the fields shown are kept, and the watch itself keeps only what
    // tells changes apart (the models and the object tree keep their own rows).
    if (kind == Kind::Pods || kind == Kind::Events)
        w->setCacheIdentityOnly(true);
    if (kind == Kind::Pods) {
        w->setTransform(&PodRow::slim);
        // The pane's columns as the API server prints them, about 40 times less to send and
        // parse than the whole pods (docs/performance.md); the object tree's whole pods follow.
        w->setFirstListAsTable(true);
    } else if (kind == Kind::Events)
        w->setTransform(&slimEvent);
    m_watches.insert(kind, w);
    connect(w, &kube::Watch::synced, this,
            [this, kind](const QList<QJsonObject>& objects) { resetKind(kind, objects); });
    connect(w, &kube::Watch::events, this,
            [this, kind](const QList<kube::WatchEvent>& events) { applyEvents(kind, events); });
    connect(w, &kube::Watch::healthChanged, this,
            [this, kind](kube::WatchHealth health, const QString& message) {
                // pods that cannot be listed (RBAC) do not hold the Events back
                if (kind == Kind::Pods && health == kube::WatchHealth::Failed &&
                    std::exchange(m_eventsAfterPods, false))
                    startWatch(Kind::Events);
                Q_EMIT healthChanged(kind, health, message);
            });
    w->start();
}

void NamespaceStore::stopWatches()
{
    for (const QPointer<kube::Watch>& w : std::as_const(m_watches)) {
        if (w) {
            w->disconnect(this); // nothing of the old watches arrives after this
            w->stop();
            w->deleteLater();
        }
    }
    m_watches.clear();
    m_eventsAfterPods = false;
    m_podsSynced = false;
    ++m_podObjectsGeneration; // a list of whole pods still running is for the old watch
    m_podObjectsPending = false;
    m_podObjectEvents.clear();
    const bool wasLoading = isLoading();
    m_pendingSync.clear();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void NamespaceStore::stop()
{
    stopWatches();
    for (auto it = m_handlers.cbegin(); it != m_handlers.cend(); ++it) {
        it->clear();
        markChanged(it.key());
    }
    m_revisionList.reset();
    m_listed.clear();
    Q_EMIT podsReset({});
    Q_EMIT podObjectsReset({});
    flushChanges(); // the models empty now, not with the next namespace's first objects
}

void NamespaceStore::restart()
{
    // The cached objects stay until each new list replaces them (resetKind), so the models
    // never see an empty namespace in between.
    stopWatches();
    startWatches();
}

bool NamespaceStore::isWatched(Kind kind) const
{
    return m_watches.value(kind) != nullptr;
}

kube::WatchHealth NamespaceStore::health(Kind kind) const
{
    const QPointer<kube::Watch> w = m_watches.value(kind);
    return w ? w->health() : kube::WatchHealth::Failed;
}

void NamespaceStore::resetKind(Kind kind, const QList<QJsonObject>& objects)
{
    if (kind == Kind::Pods) {
        if (std::exchange(m_eventsAfterPods, false) && m_client)
            startWatch(Kind::Events);
        Q_EMIT podsReset(objects);
        m_podsSynced = true;
        const bool table = std::any_of(objects.cbegin(), objects.cend(), [](const QJsonObject& o) {
            return o.contains(kube::tableRowKey());
        });
        const QPointer<kube::Watch> w = m_watches.value(Kind::Pods);
        // whole pods only once they are asked for (wantPodObjects)
        if (m_podObjectsWanted && !table)
            Q_EMIT podObjectsReset(objects);
        else if (m_podObjectsWanted && m_client && w)
            listPodObjects(w->resourceVersion(), true);
    } else if (kind == Kind::Events) {
        // the first list of events predates the session: not logged
    } else if (const auto h = m_handlers.constFind(kind); h != m_handlers.cend()) {
        h->clear();
        for (const QJsonObject& o : objects)
            h->put(o);
        m_listed.insert(kind);
        markChanged(kind);
    }
    if (m_pendingSync.remove(kind) && m_pendingSync.isEmpty())
        Q_EMIT loadingChanged(false);
}

void NamespaceStore::wantPodObjects()
{
    if (std::exchange(m_podObjectsWanted, true))
        return;
    // The pods listed already: their whole objects at the watch's latest version, the events
    // after it on top (a version compacted meanwhile: the newest list, listPodObjects).
    const QPointer<kube::Watch> w = m_watches.value(Kind::Pods);
    if (m_podsSynced && m_client && w)
        listPodObjects(w->resourceVersion(), true);
}

void NamespaceStore::listPodObjects(const QString& resourceVersion, bool exact)
{
    m_podObjectsPending = true;
    const quint64 generation = ++m_podObjectsGeneration;
    kube::ListOptions options = listOptionsOf(Kind::Pods);
    if (exact && !resourceVersion.isEmpty()) {
        // The Table's snapshot, so that the events the watch streams from that version apply
        // on top of it, in order.
        options.resourceVersion = resourceVersion;
        options.resourceVersionMatch = QStringLiteral("Exact");
    }
    m_client->list(typeOf(Kind::Pods), m_namespace, options, &PodRow::slim)
        .then(this, [this, generation, exact](const kube::Result<kube::ObjectList>& r) {
            if (generation != m_podObjectsGeneration)
                return;
            if (!r) {
                if (exact) {
                    // 410: the version was compacted meanwhile. The newest list instead; the
                    // events that arrived meanwhile follow it, so no change is missed (one
                    // older than the list is corrected by the pod's next event).
                    listPodObjects({}, false);
                    return;
                }
                m_podObjectsPending = false;
                Q_EMIT objectRejected(Kind::Pods,
                                      tr("the pods for the object tree could not be listed: %1")
                                          .arg(r.status.toString()));
                return;
            }
            m_podObjectsPending = false;
            Q_EMIT podObjectsReset(r.value.items);
            if (!m_podObjectEvents.isEmpty())
                Q_EMIT podObjectEvents(std::exchange(m_podObjectEvents, {}));
        });
}

void NamespaceStore::applyEvents(Kind kind, const QList<kube::WatchEvent>& events)
{
    if (kind == Kind::Pods) {
        Q_EMIT podEvents(events);
        if (!m_podObjectsWanted || !m_podsSynced)
            return; // nobody follows the whole pods yet
        if (m_podObjectsPending)
            m_podObjectEvents.append(events);
        else
            Q_EMIT podObjectEvents(events);
        return;
    }
    if (kind == Kind::Events) {
        QList<KubeEvent> out;
        for (const kube::WatchEvent& e : events)
            if (e.type != kube::WatchEvent::Type::Deleted)
                out << KubeEvent::fromJson(e.object);
        if (!out.isEmpty())
            Q_EMIT kubeEvents(out);
        return;
    }
    const auto h = m_handlers.constFind(kind);
    if (h == m_handlers.cend() || events.isEmpty())
        return;
    for (const kube::WatchEvent& e : events) {
        if (e.type == kube::WatchEvent::Type::Deleted)
            h->remove(nameOf(e.object));
        else
            h->put(e.object);
    }
    markChanged(kind);
}

void NamespaceStore::markChanged(Kind kind)
{
    if (kind == Kind::ApplicationRevisions)
        m_revisionList.reset();
    if (kind == Kind::ApplyLeases) {
        m_liveLeases = liveLeases();
        bool held = false;
        for (const kube::rollout::ApplyLeaseInfo& l : std::as_const(m_applyLeases))
            held = held || l.held();
        if (held && !m_leaseTicker.isActive())
            m_leaseTicker.start();
        else if (!held)
            m_leaseTicker.stop();
    }
    m_dirty.insert(kind);
    if (!m_emitTimer.isActive())
        m_emitTimer.start();
}

void NamespaceStore::follow(QObject* receiver, const QSet<Kind>& kinds,
                            std::function<void()> refresh) const
{
    auto dirty = std::make_shared<bool>(false);
    connect(this, &NamespaceStore::changed, receiver, [dirty, kinds](Kind kind) {
        if (kinds.contains(kind))
            *dirty = true;
    });
    connect(this, &NamespaceStore::changesDone, receiver, [dirty, refresh = std::move(refresh)] {
        if (std::exchange(*dirty, false))
            refresh();
    });
}

void NamespaceStore::flushChanges()
{
    m_emitTimer.stop();
    emitChanges();
}

void NamespaceStore::emitChanges()
{
    // In a fixed order: revisions before the AppDeployments that name them.
    const QSet<Kind> dirty = std::exchange(m_dirty, {});
    for (Kind k : {Kind::Applications, Kind::ApplicationRevisions, Kind::AppDeployments,
                   Kind::Deployments, Kind::Services, Kind::VirtualServices, Kind::ApplyLeases,
                   Kind::HorizontalPodAutoscalers, Kind::History})
        if (dirty.contains(k))
            Q_EMIT changed(k);
    for (Kind k : {Kind::ReplicaSets, Kind::EndpointSlices, Kind::Gateways, Kind::HTTPRoutes,
                   Kind::IstioGateways})
        if (dirty.contains(k))
            Q_EMIT changed(k);
    if (!dirty.isEmpty())
        Q_EMIT changesDone();
}

const QList<kube::rollout::AppRevision>& NamespaceStore::revisionList() const
{
    if (!m_revisionList)
        m_revisionList = m_revisions.values();
    return *m_revisionList;
}

QList<kube::rollout::AppRevision> NamespaceStore::revisionsOf(const QString& appName) const
{
    QList<kube::rollout::AppRevision> out;
    for (const kube::rollout::AppRevision& r : m_revisions)
        if (r.appName == appName)
            out << r;
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.revision < b.revision; });
    return out;
}

const kube::rollout::AppDeploymentPlan*
NamespaceStore::appDeploymentFor(const QString& appName) const
{
    for (const kube::rollout::AppDeploymentPlan& ad : m_appDeployments) {
        for (const kube::rollout::RevisionPlacement& rp : ad.appRevisions)
            if (const auto r = m_revisions.constFind(rp.revisionName);
                r != m_revisions.cend() && r->appName == appName)
                return &ad;
        for (const QString& rev : ad.weightsByRevision().keys())
            if (const auto r = m_revisions.constFind(rev);
                r != m_revisions.cend() && r->appName == appName)
                return &ad;
    }
    return nullptr;
}

QSet<QString> NamespaceStore::liveLeases() const
{
    QSet<QString> live;
    const QDateTime t = now();
    for (auto it = m_applyLeases.cbegin(); it != m_applyLeases.cend(); ++it)
        if (it->isLive(t))
            live.insert(it.key());
    return live;
}

void NamespaceStore::checkLeases()
{
    if (liveLeases() != m_liveLeases)
        markChanged(Kind::ApplyLeases); // a Lease expired (or its renewal time came): no event
}

void NamespaceStore::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    checkLeases();
}

const kube::rollout::ApplyLeaseInfo*
NamespaceStore::applyLeaseOf(const QString& appDeploymentName) const
{
    const auto it = m_applyLeases.constFind(kube::rollout::applyLeaseName(appDeploymentName));
    return it == m_applyLeases.cend() ? nullptr : &*it;
}

ApplyActivityInfo
NamespaceStore::applyActivityOf(const kube::rollout::AppDeploymentPlan& appDeployment) const
{
    ApplyActivityInfo out;
    if (const kube::rollout::ApplyLeaseInfo* lease = applyLeaseOf(appDeployment.name))
        out.lease = *lease;
    const QDateTime t = now();
    out.activity = kube::rollout::applyActivity(appDeployment.status.phase, out.lease, t);
    if (out.activity == kube::rollout::ApplyActivity::Interrupted && !hasListed(Kind::ApplyLeases))
        out.activity = kube::rollout::ApplyActivity::Idle; // not known yet
    return out;
}

QMap<QString, QString> NamespaceStore::replicasManagedBy() const
{
    QMap<QString, QString> out;
    for (const HorizontalPodAutoscalerInfo& h : m_hpas)
        if (!h.deployment.isEmpty())
            out.insert(h.deployment, QStringLiteral("HorizontalPodAutoscaler/") + h.name);
    return out;
}

const VirtualServiceInfo* NamespaceStore::virtualService(const QString& name) const
{
    const auto it = m_virtualServices.constFind(name);
    return it == m_virtualServices.cend() ? nullptr : &*it;
}

QList<DeploymentInfo>
NamespaceStore::deploymentsOf(const kube::rollout::AppRevision& revision) const
{
    QList<DeploymentInfo> out;
    for (const DeploymentInfo& d : m_deployments)
        if (d.revision == revision.name)
            out << d;
    for (const kube::rollout::Component& c : revision.application.components) {
        const auto it =
            m_deployments.constFind(kube::rollout::deploymentName(c.name, revision.name));
        if (it != m_deployments.cend() && it->revision.isEmpty())
            out << *it;
    }
    return out;
}

} // namespace veladesk
