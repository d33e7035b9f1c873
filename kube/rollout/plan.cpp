#include "kube/rollout/plan.h"

#include "kube/rollout/application.h"
#include "kube/rollout/counters.h"

#include <algorithm>
#include <limits>

namespace kube::rollout {

namespace {

Status invalid(const QString& field, const QString& message)
{
    Status s = Status::error(Status::Kind::Invalid, field + QStringLiteral(": ") + message);
    s.reason = QStringLiteral("Invalid");
    return s;
}

bool isAbsent(const QJsonValue& v)
{
    return v.isUndefined() || v.isNull();
}

// Integer field: absent -> def; not an integer -> error naming the field.
Status readInt(const QJsonObject& o, const char* name, const QString& field, int* out, int def = 0)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (isAbsent(v)) {
        *out = def;
        return Status::success();
    }
    const double d = v.toDouble();
    if (!v.isDouble())
        return invalid(field, ktr("kube::rollout", "must be an integer"));
    // Range first: converting an out-of-range double to an integer is undefined behaviour.
    if (!(d >= -2147483648.0 && d <= 2147483647.0))
        return invalid(field, ktr("kube::rollout", "must be an integer between -2147483648 and "
                                                   "2147483647"));
    if (d != double(qint64(d)))
        return invalid(field, ktr("kube::rollout", "must be an integer"));
    *out = int(d);
    return Status::success();
}

Status readString(const QJsonObject& o, const char* name, const QString& field, QString* out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (isAbsent(v))
        return Status::success();
    if (!v.isString())
        return invalid(field, ktr("kube::rollout", "must be a string"));
    *out = v.toString();
    return Status::success();
}

Status readStringList(const QJsonObject& o, const char* name, const QString& field,
                      QStringList* out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (isAbsent(v))
        return Status::success();
    if (!v.isArray())
        return invalid(field, ktr("kube::rollout", "must be a list of strings"));
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            return invalid(field + QStringLiteral("[%1]").arg(i),
                           ktr("kube::rollout", "must be a string"));
        *out << a.at(i).toString();
    }
    return Status::success();
}

Status readList(const QJsonObject& o, const char* name, const QString& field, QJsonArray* out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (isAbsent(v))
        return Status::success();
    if (!v.isArray())
        return invalid(field, ktr("kube::rollout", "must be a list"));
    *out = v.toArray();
    for (qsizetype i = 0; i < out->size(); ++i)
        if (!out->at(i).isObject())
            return invalid(field + QStringLiteral("[%1]").arg(i),
                           ktr("kube::rollout", "must be a map"));
    return Status::success();
}

#define VD_TRY(expr)                                                                               \
    do {                                                                                           \
        if (Status s_ = (expr); !s_)                                                               \
            return R::failure(s_);                                                                 \
    } while (false)

} // namespace

qint64 RevisionPlacement::replicaSum() const
{
    qint64 sum = 0;
    for (const Placement& p : placement)
        if (!p.clusterSelector || p.clusterSelector->name.isEmpty())
            sum += p.replicas;
    return sum;
}

int RevisionPlacement::replicas() const
{
    return int(std::clamp<qint64>(replicaSum(), std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max()));
}

namespace {
bool isHomeName(const QString& name, const QString& home)
{
    return name.isEmpty() || name == home;
}
bool placementIn(const Placement& p, const QString& cluster, const QString& home)
{
    const QString target = p.clusterSelector ? p.clusterSelector->name : QString();
    if (isHomeName(cluster, home))
        return isHomeName(target, home);
    return target == cluster;
}
} // namespace

qint64 RevisionPlacement::replicaSumIn(const QString& cluster, const QString& home) const
{
    qint64 sum = 0;
    for (const Placement& p : placement)
        if (placementIn(p, cluster, home))
            sum += p.replicas;
    return sum;
}

int RevisionPlacement::replicasIn(const QString& cluster, const QString& home) const
{
    return int(std::clamp<qint64>(replicaSumIn(cluster, home), std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max()));
}

bool RevisionPlacement::placedIn(const QString& cluster, const QString& home) const
{
    if (placement.isEmpty())
        return isHomeName(cluster, home);
    for (const Placement& p : placement)
        if (placementIn(p, cluster, home))
            return true;
    return false;
}

QStringList AppDeploymentPlan::clusters(const QString& home) const
{
    QStringList out{home};
    for (const RevisionPlacement& r : appRevisions)
        for (const Placement& p : r.placement)
            if (p.clusterSelector && !isHomeName(p.clusterSelector->name, home) &&
                !out.contains(p.clusterSelector->name))
                out << p.clusterSelector->name;
    return out;
}

bool AppDeploymentPlan::isMultiCluster(const QString& home) const
{
    return clusters(home).size() > 1;
}

int AppDeploymentPlan::replicasIn(const QString& revisionName, const QString& cluster,
                                  const QString& home) const
{
    const RevisionPlacement* r = revision(revisionName);
    return r ? r->replicasIn(cluster, home) : 0;
}

bool AppDeploymentPlan::routesIn(const QString& cluster, const QString& home) const
{
    if (!traffic)
        return false;
    auto runsWeighted = [&](const QString& c) {
        for (const HttpRule& rule : traffic->http)
            for (const WeightedTarget& t : rule.weightedTargets)
                if (t.weight > 0 && replicasIn(t.revisionName, c, home) > 0)
                    return true;
        return false;
    };
    if (runsWeighted(cluster))
        return true;
    if (!isHomeName(cluster, home))
        return false;
    for (const QString& c : clusters(home))
        if (runsWeighted(c))
            return false;
    return true;
}

QStringList AppDeploymentPlan::routeClusters(const QString& home) const
{
    QStringList out;
    for (const QString& c : clusters(home))
        if (routesIn(c, home))
            out << c;
    return out;
}

const RevisionPlacement* AppDeploymentPlan::revision(const QString& revisionName) const
{
    for (const RevisionPlacement& r : appRevisions)
        if (r.revisionName == revisionName)
            return &r;
    return nullptr;
}

int AppDeploymentPlan::replicasOf(const QString& revisionName) const
{
    const RevisionPlacement* r = revision(revisionName);
    return r ? r->replicas() : 0;
}

QMap<QString, int> AppDeploymentPlan::weightsByRevision() const
{
    QMap<QString, qint64> sums;
    if (traffic)
        for (const HttpRule& rule : traffic->http)
            for (const WeightedTarget& t : rule.weightedTargets)
                sums[t.revisionName] += t.weight;
    QMap<QString, int> out;
    for (auto it = sums.begin(); it != sums.end(); ++it)
        out.insert(it.key(), int(std::clamp<qint64>(it.value(), std::numeric_limits<int>::min(),
                                                    std::numeric_limits<int>::max())));
    return out;
}

AppDeploymentStatus AppDeploymentStatus::fromJson(const QJsonObject& status)
{
    AppDeploymentStatus s;
    s.phase = status.value(QLatin1String("phase")).toString();
    for (const QJsonValue& v : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        s.conditions << Condition{c.value(QLatin1String("type")).toString(),
                                  c.value(QLatin1String("status")).toString(),
                                  c.value(QLatin1String("reason")).toString(),
                                  c.value(QLatin1String("message")).toString(),
                                  c.value(QLatin1String("lastTransitionTime")).toString()};
    }
    for (const QJsonValue& v : status.value(QLatin1String("placement")).toArray()) {
        const QJsonObject p = v.toObject();
        PlacementStatus ps;
        ps.revisionName = p.value(QLatin1String("revisionName")).toString();
        for (const QJsonValue& c : p.value(QLatin1String("clusters")).toArray())
            ps.clusters << PlacementStatus::Cluster{
                c.toObject().value(QLatin1String("clusterName")).toString(),
                c.toObject().value(QLatin1String("replicas")).toInt()};
        s.placement << ps;
    }
    return s;
}

QJsonObject AppDeploymentStatus::toJson() const
{
    QJsonObject o;
    if (!phase.isEmpty())
        o.insert(QStringLiteral("phase"), phase);
    QJsonArray conds;
    for (const Condition& c : conditions)
        conds.append(QJsonObject{{QStringLiteral("type"), c.type},
                                 {QStringLiteral("status"), c.status},
                                 {QStringLiteral("reason"), c.reason},
                                 {QStringLiteral("message"), c.message},
                                 {QStringLiteral("lastTransitionTime"), c.lastTransitionTime}});
    o.insert(QStringLiteral("conditions"), conds);
    QJsonArray placements;
    for (const PlacementStatus& p : placement) {
        QJsonArray clusters;
        for (const PlacementStatus::Cluster& c : p.clusters) {
            QJsonObject co{{QStringLiteral("replicas"), c.replicas}};
            if (!c.clusterName.isEmpty())
                co.insert(QStringLiteral("clusterName"), c.clusterName);
            clusters.append(co);
        }
        placements.append(QJsonObject{{QStringLiteral("revisionName"), p.revisionName},
                                      {QStringLiteral("clusters"), clusters}});
    }
    o.insert(QStringLiteral("placement"), placements);
    return o;
}

Result<AppDeploymentPlan> AppDeploymentPlan::fromJson(const QJsonObject& object)
{
    ++counters::planFromJsonCalls;
    using R = Result<AppDeploymentPlan>;
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (kind != QLatin1String("AppDeployment"))
        return R::failure(invalid(
            QStringLiteral("kind"),
            kind.isEmpty() ? ktr("kube::rollout", "expected AppDeployment, got nothing")
                           : ktr("kube::rollout", "expected AppDeployment, got %1").arg(kind)));
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    if (apiVersion != QLatin1String("core.oam.dev/v1beta1"))
        return R::failure(
            invalid(QStringLiteral("apiVersion"),
                    ktr("kube::rollout", "expected core.oam.dev/v1beta1, got %1").arg(apiVersion)));
    AppDeploymentPlan plan;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    plan.name = meta.value(QLatin1String("name")).toString();
    plan.namespaceName = meta.value(QLatin1String("namespace")).toString();
    plan.uid = meta.value(QLatin1String("uid")).toString();
    plan.labels = meta.value(QLatin1String("labels")).toObject();
    plan.annotations = meta.value(QLatin1String("annotations")).toObject();
    plan.status = AppDeploymentStatus::fromJson(object.value(QLatin1String("status")).toObject());

    const QJsonValue specValue = object.value(QLatin1String("spec"));
    if (!specValue.isObject())
        return R::failure(invalid(QStringLiteral("spec"), QStringLiteral("required")));
    const QJsonObject spec = specValue.toObject();

    QJsonArray revs;
    VD_TRY(readList(spec, "appRevisions", QStringLiteral("spec.appRevisions"), &revs));
    for (qsizetype i = 0; i < revs.size(); ++i) {
        const QString rf = QStringLiteral("spec.appRevisions[%1]").arg(i);
        const QJsonObject r = revs.at(i).toObject();
        RevisionPlacement rp;
        VD_TRY(
            readString(r, "revisionName", rf + QStringLiteral(".revisionName"), &rp.revisionName));
        QJsonArray placements;
        VD_TRY(readList(r, "placement", rf + QStringLiteral(".placement"), &placements));
        for (qsizetype j = 0; j < placements.size(); ++j) {
            const QString pf = rf + QStringLiteral(".placement[%1]").arg(j);
            const QJsonObject p = placements.at(j).toObject();
            Placement pl;
            const QJsonValue dist = p.value(QLatin1String("distribution"));
            if (!isAbsent(dist) && !dist.isObject())
                return R::failure(invalid(pf + QStringLiteral(".distribution"),
                                          ktr("kube::rollout", "must be a map")));
            VD_TRY(readInt(dist.toObject(), "replicas",
                           pf + QStringLiteral(".distribution.replicas"), &pl.replicas));
            const QJsonValue sel = p.value(QLatin1String("clusterSelector"));
            if (!isAbsent(sel)) {
                if (!sel.isObject())
                    return R::failure(invalid(pf + QStringLiteral(".clusterSelector"),
                                              ktr("kube::rollout", "must be a map")));
                ClusterSelector cs;
                VD_TRY(readString(sel.toObject(), "name",
                                  pf + QStringLiteral(".clusterSelector.name"), &cs.name));
                const QJsonObject l = sel.toObject().value(QLatin1String("labels")).toObject();
                for (auto it = l.begin(); it != l.end(); ++it)
                    cs.labels.insert(it.key(), it.value().toString());
                pl.clusterSelector = cs;
            }
            rp.placement << pl;
        }
        plan.appRevisions << rp;
    }

    const QJsonValue trafficValue = spec.value(QLatin1String("traffic"));
    if (!isAbsent(trafficValue)) {
        if (!trafficValue.isObject())
            return R::failure(
                invalid(QStringLiteral("spec.traffic"), ktr("kube::rollout", "must be a map")));
        const QJsonObject t = trafficValue.toObject();
        Traffic traffic;
        VD_TRY(readStringList(t, "hosts", QStringLiteral("spec.traffic.hosts"), &traffic.hosts));
        VD_TRY(readStringList(t, "gateways", QStringLiteral("spec.traffic.gateways"),
                              &traffic.gateways));
        QJsonArray http;
        VD_TRY(readList(t, "http", QStringLiteral("spec.traffic.http"), &http));
        for (qsizetype i = 0; i < http.size(); ++i) {
            const QString hf = QStringLiteral("spec.traffic.http[%1]").arg(i);
            const QJsonObject h = http.at(i).toObject();
            HttpRule rule;
            VD_TRY(readList(h, "match", hf + QStringLiteral(".match"), &rule.match));
            QJsonArray targets;
            VD_TRY(
                readList(h, "weightedTargets", hf + QStringLiteral(".weightedTargets"), &targets));
            for (qsizetype j = 0; j < targets.size(); ++j) {
                const QString tf = hf + QStringLiteral(".weightedTargets[%1]").arg(j);
                const QJsonObject o = targets.at(j).toObject();
                WeightedTarget wt;
                VD_TRY(readString(o, "revisionName", tf + QStringLiteral(".revisionName"),
                                  &wt.revisionName));
                VD_TRY(readString(o, "componentName", tf + QStringLiteral(".componentName"),
                                  &wt.componentName));
                VD_TRY(readInt(o, "port", tf + QStringLiteral(".port"), &wt.port));
                // The CRD says: a single destination's weight is assumed 100 when unset.
                const int def = targets.size() == 1 ? 100 : 0;
                VD_TRY(readInt(o, "weight", tf + QStringLiteral(".weight"), &wt.weight, def));
                rule.weightedTargets << wt;
            }
            traffic.http << rule;
        }
        plan.traffic = traffic;
    }
    return R::success(plan);
}

QJsonObject AppDeploymentPlan::toJson() const
{
    ++counters::planToJsonCalls;
    QJsonObject meta{{QStringLiteral("name"), name}};
    if (!namespaceName.isEmpty())
        meta.insert(QStringLiteral("namespace"), namespaceName);
    if (!labels.isEmpty())
        meta.insert(QStringLiteral("labels"), labels);
    if (!annotations.isEmpty())
        meta.insert(QStringLiteral("annotations"), annotations);

    QJsonObject spec;
    QJsonArray revs;
    for (const RevisionPlacement& r : appRevisions) {
        QJsonArray placements;
        for (const Placement& p : r.placement) {
            QJsonObject po{{QStringLiteral("distribution"),
                            QJsonObject{{QStringLiteral("replicas"), p.replicas}}}};
            if (p.clusterSelector) {
                QJsonObject cs;
                if (!p.clusterSelector->name.isEmpty())
                    cs.insert(QStringLiteral("name"), p.clusterSelector->name);
                if (!p.clusterSelector->labels.isEmpty()) {
                    QJsonObject l;
                    for (auto it = p.clusterSelector->labels.begin();
                         it != p.clusterSelector->labels.end(); ++it)
                        l.insert(it.key(), it.value());
                    cs.insert(QStringLiteral("labels"), l);
                }
                po.insert(QStringLiteral("clusterSelector"), cs);
            }
            placements.append(po);
        }
        revs.append(QJsonObject{{QStringLiteral("revisionName"), r.revisionName},
                                {QStringLiteral("placement"), placements}});
    }
    spec.insert(QStringLiteral("appRevisions"), revs);
    if (traffic) {
        QJsonArray http;
        for (const HttpRule& rule : traffic->http) {
            QJsonArray targets;
            for (const WeightedTarget& t : rule.weightedTargets)
                targets.append(QJsonObject{{QStringLiteral("revisionName"), t.revisionName},
                                           {QStringLiteral("componentName"), t.componentName},
                                           {QStringLiteral("port"), t.port},
                                           {QStringLiteral("weight"), t.weight}});
            QJsonObject h{{QStringLiteral("weightedTargets"), targets}};
            if (!rule.match.isEmpty())
                h.insert(QStringLiteral("match"), rule.match);
            http.append(h);
        }
        QJsonObject t{{QStringLiteral("hosts"), QJsonArray::fromStringList(traffic->hosts)},
                      {QStringLiteral("http"), http}};
        if (!traffic->gateways.isEmpty())
            t.insert(QStringLiteral("gateways"), QJsonArray::fromStringList(traffic->gateways));
        spec.insert(QStringLiteral("traffic"), t);
    }
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1")},
                       {QStringLiteral("kind"), QStringLiteral("AppDeployment")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

} // namespace kube::rollout
