#pragma once
// Internal to render.cpp: the Gateway API HTTPRoute a plan's traffic renders to (issue 12), and
// the checks that only an HTTPRoute needs. See render.h for what is rendered.

#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace kube::rollout::detail {

// Appends what keeps the plan's traffic from being an HTTPRoute (errors) or changes its meaning
// (warnings). The plan has traffic.
void validateHttpRoute(const AppDeploymentPlan& plan, QList<Issue>* issues);

// One HTTPRoute match per Istio HTTPMatchRequest, defaults written out; a rule without match
// gets the CRD's default (every path). Only valid after validateHttpRoute() found no error.
QJsonArray httpRouteMatches(const QJsonArray& istioMatch);

// The HTTPRoute of a valid plan with traffic; `metadata` is the object's (name, namespace,
// labels, owner references).
QJsonObject renderHttpRoute(const AppDeploymentPlan& plan, const RenderOptions& options,
                            const QJsonObject& metadata);

} // namespace kube::rollout::detail
