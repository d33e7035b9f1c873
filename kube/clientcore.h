#pragma once
// Internal to kube/: the client core, what a Client and its Watches share: connection,
// credentials, transport and the request pipeline (start/cancel/cancelGroup/listAll). A
// Watch keeps the core alive, so a watch outliving its Client stays safe. Neither Client
// nor Watch is a friend of the other: Client::core() hands the core to Watch's constructor.

#include "kube/client.h"
#include "kube/credentials.h"
#include "kube/transport.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace kube::detail {

// One request through its attempts (credential refresh, 401 re-run, 429 and 5xx retries).
struct Call
{
    Request request;
    std::function<void(Response)> done; // exactly once, on the worker or a pool thread
    // Streaming (watch): body chunks instead of an accumulated body; never retried here.
    std::function<void(int, const HeaderList&)> onHeaders;
    std::function<void(const QByteArray&)> onData;
    quint64 group = 0; // 0: the client's group (Client::cancelAll); watches use their own
    int attempts = 0;
    bool execRetried = false;
    std::chrono::steady_clock::time_point notBefore{};
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::atomic<quint64> jobId{0};
    std::atomic<bool> cancelled{false};
};

class ClientCore : public std::enable_shared_from_this<ClientCore>
{
public:
    explicit ClientCore(const ClusterConnection& connection);
    ~ClientCore();

    ClusterConnection connection;
    std::shared_ptr<const TlsSettings> tls;
    Credentials credentials;
    QByteArray baseUrl; // scheme://host[:port][/prefix], host replaced by tls-server-name
    quint64 group;
    std::unique_ptr<Transport> transport;

    std::mutex discoveryMutex;
    std::optional<Discovery> discoveryCache;

    // The request API Watch (and every Client call) is built on:
    void start(std::shared_ptr<Call> call);
    void cancel(const std::shared_ptr<Call>& call);
    void cancelGroup(quint64 group); // every call started with this cancellation group
    // Convenience: a plain request whose answer goes to `done`.
    std::shared_ptr<Call> send(Request request, std::function<void(Response)> done);

    // Pagination: follows `continue` until the last page, then calls done.
    // `group` (0: the client's) decides who may cancel the requests (a watch uses its own).
    // `transform`, when given, is applied to each item as its page arrives (on the transport's
    // thread), so only what it keeps of the earlier pages is held while the rest are read.
    void listAll(const ResourceType& type, const QString& ns, const ListOptions& options,
                 std::function<void(Result<ObjectList>)> done, quint64 group = 0,
                 std::function<QJsonObject(const QJsonObject&)> transform = {});
    void listOnePage(const ResourceType& type, const QString& ns, const ListOptions& options,
                     const QString& continueToken, std::function<void(Result<ObjectList>)> done,
                     quint64 group = 0);

    Response toResponse(const Call& call, const RawResult& raw) const;

private:
    void attemptWith(const std::shared_ptr<Call>& call, Result<AuthMaterial> auth);
    void handle(const std::shared_ptr<Call>& call, RawResult raw);
};

quint64 newGroup(); // a fresh cancellation group id
Result<ObjectList> parseList(const Response& response, const ResourceType& type);
// The JSON text without any member named `key` whose value is an array or an object (as
// if the server had not sent it); the text itself when there is none or it is malformed.
QByteArray withoutMembers(const QByteArray& json, QByteArrayView key);

} // namespace kube::detail

namespace kube {
struct Client::Private
{
    std::shared_ptr<detail::ClientCore> core;
};
} // namespace kube
