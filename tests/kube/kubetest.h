#pragma once
// Helpers shared by the kube/ integration tests: the test cluster's client, a namespace of
// one's own, waiting on futures while the event loop runs.

#include "kube/client.h"
#include "kube/kubeconfig.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

namespace kubetest {

// The kubectl built with the control plane (same version as the API server):
// $VELADESK_KUBECTL, else the newest $VELADESK_CACHE/bin/k8s-*/kubectl, else kubectl on PATH.
inline QString kubectlProgram()
{
    const QString env = qEnvironmentVariable("VELADESK_KUBECTL");
    if (!env.isEmpty())
        return env;
    QString cache = qEnvironmentVariable("VELADESK_CACHE");
    if (cache.isEmpty())
        cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                QStringLiteral("/veladesk");
    const QStringList dirs =
        QDir(cache + QStringLiteral("/bin"))
            .entryList({QStringLiteral("k8s-*")}, QDir::Dirs, QDir::Name | QDir::Reversed);
    for (const QString& d : dirs) {
        const QString k = cache + QStringLiteral("/bin/") + d + QStringLiteral("/kubectl");
        if (QFileInfo(k).isExecutable())
            return k;
    }
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

inline QString kubeconfigPath()
{
    return qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
}

// The admin connection of the test cluster (client certificate from its kubeconfig).
inline kube::Result<kube::ClusterConnection> adminConnection()
{
    kube::KubeConfigOptions o;
    o.kubeconfigPath = kubeconfigPath();
    auto config = kube::KubeConfig::load(o);
    if (!config)
        return kube::Result<kube::ClusterConnection>::failure(config.status);
    return config.value.connection();
}

inline std::shared_ptr<kube::Client> adminClient()
{
    auto c = adminConnection();
    if (!c) {
        qWarning("%s", qPrintable(c.status.toString()));
        return {};
    }
    auto client = kube::Client::create(c.value);
    if (!client) {
        qWarning("%s", qPrintable(client.status.toString()));
        return {};
    }
    return client.value;
}

// Waits for a future while the event loop runs (continuations and queued signals proceed).
template <typename T> T await(QFuture<T> f, int timeoutMs = 60000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!f.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!f.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return f.result();
}

inline QString uniqueName(const QString& prefix)
{
    return prefix + QLatin1Char('-') +
           QString::number(QRandomGenerator::global()->generate() % 1000000, 36);
}

inline QJsonObject configMap(const QString& ns, const QString& name, const QJsonObject& data = {})
{
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                {QStringLiteral("namespace"), ns}}},
                       {QStringLiteral("data"), data}};
}

// Creates a namespace (unique per test) and deletes it again when destroyed.
class ScopedNamespace
{
public:
    ScopedNamespace(std::shared_ptr<kube::Client> client, const QString& prefix)
        : m_client(std::move(client)), m_name(uniqueName(prefix))
    {
        const QJsonObject ns{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Namespace")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), m_name}}}};
        auto r = await(m_client->create(kube::ResourceType::namespaces(), {}, ns));
        if (!r)
            qWarning("creating namespace %s: %s", qPrintable(m_name),
                     qPrintable(r.status.toString()));
        m_ok = r.ok();
    }
    ~ScopedNamespace()
    {
        kube::DeleteOptions o;
        o.propagationPolicy = QStringLiteral("Background");
        await(m_client->remove(kube::ResourceType::namespaces(), {}, m_name, o));
    }
    QString name() const { return m_name; }
    bool ok() const { return m_ok; }

private:
    std::shared_ptr<kube::Client> m_client;
    QString m_name;
    bool m_ok = false;
};

} // namespace kubetest
