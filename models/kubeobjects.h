#pragma once
// Read-only views of the Kubernetes/KubeVela objects the models show. Objects stay QJsonObject
// (as kube/ delivers them); these helpers pull out the fields the panes need, following
// ../shared/reference/SEMANTICS.md for names (Deployment <component>-<vN>, Service
// <revision>-<component>-<port>).

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace veladesk {

namespace labels {
inline constexpr auto appName = "app.oam.dev/name";
inline constexpr auto appRevision = "app.oam.dev/appRevision";
inline constexpr auto appDeployment = "app.oam.dev/appDeployment";
inline constexpr auto component = "app.oam.dev/component";
} // namespace labels

QString kubeName(const QJsonObject& object);
QString objectUid(const QJsonObject& object);
QString labelValue(const QJsonObject& object, const char* key);
QDateTime creationTime(const QJsonObject& object);
// "45s", "12m", "3h", "5d" (kubectl's short style); "" for an invalid time.
QString formatAge(const QDateTime& since, const QDateTime& now);

// N of "<app>-vN", or -1.
int revisionNumber(const QString& revisionName);
// "testsvc" + "example-app-v1" -> "testsvc-v1"
QString deploymentNameFor(const QString& revisionName, const QString& componentName);
// "example-app-v1-testsvc-8000"
QString serviceNameFor(const QString& revisionName, const QString& componentName, int port);

struct ComponentInfo
{
    QString name;
    QString type;
    QString image;
    int port = 80; // webservice default
    bool operator==(const ComponentInfo&) const = default;
};

// An ApplicationRevision, as far as the GUI needs it.
struct RevisionInfo
{
    QString name;
    QString appName;
    int number = -1;
    QDateTime created;
    QList<ComponentInfo> components;
    static RevisionInfo fromJson(const QJsonObject& revision);
    bool operator==(const RevisionInfo&) const = default;
};

struct WeightedTargetInfo
{
    QString revisionName;
    QString componentName;
    int port = 0;
    int weight = 0;
};

// The spec of an AppDeployment, flattened: one replicas figure per revision (sum over
// placements), the targets of the first http route.
struct AppDeploymentInfo
{
    QString name;
    QString phase;
    QString conditionMessage;             // message of the first condition that is not True, if any
    QList<QPair<QString, int>> revisions; // revisionName, replicas
    bool hasTraffic = false;
    QStringList hosts;
    QStringList gateways;
    QList<WeightedTargetInfo> targets;
    static AppDeploymentInfo fromJson(const QJsonObject& appDeployment);
    bool namesRevision(const QString& revisionName) const;
};

// Weight per destination host of the first HTTP route of a VirtualService.
QList<QPair<QString, int>> virtualServiceWeights(const QJsonObject& virtualService);

} // namespace veladesk
