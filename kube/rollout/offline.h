#pragma once
// `veladesk render`: from Application / ApplicationRevision / AppDeployment documents to the
// objects VelaDesk would apply, without a cluster. Applications are turned into revisions in
// the order given, as `veladesk app apply` would record them (01 then 02 -> <app>-v1, -v2).

#include "kube/rollout/application.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube::rollout {

struct SourceDocument
{
    QString source; // file name, for messages
    QJsonObject object;
};

struct OfflineRender
{
    QList<AppRevision> revisions; // recorded from the Applications, plus given revisions
    QList<AppDeploymentPlan> plans;
    QList<Issue> issues;        // per plan, field prefixed by "<source>: <plan name>: "
    QList<QJsonObject> objects; // per plan: the AppDeployment, then its rendered objects
    // Per object: the cluster it goes to (multi-cluster placement; "" the home cluster, where
    // the AppDeployment and unnamed placements go). Objects of a plan are grouped by cluster,
    // the home cluster first.
    QStringList objectClusters;
    bool multiCluster = false; // some plan places revisions in a named cluster
    bool ok() const { return !hasErrors(issues); }
};

// Fails (Invalid) on documents of another kind or that do not parse as what they claim.
// Validation problems of a plan are returned as issues (objects omitted for that plan).
// Routing (routing.h) without a cluster: `routing` (--routing), else the plan's annotation,
// else VirtualService; an override that contradicts a plan's annotation is an issue of that plan.
Result<OfflineRender> renderOffline(const QList<SourceDocument>& documents,
                                    const QString& defaultNamespace = QStringLiteral("default"),
                                    std::optional<RoutingApi> routing = std::nullopt,
                                    const QString& homeCluster = {});

} // namespace kube::rollout
