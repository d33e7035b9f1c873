#pragma once
// Plans of the transition tests (tests/rollout/tst_transitions.cpp) and benchmark
// (bench/bench_transitions.cpp): the reference scenario's Application in three revisions
// (v1: hello-world on 8000; v2: nginx on 80; v3: nginx:1.27 on 80) and AppDeployment plans
// over them written as {revision, replicas, weight} triples.

#include "kube/client.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/plan.h"
#include "kube/yamljson.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace transitions {

// A file of the reference scenario (VELADESK_REFERENCE_DIR, else tests/fixtures/reference
// below VELADESK_SOURCE_DIR).
inline QJsonObject reference(const char* name)
{
    QString dir = qEnvironmentVariable("VELADESK_REFERENCE_DIR");
    if (dir.isEmpty())
        dir = qEnvironmentVariable("VELADESK_SOURCE_DIR") +
              QStringLiteral("/tests/fixtures/reference");
    auto docs = kube::parseYamlFile(dir + QLatin1Char('/') + QLatin1String(name));
    if (!docs.ok() || docs.value.isEmpty())
        qFatal("cannot read %s: %s", name, qPrintable(docs.status.toString()));
    return docs.value.first();
}

struct Rev
{
    const char* name; // "v1" -> example-app-v1
    int replicas;
    int weight;
};

// The reference plan (05) with these revisions, replicas and weights.
inline kube::rollout::AppDeploymentPlan makePlan(const QString& ns, const QList<Rev>& revs)
{
    using namespace kube::rollout;
    auto p = AppDeploymentPlan::fromJson(reference("05-appdeployment-split.yaml"));
    if (!p.ok())
        qFatal("bad reference plan");
    AppDeploymentPlan plan = p.value;
    plan.namespaceName = ns;
    plan.appRevisions.clear();
    plan.traffic->http[0].weightedTargets.clear();
    for (const Rev& r : revs) {
        const QString rev = QStringLiteral("example-app-") + QLatin1String(r.name);
        plan.appRevisions << RevisionPlacement{rev, {Placement{r.replicas, std::nullopt}}};
        plan.traffic->http[0].weightedTargets
            << WeightedTarget{rev, QStringLiteral("testsvc"),
                              QLatin1String(r.name) == QLatin1String("v1") ? 8000 : 80, r.weight};
    }
    return plan;
}

// "v1:1r/50% v2:1r/50%"
inline QString describe(const QList<Rev>& revs)
{
    QStringList out;
    for (const Rev& r : revs)
        out << QStringLiteral("%1:%2r/%3%")
                   .arg(QLatin1String(r.name))
                   .arg(r.replicas)
                   .arg(r.weight);
    return out.join(QLatin1Char(' '));
}

// The reference Application (02) with image nginx:1.27: recorded as a third revision.
inline QJsonObject applicationV3()
{
    QJsonObject app = reference("02-application-v2.yaml");
    QJsonObject spec = app[QLatin1String("spec")].toObject();
    QJsonArray comps = spec[QLatin1String("components")].toArray();
    QJsonObject comp = comps.at(0).toObject();
    QJsonObject props = comp[QLatin1String("properties")].toObject();
    props.insert(QStringLiteral("image"), QStringLiteral("nginx:1.27"));
    comp.insert(QStringLiteral("properties"), props);
    comps.replace(0, comp);
    spec.insert(QStringLiteral("components"), comps);
    app.insert(QStringLiteral("spec"), spec);
    return app;
}

// The client of the test cluster (VELADESK_TEST_KUBECONFIG, set by ctest's kube_cluster fixture).
inline kube::Result<std::shared_ptr<kube::Client>> connectTestCluster()
{
    kube::KubeConfigOptions o;
    o.kubeconfigPath = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
    if (o.kubeconfigPath.isEmpty())
        return kube::Result<std::shared_ptr<kube::Client>>::failure(kube::Status::error(
            kube::Status::Kind::Config,
            QStringLiteral("VELADESK_TEST_KUBECONFIG is not set: run through ctest "
                           "(kube_cluster fixture)")));
    return kube::connect(o);
}

// Sets a Deployment's replicas as another writer would: server-side apply with its own field
// manager, forced (blocking).
inline kube::Result<QJsonObject> scaleByHand(kube::Client& client, const QString& ns,
                                             const QString& deployment, int replicas,
                                             const QString& manager)
{
    kube::WriteOptions w;
    w.force = true;
    w.fieldManager = manager;
    const QJsonObject scale{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("Deployment")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), deployment}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}}};
    auto f = client.apply(kube::ResourceType::deployments(), ns, scale, w);
    f.waitForFinished();
    return f.result();
}

inline QJsonObject namespaceObject(const QString& name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

// Installs the AppDeployment CRD where missing and records example-app-v1..v3 in `ns` (blocking).
inline kube::Status recordRevisions(kube::Client& client, const QString& ns)
{
    using namespace kube::rollout;
    if (auto setup = setupCluster(client); !setup.ok())
        return setup.status;
    for (const char* f : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
        auto r = applyApplication(client, reference(f), ns, KubeVelaMode::Absent);
        if (!r)
            return r.status;
    }
    auto v3 = applyApplication(client, applicationV3(), ns, KubeVelaMode::Absent);
    if (!v3)
        return v3.status;
    if (v3.value.revisionName != QLatin1String("example-app-v3"))
        return kube::Status::error(
            kube::Status::Kind::Invalid,
            QStringLiteral("expected example-app-v3, recorded %1").arg(v3.value.revisionName));
    return kube::Status::success();
}

} // namespace transitions
