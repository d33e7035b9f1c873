#include "kube/rollout/render.h"

#include "kube/names.h"
#include "kube/rollout/counters.h"
#include "kube/rollout/httproute.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace kube::rollout {

namespace {

const QString kRevisionHeader = QStringLiteral("x-veladesk-revision");
constexpr qint64 kMaxReplicas = 2147483647; // Deployment spec.replicas is an int32

Issue error(const QString& field, const QString& message)
{
    return Issue{Issue::Severity::Error, field, message};
}
Issue warning(const QString& field, const QString& message)
{
    return Issue{Issue::Severity::Warning, field, message};
}

const AppRevision* findRevision(const QList<AppRevision>& revisions, const QString& name)
{
    for (const AppRevision& r : revisions)
        if (r.name == name)
            return &r;
    return nullptr;
}

QString portsText(const QList<int>& ports)
{
    QStringList out;
    for (int p : ports)
        out << QString::number(p);
    return out.join(QStringLiteral(", "));
}

QString nsOf(const AppDeploymentPlan& plan, const RenderOptions& options)
{
    return plan.namespaceName.isEmpty() ? options.namespaceName : plan.namespaceName;
}

QJsonArray ownerReferences(const AppDeploymentPlan& plan, const RenderOptions& options)
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
                    {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
                    {QStringLiteral("name"), plan.name},
                    {QStringLiteral("uid"), options.ownerUid},
                    {QStringLiteral("controller"), true},
                    {QStringLiteral("blockOwnerDeletion"), true}}};
}

QJsonObject metadata(const QString& name, const QString& ns, const QJsonObject& lbls,
                     const AppDeploymentPlan& plan, const RenderOptions& options)
{
    if (!options.isHome())
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("namespace"), ns},
                           {QStringLiteral("labels"), lbls},
                           {QStringLiteral("annotations"),
                            QJsonObject{{QLatin1String(placedByAnnotation),
                                         placedByMarker(options.homeCluster, ns, plan.name)}}}};
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("namespace"), ns},
                       {QStringLiteral("labels"), lbls},
                       {QStringLiteral("ownerReferences"), ownerReferences(plan, options)}};
}

QJsonObject selectorLabels(const QString& component, const QString& revision)
{
    return QJsonObject{{key(labels::component), component}, {key(labels::appRevision), revision}};
}

QJsonObject renderDeployment(const AppDeploymentPlan& plan, const AppRevision& revision,
                             const Component& component, const WebServiceProperties& ws,
                             int replicas, const RenderOptions& options)
{
    const QString ns = nsOf(plan, options);
    QJsonObject objLabels = selectorLabels(component.name, revision.name);
    objLabels.insert(key(labels::appDeployment), plan.name);
    objLabels.insert(key(labels::appName), revision.appName);
    QJsonObject podLabels = selectorLabels(component.name, revision.name);
    podLabels.insert(key(labels::appName), revision.appName);

    QJsonObject container{
        {QStringLiteral("name"), component.name},
        {QStringLiteral("image"), ws.image},
        {QStringLiteral("ports"),
         QJsonArray{QJsonObject{{QStringLiteral("containerPort"), ws.port},
                                {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}};
    if (!ws.cmd.isEmpty())
        container.insert(QStringLiteral("command"), QJsonArray::fromStringList(ws.cmd));
    if (!ws.env.isEmpty()) {
        QJsonArray env;
        for (const EnvVar& e : ws.env)
            env.append(
                QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("value"), e.value}});
        container.insert(QStringLiteral("env"), env);
    }
    if (!ws.cpu.isEmpty() || !ws.memory.isEmpty()) {
        QJsonObject amounts;
        if (!ws.cpu.isEmpty())
            amounts.insert(QStringLiteral("cpu"), ws.cpu);
        if (!ws.memory.isEmpty())
            amounts.insert(QStringLiteral("memory"), ws.memory);
        container.insert(QStringLiteral("resources"),
                         QJsonObject{{QStringLiteral("requests"), amounts},
                                     {QStringLiteral("limits"), amounts}});
    }
    if (!ws.imagePullPolicy.isEmpty())
        container.insert(QStringLiteral("imagePullPolicy"), ws.imagePullPolicy);

    QJsonObject spec{
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"),
                                                  selectorLabels(component.name, revision.name)}}},
        {QStringLiteral("template"),
         QJsonObject{
             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), podLabels}}},
             {QStringLiteral("spec"),
              QJsonObject{{QStringLiteral("containers"), QJsonArray{container}}}}}}};
    if (options.replicasManagedBy.contains(deploymentName(component.name, revision.name)))
        spec.remove(QStringLiteral("replicas"));
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"),
         metadata(deploymentName(component.name, revision.name), ns, objLabels, plan, options)},
        {QStringLiteral("spec"), spec}};
}

QJsonObject renderService(const AppDeploymentPlan& plan, const WeightedTarget& t,
                          const RenderOptions& options)
{
    QJsonObject objLabels = selectorLabels(t.componentName, t.revisionName);
    objLabels.insert(key(labels::appDeployment), plan.name);
    const QJsonObject spec{
        {QStringLiteral("selector"), selectorLabels(t.componentName, t.revisionName)},
        {QStringLiteral("ports"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                {QStringLiteral("port"), t.port},
                                {QStringLiteral("targetPort"), t.port},
                                {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"), metadata(serviceName(t.revisionName, t.componentName, t.port),
                                              nsOf(plan, options), objLabels, plan, options)},
        {QStringLiteral("spec"), spec}};
}

QJsonObject renderVirtualService(const AppDeploymentPlan& plan, const RenderOptions& options)
{
    const Traffic& traffic = *plan.traffic;
    QJsonArray http;
    for (const HttpRule& rule : traffic.http) {
        QJsonArray route;
        for (const WeightedTarget& t : rule.weightedTargets)
            route.append(QJsonObject{
                {QStringLiteral("destination"),
                 QJsonObject{
                     {QStringLiteral("host"), serviceName(t.revisionName, t.componentName, t.port)},
                     {QStringLiteral("port"), QJsonObject{{QStringLiteral("number"), t.port}}}}},
                {QStringLiteral("weight"), t.weight},
                {QStringLiteral("headers"),
                 QJsonObject{{QStringLiteral("response"),
                              QJsonObject{{QStringLiteral("set"),
                                           QJsonObject{{kRevisionHeader, t.revisionName}}}}}}}});
        QJsonObject h{{QStringLiteral("route"), route}};
        if (!rule.match.isEmpty())
            h.insert(QStringLiteral("match"), rule.match);
        http.append(h);
    }
    QJsonObject spec{{QStringLiteral("hosts"), QJsonArray::fromStringList(traffic.hosts)},
                     {QStringLiteral("http"), http}};
    if (!traffic.gateways.isEmpty())
        spec.insert(QStringLiteral("gateways"), QJsonArray::fromStringList(traffic.gateways));
    return QJsonObject{
        {QStringLiteral("apiVersion"),
         QStringLiteral("networking.istio.io/") + options.virtualServiceVersion},
        {QStringLiteral("kind"), QStringLiteral("VirtualService")},
        {QStringLiteral("metadata"),
         metadata(plan.name, nsOf(plan, options),
                  QJsonObject{{key(labels::appDeployment), plan.name}}, plan, options)},
        {QStringLiteral("spec"), spec}};
}

} // namespace

QString Issue::toString() const
{
    const QString sev = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    return field.isEmpty() ? sev + QStringLiteral(": ") + message
                           : sev + QStringLiteral(": ") + field + QStringLiteral(": ") + message;
}

bool hasErrors(const QList<Issue>& issues)
{
    for (const Issue& i : issues)
        if (i.isError())
            return true;
    return false;
}

QStringList issueMessages(const QList<Issue>& issues)
{
    QStringList out;
    for (const Issue& i : issues)
        out << i.toString();
    return out;
}

QString deploymentName(const QString& componentName, const QString& revisionName)
{
    return componentName + QLatin1Char('-') + revisionSuffix(revisionName);
}

QString serviceName(const QString& revisionName, const QString& componentName, int port)
{
    return revisionName + QLatin1Char('-') + componentName + QLatin1Char('-') +
           QString::number(port);
}

RoutingApi effectiveRouting(const AppDeploymentPlan& plan, std::optional<RoutingApi> routing)
{
    if (routing)
        return *routing;
    const Result<std::optional<RoutingApi>> annotated = plannedRouting(plan);
    return annotated.ok() && annotated.value ? *annotated.value : RoutingApi::VirtualService;
}

QString placedByMarker(const QString& homeCluster, const QString& ns, const QString& name)
{
    return homeCluster + QLatin1Char('/') + ns + QLatin1Char('/') + name;
}

QList<Issue> validate(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions,
                      std::optional<RoutingApi> routing, const QString& homeCluster)
{
    ++counters::validateCalls;
    QList<Issue> issues;
    if (plan.name.isEmpty())
        issues << error(QStringLiteral("metadata.name"), QStringLiteral("required"));
    else if (!isDns1123Subdomain(plan.name) || !isLabelValue(plan.name))
        // It names the VirtualService and labels every object (app.oam.dev/appDeployment).
        issues << error(QStringLiteral("metadata.name"),
                        QCoreApplication::translate(
                            "kube::rollout", "\"%1\" is not a valid name: at most 63 lower case "
                                             "alphanumeric characters, '-' or '.', alphanumeric at "
                                             "both ends (it labels every object VelaDesk writes)")
                            .arg(plan.name.left(100)));
    if (const Result<std::optional<RoutingApi>> annotated = plannedRouting(plan); !annotated)
        issues << error(
            QStringLiteral("metadata.annotations[%1]").arg(QLatin1String(routingAnnotation)),
            annotated.status.message.section(QStringLiteral(": "), 1, -1));

    QSet<QString> seenRevisions;
    QHash<QString, QString> deploymentOwners; // Deployment name -> field that produced it
    for (qsizetype i = 0; i < plan.appRevisions.size(); ++i) {
        const RevisionPlacement& rp = plan.appRevisions.at(i);
        const QString rf = QStringLiteral("spec.appRevisions[%1]").arg(i);
        if (rp.revisionName.isEmpty()) {
            issues << error(rf + QStringLiteral(".revisionName"), QStringLiteral("required"));
            continue;
        }
        if (seenRevisions.contains(rp.revisionName)) {
            issues << error(
                rf + QStringLiteral(".revisionName"),
                QCoreApplication::translate("kube::rollout", "revision %1 is listed more than once")
                    .arg(rp.revisionName));
            continue;
        }
        seenRevisions.insert(rp.revisionName);
        for (qsizetype j = 0; j < rp.placement.size(); ++j) {
            const Placement& p = rp.placement.at(j);
            const QString pf = rf + QStringLiteral(".placement[%1]").arg(j);
            if (p.replicas < 0)
                issues << error(pf + QStringLiteral(".distribution.replicas"),
                                QCoreApplication::translate("kube::rollout", "must be >= 0, is %1")
                                    .arg(p.replicas));
            if (j + 1 == rp.placement.size() && rp.replicaSum() > kMaxReplicas)
                issues << error(
                    rf + QStringLiteral(".placement"),
                    QCoreApplication::translate("kube::rollout",
                                                "the placements sum to %1 replicas, more than a "
                                                "Deployment can have (%2)")
                        .arg(rp.replicaSum())
                        .arg(kMaxReplicas));
            if (p.clusterSelector && p.clusterSelector->name.isEmpty() &&
                !p.clusterSelector->labels.isEmpty())
                issues << error(
                    pf + QStringLiteral(".clusterSelector.labels"),
                    QCoreApplication::translate("kube::rollout",
                                                "selecting clusters by labels is not supported; "
                                                "name the cluster (clusterSelector.name)"));
            else if (p.clusterSelector && !p.clusterSelector->name.isEmpty() &&
                     !isDns1123Subdomain(p.clusterSelector->name))
                issues << error(pf + QStringLiteral(".clusterSelector.name"),
                                QCoreApplication::translate("kube::rollout",
                                                            "\"%1\" is not a valid cluster name")
                                    .arg(p.clusterSelector->name.left(100)));
        }
        const AppRevision* rev = findRevision(revisions, rp.revisionName);
        if (!rev) {
            issues << error(rf + QStringLiteral(".revisionName"),
                            QCoreApplication::translate("kube::rollout",
                                                        "ApplicationRevision %1 does not exist")
                                .arg(rp.revisionName));
            continue;
        }
        if (rev->application.components.isEmpty())
            issues << warning(
                rf + QStringLiteral(".revisionName"),
                QCoreApplication::translate("kube::rollout", "revision %1 has no components")
                    .arg(rp.revisionName));
        for (const Component& c : rev->application.components) {
            Result<WebServiceProperties> ws = c.webService();
            if (!ws) {
                issues << error(
                    rf + QStringLiteral(".revisionName"),
                    QCoreApplication::translate("kube::rollout", "revision %1, component %2: %3")
                        .arg(rp.revisionName, c.name, ws.status.message));
                continue;
            }
            const QString dn = deploymentName(c.name, rp.revisionName);
            if (!isDns1123Subdomain(dn) || !isLabelValue(c.name) || !isLabelValue(rp.revisionName))
                issues << error(
                    rf + QStringLiteral(".revisionName"),
                    QCoreApplication::translate("kube::rollout",
                                                "revision %1, component %2: the Deployment name "
                                                "%3 or its labels would be invalid (lower case "
                                                "alphanumeric characters, '-' or '.'; labels at "
                                                "most 63 characters)")
                        .arg(rp.revisionName.left(100), c.name.left(100), dn.left(100)));
            if (deploymentOwners.contains(dn))
                issues << error(rf + QStringLiteral(".revisionName"),
                                QCoreApplication::translate(
                                    "kube::rollout",
                                    "Deployment name %1 collides with the one of %2: revision "
                                    "names must differ in their last dash-separated token")
                                    .arg(dn, deploymentOwners.value(dn)));
            deploymentOwners.insert(dn, rf);
        }
    }

    if (!plan.traffic)
        return issues;
    if (effectiveRouting(plan, routing) == RoutingApi::HTTPRoute)
        detail::validateHttpRoute(plan, &issues);
    const Traffic& traffic = *plan.traffic;
    if (traffic.hosts.isEmpty())
        issues << error(QStringLiteral("spec.traffic.hosts"),
                        QCoreApplication::translate(
                            "kube::rollout", "at least one host is required when traffic is set"));
    for (qsizetype i = 0; i < traffic.hosts.size(); ++i)
        if (traffic.hosts.at(i).trimmed().isEmpty())
            issues << error(QStringLiteral("spec.traffic.hosts[%1]").arg(i),
                            QCoreApplication::translate("kube::rollout", "empty host"));
    if (traffic.http.isEmpty())
        issues << error(
            QStringLiteral("spec.traffic.http"),
            QCoreApplication::translate("kube::rollout",
                                        "at least one http rule is required when traffic is set"));
    for (qsizetype i = 0; i < traffic.http.size(); ++i) {
        const HttpRule& rule = traffic.http.at(i);
        const QString hf = QStringLiteral("spec.traffic.http[%1]").arg(i);
        if (rule.weightedTargets.isEmpty()) {
            issues << error(
                hf + QStringLiteral(".weightedTargets"),
                QCoreApplication::translate("kube::rollout", "at least one target is required"));
            continue;
        }
        qint64 sum = 0; // weights out of range must not overflow the sum
        bool weightsInRange = true;
        QHash<QString, qsizetype> seenTargets;
        for (qsizetype j = 0; j < rule.weightedTargets.size(); ++j) {
            const WeightedTarget& t = rule.weightedTargets.at(j);
            const QString tf = hf + QStringLiteral(".weightedTargets[%1]").arg(j);
            if (t.weight < 0 || t.weight > 100) {
                issues << error(
                    tf + QStringLiteral(".weight"),
                    QCoreApplication::translate("kube::rollout", "must be between 0 and 100, is %1")
                        .arg(t.weight));
                weightsInRange = false;
            }
            sum += t.weight;
            const QString targetKey = t.revisionName + QLatin1Char('/') + t.componentName +
                                      QLatin1Char(':') + QString::number(t.port);
            const QString svc = serviceName(t.revisionName, t.componentName, t.port);
            if (svc.size() > 63)
                issues << error(tf, QCoreApplication::translate(
                                        "kube::rollout",
                                        "the Service name %1 would be longer than 63 characters "
                                        "(a DNS label); use shorter revision or component names")
                                        .arg(svc.left(100)));
            else if (!t.revisionName.isEmpty() && !t.componentName.isEmpty() &&
                     !isDns1035Label(svc))
                issues << error(
                    tf, QCoreApplication::translate("kube::rollout",
                                                    "the Service name %1 would not be a DNS-1035 "
                                                    "label (lower case alphanumeric characters "
                                                    "or '-', starting with a letter)")
                            .arg(svc.left(100)));
            if (seenTargets.contains(targetKey))
                issues << error(tf,
                                QCoreApplication::translate(
                                    "kube::rollout",
                                    "duplicate target %1/%2 port %3 (same as weightedTargets[%4])")
                                    .arg(t.revisionName, t.componentName)
                                    .arg(t.port)
                                    .arg(seenTargets.value(targetKey)));
            else
                seenTargets.insert(targetKey, j);
            if (t.port < 1 || t.port > 65535)
                issues << error(tf + QStringLiteral(".port"),
                                QCoreApplication::translate("kube::rollout",
                                                            "must be a port number 1..65535, is %1")
                                    .arg(t.port));
            if (t.revisionName.isEmpty()) {
                issues << error(tf + QStringLiteral(".revisionName"), QStringLiteral("required"));
                continue;
            }
            const AppRevision* rev = findRevision(revisions, t.revisionName);
            if (!rev) {
                issues << error(tf + QStringLiteral(".revisionName"),
                                QCoreApplication::translate("kube::rollout",
                                                            "ApplicationRevision %1 does not exist")
                                    .arg(t.revisionName));
                continue;
            }
            if (t.componentName.isEmpty()) {
                issues << error(tf + QStringLiteral(".componentName"), QStringLiteral("required"));
                continue;
            }
            const Component* c = rev->application.component(t.componentName);
            if (!c) {
                QStringList names;
                for (const Component& k : rev->application.components)
                    names << k.name;
                issues << error(
                    tf + QStringLiteral(".componentName"),
                    QCoreApplication::translate("kube::rollout",
                                                "revision %1 has no component %2 (it has: %3)")
                        .arg(t.revisionName, t.componentName, names.join(QStringLiteral(", "))));
                continue;
            }
            if (!c->isSupported()) {
                issues << error(
                    tf + QStringLiteral(".componentName"),
                    QCoreApplication::translate("kube::rollout", "component %1: not supported: %2")
                        .arg(c->name, c->type));
                continue;
            }
            const QList<int> ports = c->ports();
            if (t.port >= 1 && t.port <= 65535 && !ports.contains(t.port))
                issues << warning(
                    tf + QStringLiteral(".port"),
                    QCoreApplication::translate(
                        "kube::rollout", "component %1 of revision %2 listens on %3, not on %4")
                        .arg(c->name, t.revisionName, portsText(ports))
                        .arg(t.port));
            const QStringList routeClusters = plan.routeClusters(homeCluster);
            if (t.weight > 0 && plan.isMultiCluster(homeCluster)) {
                for (const QString& c : routeClusters)
                    if (plan.replicasIn(t.revisionName, c, homeCluster) <= 0)
                        issues << error(
                            tf + QStringLiteral(".weight"),
                            QCoreApplication::translate(
                                "kube::rollout",
                                "weight %1 for revision %2, which has no replicas in "
                                "cluster %3, where the route is applied (the route "
                                "goes to every cluster that runs a revision with "
                                "weight > 0)")
                                .arg(t.weight)
                                .arg(t.revisionName, c.isEmpty() ? QStringLiteral("(home)") : c));
            } else if (t.weight > 0 && plan.replicasOf(t.revisionName) <= 0 &&
                       plan.replicasIn(t.revisionName, homeCluster, homeCluster) <= 0)
                issues << error(
                    tf + QStringLiteral(".weight"),
                    plan.revision(t.revisionName)
                        ? QCoreApplication::translate(
                              "kube::rollout", "weight %1 for revision %2, which has 0 replicas")
                              .arg(t.weight)
                              .arg(t.revisionName)
                        : QCoreApplication::translate("kube::rollout",
                                                      "weight %1 for revision %2, which is not in "
                                                      "spec.appRevisions (no replicas)")
                              .arg(t.weight)
                              .arg(t.revisionName));
        }
        if (weightsInRange && sum != 100)
            issues << error(hf + QStringLiteral(".weightedTargets"),
                            QCoreApplication::translate("kube::rollout",
                                                        "weights sum to %1, must be exactly 100")
                                .arg(sum));
    }
    return issues;
}

QString RenderedObject::name() const
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}

QString RenderedObject::namespaceName() const
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("namespace"))
        .toString();
}

QString RenderedObject::displayName() const
{
    return type.kind + QLatin1Char('/') + name();
}

QList<QJsonObject> RenderResult::jsonObjects() const
{
    QList<QJsonObject> out;
    for (const RenderedObject& o : objects)
        out << o.object;
    return out;
}

RenderResult render(const AppDeploymentPlan& plan, const QList<AppRevision>& revisions,
                    const RenderOptions& options)
{
    RenderResult result;
    result.issues = validate(plan, revisions, options.routing, options.homeCluster);
    if (!result.ok())
        return result;
    const QString cluster = options.isHome() ? options.homeCluster : options.cluster;
    for (const RevisionPlacement& rp : plan.appRevisions) {
        if (!rp.placedIn(cluster, options.homeCluster))
            continue;
        const AppRevision* rev = findRevision(revisions, rp.revisionName);
        for (const Component& c : rev->application.components) {
            const WebServiceProperties ws = c.webService().value;
            RenderedObject o;
            o.role = RenderedObject::Role::Deployment;
            o.type = ResourceType::deployments();
            o.revisionName = rp.revisionName;
            o.componentName = c.name;
            o.object = renderDeployment(plan, *rev, c, ws,
                                        rp.replicasIn(cluster, options.homeCluster), options);
            result.objects << o;
        }
    }
    if (plan.traffic && plan.routesIn(cluster, options.homeCluster)) {
        // A member cluster's route leaves out (weight-0) targets of revisions not placed there:
        // validate() refused weight > 0 for them.
        AppDeploymentPlan local = plan;
        if (!options.isHome())
            for (HttpRule& rule : local.traffic->http)
                rule.weightedTargets.removeIf([&](const WeightedTarget& t) {
                    const RevisionPlacement* r = plan.revision(t.revisionName);
                    return !r || !r->placedIn(cluster, options.homeCluster);
                });
        QSet<QString> done;
        for (const HttpRule& rule : local.traffic->http)
            for (const WeightedTarget& t : rule.weightedTargets) {
                const QString name = serviceName(t.revisionName, t.componentName, t.port);
                if (done.contains(name))
                    continue;
                done.insert(name);
                RenderedObject o;
                o.role = RenderedObject::Role::Service;
                o.type = ResourceType::services();
                o.revisionName = t.revisionName;
                o.componentName = t.componentName;
                o.object = renderService(plan, t, options);
                result.objects << o;
            }
        RenderedObject route;
        if (effectiveRouting(plan, options.routing) == RoutingApi::HTTPRoute) {
            route.role = RenderedObject::Role::HTTPRoute;
            route.type = httpRoutes(options.httpRouteVersion);
            route.object = detail::renderHttpRoute(
                local, options,
                metadata(plan.name, nsOf(plan, options),
                         QJsonObject{{key(labels::appDeployment), plan.name}}, plan, options));
        } else {
            route.role = RenderedObject::Role::VirtualService;
            route.type = ResourceType::virtualServices(options.virtualServiceVersion);
            route.object = renderVirtualService(local, options);
        }
        result.objects << route;
    }
    return result;
}

QJsonObject renderAppDeployment(const AppDeploymentPlan& plan, const RenderOptions& options)
{
    AppDeploymentPlan recorded = plan;
    setPlannedRouting(recorded, effectiveRouting(plan, options.routing));
    QJsonObject o = recorded.toJson();
    QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("namespace"), nsOf(plan, options));
    o.insert(QStringLiteral("metadata"), meta);
    return o;
}

Ownership ownershipOf(const QJsonObject& live, const QString& appDeploymentName,
                      const QString& appDeploymentUid, const QString& placedBy)
{
    const QJsonObject meta = live.value(QLatin1String("metadata")).toObject();
    const QJsonArray refs = meta.value(QLatin1String("ownerReferences")).toArray();
    const QString marker = meta.value(QLatin1String("annotations"))
                               .toObject()
                               .value(QLatin1String(placedByAnnotation))
                               .toString();
    if (refs.isEmpty() && !placedBy.isEmpty() && marker == placedBy)
        return Ownership{Ownership::State::ThisAppDeployment,
                         QStringLiteral("AppDeployment/") + appDeploymentName};
    if (refs.isEmpty() && !marker.isEmpty())
        return Ownership{Ownership::State::Other,
                         ktr("kube::rollout",
                             "AppDeployment %1 (cluster/namespace/name, placed from "
                             "another cluster)")
                             .arg(marker)};
    if (refs.isEmpty())
        return Ownership{Ownership::State::None, ktr("kube::rollout", "no owner reference")};
    QStringList owners;
    for (const QJsonValue& v : refs) {
        const QJsonObject r = v.toObject();
        const QString kind = r.value(QLatin1String("kind")).toString();
        const QString apiVersion = r.value(QLatin1String("apiVersion")).toString();
        const QString name = r.value(QLatin1String("name")).toString();
        const QString uid = r.value(QLatin1String("uid")).toString();
        if (kind == QLatin1String("AppDeployment") &&
            apiVersion.startsWith(QLatin1String("core.oam.dev/"))) {
            const bool same =
                appDeploymentUid.isEmpty() ? name == appDeploymentName : uid == appDeploymentUid;
            if (same)
                return Ownership{Ownership::State::ThisAppDeployment,
                                 QStringLiteral("AppDeployment/") + appDeploymentName};
        }
        QString who = kind + QLatin1Char('/') + name + QStringLiteral(" (") + apiVersion;
        if (apiVersion.startsWith(QLatin1String("argoproj.io/")))
            who += QStringLiteral(", Argo Rollouts");
        else if (apiVersion.startsWith(QLatin1String("flagger.app/")))
            who += QStringLiteral(", Flagger");
        else if (kind == QLatin1String("AppDeployment") && name == appDeploymentName)
            who += ktr("kube::rollout", ", an earlier AppDeployment of this name, uid %1").arg(uid);
        who += QLatin1Char(')');
        if (r.value(QLatin1String("controller")).toBool())
            owners.prepend(who);
        else
            owners << who;
    }
    return Ownership{Ownership::State::Other, owners.join(QStringLiteral(", "))};
}

} // namespace kube::rollout
