#include "kube/resource.h"

#include <QUrl>

namespace kube {

namespace {
// One path segment: '/', '?', '#', '%' and everything else outside unreserved characters are
// percent-encoded, so a name can never step into another path (names are validated before,
// kube/names.h; this is the second fence).
QString segment(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

QString ResourceType::basePath() const
{
    return group.isEmpty() ? QStringLiteral("/api/") + version
                           : QStringLiteral("/apis/") + group + QLatin1Char('/') + version;
}

QString ResourceType::collectionPath(const QString& ns) const
{
    if (namespaced && !ns.isEmpty())
        return basePath() + QStringLiteral("/namespaces/") + segment(ns) + QLatin1Char('/') +
               resource;
    return basePath() + QLatin1Char('/') + resource;
}

QString ResourceType::objectPath(const QString& ns, const QString& name) const
{
    return collectionPath(ns) + QLatin1Char('/') + segment(name);
}

namespace {
ResourceType make(const char* g, const char* v, const char* r, const char* k, bool ns = true)
{
    return ResourceType{QString::fromLatin1(g), QString::fromLatin1(v), QString::fromLatin1(r),
                        QString::fromLatin1(k), ns};
}
} // namespace

ResourceType ResourceType::pods()
{
    return make("", "v1", "pods", "Pod");
}
ResourceType ResourceType::services()
{
    return make("", "v1", "services", "Service");
}
ResourceType ResourceType::configMaps()
{
    return make("", "v1", "configmaps", "ConfigMap");
}
ResourceType ResourceType::namespaces()
{
    return make("", "v1", "namespaces", "Namespace", false);
}
ResourceType ResourceType::events()
{
    return make("", "v1", "events", "Event");
}
ResourceType ResourceType::endpointSlices()
{
    return make("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice");
}
ResourceType ResourceType::deployments()
{
    return make("apps", "v1", "deployments", "Deployment");
}
ResourceType ResourceType::customResourceDefinitions()
{
    return make("apiextensions.k8s.io", "v1", "customresourcedefinitions",
                "CustomResourceDefinition", false);
}
ResourceType ResourceType::applications()
{
    return make("core.oam.dev", "v1beta1", "applications", "Application");
}
ResourceType ResourceType::applicationRevisions()
{
    return make("core.oam.dev", "v1beta1", "applicationrevisions", "ApplicationRevision");
}
ResourceType ResourceType::appDeployments()
{
    return make("core.oam.dev", "v1beta1", "appdeployments", "AppDeployment");
}
ResourceType ResourceType::virtualServices(const QString& version)
{
    return ResourceType{QStringLiteral("networking.istio.io"), version,
                        QStringLiteral("virtualservices"), QStringLiteral("VirtualService"), true};
}
ResourceType ResourceType::gateways(const QString& version)
{
    return ResourceType{QStringLiteral("networking.istio.io"), version, QStringLiteral("gateways"),
                        QStringLiteral("Gateway"), true};
}

ResourceType ResourceType::replicaSets()
{
    return make("apps", "v1", "replicasets", "ReplicaSet");
}
ResourceType ResourceType::gatewayApiGateways(const QString& version)
{
    return ResourceType{QStringLiteral("gateway.networking.k8s.io"), version,
                        QStringLiteral("gateways"), QStringLiteral("Gateway"), true};
}
ResourceType ResourceType::httpRoutes(const QString& version)
{
    return ResourceType{QStringLiteral("gateway.networking.k8s.io"), version,
                        QStringLiteral("httproutes"), QStringLiteral("HTTPRoute"), true};
}

ResourceType ResourceType::forKind(const QString& apiVersion, const QString& kind)
{
    const QString group = apiVersion.contains(QLatin1Char('/'))
                              ? apiVersion.section(QLatin1Char('/'), 0, 0)
                              : QString();
    const QString version = apiVersion.section(QLatin1Char('/'), -1);
    const ResourceType known[] = {pods(),          services(),
                                  configMaps(),    namespaces(),
                                  events(),        endpointSlices(),
                                  deployments(),   customResourceDefinitions(),
                                  applications(),  applicationRevisions(),
                                  appDeployments()};
    for (const ResourceType& t : known)
        if (t.kind == kind && t.group == group && t.version == version)
            return t;
    if (group == QLatin1String("networking.istio.io")) {
        if (kind == QLatin1String("VirtualService"))
            return virtualServices(version);
        if (kind == QLatin1String("Gateway"))
            return gateways(version);
    }
    return ResourceType{group, version, {}, {}, true};
}

} // namespace kube
