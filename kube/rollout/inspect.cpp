#include "kube/rollout/inspect.h"

#include "kube/podstate.h"
#include "kube/rollout/application.h"

#include <QJsonArray>
#include <algorithm>

namespace kube::rollout {

namespace {

QJsonObject obj(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toObject();
}
QJsonArray arr(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toArray();
}
QString str(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toString();
}
int intOf(const QJsonObject& o, const char* k, int fallback = 0)
{
    const QJsonValue v = o.value(QLatin1String(k));
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d >= -2147483648.0 && d <= 2147483647.0 ? int(d) : fallback;
    }
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}
qint64 int64Of(const QJsonObject& o, const char* k)
{
    const QJsonValue v = o.value(QLatin1String(k));
    return v.isDouble() ? qint64(v.toDouble()) : 0;
}
bool boolOf(const QJsonObject& o, const char* k)
{
    return o.value(QLatin1String(k)).toBool();
}
QDateTime timeOf(const QJsonObject& o, const char* k)
{
    const QString s = str(o, k);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}
QMap<QString, QString> stringMap(const QJsonObject& o)
{
    QMap<QString, QString> m;
    for (auto it = o.begin(); it != o.end(); ++it)
        m.insert(it.key(), it.value().toString());
    return m;
}
QList<Condition> conditionsOf(const QJsonObject& status)
{
    QList<Condition> out;
    for (const QJsonValue& v : arr(status, "conditions")) {
        const QJsonObject c = v.toObject();
        out << Condition{str(c, "type"), str(c, "status"), str(c, "reason"),
                         str(c, "message").trimmed(), str(c, "lastTransitionTime")};
    }
    return out;
}
const Condition* conditionOf(const QList<Condition>& conditions, const char* type)
{
    for (const Condition& c : conditions)
        if (c.type == QLatin1String(type))
            return &c;
    return nullptr;
}
HealthState state(Health h, QString reason, QString message)
{
    return HealthState{h, std::move(reason), std::move(message)};
}

} // namespace

QString healthName(Health health)
{
    switch (health) {
    case Health::NotChecked:
        return QStringLiteral("NotChecked");
    case Health::Healthy:
        return QStringLiteral("Healthy");
    case Health::Suspended:
        return QStringLiteral("Suspended");
    case Health::Progressing:
        return QStringLiteral("Progressing");
    case Health::Missing:
        return QStringLiteral("Missing");
    case Health::Degraded:
        return QStringLiteral("Degraded");
    case Health::Unknown:
        return QStringLiteral("Unknown");
    }
    return {};
}

bool isUnhealthy(Health health)
{
    return health == Health::Degraded || health == Health::Missing || health == Health::Unknown;
}

Health worse(Health a, Health b)
{
    return int(b) > int(a) ? b : a;
}

QString HealthState::toString() const
{
    QString s = healthName(health);
    if (!reason.isEmpty())
        s += QStringLiteral(" (%1)").arg(reason);
    if (!message.isEmpty())
        s += QStringLiteral(": ") + message;
    return s;
}

QString ObjectMeta::label(const char* key) const
{
    return labels.value(QLatin1String(key));
}

const OwnerRef* ObjectMeta::controller() const
{
    for (const OwnerRef& o : owners)
        if (o.controller)
            return &o;
    return nullptr;
}

bool ObjectMeta::ownedBy(const QString& ownerUid) const
{
    if (ownerUid.isEmpty())
        return false;
    return std::any_of(owners.begin(), owners.end(),
                       [&](const OwnerRef& o) { return o.uid == ownerUid; });
}

ObjectMeta ObjectMeta::fromJson(const QJsonObject& object)
{
    const QJsonObject m = obj(object, "metadata");
    ObjectMeta meta;
    meta.name = str(m, "name");
    meta.uid = str(m, "uid");
    meta.resourceVersion = str(m, "resourceVersion");
    meta.created = timeOf(m, "creationTimestamp");
    meta.deleting = beingDeleted(object);
    meta.labels = stringMap(obj(m, "labels"));
    for (const QJsonValue& v : arr(m, "ownerReferences")) {
        const QJsonObject o = v.toObject();
        meta.owners << OwnerRef{str(o, "apiVersion"), str(o, "kind"), str(o, "name"), str(o, "uid"),
                                boolOf(o, "controller")};
    }
    return meta;
}

bool selectorMatches(const LabelSelector& selector, const QMap<QString, QString>& labels)
{
    for (auto it = selector.cbegin(); it != selector.cend(); ++it) {
        const auto l = labels.constFind(it.key());
        if (l == labels.cend() || *l != it.value())
            return false;
    }
    return true;
}

QString selectorText(const LabelSelector& selector)
{
    QStringList parts;
    for (auto it = selector.cbegin(); it != selector.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(','));
}

ApplicationState ApplicationState::fromJson(const QJsonObject& object)
{
    return {ObjectMeta::fromJson(object),
            str(obj(obj(object, "status"), "latestRevision"), "name")};
}

AppRevisionState AppRevisionState::fromJson(const QJsonObject& object)
{
    AppRevisionState r;
    r.meta = ObjectMeta::fromJson(object);
    const QJsonObject app = obj(obj(object, "spec"), "application");
    r.appName = r.meta.label(labels::appName);
    if (r.appName.isEmpty())
        r.appName = str(obj(app, "metadata"), "name");
    r.revision = revisionNumberOf(r.meta.name, r.appName);
    for (const QJsonValue& v : arr(obj(app, "spec"), "components")) {
        const QJsonObject c = v.toObject();
        r.components << str(c, "name");
        const QString image = str(obj(c, "properties"), "image");
        if (!image.isEmpty())
            r.images << image;
    }
    return r;
}

InspectedAppDeployment InspectedAppDeployment::fromJson(const QJsonObject& object)
{
    InspectedAppDeployment a;
    a.meta = ObjectMeta::fromJson(object);
    Result<AppDeploymentPlan> plan = AppDeploymentPlan::fromJson(object);
    if (plan.ok()) {
        a.plan = std::move(plan.value);
    } else {
        a.parsed = false;
        a.parseError = plan.status.message;
        a.plan.name = a.meta.name;
        a.plan.status = AppDeploymentStatus::fromJson(obj(object, "status"));
    }
    return a;
}

HealthState InspectedAppDeployment::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Deleting"),
                     ktr("kube::rollout", "Pending deletion"));
    if (!parsed)
        return state(Health::Degraded, QStringLiteral("InvalidSpec"), parseError);
    const QString& phase = plan.status.phase;
    // The engine writes one condition that explains the phase.
    const QString reason =
        plan.status.conditions.isEmpty() ? QString() : plan.status.conditions.last().reason;
    const QString message =
        plan.status.conditions.isEmpty() ? QString() : plan.status.conditions.last().message;
    if (phase == QLatin1String("Completed"))
        return HealthState::healthy();
    if (phase == QLatin1String("Rolling"))
        return state(Health::Progressing, QStringLiteral("Rolling"),
                     message.isEmpty() ? ktr("kube::rollout", "an apply is in progress") : message);
    if (phase == QLatin1String("Failed"))
        return state(Health::Degraded, reason.isEmpty() ? QStringLiteral("Failed") : reason,
                     message.isEmpty() ? ktr("kube::rollout", "the last apply failed") : message);
    if (phase.isEmpty())
        return state(Health::Unknown, QStringLiteral("NoStatus"),
                     ktr("kube::rollout", "the AppDeployment has no status: it was never applied"));
    return state(Health::Unknown, phase, ktr("kube::rollout", "unknown phase %1").arg(phase));
}

DeploymentState DeploymentState::fromJson(const QJsonObject& object)
{
    DeploymentState d;
    d.meta = ObjectMeta::fromJson(object);
    const QJsonObject spec = obj(object, "spec");
    const QJsonObject status = obj(object, "status");
    d.replicas = intOf(spec, "replicas", 1);
    d.paused = boolOf(spec, "paused");
    d.selector = stringMap(obj(obj(spec, "selector"), "matchLabels"));
    d.statusReplicas = intOf(status, "replicas");
    d.updatedReplicas = intOf(status, "updatedReplicas");
    d.readyReplicas = intOf(status, "readyReplicas");
    d.availableReplicas = intOf(status, "availableReplicas");
    d.generation = int64Of(obj(object, "metadata"), "generation");
    d.observedGeneration = int64Of(status, "observedGeneration");
    d.conditions = conditionsOf(status);
    return d;
}

HealthState DeploymentState::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Deleting"),
                     ktr("kube::rollout", "Pending deletion"));
    if (paused)
        return state(Health::Suspended, QStringLiteral("Paused"),
                     ktr("kube::rollout", "Deployment is paused"));
    if (generation > observedGeneration)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout", "Waiting for rollout to finish: observed deployment "
                                          "generation less than desired generation"));
    if (const Condition* c = conditionOf(conditions, "Progressing");
        c && c->reason == QLatin1String("ProgressDeadlineExceeded"))
        return state(
            Health::Degraded, c->reason,
            c->message.isEmpty()
                ? ktr("kube::rollout", "Deployment \"%1\" exceeded its progress deadline")
                      .arg(meta.name)
                : ktr("kube::rollout", "Deployment \"%1\" exceeded its progress deadline: %2")
                      .arg(meta.name, c->message));
    if (const Condition* c = conditionOf(conditions, "ReplicaFailure");
        c && c->status == QLatin1String("True"))
        return state(Health::Degraded, c->reason.isEmpty() ? c->type : c->reason, c->message);
    if (updatedReplicas < replicas)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout",
                         "Waiting for rollout to finish: %1 out of %2 new replicas "
                         "have been updated...")
                         .arg(updatedReplicas)
                         .arg(replicas));
    if (statusReplicas > updatedReplicas)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout",
                         "Waiting for rollout to finish: %1 old replicas are pending "
                         "termination...")
                         .arg(statusReplicas - updatedReplicas));
    if (availableReplicas < updatedReplicas)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout",
                         "Waiting for rollout to finish: %1 of %2 updated replicas "
                         "are available...")
                         .arg(availableReplicas)
                         .arg(updatedReplicas));
    return HealthState::healthy();
}

ReplicaSetState ReplicaSetState::fromJson(const QJsonObject& object)
{
    ReplicaSetState r;
    r.meta = ObjectMeta::fromJson(object);
    const QJsonObject spec = obj(object, "spec");
    const QJsonObject status = obj(object, "status");
    r.replicas = intOf(spec, "replicas", 1);
    r.readyReplicas = intOf(status, "readyReplicas");
    r.availableReplicas = intOf(status, "availableReplicas");
    r.generation = int64Of(obj(object, "metadata"), "generation");
    r.observedGeneration = int64Of(status, "observedGeneration");
    r.revision =
        str(obj(obj(object, "metadata"), "annotations"), "deployment.kubernetes.io/revision");
    r.conditions = conditionsOf(status);
    return r;
}

HealthState ReplicaSetState::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Deleting"),
                     ktr("kube::rollout", "Pending deletion"));
    if (generation > observedGeneration)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout", "Waiting for rollout to finish: observed replica set "
                                          "generation less than desired generation"));
    if (const Condition* c = conditionOf(conditions, "ReplicaFailure");
        c && c->status == QLatin1String("True"))
        return state(Health::Degraded, c->reason.isEmpty() ? c->type : c->reason, c->message);
    if (availableReplicas < replicas)
        return state(Health::Progressing, QStringLiteral("Rollout"),
                     ktr("kube::rollout",
                         "Waiting for rollout to finish: %1 out of %2 new replicas "
                         "are available...")
                         .arg(availableReplicas)
                         .arg(replicas));
    return HealthState::healthy();
}

namespace {
ContainerState containerOf(const QJsonObject& cs, bool init)
{
    ContainerState c;
    c.name = str(cs, "name");
    c.image = str(cs, "image");
    c.init = init;
    c.ready = boolOf(cs, "ready");
    c.restarts = intOf(cs, "restartCount");
    const QJsonObject st = obj(cs, "state");
    for (const char* s : {"waiting", "running", "terminated"}) {
        if (!st.contains(QLatin1String(s)))
            continue;
        const QJsonObject detail = obj(st, s);
        c.state = QLatin1String(s);
        c.reason = str(detail, "reason");
        c.message = str(detail, "message").trimmed();
        c.exitCode = intOf(detail, "exitCode");
        c.since = timeOf(detail, c.state == QLatin1String("running") ? "startedAt" : "finishedAt");
        break;
    }
    const QJsonObject last = obj(obj(cs, "lastState"), "terminated");
    if (!last.isEmpty()) {
        c.hasLastTermination = true;
        c.lastReason = str(last, "reason");
        c.lastExitCode = intOf(last, "exitCode");
        c.lastFinished = timeOf(last, "finishedAt");
    }
    return c;
}
} // namespace

PodState PodState::fromJson(const QJsonObject& object)
{
    PodState p;
    p.meta = ObjectMeta::fromJson(object);
    const QJsonObject spec = obj(object, "spec");
    const QJsonObject status = obj(object, "status");
    p.phase = str(status, "phase");
    if (p.phase.isEmpty())
        p.phase = QStringLiteral("Pending");
    p.reason = str(status, "reason");
    p.message = str(status, "message").trimmed();
    p.node = str(spec, "nodeName");
    p.podIP = str(status, "podIP");
    if (const QString policy = str(spec, "restartPolicy"); !policy.isEmpty())
        p.restartPolicy = policy;
    for (const QJsonValue& v : arr(status, "conditions")) {
        const QJsonObject c = v.toObject();
        if (str(c, "type") == QLatin1String("Ready"))
            p.ready = str(c, "status") == QLatin1String("True");
    }
    // Containers the kubelet has not reported yet are listed from the spec (no state).
    auto addAll = [&](const char* specKey, const char* statusKey, bool init) {
        QHash<QString, QJsonObject> reported;
        for (const QJsonValue& v : arr(status, statusKey))
            reported.insert(str(v.toObject(), "name"), v.toObject());
        for (const QJsonValue& v : arr(spec, specKey)) {
            const QJsonObject c = v.toObject();
            const QString name = str(c, "name");
            if (const auto it = reported.constFind(name); it != reported.cend()) {
                p.containers << containerOf(*it, init);
            } else {
                ContainerState s;
                s.name = name;
                s.image = str(c, "image");
                s.init = init;
                p.containers << s;
            }
        }
    };
    addAll("initContainers", "initContainerStatuses", true);
    addAll("containers", "containerStatuses", false);
    return p;
}

int PodState::restarts() const
{
    int n = 0;
    for (const ContainerState& c : containers)
        n += c.restarts;
    return n;
}

int PodState::readyContainers() const
{
    return int(std::count_if(containers.begin(), containers.end(),
                             [](const ContainerState& c) { return !c.init && c.ready; }));
}

int PodState::appContainers() const
{
    return int(std::count_if(containers.begin(), containers.end(),
                             [](const ContainerState& c) { return !c.init; }));
}

QString PodState::displayStatus() const
{
    if (meta.deleting)
        return QStringLiteral("Terminating");
    for (const ContainerState& c : containers)
        if (c.init && c.state == QLatin1String("waiting") && !c.reason.isEmpty() &&
            c.reason != QLatin1String("PodInitializing"))
            return QStringLiteral("Init:") + c.reason;
    for (const ContainerState& c : containers)
        if (!c.init && c.state == QLatin1String("waiting") && !c.reason.isEmpty() &&
            c.reason != QLatin1String("ContainerCreating"))
            return c.reason;
    for (const ContainerState& c : containers)
        if (!c.init && c.state == QLatin1String("terminated") && !c.reason.isEmpty() &&
            phase == QLatin1String("Running"))
            return c.reason;
    if (!reason.isEmpty())
        return reason; // Evicted, NodeLost, ...
    return phase;
}

namespace {
bool isErrorWaitingReason(const QString& reason)
{
    return reason.startsWith(QLatin1String("Err")) || reason.endsWith(QLatin1String("Error")) ||
           reason.endsWith(QLatin1String("BackOff"));
}
} // namespace

HealthState PodState::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Terminating"),
                     ktr("kube::rollout", "Pending deletion"));
    if (restartPolicy == QLatin1String("Always")) {
        QStringList reasons, messages;
        for (const ContainerState& c : containers) {
            if (c.state != QLatin1String("waiting") || !isErrorWaitingReason(c.reason))
                continue;
            if (!reasons.contains(c.reason))
                reasons << c.reason;
            const QString what = (c.init ? ktr("kube::rollout", "init container %1")
                                         : ktr("kube::rollout", "container %1"))
                                     .arg(c.name);
            messages << (c.message.isEmpty() ? QStringLiteral("%1: %2").arg(what, c.reason)
                                             : QStringLiteral("%1: %2").arg(what, c.message));
        }
        if (!reasons.isEmpty())
            return state(Health::Degraded, reasons.join(QLatin1Char(',')),
                         messages.join(QStringLiteral("; ")));
    }
    if (phase == QLatin1String("Pending"))
        return state(Health::Progressing, reason.isEmpty() ? QStringLiteral("Pending") : reason,
                     message.isEmpty()
                         ? (node.isEmpty() ? ktr("kube::rollout", "waiting to be scheduled")
                                           : ktr("kube::rollout", "containers starting"))
                         : message);
    if (phase == QLatin1String("Succeeded"))
        return state(Health::Healthy, {}, message);
    if (phase == QLatin1String("Failed")) {
        if (!message.isEmpty())
            return state(Health::Degraded, reason.isEmpty() ? phase : reason, message);
        for (const ContainerState& c : containers) {
            if (c.state != QLatin1String("terminated"))
                continue;
            if (!c.message.isEmpty())
                return state(Health::Degraded, c.reason, c.message);
            if (c.reason == QLatin1String("OOMKilled"))
                return state(Health::Degraded, c.reason, c.reason);
            if (c.exitCode != 0)
                return state(Health::Degraded, c.reason,
                             ktr("kube::rollout", "container \"%1\" failed with exit code %2")
                                 .arg(c.name)
                                 .arg(c.exitCode));
        }
        return state(Health::Degraded, reason.isEmpty() ? phase : reason, message);
    }
    if (phase == QLatin1String("Running")) {
        if (restartPolicy != QLatin1String("Always"))
            return state(Health::Progressing, QStringLiteral("Running"), message);
        if (ready)
            return state(Health::Healthy, {}, message);
        for (const ContainerState& c : containers)
            if (!c.init && c.hasLastTermination)
                return state(Health::Degraded,
                             c.lastReason.isEmpty() ? QStringLiteral("NotReady") : c.lastReason,
                             ktr("kube::rollout",
                                 "container %1 is not ready after it terminated (%2, "
                                 "exit code %3)")
                                 .arg(c.name,
                                      c.lastReason.isEmpty() ? ktr("kube::rollout", "no reason")
                                                             : c.lastReason,
                                      QString::number(c.lastExitCode)));
        return state(Health::Progressing, QStringLiteral("NotReady"),
                     message.isEmpty() ? ktr("kube::rollout", "containers not ready yet")
                                       : message);
    }
    return state(Health::Unknown, phase,
                 message.isEmpty() ? ktr("kube::rollout", "pod phase %1").arg(phase) : message);
}

ServiceState ServiceState::fromJson(const QJsonObject& object)
{
    ServiceState s;
    s.meta = ObjectMeta::fromJson(object);
    const QJsonObject spec = obj(object, "spec");
    s.type = str(spec, "type");
    if (s.type.isEmpty())
        s.type = QStringLiteral("ClusterIP");
    s.clusterIP = str(spec, "clusterIP");
    s.selector = stringMap(obj(spec, "selector"));
    for (const QJsonValue& v : arr(spec, "ports")) {
        const QJsonObject p = v.toObject();
        const QJsonValue target = p.value(QLatin1String("targetPort"));
        s.ports << ServicePort{
            str(p, "name"), intOf(p, "port"),
            target.isString() ? target.toString()
                              : (target.isDouble() ? QString::number(target.toInt()) : QString()),
            str(p, "protocol")};
    }
    return s;
}

EndpointSliceState EndpointSliceState::fromJson(const QJsonObject& object)
{
    EndpointSliceState e;
    e.meta = ObjectMeta::fromJson(object);
    e.serviceName = e.meta.label("kubernetes.io/service-name");
    e.addressType = str(object, "addressType");
    for (const QJsonValue& v : arr(object, "endpoints")) {
        const QJsonObject ep = v.toObject();
        const QJsonObject cond = obj(ep, "conditions");
        EndpointState s;
        s.address = arr(ep, "addresses").first().toString();
        const QJsonObject target = obj(ep, "targetRef");
        if (str(target, "kind") == QLatin1String("Pod"))
            s.pod = str(target, "name");
        // EndpointSlice API: a nil ready condition means ready
        s.ready = cond.contains(QLatin1String("ready")) ? boolOf(cond, "ready") : true;
        s.terminating = boolOf(cond, "terminating");
        e.endpoints << s;
    }
    return e;
}

int EndpointSliceState::readyCount() const
{
    return int(std::count_if(endpoints.begin(), endpoints.end(),
                             [](const EndpointState& e) { return e.ready; }));
}

int EndpointSliceState::notReadyCount() const
{
    return int(endpoints.size()) - readyCount();
}

namespace {
// An Istio destination host: <svc>, <svc>.<ns>, <svc>.<ns>.svc[.cluster.local] are Services of
// the cluster; anything else is external.
RouteBackend istioBackend(const QString& host, const QString& ownNamespace)
{
    RouteBackend b;
    b.host = host;
    const QStringList parts = host.split(QLatin1Char('.'));
    b.name = parts.first();
    if (parts.size() == 1)
        return b;
    const bool clusterLocal =
        parts.size() == 2 || (parts.size() >= 3 && parts[2] == QLatin1String("svc") &&
                              (parts.size() == 3 || parts.mid(3).join(QLatin1Char('.')) ==
                                                        QLatin1String("cluster.local")));
    if (!clusterLocal) {
        b.external = true;
        return b;
    }
    if (parts[1] != ownNamespace)
        b.namespaceName = parts[1];
    return b;
}
} // namespace

VirtualServiceState VirtualServiceState::fromJson(const QJsonObject& object)
{
    VirtualServiceState v;
    v.meta = ObjectMeta::fromJson(object);
    const QString ownNs = str(obj(object, "metadata"), "namespace");
    const QJsonObject spec = obj(object, "spec");
    for (const QJsonValue& h : arr(spec, "hosts"))
        v.hosts << h.toString();
    for (const QJsonValue& g : arr(spec, "gateways")) {
        const QString name = g.toString();
        if (name == QLatin1String("mesh") || name.isEmpty())
            continue;
        ParentGateway p;
        p.group = QStringLiteral("networking.istio.io");
        if (name.contains(QLatin1Char('/'))) {
            p.namespaceName = name.section(QLatin1Char('/'), 0, 0);
            p.name = name.section(QLatin1Char('/'), 1);
            if (p.namespaceName == ownNs)
                p.namespaceName.clear();
        } else {
            p.name = name;
        }
        v.gateways << p;
    }
    for (const QJsonValue& rule : arr(spec, "http")) {
        const QJsonArray route = arr(rule.toObject(), "route");
        for (const QJsonValue& r : route) {
            const QJsonObject o = r.toObject();
            const QJsonObject dest = obj(o, "destination");
            RouteBackend b = istioBackend(str(dest, "host"), ownNs);
            b.port = intOf(obj(dest, "port"), "number");
            // Istio: a single route without weight gets all the traffic.
            b.weight = o.contains(QLatin1String("weight")) ? intOf(o, "weight")
                                                           : (route.size() == 1 ? 100 : 0);
            const auto same = std::find_if(v.destinations.begin(), v.destinations.end(),
                                           [&](const RouteBackend& d) { return d.host == b.host; });
            if (same != v.destinations.end())
                same->weight += b.weight;
            else
                v.destinations << b;
        }
    }
    return v;
}

namespace {
ParentGateway parentOf(const QJsonObject& ref, const QString& ownNamespace)
{
    ParentGateway p;
    p.group = ref.contains(QLatin1String("group")) ? str(ref, "group")
                                                   : QStringLiteral("gateway.networking.k8s.io");
    p.kind = ref.contains(QLatin1String("kind")) ? str(ref, "kind") : QStringLiteral("Gateway");
    p.name = str(ref, "name");
    p.namespaceName = str(ref, "namespace");
    if (p.namespaceName == ownNamespace)
        p.namespaceName.clear();
    p.sectionName = str(ref, "sectionName");
    return p;
}
} // namespace

HTTPRouteState HTTPRouteState::fromJson(const QJsonObject& object)
{
    HTTPRouteState h;
    h.meta = ObjectMeta::fromJson(object);
    const QString ownNs = str(obj(object, "metadata"), "namespace");
    const QJsonObject spec = obj(object, "spec");
    for (const QJsonValue& v : arr(spec, "hostnames"))
        h.hostnames << v.toString();
    for (const QJsonValue& v : arr(spec, "parentRefs"))
        h.parents << parentOf(v.toObject(), ownNs);
    for (const QJsonValue& rule : arr(spec, "rules")) {
        for (const QJsonValue& v : arr(rule.toObject(), "backendRefs")) {
            const QJsonObject ref = v.toObject();
            RouteBackend b;
            b.group = str(ref, "group");
            b.kind =
                ref.contains(QLatin1String("kind")) ? str(ref, "kind") : QStringLiteral("Service");
            b.name = str(ref, "name");
            b.namespaceName = str(ref, "namespace");
            if (b.namespaceName == ownNs)
                b.namespaceName.clear();
            b.port = intOf(ref, "port");
            b.weight = intOf(ref, "weight", 1); // Gateway API default weight 1
            const auto same =
                std::find_if(h.backends.begin(), h.backends.end(), [&](const RouteBackend& d) {
                    return d.kind == b.kind && d.name == b.name &&
                           d.namespaceName == b.namespaceName;
                });
            if (same != h.backends.end())
                same->weight += b.weight;
            else
                h.backends << b;
        }
    }
    for (const QJsonValue& v : arr(obj(object, "status"), "parents")) {
        const QJsonObject p = v.toObject();
        h.parentStatus << RouteParentStatus{parentOf(obj(p, "parentRef"), ownNs), conditionsOf(p)};
    }
    return h;
}

HealthState HTTPRouteState::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Deleting"),
                     ktr("kube::rollout", "Pending deletion"));
    if (parentStatus.isEmpty())
        return state(Health::Progressing, QStringLiteral("NotAccepted"),
                     ktr("kube::rollout", "no Gateway has reported on this route yet"));
    for (const RouteParentStatus& p : parentStatus) {
        for (const char* type : {"Accepted", "ResolvedRefs"}) {
            const Condition* c = conditionOf(p.conditions, type);
            if (c && c->status == QLatin1String("False"))
                return state(
                    Health::Degraded, c->reason.isEmpty() ? c->type : c->reason,
                    QStringLiteral("Gateway %1: %2")
                        .arg(p.parent.namespaceName.isEmpty()
                                 ? p.parent.name
                                 : p.parent.namespaceName + QLatin1Char('/') + p.parent.name,
                             c->message.isEmpty() ? ktr("kube::rollout", "%1 is False").arg(c->type)
                                                  : c->message));
        }
    }
    return HealthState::healthy();
}

GatewayState GatewayState::fromJson(const QJsonObject& object)
{
    GatewayState g;
    g.meta = ObjectMeta::fromJson(object);
    g.istio = str(object, "apiVersion").startsWith(QLatin1String("networking.istio.io/"));
    const QJsonObject spec = obj(object, "spec");
    if (g.istio) {
        for (const QJsonValue& v : arr(spec, "servers")) {
            const QJsonObject s = v.toObject();
            const QJsonObject port = obj(s, "port");
            QStringList hosts;
            for (const QJsonValue& h : arr(s, "hosts"))
                hosts << h.toString();
            g.listeners << QStringLiteral("%1:%2 (%3) %4")
                               .arg(str(port, "name"))
                               .arg(intOf(port, "number"))
                               .arg(str(port, "protocol"), hosts.join(QLatin1Char(',')));
        }
        return g;
    }
    g.className = str(spec, "gatewayClassName");
    for (const QJsonValue& v : arr(spec, "listeners")) {
        const QJsonObject l = v.toObject();
        g.listeners << QStringLiteral("%1:%2 (%3)")
                           .arg(str(l, "name"))
                           .arg(intOf(l, "port"))
                           .arg(str(l, "protocol"));
    }
    g.conditions = conditionsOf(obj(object, "status"));
    return g;
}

HealthState GatewayState::health() const
{
    if (meta.deleting)
        return state(Health::Progressing, QStringLiteral("Deleting"),
                     ktr("kube::rollout", "Pending deletion"));
    if (istio)
        return HealthState::healthy();
    if (const Condition* c = conditionOf(conditions, "Programmed")) {
        if (c->status == QLatin1String("True"))
            return HealthState::healthy();
        if (c->reason == QLatin1String("Pending"))
            return state(Health::Progressing, c->reason, c->message);
        return state(Health::Degraded,
                     c->reason.isEmpty() ? QStringLiteral("NotProgrammed") : c->reason, c->message);
    }
    if (const Condition* c = conditionOf(conditions, "Accepted");
        c && c->status == QLatin1String("False"))
        return state(Health::Degraded,
                     c->reason.isEmpty() ? QStringLiteral("NotAccepted") : c->reason, c->message);
    return state(
        Health::Progressing, QStringLiteral("Pending"),
        ktr("kube::rollout", "waiting for a controller of GatewayClass %1").arg(className));
}

void PodIndex::clear()
{
    m_pods.clear();
    m_byOwner.clear();
    m_byRevision.clear();
    m_strings.clear();
    m_labelSets.clear();
    m_ownerLists.clear();
}

void PodIndex::share(PodState& pod, const PodState* old)
{
    // A pod that changed (a watch event) shares with its last state what did not change: a
    // compare each, no lookup.
    if (old) {
        auto same = [](auto& value, const auto& before) {
            if (value == before)
                value = before;
        };
        same(pod.meta.labels, old->meta.labels);
        same(pod.meta.owners, old->meta.owners);
        same(pod.phase, old->phase);
        same(pod.node, old->node);
        same(pod.restartPolicy, old->restartPolicy);
        same(pod.containers, old->containers);
        return;
    }
    // A new pod: from the pools. They only grow while pods come and go; past a bound they
    // start again (what is shared stays shared: the pods hold the values, not the pools).
    if (m_strings.size() + m_labelSets.size() + m_ownerLists.size() > 4 * (m_pods.size() + 64)) {
        m_strings.clear();
        m_labelSets.clear();
        m_ownerLists.clear();
    }
    auto one = [this](QString& s) {
        if (s.isEmpty())
            return;
        if (const auto it = m_strings.constFind(s); it != m_strings.cend())
            s = *it;
        else
            m_strings.insert(s);
    };
    QString labelsKey;
    for (auto it = pod.meta.labels.cbegin(); it != pod.meta.labels.cend(); ++it)
        labelsKey += it.key() + QLatin1Char('=') + it.value() + QLatin1Char('\n');
    if (const auto it = m_labelSets.constFind(labelsKey); it != m_labelSets.cend())
        pod.meta.labels = *it;
    else
        m_labelSets.insert(labelsKey, pod.meta.labels);
    QString ownersKey;
    for (const OwnerRef& o : std::as_const(pod.meta.owners))
        ownersKey += o.uid + QLatin1Char(o.controller ? '!' : ' ') + o.kind + QLatin1Char('/') +
                     o.name + QLatin1Char(' ') + o.apiVersion + QLatin1Char('\n');
    if (const auto it = m_ownerLists.constFind(ownersKey); it != m_ownerLists.cend())
        pod.meta.owners = *it;
    else
        m_ownerLists.insert(ownersKey, pod.meta.owners);
    one(pod.phase);
    one(pod.reason);
    one(pod.node);
    one(pod.restartPolicy);
    for (ContainerState& c : pod.containers) {
        one(c.name);
        one(c.image);
        one(c.state);
        one(c.reason);
        one(c.lastReason);
    }
}

void PodIndex::unindex(const PodState& pod)
{
    if (const OwnerRef* c = pod.meta.controller()) {
        auto it = m_byOwner.find(c->uid);
        if (it != m_byOwner.end()) {
            it->remove(pod.meta.uid);
            if (it->isEmpty())
                m_byOwner.erase(it);
        }
    }
    const QString rev = pod.meta.label(labels::appRevision);
    if (!rev.isEmpty()) {
        auto it = m_byRevision.find(rev);
        if (it != m_byRevision.end()) {
            it->remove(pod.meta.uid);
            if (it->isEmpty())
                m_byRevision.erase(it);
        }
    }
}

void PodIndex::put(PodState pod)
{
    const QString uid = pod.meta.uid.isEmpty() ? pod.meta.name : pod.meta.uid;
    pod.meta.uid = uid;
    const auto it = m_pods.find(uid);
    if (it != m_pods.end())
        unindex(*it);
    if (const OwnerRef* c = pod.meta.controller())
        m_byOwner[c->uid].insert(uid);
    if (const QString rev = pod.meta.label(labels::appRevision); !rev.isEmpty())
        m_byRevision[rev].insert(uid);
    if (it != m_pods.end()) {
        share(pod, &*it);
        *it = std::move(pod);
    } else {
        share(pod, nullptr);
        m_pods.insert(uid, std::move(pod));
    }
}

void PodIndex::remove(const QString& uid)
{
    const auto it = m_pods.find(uid);
    if (it == m_pods.end())
        return;
    unindex(*it);
    m_pods.erase(it);
}

const PodState* PodIndex::pod(const QString& uid) const
{
    const auto it = m_pods.constFind(uid);
    return it == m_pods.cend() ? nullptr : &*it;
}

QList<const PodState*> PodIndex::ownedBy(const QString& ownerUid) const
{
    QList<const PodState*> out;
    const auto it = m_byOwner.constFind(ownerUid);
    if (it == m_byOwner.cend())
        return out;
    out.reserve(it->size());
    for (const QString& uid : *it)
        if (const PodState* p = pod(uid))
            out << p;
    return out;
}

QList<const PodState*> PodIndex::selectedBy(const LabelSelector& selector) const
{
    QList<const PodState*> out;
    if (selector.isEmpty())
        return out;
    const auto rev = selector.constFind(key(labels::appRevision));
    if (rev != selector.cend()) {
        const auto it = m_byRevision.constFind(*rev);
        if (it == m_byRevision.cend())
            return out;
        for (const QString& uid : *it)
            if (const PodState* p = pod(uid); p && selectorMatches(selector, p->meta.labels))
                out << p;
        return out;
    }
    for (const PodState& p : m_pods)
        if (selectorMatches(selector, p.meta.labels))
            out << &p;
    return out;
}

} // namespace kube::rollout
