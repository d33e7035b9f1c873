#pragma once
// What the object tree (issue 15) shows of each kind, as small value types parsed once from the
// server's objects, and the health of each object by itself, computed as Argo CD's
// gitops-engine and `kubectl rollout status` do. Relations between objects (a Service that
// selects no pods, a route to a missing Service) are objecttree.h's. UI-free: the GUI's store
// and the command line (`veladesk tree`, from one-shot lists) fill the same values.
//
// Health, from best to worst (Argo CD's order):
//   Healthy, Suspended, Progressing, Missing, Degraded, Unknown.
// NotChecked is not a health: an object VelaDesk cannot see (a Gateway in another namespace,
// an external host); it never makes anything unhealthy.

#include "kube/rollout/plan.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kube::rollout {

enum class Health
{
    NotChecked,
    Healthy,
    Suspended,
    Progressing,
    Missing,
    Degraded,
    Unknown,
};

QString healthName(Health health); // "Healthy", ..., "NotChecked"
// Degraded, Missing and Unknown: what `veladesk tree` fails on and "unhealthy only" shows.
// Progressing (pods starting, old ones terminating) and Suspended (paused) are on their way or
// deliberate.
bool isUnhealthy(Health health);
// The worse of two (Argo CD's order; NotChecked is better than everything).
Health worse(Health a, Health b);

struct HealthState
{
    Health health = Health::Healthy;
    QString reason;  // a word: ImagePullBackOff, ProgressDeadlineExceeded, NoPodsSelected, ...
    QString message; // a sentence; server text is kept as the server wrote it (plain text)
    bool operator==(const HealthState&) const = default;
    static HealthState healthy() { return {}; }
    // "Degraded (ImagePullBackOff): Back-off pulling image ..."
    QString toString() const;
};

struct OwnerRef
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
    bool operator==(const OwnerRef&) const = default;
};

struct ObjectMeta
{
    QString name;
    QString uid;
    QString resourceVersion;
    QDateTime created;     // metadata.creationTimestamp (UTC)
    bool deleting = false; // metadata.deletionTimestamp set
    QMap<QString, QString> labels;
    QList<OwnerRef> owners;
    QString label(const char* key) const;
    // The owner reference with controller: true, if any.
    const OwnerRef* controller() const;
    bool ownedBy(const QString& uid) const;
    bool operator==(const ObjectMeta&) const = default;
    static ObjectMeta fromJson(const QJsonObject& object);
};

// A label selector's matchLabels (or a Service's selector); matchExpressions are not shown.
using LabelSelector = QMap<QString, QString>;
bool selectorMatches(const LabelSelector& selector, const QMap<QString, QString>& labels);
QString selectorText(const LabelSelector& selector); // "k=v,k2=v2"

struct ApplicationState
{
    ObjectMeta meta;
    QString latestRevision; // status.latestRevision.name
    bool operator==(const ApplicationState&) const = default;
    static ApplicationState fromJson(const QJsonObject& object);
};

struct AppRevisionState
{
    ObjectMeta meta;
    QString appName; // label app.oam.dev/name, else spec.application.metadata.name
    int revision = 0;
    QStringList components; // names, in order
    QStringList images;     // properties.image of each component that has one
    bool operator==(const AppRevisionState&) const = default;
    static AppRevisionState fromJson(const QJsonObject& object);
};

struct InspectedAppDeployment
{
    ObjectMeta meta;
    AppDeploymentPlan plan; // the engine's value (spec and status)
    bool parsed = true;     // false: the spec does not parse (plan holds the name only)
    QString parseError;
    bool operator==(const InspectedAppDeployment& o) const
    {
        return meta == o.meta && plan == o.plan && plan.status.phase == o.plan.status.phase &&
               plan.status.conditions == o.plan.status.conditions && parseError == o.parseError;
    }
    // Completed: Healthy; Rolling: Progressing; Failed: Degraded (with the condition's message);
    // no status: Unknown.
    HealthState health() const;
    static InspectedAppDeployment fromJson(const QJsonObject& object);
};

struct DeploymentState
{
    ObjectMeta meta;
    int replicas = 1; // spec.replicas (Kubernetes' default 1)
    int statusReplicas = 0;
    int updatedReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    bool paused = false;
    LabelSelector selector;
    QList<Condition> conditions;
    bool operator==(const DeploymentState&) const = default;
    // gitops-engine's getAppsv1DeploymentHealth (kubectl rollout status), plus a ReplicaFailure
    // condition (quota, admission) as Degraded.
    HealthState health() const;
    static DeploymentState fromJson(const QJsonObject& object);
};

struct ReplicaSetState
{
    ObjectMeta meta;
    int replicas = 1; // spec.replicas
    int readyReplicas = 0;
    int availableReplicas = 0;
    qint64 generation = 0;
    qint64 observedGeneration = 0;
    QString revision; // annotation deployment.kubernetes.io/revision
    QList<Condition> conditions;
    bool operator==(const ReplicaSetState&) const = default;
    HealthState health() const; // gitops-engine's getAppsv1ReplicaSetHealth
    static ReplicaSetState fromJson(const QJsonObject& object);
};

struct ContainerState
{
    QString name;
    QString image;
    bool init = false;
    bool ready = false;
    int restarts = 0;
    QString state;   // waiting, running, terminated ("" before the kubelet reports)
    QString reason;  // of the current state (ImagePullBackOff, CrashLoopBackOff, Completed, ...)
    QString message; // of the current state
    int exitCode = 0;
    QDateTime since;    // running: startedAt; terminated: finishedAt
    QString lastReason; // lastState.terminated.reason (Error, OOMKilled, ...)
    int lastExitCode = 0;
    QDateTime lastFinished;
    bool hasLastTermination = false;
    bool operator==(const ContainerState&) const = default;
};

struct PodState
{
    ObjectMeta meta;
    QString phase; // status.phase ("Pending" when absent)
    QString reason;
    QString message;
    QString node;
    QString podIP;
    QString restartPolicy = QStringLiteral("Always");
    bool ready = false;               // condition Ready
    QList<ContainerState> containers; // init containers first
    int restarts() const;
    int readyContainers() const; // of the app containers
    int appContainers() const;
    // What kubectl's STATUS column says: a waiting reason (ImagePullBackOff), Init:<reason>,
    // Terminating, else the phase.
    QString displayStatus() const;
    bool operator==(const PodState&) const = default;
    // gitops-engine's getCorev1PodHealth: a container waiting with a reason starting with Err
    // or ending in Error or BackOff is Degraded (init containers too); Pending is Progressing;
    // Running and Ready is Healthy, Running not ready after a container terminated is Degraded;
    // Failed is Degraded; being deleted is Progressing.
    HealthState health() const;
    static PodState fromJson(const QJsonObject& object);
};

struct ServicePort
{
    QString name;
    int port = 0;
    QString targetPort;
    QString protocol;
    bool operator==(const ServicePort&) const = default;
};

struct ServiceState
{
    ObjectMeta meta;
    QString type; // ClusterIP, NodePort, LoadBalancer, ExternalName
    QString clusterIP;
    LabelSelector selector; // empty: endpoints are managed by hand, no pods are selected
    QList<ServicePort> ports;
    bool operator==(const ServiceState&) const = default;
    bool selectsPods() const
    {
        return !selector.isEmpty() && type != QLatin1String("ExternalName");
    }
    static ServiceState fromJson(const QJsonObject& object);
};

struct EndpointState
{
    QString address;
    QString pod; // targetRef name when it is a Pod
    bool ready = false;
    bool terminating = false;
    bool operator==(const EndpointState&) const = default;
};

struct EndpointSliceState
{
    ObjectMeta meta;
    QString serviceName; // label kubernetes.io/service-name
    QString addressType;
    QList<EndpointState> endpoints;
    int readyCount() const;
    int notReadyCount() const;
    bool operator==(const EndpointSliceState&) const = default;
    static EndpointSliceState fromJson(const QJsonObject& object);
};

// A destination of a route: an Istio destination host or a Gateway API backendRef.
struct RouteBackend
{
    QString group; // "" for core
    QString kind = QStringLiteral("Service");
    QString name;          // Service name (the host's first label for Istio hosts)
    QString namespaceName; // "" for the route's own namespace
    QString host;          // Istio: the host as written
    bool external = false; // Istio: a host outside the cluster (not <svc>[.<ns>[.svc...]])
    int port = 0;
    int weight = 0;
    bool operator==(const RouteBackend&) const = default;
};

// A Gateway a route attaches to: an Istio gateway name ("ns/name" or "name"; "mesh" is not a
// Gateway) or a Gateway API parentRef.
struct ParentGateway
{
    QString group;
    QString kind = QStringLiteral("Gateway");
    QString name;
    QString namespaceName; // "" for the route's own namespace
    QString sectionName;
    bool operator==(const ParentGateway&) const = default;
};

struct VirtualServiceState
{
    ObjectMeta meta;
    QStringList hosts;
    QList<ParentGateway> gateways; // group networking.istio.io
    // Destinations of every http rule, merged per host (weights summed; a single route without
    // weight gets 100 as in Istio).
    QList<RouteBackend> destinations;
    bool operator==(const VirtualServiceState&) const = default;
    static VirtualServiceState fromJson(const QJsonObject& object);
};

struct RouteParentStatus
{
    ParentGateway parent;
    QList<Condition> conditions; // Accepted, ResolvedRefs, ...
    bool operator==(const RouteParentStatus&) const = default;
};

struct HTTPRouteState
{
    ObjectMeta meta;
    QStringList hostnames;
    QList<ParentGateway> parents;
    QList<RouteBackend> backends; // every rule's backendRefs, merged per (kind, ns, name)
    QList<RouteParentStatus> parentStatus;
    bool operator==(const HTTPRouteState&) const = default;
    // From status.parents: a parent whose Accepted or ResolvedRefs condition is False makes
    // the route Degraded (with the condition's reason and message); none reported yet:
    // Progressing.
    HealthState health() const;
    static HTTPRouteState fromJson(const QJsonObject& object);
};

struct GatewayState
{
    ObjectMeta meta;
    bool istio = false;          // networking.istio.io Gateway (no status)
    QString className;           // Gateway API: spec.gatewayClassName
    QStringList listeners;       // "http:80 (HTTP)"; Istio: servers' hosts
    QList<Condition> conditions; // Gateway API: Accepted, Programmed
    bool operator==(const GatewayState&) const = default;
    // Istio: Healthy. Gateway API: Programmed True Healthy, False Degraded, absent Progressing.
    HealthState health() const;
    static GatewayState fromJson(const QJsonObject& object);
};

// Every object of one namespace the tree is built from, except pods (PodIndex). The GUI's
// store keeps one of these current; the command line fills one from lists.
struct InspectedObjects
{
    QMap<QString, ApplicationState> applications;
    QMap<QString, AppRevisionState> revisions;
    QMap<QString, InspectedAppDeployment> appDeployments;
    QMap<QString, DeploymentState> deployments;
    QMap<QString, ReplicaSetState> replicaSets;
    QMap<QString, ServiceState> services;
    QMap<QString, EndpointSliceState> endpointSlices;
    QMap<QString, VirtualServiceState> virtualServices;
    QMap<QString, HTTPRouteState> httpRoutes;
    QMap<QString, GatewayState> gateways;      // gateway.networking.k8s.io
    QMap<QString, GatewayState> istioGateways; // networking.istio.io
    // Whether the server serves those kinds: a route to a Gateway of a kind that is not served
    // is not checked (rather than reported missing).
    bool istioGatewaysServed = true;
    bool gatewayApiServed = true;
};

// The pods of one namespace by uid, indexed by controller owner and by revision label so that
// building one application's tree does not walk every pod of the namespace.
class PodIndex
{
public:
    void clear();
    void put(PodState pod); // adds or replaces (by uid)
    void remove(const QString& uid);
    qsizetype size() const { return m_pods.size(); }
    const PodState* pod(const QString& uid) const;
    const QHash<QString, PodState>& pods() const { return m_pods; }
    // Pods whose controller owner has this uid.
    QList<const PodState*> ownedBy(const QString& ownerUid) const;
    // Pods a selector matches (narrowed by app.oam.dev/appRevision when the selector has it).
    QList<const PodState*> selectedBy(const LabelSelector& selector) const;

private:
    void unindex(const PodState& pod);
    // Values most pods share (labels, owners, node, phase, container names and images) are
    // stored once: 10,000 pods of one ReplicaSet hold one label map and one owner list
    // (bench_objecttree: +24.6 -> +15.1 MiB for 10,000 pods). `old`: the pod's last state.
    void share(PodState& pod, const PodState* old);
    QHash<QString, PodState> m_pods;
    QSet<QString> m_strings;
    QHash<QString, QMap<QString, QString>> m_labelSets; // by their text
    QHash<QString, QList<OwnerRef>> m_ownerLists;       // by the owners' uids
    QHash<QString, QSet<QString>> m_byOwner;            // controller uid -> pod uids
    QHash<QString, QSet<QString>> m_byRevision;         // label app.oam.dev/appRevision -> pod uids
};

} // namespace kube::rollout
