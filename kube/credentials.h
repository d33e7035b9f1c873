#pragma once
// Internal to kube/: the credentials of one client. Thread-safe. Secrets held here never
// reach a message, a log line or a Status.

#include "kube/kubeconfig.h"
#include "kube/status.h"

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace kube::detail {

// An exec plugin may print at most this much on stdout (an ExecCredential is a few KiB; a
// client certificate chain a few more); more is an error naming the plugin. Its stderr is
// kept only as far as error messages show it.
inline constexpr qsizetype kMaxExecOutputBytes = 1024 * 1024;
// A token file is read up to this size.
inline constexpr qsizetype kMaxTokenFileBytes = 1024 * 1024;

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
    // Hands the current credential to `done`: at once (on the calling thread) when no plugin
    // has to run; otherwise from a thread of its own that runs the plugin once for every
    // caller waiting meanwhile. Never from a thread pool: the Applier and the preview block
    // pool threads on requests that need this credential, so with one or two pool threads a
    // plugin queued there would never start. `keepAlive` (the client core) is held until
    // that thread is done with this object.
    void withMaterial(std::shared_ptr<void> keepAlive,
                      std::function<void(Result<AuthMaterial>)> done);
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
    // callers of withMaterial() waiting for the plugin's thread
    std::mutex m_waitMutex;
    std::vector<std::function<void(Result<AuthMaterial>)>> m_waiters;
    bool m_execThreadRunning = false;
    // tokenFile cache
    QDateTime m_tokenFileModified;
    qint64 m_tokenFileSize = -1;
    QByteArray m_tokenFromFile;
};

} // namespace kube::detail
