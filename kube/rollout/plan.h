#pragma once
// The rollout plan: an AppDeployment (core.oam.dev/v1beta1) as a value type.
// Schema: ../shared/reference/SEMANTICS.md. fromJson() keeps everything the GUI can edit;
// toJson() writes back a complete AppDeployment object (metadata, spec; no status).

#include "kube/status.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace kube::rollout {

struct ClusterSelector
{
    QString name;
    QMap<QString, QString> labels;
    bool operator==(const ClusterSelector&) const = default;
};

struct Placement
{
    int replicas = 0;                               // distribution.replicas
    std::optional<ClusterSelector> clusterSelector; // unset: the host cluster
    bool operator==(const Placement&) const = default;
};

struct RevisionPlacement
{
    QString revisionName;
    QList<Placement> placement;
    // Replicas in the home cluster: the sum of placements without a clusterSelector name.
    // Saturates at the int range; replicaSum() is exact.
    int replicas() const;
    qint64 replicaSum() const;
    // Multi-cluster placement. `home` is the home cluster's name (the current context's; may be
    // empty): placements without a clusterSelector name, and those naming `home`, are home
    // placements. `cluster` empty means the home cluster.
    qint64 replicaSumIn(const QString& cluster, const QString& home) const;
    int replicasIn(const QString& cluster, const QString& home) const;
    // A placement targets `cluster`; a revision without placements is in the home cluster.
    bool placedIn(const QString& cluster, const QString& home) const;
    bool operator==(const RevisionPlacement&) const = default;
};

struct WeightedTarget
{
    QString revisionName;
    QString componentName;
    int port = 0;
    int weight = 0;
    bool operator==(const WeightedTarget&) const = default;
};

struct HttpRule
{
    QJsonArray match; // Istio HTTPMatchRequest list, kept verbatim (e.g. [{uri: {prefix: /v2}}])
    QList<WeightedTarget> weightedTargets;
    bool operator==(const HttpRule&) const = default;
};

struct Traffic
{
    QStringList hosts;
    QStringList gateways;
    QList<HttpRule> http;
    bool operator==(const Traffic&) const = default;
};

struct Condition
{
    QString type;
    QString status; // "True" / "False" / "Unknown"
    QString reason;
    QString message;
    QString lastTransitionTime;
    bool operator==(const Condition&) const = default;
};

struct PlacementStatus
{
    QString revisionName;
    struct Cluster
    {
        QString clusterName;
        int replicas = 0;
        bool operator==(const Cluster&) const = default;
    };
    QList<Cluster> clusters;
    bool operator==(const PlacementStatus&) const = default;
};

struct AppDeploymentStatus
{
    QString phase; // "Rolling", "Completed", "Failed" or empty
    QList<Condition> conditions;
    QList<PlacementStatus> placement;
    static AppDeploymentStatus fromJson(const QJsonObject& status);
    QJsonObject toJson() const;
};

struct AppDeploymentPlan
{
    QString name;
    QString namespaceName;   // empty: the namespace of the connection / -n
    QJsonObject labels;      // metadata.labels, kept
    QJsonObject annotations; // metadata.annotations, kept
    QList<RevisionPlacement> appRevisions;
    std::optional<Traffic> traffic; // unset: no VirtualService, no Services
    AppDeploymentStatus status;     // as read from the cluster; not written by toJson()
    QString uid;                    // as read from the cluster, else empty

    const RevisionPlacement* revision(const QString& name) const;
    // Replicas planned for a revision; 0 when it is not in appRevisions.
    int replicasOf(const QString& revisionName) const;
    // Sum of weights per revision over all rules (saturating at the int range).
    QMap<QString, int> weightsByRevision() const;

    // Multi-cluster placement (see RevisionPlacement::placedIn). Cluster names as written in
    // clusterSelector.name; the home cluster is `home` (empty when it has no name).
    // The clusters the plan deploys to: the home cluster first, then every named cluster in
    // order of appearance.
    QStringList clusters(const QString& home) const;
    // Some placement names a cluster other than `home`.
    bool isMultiCluster(const QString& home) const;
    // Replicas of a revision in a cluster; 0 when it is not in appRevisions.
    int replicasIn(const QString& revisionName, const QString& cluster, const QString& home) const;
    // The traffic object goes to every cluster that runs (replicas > 0) a revision with weight
    // > 0; the home cluster also gets it when no cluster does (so that validation names the
    // missing replicas, as for a single cluster). Empty without traffic.
    bool routesIn(const QString& cluster, const QString& home) const;
    QStringList routeClusters(const QString& home) const;

    // Parses an AppDeployment. Type errors name the field ("spec.traffic.http[0]
    // .weightedTargets[1].weight: must be an integer"); semantic checks are validate()'s.
    static Result<AppDeploymentPlan> fromJson(const QJsonObject& object);
    QJsonObject toJson() const;
    bool operator==(const AppDeploymentPlan& other) const
    {
        return name == other.name && namespaceName == other.namespaceName &&
               appRevisions == other.appRevisions && traffic == other.traffic;
    }
};

} // namespace kube::rollout
