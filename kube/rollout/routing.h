#pragma once
// Which API realises a plan's traffic (issue 12): an Istio VirtualService or a Gateway API
// (gateway.networking.k8s.io/v1) HTTPRoute. Pure functions, no I/O.
//
// The choice, per AppDeployment, in this order:
//  1. an explicit override (the command line's --routing, ApplyOptions::routing);
//  2. the plan's annotation veladesk.io/routing: virtualservice|httproute;
//  3. the annotation of the AppDeployment in the cluster (what it was last applied with), so
//     that applying a file without the annotation never switches an AppDeployment silently;
//  4. discovery: VirtualService when Istio's API is served, else HTTPRoute.
// An override that contradicts the plan's own annotation is an error (as kubectl's -n against
// a manifest's namespace). The applier writes the chosen API into the stored AppDeployment's
// annotation, so the choice is recorded and the GUI can show and edit it.

#include "kube/client.h"
#include "kube/resource.h"
#include "kube/rollout/plan.h"
#include "kube/status.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace kube::rollout {

enum class RoutingApi
{
    VirtualService,
    HTTPRoute
};

// AppDeployment annotation holding the choice ("virtualservice" or "httproute").
inline constexpr char routingAnnotation[] = "veladesk.io/routing";
// AppDeployment annotation: the routing API of the last plan applied to completion (written by
// the Status step next to veladesk.io/last-completed-spec; `revert` goes back to it).
inline constexpr char lastCompletedRoutingAnnotation[] = "veladesk.io/last-completed-routing";

QString routingApiName(RoutingApi api);                         // "virtualservice", "httproute"
QString routingKind(RoutingApi api);                            // "VirtualService", "HTTPRoute"
std::optional<RoutingApi> parseRoutingApi(const QString& text); // case-insensitive names

// The plan's annotation: nullopt when absent; an Invalid status naming the annotation when it
// holds anything else than the two names.
Result<std::optional<RoutingApi>> plannedRouting(const AppDeploymentPlan& plan);
// Sets the plan's annotation (what the GUI's routing choice edits).
void setPlannedRouting(AppDeploymentPlan& plan, RoutingApi api);
// Removes the plan's annotation: the API is chosen at apply (steps 3 and 4 above).
void clearPlannedRouting(AppDeploymentPlan& plan);

// The versions of both APIs the cluster serves ("" when not served).
struct ServedRouting
{
    QString virtualServiceVersion; // networking.istio.io: "v1", else "v1beta1"
    QString httpRouteVersion;      // gateway.networking.k8s.io: "v1"
    QString versionOf(RoutingApi api) const;
};
ServedRouting servedRouting(const Discovery& discovery);

struct RoutingChoice
{
    enum class Source
    {
        Override,   // --routing / ApplyOptions::routing
        Annotation, // the plan's veladesk.io/routing
        Live,       // the annotation of the AppDeployment in the cluster
        Discovery,  // VirtualService when served, else HTTPRoute
    };
    RoutingApi api = RoutingApi::VirtualService;
    Source source = Source::Discovery;
    QString version; // served version of the chosen API; "" when not served
    // "HTTPRoute (gateway.networking.k8s.io/v1), from --routing"
    QString describe() const;
};
QString routingSourceName(RoutingChoice::Source source);

// Chooses as described at the top. Fails (Invalid, naming the AppDeployment) on an annotation
// with an unknown value, on an override that contradicts the plan's annotation, and, when the
// plan has traffic, when the chosen API is not served by the cluster.
Result<RoutingChoice> chooseRouting(const AppDeploymentPlan& plan,
                                    const QJsonObject& liveAppDeployment,
                                    const ServedRouting& served,
                                    std::optional<RoutingApi> override = std::nullopt);

// REST types of the Gateway API objects VelaDesk reads and writes.
ResourceType httpRoutes(const QString& version = QStringLiteral("v1"));
ResourceType gatewayApiGateways(const QString& version = QStringLiteral("v1"));
// The route type of `api` at `version`.
ResourceType routeType(RoutingApi api, const QString& version);

// A parent Gateway as an HTTPRoute names it: spec.traffic.gateways entry "name" or
// "namespace/name" (namespace empty: the route's own).
struct GatewayRef
{
    QString namespaceName;
    QString name;
    QString display(const QString& routeNamespace) const; // "ns/name"
};
GatewayRef parseGatewayRef(const QString& text);

// The acceptance of an HTTPRoute by one parent, as its controller reports it in
// status.parents[] (Accepted and ResolvedRefs conditions) for the route's current generation.
struct ParentAcceptance
{
    GatewayRef parent;
    bool reported = false; // a controller wrote status for this parent at this generation
    bool accepted = false;
    bool acceptedFalse = false; // Accepted is False (not Pending)
    bool resolvedRefs = false;  // ResolvedRefs is True
    QString controllerName;
    QString detail; // "Accepted=False NotAllowedByListeners: ..." of the condition that failed
};
// One entry per spec.parentRefs, in order.
QList<ParentAcceptance> httpRouteAcceptance(const QJsonObject& httpRoute);

// A Gateway (gateway.networking.k8s.io) whose controller has reported on it: its Accepted
// condition is set to True or False with a reason other than Pending. A Gateway nobody serves
// keeps the CRD's default (Unknown, Pending).
bool gatewayHasController(const QJsonObject& gateway);

} // namespace kube::rollout
