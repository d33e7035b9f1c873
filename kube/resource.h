#pragma once
// Which REST collection an object lives in. One value per group/version/resource.

#include <QString>

namespace kube {

struct ResourceType
{
    QString group;    // "" for the core group
    QString version;  // "v1"
    QString resource; // plural, lower case: "deployments"
    QString kind;     // "Deployment"
    bool namespaced = true;

    QString apiVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // "/api/v1" or "/apis/<group>/<version>"
    QString basePath() const;
    // Collection path, namespaced when ns is non-empty and the type is namespaced. The
    // namespace and name are percent-encoded as one path segment each.
    QString collectionPath(const QString& ns) const;
    QString objectPath(const QString& ns, const QString& name) const;
    bool operator==(const ResourceType&) const = default;

    static ResourceType pods();
    static ResourceType services();
    static ResourceType configMaps();
    static ResourceType namespaces();
    static ResourceType events();
    static ResourceType endpointSlices();
    static ResourceType deployments();
    static ResourceType customResourceDefinitions();
    static ResourceType applications();         // core.oam.dev/v1beta1
    static ResourceType applicationRevisions(); // core.oam.dev/v1beta1
    static ResourceType appDeployments();       // core.oam.dev/v1beta1
    static ResourceType virtualServices(const QString& version = QStringLiteral("v1"));
    static ResourceType gateways(const QString& version = QStringLiteral("v1"));
    static ResourceType replicaSets();
    // Gateway API (gateway.networking.k8s.io)
    static ResourceType gatewayApiGateways(const QString& version = QStringLiteral("v1"));
    static ResourceType httpRoutes(const QString& version = QStringLiteral("v1"));
    // Known types by kind and apiVersion (for applying arbitrary manifests); kind empty if unknown.
    static ResourceType forKind(const QString& apiVersion, const QString& kind);
};

} // namespace kube
