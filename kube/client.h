#pragma once
// The Kubernetes REST client. One Client per cluster connection; all HTTP runs on
// one worker thread (libcurl multi handle, connection reuse, HTTP/2 when offered).
// Every call returns at once with a QFuture; the future always finishes, with
// either a value or a Status. Never call .result() on the GUI thread: use
// QFuture::then(context, ...) there. The command line may block on .result().
// A continuation attached without a context runs on the transport's worker thread (or the
// thread that attaches it, if the future has finished): keep such continuations short.
// Destroying the Client cancels its requests still in flight (their futures finish with
// Cancelled); watches keep the connection alive until they are destroyed.

#include "kube/kubeconfig.h"
#include "kube/resource.h"
#include "kube/status.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace kube {

struct Request
{
    QByteArray method = "GET";
    QString path;    // "/api/v1/namespaces/default/pods"
    QUrlQuery query; // values are escaped by the client
    QByteArray body;
    QByteArray contentType = "application/json";
    QByteArray accept = "application/json";
    QString object; // "Deployment default/testsvc-v1", for error messages
    // GET only: 5xx answers and dropped connections are retried with backoff (3 attempts).
    // 429 is retried for every verb after Retry-After (the server did not process it).
    bool retryReads = true;
    int timeoutMs = 60000; // whole request; 0 for none
    // A larger answer is not read: the request fails with reason ResponseTooLarge.
    qint64 maxResponseBytes = 128 * 1024 * 1024;
};

struct Response
{
    Status status; // Ok for 2xx; an Http status otherwise, parsed from the server's Status
    int httpCode = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int httpVersion = 0;    // of the answer: 11 (HTTP/1.1) or 20 (HTTP/2); 0 without one
    int newConnections = 0; // connections opened for this request (0: an open one was reused)
    QJsonObject json() const;
};

struct ListOptions
{
    QString labelSelector;
    QString fieldSelector;
    int limit = 500; // page size; list() follows `continue` until done
    QString resourceVersion;
    QString resourceVersionMatch; // "" (the server's default), Exact or NotOlderThan
    // Ask for a server-side Table (meta.k8s.io/v1, includeObject=Metadata), as `kubectl get`
    // does: about 100 bytes an object instead of the whole object. Each item of the list is then
    // the row's object (metadata only; kind and apiVersion the listed type's) with the row's
    // cells by column name and its conditions under tableRowKey(). A server that cannot print
    // a Table answers the plain list, which is read as usual.
    bool asTable = false;
};

// The member of a list item that holds its Table row (ListOptions::asTable):
// {"cells": {"<column name>": value, ...}, "conditions": [...]}.
inline QLatin1String tableRowKey()
{
    return QLatin1String("veladesk.io/tableRow");
}

struct ObjectList
{
    QList<QJsonObject> items; // each item has apiVersion/kind filled in
    QString resourceVersion;
    QString continueToken; // listPage() only: token of the next page, empty on the last
};

struct WriteOptions
{
    bool dryRun = false; // dryRun=All
    bool force = false;  // server-side apply only
    QString fieldManager = QStringLiteral("veladesk");
};

struct DeleteOptions
{
    bool dryRun = false;
    QString propagationPolicy; // "", Foreground, Background, Orphan
    QString preconditionUid;
    QString preconditionResourceVersion;
};

struct ApiResourceInfo
{
    QString group, version, resource, kind;
    bool namespaced = true;
    QStringList verbs;
};

struct Discovery
{
    QString serverVersion; // gitVersion, e.g. v1.34.4
    QList<ApiResourceInfo> resources;
    bool has(const QString& group, const QString& version, const QString& resource) const;
    // Preferred served version of a resource among `candidates` order, or "".
    QString firstServedVersion(const QString& group, const QString& resource,
                               const QStringList& candidates) const;
};

class Watch;
namespace detail {
class ClientCore;
}

class Client : public QObject
{
    Q_OBJECT
public:
    // Builds credentials/TLS settings; fails with a Config status when the connection is unusable.
    static Result<std::shared_ptr<Client>> create(const ClusterConnection& connection);
    ~Client() override;

    const ClusterConnection& connection() const;
    QString defaultNamespace() const { return connection().namespaceName; }

    QFuture<Response> send(Request request);

    // A request whose answer is read as it arrives (pod logs with follow=true): for a 2xx
    // answer `onData` gets each chunk of the body as received; `onDone` then runs exactly
    // once with the outcome (Response::body stays empty for a 2xx answer; an error answer's
    // body is parsed as for send(), so Status carries the server's message). Both run on a
    // thread of the client's (the transport's worker): keep them short and hand over to your
    // own thread. Not
    // retried (except a 401 with an exec credential, run again once), and not cancelled by
    // cancelAll(): call the returned function to cancel it (harmless once it has finished).
    // `onStart`, if given, gets the answer's status code when its headers arrive.
    std::function<void()> stream(Request request, std::function<void(const QByteArray&)> onData,
                                 std::function<void(Response)> onDone,
                                 std::function<void(int)> onStart = {});

    QFuture<Result<QJsonObject>> get(const ResourceType& type, const QString& ns,
                                     const QString& name);
    // `transform`, when given, is applied to each item as its page arrives (on the transport's
    // thread; a pure function), so only what it keeps of the earlier pages is held.
    QFuture<Result<ObjectList>> list(const ResourceType& type, const QString& ns,
                                     ListOptions options = {},
                                     std::function<QJsonObject(const QJsonObject&)> transform = {});
    // One page only (for callers that paginate themselves); `continueToken` may be empty.
    // The next page's token is in ObjectList::continueToken; `nextContinue`, when given, is
    // also written (from the worker thread, before the future finishes): keep it alive.
    QFuture<Result<ObjectList>> listPage(const ResourceType& type, const QString& ns,
                                         const ListOptions& options, const QString& continueToken,
                                         QString* nextContinue = nullptr);
    QFuture<Result<QJsonObject>> create(const ResourceType& type, const QString& ns,
                                        const QJsonObject& object, WriteOptions options = {});
    // Server-side apply: PATCH application/apply-patch+yaml, fieldManager, force when asked.
    QFuture<Result<QJsonObject>> apply(const ResourceType& type, const QString& ns,
                                       const QJsonObject& object, WriteOptions options = {});
    // Server-side apply of the status subresource.
    QFuture<Result<QJsonObject>> applyStatus(const ResourceType& type, const QString& ns,
                                             const QJsonObject& object, WriteOptions options = {});
    QFuture<Status> remove(const ResourceType& type, const QString& ns, const QString& name,
                           DeleteOptions options = {});
    // Cached per client after the first successful call.
    QFuture<Result<Discovery>> discovery(bool refresh = false);

    // A watch that lists, then watches from the list's resourceVersion, relisting on 410 or
    // a dropped connection. Owned by the caller (parent it to a QObject).
    Watch* watch(const ResourceType& type, const QString& ns, ListOptions options = {},
                 QObject* parent = nullptr);

    // Cancels every request in flight; their futures finish with a Cancelled status.
    void cancelAll();

    // Internal to kube/: the request pipeline (credentials, retries, transport) that the
    // calls above and Watch are built on (kube/clientcore.h).
    std::shared_ptr<detail::ClientCore> core() const;

private:
    explicit Client(const ClusterConnection& connection);
    struct Private;
    std::unique_ptr<Private> d;
};

// Convenience for synchronous callers (command line, tests): load kubeconfig and create a client.
Result<std::shared_ptr<Client>> connect(const KubeConfigOptions& options = {});

} // namespace kube
