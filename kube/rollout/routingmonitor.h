#pragma once
// The routing invariant, watched: "every destination of a VirtualService or HTTPRoute rule with
// weight > 0 resolves to a Service with at least one ready endpoint" (issues 8 and 12). The
// monitor watches the Deployments, Pods, EndpointSlices, Services, VirtualServices and HTTPRoutes
// (those the cluster serves) of one namespace and checks the invariant at every state it
// observes; each violation is reported with the resourceVersions of the objects involved.
//
// Observed states. The five watches are independent streams; checking the invariant as events
// arrive would compare, say, a new VirtualService with an EndpointSlice the monitor has not
// heard about yet, and report violations that never existed. The monitor therefore holds every
// event back for `holdBack` and applies events in resourceVersion order: each applied event is
// one observed state. This relies on resourceVersions of one cluster being comparable as
// integers, which holds for a control plane with one etcd, where a resourceVersion is etcd's
// revision (the test cluster). Events that arrive later than the hold-back are applied on
// arrival, and counted (`lateEvents`).
//
// Threading: the monitor runs its watches on a thread of its own, so it keeps observing while
// the caller blocks (e.g. in Applier::run()). Every public function is thread-safe; start() and
// settle() block and must not be called on a GUI thread.

#include "kube/client.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>

namespace kube::rollout {

// One destination of a route with the weight it gets:
//  - a VirtualService's HTTP routes, as Istio reads them: a destination without a weight gets 100
//    when it is the route's only one, else 0; the host "name", "name.ns" or
//    "name.ns.svc.cluster.local";
//  - an HTTPRoute's (gateway.networking.k8s.io) rules: each backendRef of kind Service (group
//    "") with its weight (default 1); other kinds are not Services and are skipped.
// `service` is the Service when it lies in `ns` (a short name is relative to the route's
// namespace); otherwise `otherNamespace` is set. The kind is read from the object.
struct RouteDestination
{
    int rule = 0; // index in spec.http (VirtualService) or spec.rules (HTTPRoute)
    QString host; // as written: the VirtualService host, the backendRef's [namespace/]name
    QString service;
    QString otherNamespace;
    int weight = 0;
};
QList<RouteDestination> routeDestinations(const QJsonObject& virtualService, const QString& ns);
// A label selector given as a map (Service spec.selector) selects `labels`; an empty one
// selects nothing.
bool selectorMatches(const QJsonObject& selector, const QJsonObject& labels);

struct RoutingViolation
{
    QString virtualService; // the route's name (a VirtualService or, see routeKind, HTTPRoute)
    QString routeKind = QStringLiteral("VirtualService");
    int rule = 0; // index in spec.http / spec.rules
    QString host; // the destination host as written
    int weight = 0;
    QString problem;        // "Service x has no ready endpoint (EndpointSlices: 0 of 1 ready)"
    QStringList involved;   // "VirtualService/x@464", "Service/y@300",
                            // "EndpointSlice/z@460 (0 of 1 ready)", "Deployment/d@452 (replicas 0,
                            // ready 0)", "Pod/p@455 (Running, not ready)"
    QString event;          // the event that produced the first violating state: "MODIFIED
                            // VirtualService/x@464"
    quint64 firstState = 0; // index of the first observed state with this violation
    quint64 lastState = 0;  // index of the last one (the violation lasted lastState-firstState+1)
    QString clearedBy;      // the event that ended it; empty while it lasts
    QString toString() const;
};

struct RoutingMonitorOptions
{
    std::chrono::milliseconds holdBack{std::chrono::milliseconds(750)};
};

struct RoutingMonitorCounts
{
    quint64 states = 0;          // observed states (events applied), the initial one included
    quint64 violatingStates = 0; // states with at least one violation
    int violations = 0;          // distinct violations (one per destination and episode)
    int lateEvents = 0;          // events that arrived after the hold-back (see above)
    int reconnects = 0;          // watch relists (API server restarts, dropped streams)
};

class RoutingMonitor
{
public:
    RoutingMonitor(std::shared_ptr<Client> client, QString namespaceName,
                   RoutingMonitorOptions options = {});
    ~RoutingMonitor();
    RoutingMonitor(const RoutingMonitor&) = delete;
    RoutingMonitor& operator=(const RoutingMonitor&) = delete;

    // Starts the watches and blocks until each has listed (the initial state is checked then).
    Status start(std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Blocks until every event received so far is applied and checked and no event arrived for
    // `quiet`; false when that did not happen within `timeout`.
    bool settle(std::chrono::milliseconds quiet = std::chrono::milliseconds(1500),
                std::chrono::milliseconds timeout = std::chrono::seconds(30));
    // Applies what is held back and ends the watches; counts and violations stay readable.
    void stop();

    RoutingMonitorCounts counts() const;
    QList<RoutingViolation> violations() const; // in the order they began
    // Called on the monitor's thread when a violation begins.
    void setViolationCallback(std::function<void(const RoutingViolation&)> callback);
    // Multi-line: the counts, then every violation.
    QString summary() const;

    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace kube::rollout
