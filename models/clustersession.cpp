#include "models/clustersession.h"

#include "kube/watch.h"
#include "models/kubeobjects.h"
#include "models/logmodel.h"
#include "models/podsmodel.h"

namespace veladesk {

using kube::ResourceType;

QJsonObject NamespaceSnapshot::appDeploymentFor(const QString& appName) const
{
    QStringList names;
    for (const QJsonObject& r : revisions) {
        const RevisionInfo info = RevisionInfo::fromJson(r);
        if (info.appName == appName)
            names << info.name;
    }
    for (const QJsonObject& ad : appDeployments) {
        const AppDeploymentInfo info = AppDeploymentInfo::fromJson(ad);
        for (const QString& n : names)
            if (info.namesRevision(n))
                return ad;
    }
    return {};
}

QJsonObject NamespaceSnapshot::virtualServiceNamed(const QString& name) const
{
    for (const QJsonObject& vs : virtualServices)
        if (kubeName(vs) == name)
            return vs;
    return {};
}

ClusterSession::ClusterSession(LogModel* log, PodsModel* pods, QObject* parent)
    : QObject(parent), m_log(log), m_pods(pods)
{
    m_refresh.setInterval(5000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_state == State::Connected && !isLoading())
            reload();
    });
}

ClusterSession::~ClusterSession()
{
    for (kube::Watch* w : {m_podWatch.data(), m_eventWatch.data()}) {
        if (w)
            w->stop();
        delete w;
    }
}

kube::Status ClusterSession::loadKubeConfig(const kube::KubeConfigOptions& options)
{
    m_options = options;
    auto loaded = kube::KubeConfig::load(options);
    if (!loaded.ok()) {
        m_config.reset();
        setState(State::NoConfig, loaded.status.toString());
        m_log->error(QStringLiteral("kubeconfig"), loaded.status.toString());
        return loaded.status;
    }
    m_config = loaded.value;
    m_log->info(QStringLiteral("kubeconfig"),
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
    ++m_generation;
    for (kube::Watch* w : {m_podWatch.data(), m_eventWatch.data()}) {
        if (w) {
            w->stop();
            w->deleteLater();
        }
    }
    if (m_client)
        m_client->cancelAll();
    m_client.reset();
    m_snapshot = {};
    m_namespaces.clear();
    m_serverVersion.clear();
    m_pods->setPods({});
    Q_EMIT snapshotChanged();
    Q_EMIT serverVersionChanged({});
    dropLoad();
    if (!m_config) {
        setState(State::NoConfig, tr("no kubeconfig"));
        return;
    }
    auto connection = m_config->connection(context);
    if (!connection.ok()) {
        setState(State::Failed, connection.status.toString());
        m_log->error(QStringLiteral("kubeconfig"), connection.status.toString());
        return;
    }
    kube::ClusterConnection conn = connection.value;
    if (!namespaceName.isEmpty())
        conn.namespaceName = namespaceName;
    else if (!m_options.namespaceName.isEmpty() && context == defaultContext())
        conn.namespaceName = m_options.namespaceName;
    for (const QString& w : conn.warnings)
        m_log->warning(QStringLiteral("kubeconfig"), w);
    auto client = kube::Client::create(conn);
    if (!client.ok()) {
        setState(State::Failed, client.status.toString());
        m_log->error(QStringLiteral("veladesk"), client.status.toString());
        return;
    }
    m_client = client.value;
    m_context = conn.contextName;
    m_namespace = conn.namespaceName.isEmpty() ? QStringLiteral("default") : conn.namespaceName;
    Q_EMIT contextChanged(m_context, m_namespace);
    setState(State::Connecting, tr("connecting to %1").arg(conn.cluster.server));
    m_log->info(QStringLiteral("veladesk"), tr("connecting to context \"%1\" (%2), namespace %3")
                                                .arg(m_context, conn.cluster.server, m_namespace));

    const quint64 attempt = ++m_connection;
    m_client->discovery().then(this, [this, attempt](kube::Result<kube::Discovery> result) {
        if (attempt != m_connection)
            return; // another connectTo() since
        if (!result.ok()) {
            setState(State::Failed, result.status.toString());
            m_log->error(QStringLiteral("server"), result.status.toString());
            return;
        }
        m_serverVersion = result.value.serverVersion;
        m_virtualServiceVersion = result.value.firstServedVersion(
            QStringLiteral("networking.istio.io"), QStringLiteral("virtualservices"),
            {QStringLiteral("v1"), QStringLiteral("v1beta1"), QStringLiteral("v1alpha3")});
        m_snapshot.appDeploymentCrdMissing =
            !result.value.has(QStringLiteral("core.oam.dev"), QStringLiteral("v1beta1"),
                              QStringLiteral("appdeployments"));
        m_log->success(QStringLiteral("server"), tr("connected: Kubernetes %1, %2 resource types")
                                                     .arg(m_serverVersion)
                                                     .arg(result.value.resources.size()));
        if (m_snapshot.appDeploymentCrdMissing)
            m_log->warning(QStringLiteral("server"),
                           tr("the AppDeployment CRD is not installed: run `veladesk setup`"));
        m_client->list(ResourceType::namespaces(), {})
            .then(this, [this, attempt](kube::Result<kube::ObjectList> list) {
                if (attempt != m_connection)
                    return;
                if (!list.ok()) {
                    m_log->warning(QStringLiteral("server"),
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
        startPodWatch();
        startEventWatch();
        reload();
        if (m_refresh.interval() > 0)
            m_refresh.start();
        Q_EMIT serverVersionChanged(m_serverVersion);
        setState(State::Connected, tr("connected"));
    });
}

void ClusterSession::setNamespace(const QString& namespaceName)
{
    if (namespaceName.isEmpty() || namespaceName == m_namespace || !m_client)
        return;
    ++m_generation;
    m_namespace = namespaceName;
    m_snapshot = NamespaceSnapshot{{}, {}, {}, {}, {}, m_snapshot.appDeploymentCrdMissing, {}};
    m_pods->setPods({});
    Q_EMIT snapshotChanged();
    Q_EMIT contextChanged(m_context, m_namespace);
    m_log->info(QStringLiteral("veladesk"), tr("namespace %1").arg(m_namespace));
    if (m_state == State::Connected) {
        startPodWatch();
        startEventWatch();
        dropLoad();
        reload();
    }
}

void ClusterSession::startPodWatch()
{
    if (m_podWatch) {
        m_podWatch->stop();
        m_podWatch->deleteLater();
    }
    if (!m_client)
        return;
    m_podWatch = m_client->watch(ResourceType::pods(), m_namespace, {}, this);
    connect(m_podWatch, &kube::Watch::synced, m_pods, &PodsModel::setPods);
    connect(m_podWatch, &kube::Watch::events, m_pods, &PodsModel::enqueue);
    connect(m_podWatch, &kube::Watch::healthChanged, this,
            [this](kube::WatchHealth health, const QString& message) {
                Q_EMIT podWatchHealthChanged(health, message);
                switch (health) {
                case kube::WatchHealth::Connected:
                    m_log->info(QStringLiteral("watch"),
                                tr("watching pods in %1").arg(m_namespace));
                    break;
                case kube::WatchHealth::Reconnecting:
                    m_log->warning(QStringLiteral("watch"),
                                   tr("pod watch reconnecting: %1").arg(message));
                    break;
                case kube::WatchHealth::Failed:
                    m_log->error(QStringLiteral("watch"), tr("pod watch failed: %1").arg(message));
                    break;
                case kube::WatchHealth::Connecting:
                    break;
                }
            });
    m_podWatch->start();
}

// Kubernetes Events of the namespace that happen while it is open go to the log (what the
// server's controllers did: scheduling, scaling, killing, failures).
void ClusterSession::startEventWatch()
{
    if (m_eventWatch) {
        m_eventWatch->stop();
        m_eventWatch->deleteLater();
    }
    if (!m_client)
        return;
    m_eventWatch = m_client->watch(ResourceType::events(), m_namespace, {}, this);
    connect(
        m_eventWatch, &kube::Watch::events, this, [this](const QList<kube::WatchEvent>& events) {
            for (const kube::WatchEvent& e : events) {
                if (e.type == kube::WatchEvent::Type::Deleted)
                    continue;
                const QJsonObject& o = e.object;
                const QJsonObject involved = o.value(QLatin1String("involvedObject")).toObject();
                const QString text =
                    QStringLiteral("%1 %2/%3: %4")
                        .arg(o.value(QLatin1String("reason")).toString(),
                             involved.value(QLatin1String("kind")).toString(),
                             involved.value(QLatin1String("name")).toString(),
                             o.value(QLatin1String("message")).toString().trimmed());
                if (o.value(QLatin1String("type")).toString() == QLatin1String("Warning"))
                    m_log->warning(QStringLiteral("event"), text);
                else
                    m_log->info(QStringLiteral("event"), text);
            }
        });
    m_eventWatch->start();
}

void ClusterSession::setRefreshInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_refresh.stop();
        m_refresh.setInterval(0); // and connectTo() will not start it
        return;
    }
    m_refresh.setInterval(milliseconds);
}

void ClusterSession::dropLoad()
{
    m_reloadQueued = false;
    if (m_load) {
        const bool wasLoading = m_load->remaining > 0;
        m_load.reset(); // answers still in flight find it gone and are dropped
        if (wasLoading)
            Q_EMIT loadingChanged(false);
    }
}

void ClusterSession::listInto(const ResourceType& type,
                              QList<QJsonObject> NamespaceSnapshot::*field,
                              std::shared_ptr<Load> load)
{
    ++load->remaining;
    m_client->list(type, m_namespace)
        .then(this, [this, type, field, load](kube::Result<kube::ObjectList> result) {
            if (load != m_load || load->generation != m_generation)
                return; // another context/namespace/reload replaced this one
            if (result.ok())
                load->snapshot.*field = result.value.items;
            else if (!result.status.isNotFound())
                load->snapshot.errors << tr("%1: %2").arg(type.resource, result.status.toString());
            if (--load->remaining == 0)
                finishLoad(load);
        });
}

void ClusterSession::finishLoad(const std::shared_ptr<Load>& load)
{
    const bool newErrors = load->snapshot.errors != m_snapshot.errors;
    m_snapshot = load->snapshot;
    if (newErrors)
        for (const QString& e : std::as_const(m_snapshot.errors))
            m_log->error(QStringLiteral("server"), e);
    Q_EMIT snapshotChanged();
    Q_EMIT loadingChanged(false);
    if (std::exchange(m_reloadQueued, false))
        reload();
}

void ClusterSession::reload()
{
    if (!m_client || m_state != State::Connected)
        return;
    if (isLoading()) {
        m_reloadQueued = true; // after the lists in flight: they may predate a change
        return;
    }
    auto load = std::make_shared<Load>();
    load->generation = m_generation;
    load->snapshot.appDeploymentCrdMissing = m_snapshot.appDeploymentCrdMissing;
    m_load = load;
    listInto(ResourceType::applications(), &NamespaceSnapshot::applications, load);
    listInto(ResourceType::applicationRevisions(), &NamespaceSnapshot::revisions, load);
    if (!m_snapshot.appDeploymentCrdMissing)
        listInto(ResourceType::appDeployments(), &NamespaceSnapshot::appDeployments, load);
    listInto(ResourceType::deployments(), &NamespaceSnapshot::deployments, load);
    if (!m_virtualServiceVersion.isEmpty())
        listInto(ResourceType::virtualServices(m_virtualServiceVersion),
                 &NamespaceSnapshot::virtualServices, load);
    Q_EMIT loadingChanged(true);
}

} // namespace veladesk
