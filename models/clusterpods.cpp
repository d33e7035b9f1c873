#include "models/clusterpods.h"

#include "models/clustersession.h"
#include "models/namespacestore.h"
#include "models/podsmodel.h"

namespace veladesk {

ClusterPodsModel::ClusterPodsModel(PodsModel* home, QObject* parent)
    : QConcatenateTablesProxyModel(parent), m_home(home)
{
    addCluster(home);
}

void ClusterPodsModel::addCluster(PodsModel* pods)
{
    if (!pods || m_models.contains(pods))
        return;
    m_models.append(pods);
    addSourceModel(pods);
    Q_EMIT clustersChanged(clusterCount());
}

void ClusterPodsModel::removeCluster(PodsModel* pods)
{
    if (pods == m_home || !m_models.removeOne(pods))
        return;
    removeSourceModel(pods);
    Q_EMIT clustersChanged(clusterCount());
}

QStringList ClusterPodsModel::clusterNames() const
{
    QStringList out;
    for (const PodsModel* m : m_models)
        out << m->clusterName();
    return out;
}

PodsModel* ClusterPodsModel::podsModelOf(const QModelIndex& index, int* row) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const QModelIndex source = mapToSource(index);
    auto* model = const_cast<PodsModel*>(qobject_cast<const PodsModel*>(source.model()));
    if (model && row)
        *row = source.row();
    return model;
}

int ClusterPodsModel::rowOf(const QString& cluster, const QString& uid) const
{
    for (PodsModel* m : m_models) {
        if (m->clusterName() != cluster)
            continue;
        const int row = m->rowOf(uid);
        return row < 0 ? -1 : mapFromSource(m->index(row, 0)).row();
    }
    return -1;
}

struct RemoteClusters::Cluster
{
    QString name;
    QString context;
    QString namespaceName;
    std::unique_ptr<ClusterSession> session;
    std::unique_ptr<PodsModel> pods;
    kube::WatchHealth podsHealth = kube::WatchHealth::Connecting;
    QString podsMessage;
};

RemoteClusters::RemoteClusters(ClusterPodsModel* pods, QObject* parent)
    : QObject(parent), m_pods(pods)
{
}

RemoteClusters::~RemoteClusters()
{
    for (const QString& name : m_clusters.keys())
        remove(name);
}

void RemoteClusters::setClusters(const QStringList& clusters,
                                 const kube::rollout::ClusterContexts& contexts, const QString& ns)
{
    bool changed = false;
    for (const QString& name : m_clusters.keys())
        if (!clusters.contains(name)) {
            remove(name);
            changed = true;
        }
    for (const QString& name : clusters) {
        if (name.isEmpty())
            continue;
        const QString context = contexts.contextOf(name);
        auto it = m_clusters.find(name);
        if (it != m_clusters.end() && (*it)->context == context && (*it)->namespaceName == ns)
            continue;
        if (it == m_clusters.end()) {
            auto c = std::make_shared<Cluster>();
            c->name = name;
            c->pods = std::make_unique<PodsModel>();
            c->pods->setClusterName(name);
            c->session = std::make_unique<ClusterSession>();
            ClusterSession* session = c->session.get();
            NamespaceStore* store = session->store();
            PodsModel* model = c->pods.get();
            connect(store, &NamespaceStore::podsReset, model, &PodsModel::setPods);
            connect(store, &NamespaceStore::podEvents, model, &PodsModel::enqueue);
            connect(store, &NamespaceStore::changed, this, [this](NamespaceStore::Kind kind) {
                if (kind == NamespaceStore::Kind::Deployments)
                    Q_EMIT liveChanged();
            });
            Cluster* raw = c.get();
            connect(session, &ClusterSession::stateChanged, this,
                    [this] { Q_EMIT statusChanged(); });
            connect(session, &ClusterSession::podWatchHealthChanged, this,
                    [this, raw](kube::WatchHealth health, const QString& message) {
                        raw->podsHealth = health;
                        raw->podsMessage = message;
                        Q_EMIT statusChanged();
                    });
            connect(
                session, &ClusterSession::message, this,
                [this, name](LogEntry::Level level, const QString& source, const QString& text) {
                    Q_EMIT message(level, name + QStringLiteral(": ") + source, text);
                });
            it = m_clusters.insert(name, c);
            if (m_pods)
                m_pods->addCluster(model);
        }
        (*it)->context = context;
        (*it)->namespaceName = ns;
        connectCluster(**it);
        changed = true;
    }
    if (changed) {
        Q_EMIT statusChanged();
        Q_EMIT liveChanged();
    }
}

void RemoteClusters::connectCluster(Cluster& c)
{
    c.podsHealth = kube::WatchHealth::Connecting;
    c.podsMessage.clear();
    c.pods->setPods({});
    // The kubeconfig is a local file, read as the home session reads it; the connection
    // itself (discovery, lists, watches) is asynchronous.
    kube::KubeConfigOptions options = m_kubeConfig;
    options.context = c.context;
    options.namespaceName = c.namespaceName;
    if (c.session->loadKubeConfig(options).ok())
        c.session->connectTo(c.context, c.namespaceName);
}

void RemoteClusters::reconnectFailed()
{
    for (const auto& c : std::as_const(m_clusters))
        if (c->session->state() != ClusterSession::State::Connected)
            connectCluster(*c);
        else if (c->podsHealth == kube::WatchHealth::Failed)
            c->session->reload();
}

void RemoteClusters::remove(const QString& name)
{
    const std::shared_ptr<Cluster> c = m_clusters.take(name);
    if (!c)
        return;
    if (m_pods)
        m_pods->removeCluster(c->pods.get());
    c->session->disconnect(this);
    c->session.reset(); // stops its watches and cancels its requests
}

ClusterSession* RemoteClusters::session(const QString& cluster) const
{
    const auto c = m_clusters.value(cluster);
    return c ? c->session.get() : nullptr;
}

NamespaceStore* RemoteClusters::store(const QString& cluster) const
{
    ClusterSession* s = session(cluster);
    return s ? s->store() : nullptr;
}

PodsModel* RemoteClusters::podsModel(const QString& cluster) const
{
    const auto c = m_clusters.value(cluster);
    return c ? c->pods.get() : nullptr;
}

QStringList RemoteClusters::problems() const
{
    QStringList out;
    for (const auto& c : std::as_const(m_clusters)) {
        const QString which = tr("cluster %1 (context %2)").arg(c->name, c->context);
        switch (c->session->state()) {
        case ClusterSession::State::NoConfig:
        case ClusterSession::State::Failed:
            out << tr("%1: unreachable, its pods are not shown: %2")
                       .arg(which, c->session->stateMessage());
            continue;
        case ClusterSession::State::Connecting:
        case ClusterSession::State::Disconnected:
            out << tr("%1: connecting…").arg(which);
            continue;
        case ClusterSession::State::Connected:
            break;
        }
        if (c->podsHealth == kube::WatchHealth::Reconnecting)
            out << tr("%1: pods watch reconnecting, not live: %2").arg(which, c->podsMessage);
        else if (c->podsHealth == kube::WatchHealth::Failed)
            out << tr("%1: pods watch failed, not live: %2").arg(which, c->podsMessage);
    }
    return out;
}

} // namespace veladesk
