#pragma once
// Kubeconfig loading exactly as kubectl does it (client-go clientcmd rules).

#include "kube/status.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace kube {

// A kubeconfig file, and every file it names (certificate authority, client certificate and
// key), is read up to this size; a larger one is an error naming it.
inline constexpr qsizetype kMaxKubeconfigFileBytes = 8 * 1024 * 1024;

struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or v1beta1
    QString command; // as written; resolved relative to the kubeconfig's folder when it has a '/'
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode;
    QString configDir; // folder of the kubeconfig file that defined it
};

struct ClusterInfo
{
    QString server;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QByteArray certificateAuthorityData; // PEM (file contents already read)
    QString certificateAuthorityFile;    // absolute path, for messages
    QString proxyUrl;
    QString sourceFile; // kubeconfig file that defined this entry, for messages
};

struct UserInfo
{
    QByteArray clientCertificateData; // PEM
    QByteArray clientKeyData;         // PEM; secret
    QString clientCertificateFile;
    QString clientKeyFile;
    QString token;     // secret
    QString tokenFile; // absolute path; re-read when it changes
    QString username;
    QString password; // secret
    std::optional<ExecConfig> exec;
    QStringList unsupported; // keys kubectl honours that VelaDesk does not (auth-provider, as, ...)
    QString sourceFile;      // kubeconfig file that defined this entry, for messages
};

// What a client needs to talk to one cluster: the result of resolving a context.
struct ClusterConnection
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString namespaceName; // context namespace, or --namespace override, else "default"
    ClusterInfo cluster;
    UserInfo user;
    QStringList warnings; // e.g. insecure-skip-tls-verify in use
};

struct KubeConfigOptions
{
    QString kubeconfigPath; // --kubeconfig: only this file, no merge
    QString context;        // --context
    QString namespaceName;  // --namespace / -n
};

// The merged kubeconfig (KUBECONFIG list or ~/.kube/config).
class KubeConfig
{
public:
    static Result<KubeConfig> load(const KubeConfigOptions& options = {});
    // Parse one in-memory document; sourcePath names it in errors and anchors relative paths.
    static Result<KubeConfig> parse(const QByteArray& yaml, const QString& sourcePath);

    QStringList contextNames() const;
    QString currentContext() const;
    QStringList sourceFiles() const { return m_files; }
    // Adds the entries of `other` that this config does not define yet (kubectl's merge rule:
    // the first file to define a name wins; current-context from the first that sets it).
    void mergeFrom(const KubeConfig& other);
    // Resolve a context (empty = current, or the --context of load()) to a connection.
    Result<ClusterConnection> connection(const QString& context = {}) const;

    struct Context
    {
        QString cluster, user, namespaceName;
        QString sourceFile;
    };
    QMap<QString, Context> contexts;
    QMap<QString, ClusterInfo> clusters;
    QMap<QString, UserInfo> users;
    QString current;
    KubeConfigOptions options;

private:
    QStringList m_files;
};

} // namespace kube
