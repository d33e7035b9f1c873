#pragma once
// Validation and rendering of a plan into Kubernetes objects. Pure functions, no I/O:
// the GUI calls them on every edit, the applier before sending anything.
//
// What is rendered (SEMANTICS.md, with VelaDesk's fixes):
//  - a Deployment per (revision in spec.appRevisions, webservice component of that revision),
//    named <component>-<last dash-token of the revision>, replicas from the placement, labels
//    app.oam.dev/{appDeployment,appRevision,component}, controller owner reference to the
//    AppDeployment. Its selector and pod template ALWAYS carry app.oam.dev/component and
//    app.oam.dev/appRevision (whatever addRevisionLabel says): the per-revision Service selects
//    on both, and two revisions' Deployments must not have overlapping selectors;
//  - a Service per distinct weighted target, <revision>-<component>-<port>, one TCP port,
//    selecting component AND revision;
//  - when spec.traffic is set, one route named after the AppDeployment, through the routing API
//    chosen for it (routing.h):
//    - an Istio VirtualService: hosts, gateways, one http route per rule with its match kept,
//      route destinations host=<service>, weight, headers.response.set["x-veladesk-revision"]=
//      <revision>;
//    - or a Gateway API HTTPRoute (gateway.networking.k8s.io/v1): parentRefs from gateways
//      ("name" or "namespace/name" of a Gateway), hostnames from hosts ("*" -> none: every
//      host), one rule per http rule with its match translated (uri exact/prefix/regex ->
//      path Exact/PathPrefix/RegularExpression, headers and queryParams exact/regex, method
//      exact), backendRefs Service <service> port/weight with a ResponseHeaderModifier filter
//      setting x-veladesk-revision. Defaults the CRD would add are written out, so that the
//      object read back equals the one applied.

#include "kube/resource.h"
#include "kube/rollout/application.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/routing.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace kube::rollout {

struct Issue
{
    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString field;   // e.g. "spec.traffic.http[0].weightedTargets[1].weight"
    QString message; // e.g. "weights of this rule sum to 90, must be exactly 100"
    bool isError() const { return severity == Severity::Error; }
    QString toString() const; // "error: <field>: <message>"
    bool operator==(const Issue&) const = default;
};

bool hasErrors(const QList<Issue>& issues);
QStringList issueMessages(const QList<Issue>& issues);

// Checks made before anything is sent:
//  - metadata.name present and a DNS-1123 subdomain; every revisionName of spec.appRevisions
//    exists in `revisions` and appears once; replicas >= 0; a clusterSelector names its
//    cluster (selecting clusters by labels only: error);
//  - every component of a deployed revision has a supported type ("not supported: <type>");
//  - traffic: hosts non-empty; at least one http rule; each rule has targets; weights 0..100
//    and summing to exactly 100 per rule; each target's revision exists and has the component;
//    the port is one of the component's ports (warning otherwise); a target with weight > 0
//    needs replicas > 0 for its revision in every cluster the route goes to (plan.h
//    routeClusters(): the error names the cluster when the plan has several); no duplicate
//    (revision, component, port) per rule.
//  - routing: the annotation veladesk.io/routing names an API; for an HTTPRoute, every match
//    translates (errors name what does not: a header prefix, Istio-only fields), gateways hold
//    no "mesh", hosts are hostnames, limits of the CRD (16 rules, 16 targets per rule, 128
//    matches); warnings for an HTTPRoute without gateways, and for rules whose order the
//    HTTPRoute's precedence (most specific match first) would not follow.
// `revisions` are the ApplicationRevisions of the plan's namespace (any app). `routing` unset:
// the plan's annotation, else VirtualService. `homeCluster`: the home cluster's name
// (placements naming it are home placements).
QList<Issue> validate(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions,
                      std::optional<RoutingApi> routing = std::nullopt,
                      const QString& homeCluster = {});
// The API a plan renders with when `routing` is unset: its annotation, else VirtualService.
RoutingApi effectiveRouting(const AppDeploymentPlan& plan,
                            std::optional<RoutingApi> routing = std::nullopt);

struct RenderOptions
{
    QString namespaceName = QStringLiteral("default"); // used when the plan has none
    // uid of the AppDeployment for owner references. Offline render uses this placeholder;
    // the applier puts the real uid here after creating/applying the AppDeployment.
    QString ownerUid = placeholderUid();
    QString virtualServiceVersion = QStringLiteral("v1"); // "v1" or "v1beta1" (discovery)
    QString httpRouteVersion = QStringLiteral("v1");      // gateway.networking.k8s.io
    // The routing API; unset: the plan's annotation, else VirtualService. The applier sets the
    // API chooseRouting() chose.
    std::optional<RoutingApi> routing;
    // Deployment name -> "HorizontalPodAutoscaler/<name>": another controller scales these
    // Deployments, so their spec.replicas is not rendered (issue 8).
    QMap<QString, QString> replicasManagedBy;
    // Multi-cluster placement (plan.h): the home cluster's name, and the cluster rendered for
    // (empty or homeCluster: the home cluster, where the AppDeployment lives). A cluster renders
    // the Deployments of the revisions placed in it with that cluster's replicas; the Services
    // and the route when plan.routesIn() it (a member cluster's route leaves out weight-0
    // targets of revisions not placed there). Objects in a member cluster carry no owner
    // reference (the owner is in another cluster: the garbage collector would delete them) but
    // the annotation veladesk.io/placed-by = placedByMarker().
    QString homeCluster;
    QString cluster;
    bool isHome() const { return cluster.isEmpty() || cluster == homeCluster; }
    static QString placeholderUid()
    {
        return QStringLiteral("00000000-0000-0000-0000-000000000000");
    }
};

struct RenderedObject
{
    enum class Role
    {
        Deployment,
        Service,
        VirtualService,
        HTTPRoute
    };
    Role role = Role::Deployment;
    ResourceType type;
    QJsonObject object;    // complete object: apiVersion, kind, metadata (name, namespace), spec
    QString revisionName;  // Deployment, Service
    QString componentName; // Deployment, Service
    QString name() const;
    QString namespaceName() const;
    QString displayName() const; // "Deployment/testsvc-v1"
    bool isRoute() const { return role == Role::VirtualService || role == Role::HTTPRoute; }
};

struct RenderResult
{
    QList<Issue> issues;           // validate()'s findings; objects are empty when any is an error
    QList<RenderedObject> objects; // Deployments, then Services, then the route
    bool ok() const { return !hasErrors(issues); }
    QList<QJsonObject> jsonObjects() const;
};

// Validates, then renders. Deterministic: same input, same output (goldens rely on it).
RenderResult render(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions,
                    const RenderOptions& options = {});

// The AppDeployment object itself as VelaDesk writes it (spec only, namespace filled; the
// routing annotation set to the API rendered with, see routing.h).
QJsonObject renderAppDeployment(const AppDeploymentPlan& plan, const RenderOptions& options = {});

// The annotation marking VelaDesk's objects in a member cluster, and its value:
// "<home cluster>/<namespace>/<AppDeployment>".
inline constexpr const char* placedByAnnotation = "veladesk.io/placed-by";
QString placedByMarker(const QString& homeCluster, const QString& ns, const QString& name);

QString deploymentName(const QString& componentName, const QString& revisionName);
QString serviceName(const QString& revisionName, const QString& componentName, int port);

// Ownership of a live object relative to an AppDeployment.
struct Ownership
{
    enum class State
    {
        None,
        ThisAppDeployment,
        Other
    };
    State state = State::None;
    QString
        owner; // "AppDeployment/other", "Rollout/x (argoproj.io/v1alpha1)", "no owner reference"
};
// ThisAppDeployment when a controller (or any) owner reference has kind AppDeployment and
// `appDeploymentUid` (or, when uid is empty, name `appDeploymentName`); in a member cluster
// (`placedBy` set), when the object has no owner reference and its placed-by annotation is
// `placedBy`.
Ownership ownershipOf(const QJsonObject& live, const QString& appDeploymentName,
                      const QString& appDeploymentUid, const QString& placedBy = {});

} // namespace kube::rollout
