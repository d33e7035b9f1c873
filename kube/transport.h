#pragma once
// Internal to kube/: the HTTP transport. One worker thread per Transport drives a libcurl
// multi handle (connection reuse, HTTP/2 multiplexing when the server offers it). Jobs are
// submitted from any thread; each job's callbacks run on the worker thread, and onDone runs
// exactly once per job (also when cancelled or when the transport is destroyed).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace kube::detail {

// The largest response body read into memory (a list page, an object); a larger one ends the
// transfer with RawResult::tooLarge set. Watch streams are bounded per line instead.
inline constexpr qint64 kMaxResponseBytes = 128 * 1024 * 1024;

// TLS and proxy settings shared by every request of one client.
struct TlsSettings
{
    QByteArray caPem;         // empty: the system trust store
    QByteArray clientCertPem; // from the kubeconfig (exec plugins may supply their own)
    QByteArray clientKeyPem;  // secret
    bool insecureSkipVerify = false;
    QByteArray connectTo; // "tlsname:port:host:port" when tls-server-name differs from the host
    QByteArray proxyUrl;
};

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct RawResult
{
    bool cancelled = false;
    int curlCode = 0; // CURLcode; 0 when a response was received
    QString curlError;
    int httpCode = 0;
    HeaderList headers; // names lower-cased
    int httpVersion = 0;
    int newConnections = 0;
    QByteArray body;       // empty for streaming jobs
    bool tooLarge = false; // the body passed HttpJob::maxBodyBytes; the transfer was aborted
};

struct HttpJob
{
    QByteArray method = "GET";
    QByteArray url;
    QList<QByteArray> headers; // "Name: value" lines; may hold secrets, never logged
    QByteArray body;
    std::shared_ptr<const TlsSettings> tls;
    QByteArray clientCertPem; // overrides tls->clientCert* when set (exec credentials)
    QByteArray clientKeyPem;
    QByteArray basicUser, basicPassword;
    long timeoutMs = 0;                      // 0: no overall timeout (watch streams)
    qint64 maxBodyBytes = kMaxResponseBytes; // accumulated bodies only
    std::chrono::steady_clock::time_point notBefore{};
    quint64 group = 0; // cancelGroup() cancels every job of a group (one group per client)

    // Streaming: when onData is set the body is handed over chunk by chunk, not accumulated.
    std::function<void(int httpCode, const HeaderList& headers)> onHeaders;
    std::function<void(const QByteArray& chunk)> onData;
    std::function<void(RawResult result)> onDone;
};

class Transport
{
public:
    Transport();
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // Returns an id for cancel(). Thread-safe.
    quint64 submit(std::shared_ptr<HttpJob> job);
    void cancel(quint64 id);
    void cancelGroup(quint64 group);

    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace kube::detail
