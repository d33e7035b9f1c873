#pragma once
// One connection to one cluster and namespace: the kubeconfig, the kube::Client, discovery,
// the namespace list and the connection state, and the NamespaceStore the models read (one
// kube::Watch per kind). Not a model and no model's feeder: it announces what it did through
// message() and the store's signals; the window wires them to the log and the models.
// All network work goes through Client futures continued on this object's thread with
// QFuture::then(this, ...): nothing here ever blocks on the network. A context switch bumps a
// connection number; answers for an older one are dropped. Several sessions (one per
// cluster/context) can live side by side: nothing here is global.

#include "kube/client.h"
#include "kube/kubeconfig.h"
#include "kube/watch.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <memory>

namespace veladesk {

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

    explicit ClusterSession(QObject* parent = nullptr);
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
    // The current namespace's objects; the same object for the session's whole life (it is
    // emptied and refilled on a switch), so models connect to it once.
    NamespaceStore* store() const { return m_store; }
    bool isLoading() const { return m_store->isLoading(); }
    bool appDeploymentCrdMissing() const { return m_appDeploymentCrdMissing; }

    // Connects to a context (empty: the kubeconfig's current one) and namespace (empty: the
    // context's namespace). Drops everything from the previous connection.
    void connectTo(const QString& context, const QString& namespaceName = {});
    void setNamespace(const QString& namespaceName);
    // Lists the namespace's objects again (the watches keep them current in between).
    void reload();

Q_SIGNALS:
    void stateChanged(veladesk::ClusterSession::State state, const QString& message);
    void serverVersionChanged(const QString& version);
    void namespacesChanged(const QStringList& namespaces);
    void contextChanged(const QString& context, const QString& namespaceName);
    void loadingChanged(bool loading);
    // Health of the pods watch (the pods pane says when it is not live).
    void podWatchHealthChanged(kube::WatchHealth health, const QString& message);
    // What the session did and what the server said, for the log.
    void message(veladesk::LogEntry::Level level, const QString& source, const QString& text);

private:
    void setState(State state, const QString& message);
    void startStore();
    void log(LogEntry::Level level, const QString& source, const QString& text)
    {
        Q_EMIT message(level, source, text);
    }

    NamespaceStore* m_store;
    std::optional<kube::KubeConfig> m_config;
    kube::KubeConfigOptions m_options;
    std::shared_ptr<kube::Client> m_client;
    QString m_context;
    QString m_namespace;
    QStringList m_namespaces;
    QString m_serverVersion;
    QString m_virtualServiceVersion = QStringLiteral("v1");
    QString m_gatewayApiVersion = QStringLiteral("v1");
    QString m_istioGatewayVersion = QStringLiteral("v1");
    bool m_appDeploymentCrdMissing = false;
    bool m_hpasServed = true; // autoscaling/v2 (discovery)
    State m_state = State::NoConfig;
    QString m_stateMessage;
    quint64 m_connection = 0; // bumped by connectTo() only
};

} // namespace veladesk
