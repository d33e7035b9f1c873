#include "kube/rollout/routing.h"

#include <QJsonArray>

namespace kube::rollout {

namespace {

QJsonObject metaOf(const QJsonObject& o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString annotationOf(const QJsonObject& annotations)
{
    return annotations.value(QLatin1String(routingAnnotation)).toString();
}

} // namespace

QString routingApiName(RoutingApi api)
{
    return api == RoutingApi::HTTPRoute ? QStringLiteral("httproute")
                                        : QStringLiteral("virtualservice");
}

QString routingKind(RoutingApi api)
{
    return api == RoutingApi::HTTPRoute ? QStringLiteral("HTTPRoute")
                                        : QStringLiteral("VirtualService");
}

std::optional<RoutingApi> parseRoutingApi(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("virtualservice"))
        return RoutingApi::VirtualService;
    if (t == QLatin1String("httproute"))
        return RoutingApi::HTTPRoute;
    return std::nullopt;
}

Result<std::optional<RoutingApi>> plannedRouting(const AppDeploymentPlan& plan)
{
    using R = Result<std::optional<RoutingApi>>;
    const QJsonValue v = plan.annotations.value(QLatin1String(routingAnnotation));
    if (v.isUndefined() || v.isNull())
        return R::success(std::nullopt);
    const std::optional<RoutingApi> api = parseRoutingApi(v.toString());
    if (!api)
        return R::failure(Status::error(
            Status::Kind::Invalid,
            ktr("kube::rollout", "metadata.annotations[%1]: \"%2\" is not a routing API: use "
                                 "virtualservice or httproute")
                .arg(QLatin1String(routingAnnotation), v.toString()),
            QStringLiteral("AppDeployment/") + plan.name));
    return R::success(api);
}

void setPlannedRouting(AppDeploymentPlan& plan, RoutingApi api)
{
    plan.annotations.insert(QLatin1String(routingAnnotation), routingApiName(api));
}

void clearPlannedRouting(AppDeploymentPlan& plan)
{
    plan.annotations.remove(QLatin1String(routingAnnotation));
}

QString ServedRouting::versionOf(RoutingApi api) const
{
    return api == RoutingApi::HTTPRoute ? httpRouteVersion : virtualServiceVersion;
}

ServedRouting servedRouting(const Discovery& discovery)
{
    ServedRouting s;
    s.virtualServiceVersion = discovery.firstServedVersion(
        QStringLiteral("networking.istio.io"), QStringLiteral("virtualservices"),
        {QStringLiteral("v1"), QStringLiteral("v1beta1")});
    s.httpRouteVersion =
        discovery.firstServedVersion(QStringLiteral("gateway.networking.k8s.io"),
                                     QStringLiteral("httproutes"), {QStringLiteral("v1")});
    return s;
}

QString routingSourceName(RoutingChoice::Source source)
{
    switch (source) {
    case RoutingChoice::Source::Override:
        return QStringLiteral("--routing");
    case RoutingChoice::Source::Annotation:
        return ktr("kube::rollout", "the plan's annotation %1")
            .arg(QLatin1String(routingAnnotation));
    case RoutingChoice::Source::Live:
        return ktr("kube::rollout", "the AppDeployment's annotation %1 in the cluster")
            .arg(QLatin1String(routingAnnotation));
    case RoutingChoice::Source::Discovery:
        return ktr("kube::rollout", "discovery");
    }
    return {};
}

QString RoutingChoice::describe() const
{
    const QString group = api == RoutingApi::HTTPRoute ? QStringLiteral("gateway.networking.k8s.io")
                                                       : QStringLiteral("networking.istio.io");
    return ktr("kube::rollout", "%1 (%2/%3), from %4")
        .arg(routingKind(api), group,
             version.isEmpty() ? ktr("kube::rollout", "not served") : version,
             routingSourceName(source));
}

Result<RoutingChoice> chooseRouting(const AppDeploymentPlan& plan,
                                    const QJsonObject& liveAppDeployment,
                                    const ServedRouting& served, std::optional<RoutingApi> override)
{
    using R = Result<RoutingChoice>;
    const QString object = QStringLiteral("AppDeployment/") + plan.name;
    Result<std::optional<RoutingApi>> annotated = plannedRouting(plan);
    if (!annotated)
        return R::failure(annotated.status);
    RoutingChoice c;
    if (override) {
        if (annotated.value && *annotated.value != *override)
            return R::failure(
                Status::error(Status::Kind::Invalid,
                              ktr("kube::rollout",
                                  "--routing %1 contradicts the plan's annotation %2: %3; remove "
                                  "one of them")
                                  .arg(routingApiName(*override), QLatin1String(routingAnnotation),
                                       routingApiName(*annotated.value)),
                              object));
        c.api = *override;
        c.source = RoutingChoice::Source::Override;
    } else if (annotated.value) {
        c.api = *annotated.value;
        c.source = RoutingChoice::Source::Annotation;
    } else if (const std::optional<RoutingApi> live = parseRoutingApi(annotationOf(
                   metaOf(liveAppDeployment).value(QLatin1String("annotations")).toObject()))) {
        c.api = *live;
        c.source = RoutingChoice::Source::Live;
    } else {
        c.api = !served.virtualServiceVersion.isEmpty() || served.httpRouteVersion.isEmpty()
                    ? RoutingApi::VirtualService
                    : RoutingApi::HTTPRoute;
        c.source = RoutingChoice::Source::Discovery;
    }
    c.version = served.versionOf(c.api);
    if (plan.traffic && c.version.isEmpty()) {
        QString msg;
        if (served.virtualServiceVersion.isEmpty() && served.httpRouteVersion.isEmpty())
            msg = ktr("kube::rollout",
                      "the cluster serves neither VirtualService (networking.istio.io "
                      "v1 or v1beta1) nor HTTPRoute (gateway.networking.k8s.io/v1): "
                      "install Istio's or the Gateway API's CRDs");
        else if (c.api == RoutingApi::HTTPRoute)
            msg = ktr("kube::rollout",
                      "routing through HTTPRoute (from %1), but the cluster serves no "
                      "HTTPRoute (gateway.networking.k8s.io/v1): install the Gateway "
                      "API CRDs, or route with virtualservice")
                      .arg(routingSourceName(c.source));
        else
            msg = ktr("kube::rollout",
                      "routing through VirtualService (from %1), but the cluster serves "
                      "no VirtualService (networking.istio.io v1 or v1beta1): install "
                      "Istio's CRDs, or route with httproute")
                      .arg(routingSourceName(c.source));
        return R::failure(Status::error(Status::Kind::Invalid, msg, object));
    }
    return R::success(c);
}

ResourceType httpRoutes(const QString& version)
{
    return ResourceType{QStringLiteral("gateway.networking.k8s.io"), version,
                        QStringLiteral("httproutes"), QStringLiteral("HTTPRoute"), true};
}

ResourceType gatewayApiGateways(const QString& version)
{
    return ResourceType{QStringLiteral("gateway.networking.k8s.io"), version,
                        QStringLiteral("gateways"), QStringLiteral("Gateway"), true};
}

ResourceType routeType(RoutingApi api, const QString& version)
{
    return api == RoutingApi::HTTPRoute ? httpRoutes(version)
                                        : ResourceType::virtualServices(version);
}

QString GatewayRef::display(const QString& routeNamespace) const
{
    return (namespaceName.isEmpty() ? routeNamespace : namespaceName) + QLatin1Char('/') + name;
}

GatewayRef parseGatewayRef(const QString& text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return GatewayRef{QString(), text};
    return GatewayRef{text.left(slash), text.mid(slash + 1)};
}

QList<ParentAcceptance> httpRouteAcceptance(const QJsonObject& httpRoute)
{
    QList<ParentAcceptance> out;
    const QString ns = metaOf(httpRoute).value(QLatin1String("namespace")).toString();
    const qint64 generation = metaOf(httpRoute).value(QLatin1String("generation")).toInteger();
    const QJsonArray statusParents = httpRoute.value(QLatin1String("status"))
                                         .toObject()
                                         .value(QLatin1String("parents"))
                                         .toArray();
    for (const QJsonValue& pv : httpRoute.value(QLatin1String("spec"))
                                    .toObject()
                                    .value(QLatin1String("parentRefs"))
                                    .toArray()) {
        const QJsonObject p = pv.toObject();
        ParentAcceptance a;
        a.parent.namespaceName = p.value(QLatin1String("namespace")).toString();
        a.parent.name = p.value(QLatin1String("name")).toString();
        const QString wantNs = a.parent.namespaceName.isEmpty() ? ns : a.parent.namespaceName;
        for (const QJsonValue& sv : statusParents) {
            const QJsonObject s = sv.toObject();
            const QJsonObject ref = s.value(QLatin1String("parentRef")).toObject();
            const QString refNs = ref.value(QLatin1String("namespace")).toString();
            if (ref.value(QLatin1String("name")).toString() != a.parent.name ||
                (refNs.isEmpty() ? ns : refNs) != wantNs)
                continue;
            bool current = false;
            QString acceptedStatus, resolvedStatus;
            for (const QJsonValue& cv : s.value(QLatin1String("conditions")).toArray()) {
                const QJsonObject c = cv.toObject();
                if (c.value(QLatin1String("observedGeneration")).toInteger() < generation)
                    continue;
                const QString type = c.value(QLatin1String("type")).toString();
                const QString status = c.value(QLatin1String("status")).toString();
                const QString reason = c.value(QLatin1String("reason")).toString();
                const QString message = c.value(QLatin1String("message")).toString();
                const QString text =
                    QStringLiteral("%1=%2 %3").arg(type, status, reason) +
                    (message.isEmpty() ? QString() : QStringLiteral(": ") + message);
                if (type == QLatin1String("Accepted")) {
                    current = true;
                    acceptedStatus = status;
                    if (status == QLatin1String("False") && reason != QLatin1String("Pending")) {
                        a.acceptedFalse = true;
                        a.detail = text;
                    } else if (status != QLatin1String("True") && a.detail.isEmpty()) {
                        a.detail = text;
                    }
                } else if (type == QLatin1String("ResolvedRefs")) {
                    resolvedStatus = status;
                    if (status != QLatin1String("True") && a.detail.isEmpty())
                        a.detail = text;
                }
            }
            if (!current)
                continue;
            a.reported = true;
            a.controllerName = s.value(QLatin1String("controllerName")).toString();
            a.accepted = acceptedStatus == QLatin1String("True");
            a.resolvedRefs = resolvedStatus == QLatin1String("True");
            break;
        }
        out << a;
    }
    return out;
}

bool gatewayHasController(const QJsonObject& gateway)
{
    for (const QJsonValue& cv : gateway.value(QLatin1String("status"))
                                    .toObject()
                                    .value(QLatin1String("conditions"))
                                    .toArray()) {
        const QJsonObject c = cv.toObject();
        if (c.value(QLatin1String("type")).toString() != QLatin1String("Accepted"))
            continue;
        const QString status = c.value(QLatin1String("status")).toString();
        return (status == QLatin1String("True") || status == QLatin1String("False")) &&
               c.value(QLatin1String("reason")).toString() != QLatin1String("Pending");
    }
    return false;
}

} // namespace kube::rollout
