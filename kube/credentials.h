#pragma once
// Internal to kube/: the credentials of one client. Thread-safe. Secrets held here never
// reach a message, a log line or a Status.

#include "kube/kubeconfig.h"
#include "kube/status.h"

#include <QByteArray>
#include <QDateTime>

#include <mutex>

namespace kube::detail {

struct AuthMaterial
{
    QByteArray bearerToken;
    QByteArray clientCertPem; // from an exec plugin; empty: the kubeconfig's own (TLS settings)
    QByteArray clientKeyPem;
    QByteArray basicUser, basicPassword;
};

class Credentials
{
public:
    explicit Credentials(const ClusterConnection& connection);

    bool hasExec() const { return m_user.exec.has_value(); }
    // True when material() would have to run the exec plugin (a blocking call). An unexpired
    // credential that another Client of this process got from the same plugin (same command,
    // arguments, environment, folder and server) is used instead of running it again.
    bool needsExecRun();
    // The current credential. Runs the exec plugin when its cached credential is missing or
    // expired, and re-reads tokenFile when the file changed. May block.
    Result<AuthMaterial> material();
    // After a 401: forget the exec plugin's credential so that the next material() re-runs it.
    void invalidateExec();
    // How many times the exec plugin ran (for tests and diagnostics).
    int execRuns() const;
    // "client certificate", "bearer token", "token file /path", ... for 401 messages.
    QString describe() const;

private:
    // Runs the plugin; called with m_execMutex held and m_mutex free, so that
    // needsExecRun() never waits for a plugin.
    Result<AuthMaterial> runExec();

    ClusterConnection m_connection;
    UserInfo m_user;
    QByteArray m_execKey;       // identifies the plugin invocation in the process-wide cache
    std::mutex m_execMutex;     // one plugin run at a time
    mutable std::mutex m_mutex; // the caches below; never held while a plugin runs
    // exec cache
    bool m_haveExec = false;
    AuthMaterial m_exec;
    QDateTime m_execExpiry; // invalid: no expiry
    int m_execRuns = 0;
    // tokenFile cache
    QDateTime m_tokenFileModified;
    qint64 m_tokenFileSize = -1;
    QByteArray m_tokenFromFile;
};

} // namespace kube::detail
