#pragma once
// Helpers of the cluster tests (no widgets): waiting for futures without blocking the event
// loop, loading the reference scenario into a namespace.

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/cluster.h"
#include "kube/yamljson.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtConcurrent>

namespace guitest {

// Spins the event loop until the future finishes (the window keeps running meanwhile).
template <typename T> T wait(QFuture<T> future, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!future.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return future.result();
}

inline QJsonObject namespaceObject(const QString& name)
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}};
}

inline QString referenceFile(const QString& name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + name;
}

inline QJsonObject referenceObject(const QString& name)
{
    auto docs = kube::parseYamlFile(referenceFile(name));
    if (!docs.ok() || docs.value.isEmpty())
        qFatal("cannot read %s: %s", qPrintable(name), qPrintable(docs.status.toString()));
    return docs.value.first();
}

// Applies the reference scenario 01..05 into `ns` with the engine, as `veladesk app apply` and
// `veladesk apply` would. Runs on a worker thread; returns "" or what failed.
// With applicationsOnly, only 01 and 02 (two revisions, nothing deployed).
inline QString loadReferenceScenario(std::shared_ptr<kube::Client> client, const QString& ns,
                                     bool applicationsOnly = false)
{
    QFuture<QString> done = QtConcurrent::run([client, ns, applicationsOnly]() -> QString {
        if (auto setup = kube::rollout::setupCluster(*client); !setup.ok())
            return setup.status.toString();
        for (const char* file : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            auto r =
                kube::rollout::applyApplication(*client, referenceObject(QString::fromLatin1(file)),
                                                ns, kube::rollout::KubeVelaMode::Absent);
            if (!r.ok())
                return r.status.toString();
        }
        if (applicationsOnly)
            return {};
        auto gw = client
                      ->apply(kube::ResourceType::gateways(QStringLiteral("v1")), ns,
                              referenceObject(QStringLiteral("04-gateway.yaml")))
                      .result();
        if (!gw.ok()) {
            // older Istio CRDs serve v1alpha3/v1beta1 only
            QJsonObject o = referenceObject(QStringLiteral("04-gateway.yaml"));
            gw = client->apply(kube::ResourceType::gateways(QStringLiteral("v1alpha3")), ns, o)
                     .result();
            if (!gw.ok())
                return gw.status.toString();
        }
        for (const char* file : {"03-appdeployment-v1-only.yaml", "05-appdeployment-split.yaml"}) {
            auto plan = kube::rollout::AppDeploymentPlan::fromJson(
                referenceObject(QString::fromLatin1(file)));
            if (!plan.ok())
                return plan.status.toString();
            kube::rollout::ApplyOptions options;
            options.namespaceName = ns;
            options.readinessTimeout = std::chrono::seconds(90);
            kube::rollout::Applier applier(client, plan.value, options);
            const kube::rollout::ApplyReport report = applier.run();
            if (!report.ok())
                return report.toString();
        }
        return {};
    });
    return wait(done, 240000);
}

// Connects with `kubeconfig`, creates a namespace "<prefix>-<seconds since the epoch>" and loads
// the reference scenario into it. Returns "" or what failed.
inline QString connectWithScenario(const QString& kubeconfig, const QString& prefix,
                                   std::shared_ptr<kube::Client>* client, QString* ns)
{
    kube::KubeConfigOptions options;
    options.kubeconfigPath = kubeconfig;
    auto connected = kube::connect(options);
    if (!connected.ok())
        return connected.status.toString();
    *client = connected.value;
    *ns = QStringLiteral("%1-%2").arg(prefix).arg(QDateTime::currentSecsSinceEpoch());
    auto created =
        wait((*client)->create(kube::ResourceType::namespaces(), {}, namespaceObject(*ns)));
    if (!created.ok())
        return created.status.toString();
    return loadReferenceScenario(*client, *ns);
}

} // namespace guitest
