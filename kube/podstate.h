#pragma once
// What a Pod or an EndpointSlice endpoint says about serving, read from the object itself.
// A controller's summary (a Deployment's readyReplicas, an EndpointSlice written by the
// controller-manager) lags behind the pods: right after an API server restart, or while the
// controller-manager is busy, it still counts pods that were deleted. Whoever decides to route
// traffic checks the pods too.

#include <QJsonObject>

namespace kube {

// The pod's Ready condition is True.
bool podReady(const QJsonObject& pod);
// metadata.deletionTimestamp is set: the pod is terminating and must not get new traffic.
bool beingDeleted(const QJsonObject& object);
// Ready, not terminating, and running: it serves now.
bool podServing(const QJsonObject& pod);
// EndpointConditions.ready; "nil should be interpreted as true" (discovery.k8s.io/v1).
bool endpointReady(const QJsonObject& endpoint);
// The endpoint's targetRef when it names a Pod, else empty.
QString endpointPodName(const QJsonObject& endpoint);

} // namespace kube
