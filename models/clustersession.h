#pragma once
// One connection to one cluster and namespace, and everything the window shows from it.
// Owns the kube::Client, the pods Watch and the last snapshot of the namespace's
// Applications, ApplicationRevisions, AppDeployments, Deployments and VirtualServices, and
// feeds the models. All network work goes through Client futures continued on this object's
// thread with QFuture::then(this, ...): nothing here ever blocks on the network.
// Switching context or namespace bumps a generation number; answers of an older generation
// are dropped, so a slow reply never lands in the wrong namespace.

#include "kube/client.h"
#include "kube/kubeconfig.h"
#include "kube/watch.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <memory>

namespace kube {
class Watch;
}

namespace veladesk {

class LogModel;
class PodsModel;

struct NamespaceSnapshot
{
    QList<QJsonObject> applications;
    QList<QJsonObject> revisions;
    QList<QJsonObject> appDeployments;
    QList<QJsonObject> deployments;
    QList<QJsonObject> virtualServices;
    bool appDeploymentCrdMissing = false;
    QStringList errors; // lists that failed, with the server's message

    QJsonObject appDeploymentFor(const QString& appName) const;
    QJsonObject virtualServiceNamed(const QString& name) const;
};

class ClusterSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        NoConfig,
        Disconnected,
        Connecting,
        Connected,
        Failed
    };
    Q_ENUM(State)

    ClusterSession(LogModel* log, PodsModel* pods, QObject* parent = nullptr);
    ~ClusterSession() override;

    // Reads the kubeconfig (a local file, synchronously) as kubectl would; `options.context`
    // and `options.namespaceName` pick the initial context and namespace.
    kube::Status loadKubeConfig(const kube::KubeConfigOptions& options);
    QStringList contexts() const;
    QString currentContext() const { return m_context; }
    QString currentNamespace() const { return m_namespace; }
    QString defaultContext() const;
    QStringList namespaces() const { return m_namespaces; }
    State state() const { return m_state; }
    QString stateMessage() const { return m_stateMessage; }
    QString serverVersion() const { return m_serverVersion; }
    std::shared_ptr<kube::Client> client() const { return m_client; }
    const NamespaceSnapshot& snapshot() const { return m_snapshot; }
    bool isLoading() const { return m_load && m_load->remaining > 0; }

    // Connects to a context (empty: the kubeconfig's current one) and namespace (empty: the
    // context's namespace). Drops everything from the previous connection.
    void connectTo(const QString& context, const QString& namespaceName = {});
    void setNamespace(const QString& namespaceName);
    // Lists the namespace's objects again (periodically too, see setRefreshInterval).
    void reload();
    void setRefreshInterval(int milliseconds);

Q_SIGNALS:
    void stateChanged(veladesk::ClusterSession::State state, const QString& message);
    void serverVersionChanged(const QString& version);
    void namespacesChanged(const QStringList& namespaces);
    void contextChanged(const QString& context, const QString& namespaceName);
    // A complete new snapshot of the namespace.
    void snapshotChanged();
    void loadingChanged(bool loading);
    // Health of the pods watch (the pods pane says when it is not live).
    void podWatchHealthChanged(kube::WatchHealth health, const QString& message);

private:
    void setState(State state, const QString& message);
    void startPodWatch();
    void startEventWatch();
    // One reload: the lists in flight for one generation and the snapshot they fill.
    struct Load
    {
        quint64 generation = 0;
        int remaining = 0;
        NamespaceSnapshot snapshot;
    };
    void listInto(const kube::ResourceType& type, QList<QJsonObject> NamespaceSnapshot::*field,
                  std::shared_ptr<Load> load);
    void finishLoad(const std::shared_ptr<Load>& load);
    void dropLoad();

    LogModel* m_log;
    PodsModel* m_pods;
    std::optional<kube::KubeConfig> m_config;
    kube::KubeConfigOptions m_options;
    std::shared_ptr<kube::Client> m_client;
    QPointer<kube::Watch> m_podWatch;
    QPointer<kube::Watch> m_eventWatch;
    QString m_context;
    QString m_namespace;
    QStringList m_namespaces;
    QString m_serverVersion;
    QString m_virtualServiceVersion = QStringLiteral("v1");
    State m_state = State::NoConfig;
    QString m_stateMessage;
    NamespaceSnapshot m_snapshot;
    quint64 m_generation = 0;
    quint64 m_connection = 0;     // bumped by connectTo() only
    std::shared_ptr<Load> m_load; // the current reload, if any
    bool m_reloadQueued = false;
    QTimer m_refresh;
};

} // namespace veladesk
