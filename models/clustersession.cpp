#include "models/clustersession.h"

#include "kube/rollout/application.h"
#include "models/kubeobjects.h"

#include <QMetaEnum>

namespace veladesk {

using kube::ResourceType;
using Level = LogEntry::Level;

ClusterSession::ClusterSession(QObject* parent) : QObject(parent), m_store(new NamespaceStore(this))
{
    connect(m_store, &NamespaceStore::loadingChanged, this, &ClusterSession::loadingChanged);
    connect(m_store, &NamespaceStore::objectRejected, this,
            [this](NamespaceStore::Kind, const QString& why) {
                log(Level::Warning, QStringLiteral("server"), why);
            });
    connect(m_store, &NamespaceStore::healthChanged, this,
            [this](NamespaceStore::Kind kind, kube::WatchHealth health, const QString& message) {
                const QString what =
                    kube::rollout::key(
                        QMetaEnum::fromType<NamespaceStore::Kind>().valueToKey(int(kind)))
                        .toLower();
                if (kind == NamespaceStore::Kind::Pods)
                    Q_EMIT podWatchHealthChanged(health, message);
                switch (health) {
                case kube::WatchHealth::Connected:
                    if (kind == NamespaceStore::Kind::Pods)
                        log(Level::Info, QStringLiteral("watch"),
                            tr("watching pods in %1").arg(m_namespace));
                    break;
                case kube::WatchHealth::Reconnecting:
                    log(Level::Warning, QStringLiteral("watch"),
                        tr("%1 watch reconnecting: %2").arg(what, message));
                    break;
                case kube::WatchHealth::Failed:
                    log(Level::Error, QStringLiteral("watch"),
                        tr("%1 watch failed: %2").arg(what, message));
                    break;
                case kube::WatchHealth::Connecting:
                    break;
                }
            });
}

ClusterSession::~ClusterSession() = default;

kube::Status ClusterSession::loadKubeConfig(const kube::KubeConfigOptions& options)
{
    m_options = options;
    auto loaded = kube::KubeConfig::load(options);
    if (!loaded.ok()) {
        m_config.reset();
        setState(State::NoConfig, loaded.status.toString());
        log(Level::Error, QStringLiteral("kubeconfig"), loaded.status.toString());
        return loaded.status;
    }
    m_config = loaded.value;
    log(Level::Info, QStringLiteral("kubeconfig"),
        tr("read %1: %2 contexts, current \"%3\"")
            .arg(m_config->sourceFiles().join(QStringLiteral(", ")))
            .arg(m_config->contextNames().size())
            .arg(m_config->currentContext()));
    setState(State::Disconnected, tr("not connected"));
    return {};
}

QStringList ClusterSession::contexts() const
{
    return m_config ? m_config->contextNames() : QStringList();
}

QString ClusterSession::defaultContext() const
{
    if (!m_config)
        return {};
    return m_options.context.isEmpty() ? m_config->currentContext() : m_options.context;
}

void ClusterSession::setState(State state, const QString& message)
{
    m_state = state;
    m_stateMessage = message;
    Q_EMIT stateChanged(state, message);
}

void ClusterSession::connectTo(const QString& context, const QString& namespaceName)
{
    m_store->stop();
    if (m_client)
        m_client->cancelAll();
    m_client.reset();
    m_namespaces.clear();
    m_serverVersion.clear();
    Q_EMIT serverVersionChanged({});
    if (!m_config) {
        setState(State::NoConfig, tr("no kubeconfig"));
        return;
    }
    auto connection = m_config->connection(context);
    if (!connection.ok()) {
        setState(State::Failed, connection.status.toString());
        log(Level::Error, QStringLiteral("kubeconfig"), connection.status.toString());
        return;
    }
    kube::ClusterConnection conn = connection.value;
    if (!namespaceName.isEmpty())
        conn.namespaceName = namespaceName;
    else if (!m_options.namespaceName.isEmpty() && context == defaultContext())
        conn.namespaceName = m_options.namespaceName;
    for (const QString& w : conn.warnings)
        log(Level::Warning, QStringLiteral("kubeconfig"), w);
    auto client = kube::Client::create(conn);
    if (!client.ok()) {
        setState(State::Failed, client.status.toString());
        log(Level::Error, QStringLiteral("veladesk"), client.status.toString());
        return;
    }
    m_client = client.value;
    m_context = conn.contextName;
    m_namespace = conn.namespaceName.isEmpty() ? QStringLiteral("default") : conn.namespaceName;
    Q_EMIT contextChanged(m_context, m_namespace);
    setState(State::Connecting, tr("connecting to %1").arg(conn.cluster.server));
    log(Level::Info, QStringLiteral("veladesk"),
        tr("connecting to context \"%1\" (%2), namespace %3")
            .arg(m_context, conn.cluster.server, m_namespace));

    const quint64 attempt = ++m_connection;
    m_client->discovery().then(this, [this, attempt](kube::Result<kube::Discovery> result) {
        if (attempt != m_connection)
            return; // another connectTo() since
        if (!result.ok()) {
            setState(State::Failed, result.status.toString());
            log(Level::Error, QStringLiteral("server"), result.status.toString());
            return;
        }
        m_serverVersion = result.value.serverVersion;
        m_virtualServiceVersion = result.value.firstServedVersion(
            QStringLiteral("networking.istio.io"), QStringLiteral("virtualservices"),
            {QStringLiteral("v1"), QStringLiteral("v1beta1"), QStringLiteral("v1alpha3")});
        m_appDeploymentCrdMissing =
            !result.value.has(QStringLiteral("core.oam.dev"), QStringLiteral("v1beta1"),
                              QStringLiteral("appdeployments"));
        m_hpasServed = result.value.has(QStringLiteral("autoscaling"), QStringLiteral("v2"),
                                        QStringLiteral("horizontalpodautoscalers"));
        // The object tree's route kinds; a kind the server does not serve is left out.
        m_gatewayApiVersion = result.value.has(QStringLiteral("gateway.networking.k8s.io"),
                                               QStringLiteral("v1"), QStringLiteral("httproutes"))
                                  ? QStringLiteral("v1")
                                  : QString();
        m_istioGatewayVersion = result.value.firstServedVersion(
            QStringLiteral("networking.istio.io"), QStringLiteral("gateways"),
            {QStringLiteral("v1"), QStringLiteral("v1beta1"), QStringLiteral("v1alpha3")});
        log(Level::Success, QStringLiteral("server"),
            tr("connected: Kubernetes %1, %2 resource types")
                .arg(m_serverVersion)
                .arg(result.value.resources.size()));
        if (m_appDeploymentCrdMissing)
            log(Level::Warning, QStringLiteral("server"),
                tr("the AppDeployment CRD is not installed: run `veladesk setup`"));
        m_client->list(ResourceType::namespaces(), {})
            .then(this, [this, attempt](kube::Result<kube::ObjectList> list) {
                if (attempt != m_connection)
                    return;
                if (!list.ok()) {
                    log(Level::Warning, QStringLiteral("server"),
                        tr("cannot list namespaces: %1").arg(list.status.toString()));
                    m_namespaces = {m_namespace};
                } else {
                    m_namespaces.clear();
                    for (const QJsonObject& ns : list.value.items)
                        m_namespaces << kubeName(ns);
                    if (!m_namespaces.contains(m_namespace))
                        m_namespaces << m_namespace;
                    m_namespaces.sort();
                }
                Q_EMIT namespacesChanged(m_namespaces);
            });
        // Everything is started before the state is announced: a slot reacting to Connected
        // (switching namespace, say) then finds a consistent session.
        m_state = State::Connected;
        startStore();
        Q_EMIT serverVersionChanged(m_serverVersion);
        setState(State::Connected, tr("connected"));
    });
}

void ClusterSession::setNamespace(const QString& namespaceName)
{
    if (namespaceName.isEmpty() || namespaceName == m_namespace || !m_client)
        return;
    m_namespace = namespaceName;
    m_store->stop();
    Q_EMIT contextChanged(m_context, m_namespace);
    log(Level::Info, QStringLiteral("veladesk"), tr("namespace %1").arg(m_namespace));
    if (m_state == State::Connected)
        startStore();
}

void ClusterSession::startStore()
{
    NamespaceStore::Options options;
    options.virtualServiceVersion = m_virtualServiceVersion;
    options.appDeploymentsServed = !m_appDeploymentCrdMissing;
    options.horizontalPodAutoscalersServed = m_hpasServed;
    options.gatewayApiVersion = m_gatewayApiVersion;
    options.istioGatewayVersion = m_istioGatewayVersion;
    m_store->start(m_client, m_namespace, options);
}

void ClusterSession::reload()
{
    if (!m_client || m_state != State::Connected)
        return;
    m_store->restart();
}

} // namespace veladesk
