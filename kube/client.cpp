#include "kube/client.h"

#include "kube/clientcore.h"
#include "kube/names.h"
#include "kube/verbosity.h"
#include "kube/watch.h"

#include <curl/curl.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPromise>
#include <QRandomGenerator>
#include <QUrl>

#include <atomic>

Q_LOGGING_CATEGORY(lcKube, "veladesk.kube", QtWarningMsg)

namespace kube {

using namespace detail;

namespace {

QString defaultReason(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Gone");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalError");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return {};
    }
}

QByteArray headerValue(const HeaderList& headers, const QByteArray& name)
{
    for (const auto& [k, v] : headers)
        if (k == name)
            return v;
    return {};
}

template <typename T> std::shared_ptr<QPromise<T>> newPromise()
{
    auto p = std::make_shared<QPromise<T>>();
    p->start();
    return p;
}

template <typename T> void fulfil(const std::shared_ptr<QPromise<T>>& p, T value)
{
    p->addResult(std::move(value));
    p->finish();
}

QString describeObject(const ResourceType& type, const QString& ns, const QString& name)
{
    const QString kind = type.kind.isEmpty() ? type.resource : type.kind;
    if (ns.isEmpty() || !type.namespaced)
        return kind + QLatin1Char(' ') + name;
    return kind + QLatin1Char(' ') + ns + QLatin1Char('/') + name;
}

QJsonObject objectMeta(const QJsonObject& o)
{
    return o.value(QStringLiteral("metadata")).toObject();
}

// A request path as sent: characters a path may hold are kept, '%' too (the segments are
// encoded already), everything else is percent-encoded (UTF-8).
QByteArray encodePath(const QString& path)
{
    static const QByteArray keep = "/:@-._~!$&'()*+,;=%";
    QByteArray out;
    for (const char c : path.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
            keep.contains(c)) {
            out += c;
        } else {
            out += '%';
            out += QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        }
    }
    return out;
}

// Names and namespaces are checked before they become part of a request path: an invalid
// one changes nothing and reaches no server.
Status checkTarget(const ResourceType& type, const QString& ns, const QString* name)
{
    if (type.namespaced && !ns.isEmpty())
        if (Status s = validateNamespace(ns); !s) {
            s.object = type.kind.isEmpty() ? type.resource : type.kind;
            return s;
        }
    if (name)
        if (Status s = validateObjectName(type, *name); !s) {
            s.object = describeObject(type, ns, *name).left(200);
            return s;
        }
    return Status::success();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// ClientCore

namespace detail {

static std::atomic<quint64> nextGroup{1};

quint64 newGroup()
{
    return nextGroup++;
}

ClientCore::ClientCore(const ClusterConnection& c)
    : connection(c), credentials(c), group(newGroup()), transport(std::make_unique<Transport>())
{
}

ClientCore::~ClientCore() = default;

std::shared_ptr<Call> ClientCore::send(Request request, std::function<void(Response)> done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    start(call);
    return call;
}

void ClientCore::start(std::shared_ptr<Call> call)
{
    if (call->cancelled) {
        Response r;
        r.status = Status::error(Status::Kind::Cancelled, tx("kube", "request cancelled"),
                                 call->request.object, QStringLiteral("Cancelled"));
        call->done(r);
        return;
    }
    // The exec plugin may take a while (it may even talk to an identity provider): never on
    // the caller's thread, the transport's, nor a pool thread (callers block pool threads on
    // these requests): Credentials runs it on a thread of its own.
    std::shared_ptr<ClientCore> self = shared_from_this();
    credentials.withMaterial(self, [self, call](Result<AuthMaterial> auth) {
        self->attemptWith(call, std::move(auth));
    });
}

void ClientCore::cancelGroup(quint64 cancelGroupId)
{
    transport->cancelGroup(cancelGroupId);
}

void ClientCore::cancel(const std::shared_ptr<Call>& call)
{
    call->cancelled = true;
    if (const quint64 id = call->jobId)
        transport->cancel(id);
}

namespace {

// `veladesk -v 6` and above: the job's round trip is printed when it ends (a stream: when its
// headers arrive, or when it fails before them). Wraps the job's callbacks.
void traceJob(HttpJob& job, const QString& path, std::chrono::steady_clock::time_point notBefore,
              bool streaming)
{
    auto trip = std::make_shared<RoundTrip>();
    trip->method = job.method;
    trip->url = job.url;
    trip->requestHeaders = job.headers; // the Authorization header is masked when printed
    trip->requestBody = job.body;
    trip->path = path;
    trip->streaming = streaming;
    const auto started = std::max(std::chrono::steady_clock::now(), notBefore);
    auto elapsed = [started] {
        return qint64(std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count());
    };
    auto traced = std::make_shared<std::atomic<bool>>(false);
    if (streaming) {
        job.onHeaders = [trip, traced, elapsed,
                         inner = std::move(job.onHeaders)](int code, const HeaderList& headers) {
            if (!traced->exchange(true)) {
                trip->httpCode = code;
                trip->milliseconds = elapsed();
                traceRoundTrip(*trip);
            }
            if (inner)
                inner(code, headers);
        };
    }
    job.onDone = [trip, traced, elapsed, inner = std::move(job.onDone)](RawResult raw) {
        if (!traced->exchange(true)) {
            trip->httpCode = raw.httpCode;
            trip->milliseconds = elapsed();
            if (raw.cancelled)
                trip->error = QStringLiteral("(cancelled)");
            else if (raw.curlCode != CURLE_OK && raw.httpCode == 0)
                trip->error = raw.curlError.isEmpty()
                                  ? QStringLiteral("(curl error %1)").arg(raw.curlCode)
                                  : QStringLiteral("(%1)").arg(raw.curlError);
            trip->responseBody = raw.body;
            trip->responseContentType = headerValue(raw.headers, "content-type");
            traceRoundTrip(*trip);
        }
        inner(std::move(raw));
    };
}

} // namespace

void ClientCore::attemptWith(const std::shared_ptr<Call>& call, Result<AuthMaterial> auth)
{
    if (!auth) {
        Response r;
        r.status = auth.status;
        if (r.status.object.isEmpty())
            r.status.object = call->request.object;
        call->done(r);
        return;
    }
    ++call->attempts;
    const Request& req = call->request;
    auto job = std::make_shared<HttpJob>();
    job->method = req.method;
    // Names and namespaces in the path are already percent-encoded segment by segment
    // (ResourceType::objectPath): '%' is kept, everything else outside a path's characters
    // is encoded.
    QByteArray url = baseUrl + encodePath(req.path);
    const auto items = req.query.queryItems(QUrl::FullyDecoded);
    for (qsizetype i = 0; i < items.size(); ++i) {
        url += i == 0 ? '?' : '&';
        url += QUrl::toPercentEncoding(items.at(i).first) + '=' +
               QUrl::toPercentEncoding(items.at(i).second);
    }
    job->url = url;
    job->headers << "Accept: " + req.accept;
    job->headers << QByteArray("User-Agent: veladesk/" VELADESK_VERSION);
    if (!req.body.isEmpty() || req.method != "GET")
        job->headers << "Content-Type: " + req.contentType;
    if (!auth.value.bearerToken.isEmpty())
        job->headers << "Authorization: Bearer " + auth.value.bearerToken;
    job->basicUser = auth.value.basicUser;
    job->basicPassword = auth.value.basicPassword;
    job->clientCertPem = auth.value.clientCertPem;
    job->clientKeyPem = auth.value.clientKeyPem;
    job->body = req.body;
    job->tls = tls;
    job->timeoutMs = req.timeoutMs;
    job->maxBodyBytes = std::min(req.maxResponseBytes, kMaxResponseBytes);
    job->notBefore = call->notBefore;
    job->group = call->group ? call->group : group;
    job->onHeaders = call->onHeaders;
    job->onData = call->onData;
    // The transport may outlive this core by a few callbacks: hold it weakly.
    std::weak_ptr<ClientCore> weak = weak_from_this();
    job->onDone = [weak, call](RawResult raw) {
        if (std::shared_ptr<ClientCore> self = weak.lock()) {
            self->handle(call, std::move(raw));
        } else {
            Response r;
            r.status = Status::error(Status::Kind::Cancelled, tx("kube", "client closed"),
                                     call->request.object, QStringLiteral("Cancelled"));
            call->done(r);
        }
    };
    if (verbosity() >= 6)
        traceJob(*job, req.path, call->notBefore, bool(call->onData));
    call->jobId = transport->submit(job);
    if (call->cancelled)
        transport->cancel(call->jobId);
}

void ClientCore::handle(const std::shared_ptr<Call>& call, RawResult raw)
{
    const Request& req = call->request;
    const bool streaming = bool(call->onData);
    using namespace std::chrono;
    if (!raw.cancelled && !call->cancelled) {
        // An exec credential the server no longer accepts: run the plugin again, once.
        if (raw.httpCode == 401 && credentials.hasExec() && !call->execRetried) {
            call->execRetried = true;
            credentials.invalidateExec();
            call->notBefore = {};
            start(call);
            return;
        }
        if (raw.httpCode == 429 && call->attempts < 6) {
            qCInfo(lcKube, "%s %s: 429 Too Many Requests, retrying after %s s (attempt %d)",
                   req.method.constData(), qPrintable(req.path),
                   headerValue(raw.headers, "retry-after").constData(), call->attempts + 1);
            int wait = headerValue(raw.headers, "retry-after").toInt();
            wait = std::clamp(wait, 1, 60);
            // Spread the retries of many rejected requests over a second, or they all come
            // back at once and are rejected together again.
            const auto jitter = milliseconds(QRandomGenerator::global()->bounded(1000));
            call->notBefore = steady_clock::now() + seconds(wait) + jitter;
            start(call);
            return;
        }
        const bool serverError = raw.httpCode >= 500 && raw.curlCode == CURLE_OK;
        const bool dropped = raw.curlCode == CURLE_COULDNT_CONNECT ||
                             raw.curlCode == CURLE_GOT_NOTHING ||
                             raw.curlCode == CURLE_RECV_ERROR || raw.curlCode == CURLE_SEND_ERROR ||
                             raw.curlCode == CURLE_PARTIAL_FILE || raw.curlCode == CURLE_HTTP2 ||
                             raw.curlCode == CURLE_HTTP2_STREAM;
        if (!streaming && req.method == "GET" && req.retryReads && (serverError || dropped) &&
            call->attempts < 3) {
            qCInfo(lcKube, "%s %s: %s, retrying (attempt %d)", req.method.constData(),
                   qPrintable(req.path),
                   qPrintable(raw.httpCode >= 500 ? QStringLiteral("HTTP %1").arg(raw.httpCode)
                                                  : raw.curlError),
                   call->attempts + 1);
            // 0.5 s, then 1 s, each jittered to between half and all of it.
            const int base = 250 << call->attempts;
            call->notBefore =
                steady_clock::now() +
                milliseconds(base / 2 + QRandomGenerator::global()->bounded(base / 2));
            start(call);
            return;
        }
    }
    // Method, path and outcome only: headers (Authorization) and bodies are never logged.
    qCDebug(
        lcKube, "%s %s -> %d%s (%lld ms, %d attempt(s))", req.method.constData(),
        qPrintable(req.path), raw.httpCode,
        qPrintable(raw.curlCode ? QStringLiteral(" curl error %1").arg(raw.curlCode) : QString()),
        qint64(duration_cast<milliseconds>(steady_clock::now() - call->started).count()),
        call->attempts);
    call->done(toResponse(*call, raw));
}

Response ClientCore::toResponse(const Call& call, const RawResult& raw) const
{
    Response r;
    r.httpCode = raw.httpCode;
    r.body = raw.body;
    r.headers = raw.headers;
    r.httpVersion = raw.httpVersion;
    r.newConnections = raw.newConnections;
    const QString object = call.request.object;
    const QString server = connection.cluster.server;
    if (raw.cancelled || call.cancelled) {
        r.status = Status::error(Status::Kind::Cancelled, tx("kube", "request cancelled"), object,
                                 QStringLiteral("Cancelled"));
        return r;
    }
    if (raw.tooLarge) {
        r.status = Status::error(
            Status::Kind::Transport,
            tx("kube", "the answer of %1 to %2 %3 is larger than %4 MiB, "
                       "the most VelaDesk reads in one response")
                .arg(server, QString::fromLatin1(call.request.method), call.request.path)
                .arg(double(std::min(call.request.maxResponseBytes, kMaxResponseBytes)) /
                     (1024 * 1024)),
            object, QStringLiteral("ResponseTooLarge"));
        r.body.clear();
        return r;
    }
    if (raw.curlCode != CURLE_OK) {
        Status s;
        s.object = object;
        s.httpCode = raw.httpCode >= 400 ? raw.httpCode : 0;
        const QString detail = raw.curlError;
        switch (raw.curlCode) {
        case CURLE_PEER_FAILED_VERIFICATION: {
            s.kind = Status::Kind::Tls;
            s.reason = QStringLiteral("CertificateNotTrusted");
            const Text ca = !connection.cluster.certificateAuthorityFile.isEmpty()
                                ? tx("kube", "certificate-authority %1")
                                      .arg(connection.cluster.certificateAuthorityFile)
                            : !connection.cluster.certificateAuthorityData.isEmpty()
                                ? tx("kube", "the certificate-authority-data")
                                : tx("kube", "the system trust store");
            s.setMessage(tx("kube", "TLS: the server certificate of %1 cannot be verified "
                                    "against %2 of cluster \"%3\" (%4). The connection was "
                                    "refused; VelaDesk never skips verification unless the "
                                    "kubeconfig sets insecure-skip-tls-verify.")
                             .arg(server, ca, connection.clusterName, detail));
            break;
        }
        case CURLE_SSL_CONNECT_ERROR:
            s.kind = Status::Kind::Tls;
            s.reason = QStringLiteral("TLSHandshakeFailed");
            s.setMessage(tx("kube", "TLS handshake with %1 failed: %2").arg(server, detail));
            break;
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
            s.kind = Status::Kind::Config;
            s.reason = QStringLiteral("ClientCertificateUnusable");
            s.setMessage(tx("kube", "the client certificate or key of user \"%1\" cannot be "
                                    "used: %2")
                             .arg(connection.userName, detail));
            break;
        case CURLE_SSL_CACERT_BADFILE:
            s.kind = Status::Kind::Config;
            s.reason = QStringLiteral("CertificateAuthorityUnusable");
            s.setMessage(tx("kube", "the certificate authority of cluster \"%1\" cannot be "
                                    "used: %2")
                             .arg(connection.clusterName, detail));
            break;
        case CURLE_COULDNT_CONNECT:
            s.kind = Status::Kind::Transport;
            s.reason = QStringLiteral("ConnectionRefused");
            s.setMessage(tx("kube", "cannot connect to %1: %2").arg(server, detail));
            break;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            s.kind = Status::Kind::Transport;
            s.reason = QStringLiteral("HostNotFound");
            s.setMessage(tx("kube", "cannot resolve the host of %1: %2").arg(server, detail));
            break;
        case CURLE_OPERATION_TIMEDOUT:
            s.kind = Status::Kind::Transport;
            s.reason = QStringLiteral("Timeout");
            s.setMessage(tx("kube", "request to %1 timed out: %2").arg(server, detail));
            break;
        default:
            s.kind = Status::Kind::Transport;
            s.reason = QStringLiteral("ConnectionFailed");
            s.setMessage(tx("kube", "connection to %1 failed: %2").arg(server, detail));
        }
        r.status = s;
        return r;
    }
    if (raw.httpCode >= 200 && raw.httpCode < 300)
        return r;

    Status s;
    s.kind = Status::Kind::Http;
    s.httpCode = raw.httpCode;
    s.object = object;
    const QJsonObject body = QJsonDocument::fromJson(raw.body).object();
    QString serverMessage;
    if (body.value(QStringLiteral("kind")).toString() == QLatin1String("Status")) {
        serverMessage = body.value(QStringLiteral("message")).toString();
        s.reason = body.value(QStringLiteral("reason")).toString();
        const QJsonArray causes = body.value(QStringLiteral("details"))
                                      .toObject()
                                      .value(QStringLiteral("causes"))
                                      .toArray();
        for (const QJsonValue& c : causes) {
            const QJsonObject o = c.toObject();
            const QString field = o.value(QStringLiteral("field")).toString();
            const QString msg = o.value(QStringLiteral("message")).toString();
            s.details << (field.isEmpty() ? msg : field + QStringLiteral(": ") + msg);
        }
    } else {
        serverMessage = QString::fromUtf8(raw.body.left(400)).trimmed();
    }
    if (s.reason.isEmpty())
        s.reason = defaultReason(raw.httpCode);
    if (serverMessage.isEmpty())
        serverMessage = QStringLiteral("HTTP %1").arg(raw.httpCode);
    s.retryAfterSeconds = headerValue(raw.headers, "retry-after").toInt();
    switch (raw.httpCode) {
    case 401:
        s.setMessage(tx("kube", "the API server %1 did not accept the %2 of user \"%3\"; it "
                                "says: \"%4\"")
                         .arg(server, credentials.describe(), connection.userName, serverMessage));
        break;
    case 429:
        s.setMessage(tx("kube", "the API server is busy (too many requests), retry after %1 s; "
                                "it says: \"%2\"")
                         .arg(s.retryAfterSeconds)
                         .arg(serverMessage));
        break;
    default:
        s.message = serverMessage;
    }
    r.status = s;
    return r;
}

QByteArray withoutMembers(const QByteArray& json, QByteArrayView key)
{
    const QByteArray pattern = '"' + key.toByteArray() + "\":";
    QByteArray out;
    qsizetype from = 0;
    for (qsizetype at = json.indexOf(pattern); at >= 0; at = json.indexOf(pattern, from)) {
        // Inside a string a quote is escaped (\"), so the pattern only matches a member's key.
        qsizetype i = at + pattern.size();
        while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\t'))
            ++i;
        if (i >= json.size() || (json[i] != '[' && json[i] != '{'))
            return json; // not the array or object it should be: leave the text alone
        int depth = 0;
        bool inString = false;
        for (; i < json.size(); ++i) {
            const char c = json[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                ++depth;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                break;
            }
        }
        if (i >= json.size())
            return json; // unbalanced: the parser will say what is wrong
        if (out.isEmpty())
            out.reserve(json.size());
        out.append(json.constData() + from, at - from);
        from = i + 1;
        if (from < json.size() && json[from] == ',') {
            ++from; // the member's own comma
        } else if (out.endsWith(',')) {
            out.chop(1); // it was the last member
        }
    }
    if (from == 0)
        return json;
    out.append(json.constData() + from, json.size() - from);
    return out;
}

Result<ObjectList> parseList(const Response& response, const ResourceType& type)
{
    if (!response.status)
        return Result<ObjectList>::failure(response.status);
    QJsonParseError err;
    // A Table's rows carry each object's metadata, most of it managedFields (about 2.5 KB of a
    // KWOK pod's 3.5): they are not read, so they are not parsed either.
    const bool table = QByteArrayView(response.body)
                           .first(std::min<qsizetype>(response.body.size(), 256))
                           .contains("\"kind\":\"Table\"");
    const QJsonDocument doc = QJsonDocument::fromJson(
        table ? withoutMembers(response.body, "managedFields") : response.body, &err);
    if (!doc.isObject())
        return Result<ObjectList>::failure(Status::error(
            Status::Kind::Transport,
            tx("kube", "the API server sent a list that is not JSON: %1").arg(err.errorString()),
            type.resource));
    const QJsonObject o = doc.object();
    ObjectList list;
    const QJsonObject meta = objectMeta(o);
    list.resourceVersion = meta.value(QStringLiteral("resourceVersion")).toString();
    list.continueToken = meta.value(QStringLiteral("continue")).toString();
    QString kind = type.kind;
    if (kind.isEmpty()) {
        kind = o.value(QStringLiteral("kind")).toString();
        if (kind.endsWith(QLatin1String("List")))
            kind.chop(4);
    }
    QString apiVersion = o.value(QStringLiteral("apiVersion")).toString();
    if (apiVersion.isEmpty())
        apiVersion = type.apiVersion();
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("Table") &&
        o.value(QStringLiteral("apiVersion"))
            .toString()
            .startsWith(QLatin1String("meta.k8s.io/"))) {
        // A server-side Table (ListOptions::asTable): one item per row, its metadata and its
        // cells by column name.
        QStringList columns;
        for (const QJsonValue& c : o.value(QStringLiteral("columnDefinitions")).toArray())
            columns << c.toObject().value(QStringLiteral("name")).toString();
        kind = type.kind;
        apiVersion = type.apiVersion();
        const QJsonArray rows = o.value(QStringLiteral("rows")).toArray();
        list.items.reserve(rows.size());
        for (const QJsonValue& v : rows) {
            const QJsonObject row = v.toObject();
            QJsonObject item;
            item.insert(QStringLiteral("apiVersion"), apiVersion);
            item.insert(QStringLiteral("kind"), kind);
            item.insert(QStringLiteral("metadata"),
                        objectMeta(row.value(QStringLiteral("object")).toObject()));
            const QJsonArray cells = row.value(QStringLiteral("cells")).toArray();
            QJsonObject byName;
            for (qsizetype i = 0; i < cells.size() && i < columns.size(); ++i)
                byName.insert(columns.at(i), cells.at(i));
            QJsonObject tableRow{{QStringLiteral("cells"), byName}};
            if (row.contains(QStringLiteral("conditions")))
                tableRow.insert(QStringLiteral("conditions"),
                                row.value(QStringLiteral("conditions")));
            item.insert(tableRowKey(), tableRow);
            list.items.append(item);
        }
        return Result<ObjectList>::success(list);
    }
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    list.items.reserve(items.size());
    for (const QJsonValue& v : items) {
        QJsonObject item = v.toObject();
        if (!item.contains(QStringLiteral("kind")))
            item.insert(QStringLiteral("kind"), kind);
        if (!item.contains(QStringLiteral("apiVersion")))
            item.insert(QStringLiteral("apiVersion"), apiVersion);
        list.items.append(item);
    }
    return Result<ObjectList>::success(list);
}

void ClientCore::listOnePage(const ResourceType& type, const QString& ns,
                             const ListOptions& options, const QString& continueToken,
                             std::function<void(Result<ObjectList>)> done, quint64 group)
{
    if (Status s = checkTarget(type, ns, nullptr); !s) {
        done(Result<ObjectList>::failure(s));
        return;
    }
    Request req;
    req.path = type.collectionPath(ns);
    if (!options.labelSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("labelSelector"), options.labelSelector);
    if (!options.fieldSelector.isEmpty())
        req.query.addQueryItem(QStringLiteral("fieldSelector"), options.fieldSelector);
    if (options.limit > 0)
        req.query.addQueryItem(QStringLiteral("limit"), QString::number(options.limit));
    // The continue token carries the snapshot's resourceVersion; the server rejects both.
    if (!continueToken.isEmpty())
        req.query.addQueryItem(QStringLiteral("continue"), continueToken);
    else if (!options.resourceVersion.isEmpty()) {
        req.query.addQueryItem(QStringLiteral("resourceVersion"), options.resourceVersion);
        if (!options.resourceVersionMatch.isEmpty())
            req.query.addQueryItem(QStringLiteral("resourceVersionMatch"),
                                   options.resourceVersionMatch);
    }
    if (options.asTable) {
        // kubectl's own Accept for `get`: the Table, or the plain list from a server without.
        req.accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        req.query.addQueryItem(QStringLiteral("includeObject"), QStringLiteral("Metadata"));
    }
    req.object = (type.kind.isEmpty() ? type.resource : type.kind) + QStringLiteral(" list") +
                 (ns.isEmpty() ? QString() : QStringLiteral(" in ") + ns);
    req.timeoutMs = 300000;
    auto call = std::make_shared<Call>();
    call->request = std::move(req);
    call->group = group;
    call->done = [type, done](Response r) { done(parseList(r, type)); };
    start(call);
}

void ClientCore::listAll(const ResourceType& type, const QString& ns, const ListOptions& options,
                         std::function<void(Result<ObjectList>)> done, quint64 group,
                         std::function<QJsonObject(const QJsonObject&)> transform)
{
    auto acc = std::make_shared<ObjectList>();
    auto step = std::make_shared<std::function<void(const QString&)>>();
    std::weak_ptr<ClientCore> weak = weak_from_this();
    // The step function holds itself only through `acc`-free captures; it is released when the
    // last page (or an error) calls done.
    *step = [weak, type, ns, options, done, acc, step, group, transform](const QString& token) {
        std::shared_ptr<ClientCore> self = weak.lock();
        if (!self) {
            done(Result<ObjectList>::failure(Status::error(
                Status::Kind::Cancelled, tx("kube", "client closed"), type.resource)));
            *step = nullptr;
            return;
        }
        self->listOnePage(
            type, ns, options, token,
            [acc, step, done, transform](Result<ObjectList> page) {
                if (!page) {
                    done(page);
                    *step = nullptr;
                    return;
                }
                if (transform)
                    for (QJsonObject& item : page.value.items)
                        item = transform(item);
                acc->items.append(page.value.items);
                if (acc->resourceVersion.isEmpty())
                    acc->resourceVersion = page.value.resourceVersion;
                if (page.value.continueToken.isEmpty()) {
                    ObjectList out = std::move(*acc);
                    // The list's resourceVersion is the snapshot's, from page 1.
                    done(Result<ObjectList>::success(std::move(out)));
                    *step = nullptr;
                    return;
                }
                (*step)(page.value.continueToken);
            },
            group);
    };
    (*step)(QString());
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// Response, Discovery

QJsonObject Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool Discovery::has(const QString& group, const QString& version, const QString& resource) const
{
    for (const ApiResourceInfo& r : resources)
        if (r.group == group && r.version == version && r.resource == resource)
            return true;
    return false;
}

QString Discovery::firstServedVersion(const QString& group, const QString& resource,
                                      const QStringList& candidates) const
{
    for (const QString& v : candidates)
        if (has(group, v, resource))
            return v;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Client

Client::Client(const ClusterConnection& connection) : d(std::make_unique<Private>())
{
    d->core = std::make_shared<ClientCore>(connection);
}

Client::~Client()
{
    // Requests in flight finish with Cancelled; watches keep the core (and transport) alive
    // and go on.
    d->core->transport->cancelGroup(d->core->group);
}

const ClusterConnection& Client::connection() const
{
    return d->core->connection;
}

Result<std::shared_ptr<Client>> Client::create(const ClusterConnection& connection)
{
    using R = Result<std::shared_ptr<Client>>;
    const QUrl server(connection.cluster.server);
    if (!server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http")))
        return R::failure(
            Status::error(Status::Kind::Config,
                          QStringLiteral("cluster \"%1\": server \"%2\" is not an http(s) URL")
                              .arg(connection.clusterName, connection.cluster.server)));
    const QByteArray pemCert("-----BEGIN CERTIFICATE-----");
    if (!connection.cluster.certificateAuthorityData.isEmpty() &&
        !connection.cluster.certificateAuthorityData.contains(pemCert))
        return R::failure(Status::error(
            Status::Kind::Config,
            QStringLiteral("%1: cluster \"%2\": the certificate authority is not a PEM "
                           "certificate")
                .arg(connection.cluster.sourceFile, connection.clusterName)));
    if (!connection.user.clientCertificateData.isEmpty() &&
        !connection.user.clientCertificateData.contains(pemCert))
        return R::failure(Status::error(
            Status::Kind::Config,
            QStringLiteral("%1: user \"%2\": the client certificate is not a PEM certificate")
                .arg(connection.user.sourceFile, connection.userName)));
    if (!connection.user.clientKeyData.isEmpty() &&
        !connection.user.clientKeyData.contains("-----BEGIN"))
        return R::failure(Status::error(
            Status::Kind::Config, QStringLiteral("%1: user \"%2\": the client key is not a PEM key")
                                      .arg(connection.user.sourceFile, connection.userName)));

    std::shared_ptr<Client> client(new Client(connection));
    ClientCore& core = *client->d->core;
    auto tls = std::make_shared<TlsSettings>();
    tls->caPem = connection.cluster.certificateAuthorityData;
    tls->clientCertPem = connection.user.clientCertificateData;
    tls->clientKeyPem = connection.user.clientKeyData;
    tls->insecureSkipVerify = connection.cluster.insecureSkipTlsVerify;
    tls->proxyUrl = connection.cluster.proxyUrl.toUtf8();

    QUrl base = server;
    const int port = server.port(server.scheme() == QLatin1String("https") ? 443 : 80);
    const QString tlsName = connection.cluster.tlsServerName;
    if (!tlsName.isEmpty() && tlsName != server.host()) {
        // curl verifies and sends SNI for the URL's host: address the TLS name and connect to
        // the real host underneath.
        QString realHost = server.host();
        if (realHost.contains(QLatin1Char(':')))
            realHost = QLatin1Char('[') + realHost + QLatin1Char(']');
        tls->connectTo =
            QStringLiteral("%1:%2:%3:%2").arg(tlsName).arg(port).arg(realHost).toUtf8();
        base.setHost(tlsName);
    }
    base.setQuery(QString());
    base.setFragment(QString());
    QByteArray baseText = base.toEncoded();
    while (baseText.endsWith('/'))
        baseText.chop(1);
    core.baseUrl = baseText;
    core.tls = tls;
    return R::success(client);
}

QFuture<Response> Client::send(Request request)
{
    auto p = newPromise<Response>();
    d->core->send(std::move(request), [p](Response r) { fulfil(p, std::move(r)); });
    return p->future();
}

std::function<void()> Client::stream(Request request, std::function<void(const QByteArray&)> onData,
                                     std::function<void(Response)> onDone,
                                     std::function<void(int)> onStart)
{
    // Everything below runs on the transport's worker thread, one callback at a time.
    struct Answer
    {
        int code = 0;
        QByteArray errorBody; // of a non-2xx answer, for its Status message
    };
    constexpr qsizetype maxErrorBody = 64 * 1024;
    auto answer = std::make_shared<Answer>();
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->group = newGroup(); // its own: cancelAll() leaves it alone, as it leaves watches
    call->onHeaders = [answer, onStart = std::move(onStart)](int code, const HeaderList&) {
        answer->code = code; // a 401 re-run starts a new answer
        answer->errorBody.clear();
        if (onStart)
            onStart(code);
    };
    call->onData = [answer, onData = std::move(onData)](const QByteArray& chunk) {
        if (answer->code >= 200 && answer->code < 300)
            onData(chunk);
        else if (answer->errorBody.size() < maxErrorBody)
            answer->errorBody += chunk.left(maxErrorBody - answer->errorBody.size());
    };
    std::weak_ptr<ClientCore> weakCore = d->core;
    const QString object = call->request.object;
    call->done = [answer, weakCore, object, onDone = std::move(onDone)](Response r) {
        std::shared_ptr<ClientCore> core = weakCore.lock();
        if (core && r.status.kind == Status::Kind::Http && !answer->errorBody.isEmpty()) {
            RawResult raw;
            raw.httpCode = r.httpCode;
            raw.headers = r.headers;
            raw.httpVersion = r.httpVersion;
            raw.newConnections = r.newConnections;
            raw.body = answer->errorBody;
            Call origin;
            origin.request.object = object;
            r = core->toResponse(origin, raw);
        }
        onDone(std::move(r));
    };
    d->core->start(call);
    return [weakCore, weakCall = std::weak_ptr<Call>(call)] {
        std::shared_ptr<ClientCore> core = weakCore.lock();
        std::shared_ptr<Call> c = weakCall.lock();
        if (core && c)
            core->cancel(c);
    };
}

QFuture<Result<QJsonObject>> Client::get(const ResourceType& type, const QString& ns,
                                         const QString& name)
{
    auto p = newPromise<Result<QJsonObject>>();
    if (Status s = checkTarget(type, ns, &name); !s) {
        fulfil(p, Result<QJsonObject>::failure(s));
        return p->future();
    }
    Request req;
    req.path = type.objectPath(ns, name);
    req.object = describeObject(type, ns, name);
    d->core->send(req, [p, type](Response r) {
        if (!r.status)
            return fulfil(p, Result<QJsonObject>::failure(r.status));
        QJsonObject o = r.json();
        if (!o.contains(QStringLiteral("apiVersion")))
            o.insert(QStringLiteral("apiVersion"), type.apiVersion());
        if (!o.contains(QStringLiteral("kind")) && !type.kind.isEmpty())
            o.insert(QStringLiteral("kind"), type.kind);
        fulfil(p, Result<QJsonObject>::success(o));
    });
    return p->future();
}

QFuture<Result<ObjectList>> Client::list(const ResourceType& type, const QString& ns,
                                         ListOptions options,
                                         std::function<QJsonObject(const QJsonObject&)> transform)
{
    auto p = newPromise<Result<ObjectList>>();
    d->core->listAll(
        type, ns, options, [p](Result<ObjectList> r) { fulfil(p, std::move(r)); }, 0,
        std::move(transform));
    return p->future();
}

QFuture<Result<ObjectList>> Client::listPage(const ResourceType& type, const QString& ns,
                                             const ListOptions& options,
                                             const QString& continueToken, QString* nextContinue)
{
    auto p = newPromise<Result<ObjectList>>();
    d->core->listOnePage(type, ns, options, continueToken, [p, nextContinue](Result<ObjectList> r) {
        if (nextContinue)
            *nextContinue = r.value.continueToken;
        fulfil(p, std::move(r));
    });
    return p->future();
}

namespace {

void addWriteQuery(Request& req, const WriteOptions& options, bool apply)
{
    if (!options.fieldManager.isEmpty())
        req.query.addQueryItem(QStringLiteral("fieldManager"), options.fieldManager);
    if (options.dryRun)
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    if (apply && options.force)
        req.query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
}

QString namespaceFor(const ResourceType& type, const QString& ns, const QJsonObject& object,
                     const QString& fallback)
{
    if (!type.namespaced)
        return {};
    if (!ns.isEmpty())
        return ns;
    const QString own = objectMeta(object).value(QStringLiteral("namespace")).toString();
    return own.isEmpty() ? fallback : own;
}

std::function<void(Response)> objectReply(std::shared_ptr<QPromise<Result<QJsonObject>>> p)
{
    return [p](Response r) {
        if (!r.status)
            return fulfil(p, Result<QJsonObject>::failure(r.status));
        fulfil(p, Result<QJsonObject>::success(r.json()));
    };
}

} // namespace

QFuture<Result<QJsonObject>> Client::create(const ResourceType& type, const QString& ns,
                                            const QJsonObject& object, WriteOptions options)
{
    auto p = newPromise<Result<QJsonObject>>();
    const QString n = namespaceFor(type, ns, object, defaultNamespace());
    const QString name = objectMeta(object).value(QStringLiteral("name")).toString();
    // generateName objects have no name yet; the server checks the one it makes.
    if (Status s = checkTarget(type, n, name.isEmpty() ? nullptr : &name); !s) {
        fulfil(p, Result<QJsonObject>::failure(s));
        return p->future();
    }
    Request req;
    req.method = "POST";
    req.path = type.collectionPath(n);
    req.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    req.object =
        describeObject(type, n, objectMeta(object).value(QStringLiteral("name")).toString());
    addWriteQuery(req, options, false);
    d->core->send(req, objectReply(p));
    return p->future();
}

namespace {

Result<Request> applyRequest(const ResourceType& type, const QString& ns, const QJsonObject& object,
                             const WriteOptions& options, bool status)
{
    const QString name = objectMeta(object).value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return Result<Request>::failure(
            Status::error(Status::Kind::Invalid,
                          tx("kube", "cannot apply an object without metadata.name"), type.kind));
    if (type.resource.isEmpty())
        return Result<Request>::failure(Status::error(
            Status::Kind::Invalid,
            tx("kube", "unknown resource for %1 %2").arg(type.apiVersion(), type.kind), name));
    if (Status s = checkTarget(type, ns, &name); !s)
        return Result<Request>::failure(s);
    Request req;
    req.method = "PATCH";
    req.path = type.objectPath(ns, name) + (status ? QStringLiteral("/status") : QString());
    req.contentType = "application/apply-patch+yaml";
    // Apply patches must name apiVersion and kind; JSON is YAML.
    QJsonObject body = object;
    if (!body.contains(QStringLiteral("apiVersion")))
        body.insert(QStringLiteral("apiVersion"), type.apiVersion());
    if (!body.contains(QStringLiteral("kind")))
        body.insert(QStringLiteral("kind"), type.kind);
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    req.object = describeObject(type, ns, name);
    addWriteQuery(req, options, true);
    return Result<Request>::success(req);
}

} // namespace

QFuture<Result<QJsonObject>> Client::apply(const ResourceType& type, const QString& ns,
                                           const QJsonObject& object, WriteOptions options)
{
    auto p = newPromise<Result<QJsonObject>>();
    Result<Request> req = applyRequest(type, namespaceFor(type, ns, object, defaultNamespace()),
                                       object, options, false);
    if (!req)
        fulfil(p, Result<QJsonObject>::failure(req.status));
    else
        d->core->send(req.value, objectReply(p));
    return p->future();
}

QFuture<Result<QJsonObject>> Client::applyStatus(const ResourceType& type, const QString& ns,
                                                 const QJsonObject& object, WriteOptions options)
{
    auto p = newPromise<Result<QJsonObject>>();
    Result<Request> req = applyRequest(type, namespaceFor(type, ns, object, defaultNamespace()),
                                       object, options, true);
    if (!req)
        fulfil(p, Result<QJsonObject>::failure(req.status));
    else
        d->core->send(req.value, objectReply(p));
    return p->future();
}

QFuture<Status> Client::remove(const ResourceType& type, const QString& ns, const QString& name,
                               DeleteOptions options)
{
    auto p = newPromise<Status>();
    if (Status s = checkTarget(type, ns, &name); !s) {
        fulfil(p, s);
        return p->future();
    }
    Request req;
    req.method = "DELETE";
    req.path = type.objectPath(ns, name);
    req.object = describeObject(type, ns, name);
    QJsonObject body{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                     {QStringLiteral("apiVersion"), QStringLiteral("v1")}};
    if (!options.propagationPolicy.isEmpty())
        body.insert(QStringLiteral("propagationPolicy"), options.propagationPolicy);
    QJsonObject pre;
    if (!options.preconditionUid.isEmpty())
        pre.insert(QStringLiteral("uid"), options.preconditionUid);
    if (!options.preconditionResourceVersion.isEmpty())
        pre.insert(QStringLiteral("resourceVersion"), options.preconditionResourceVersion);
    if (!pre.isEmpty())
        body.insert(QStringLiteral("preconditions"), pre);
    if (options.dryRun) {
        body.insert(QStringLiteral("dryRun"), QJsonArray{QStringLiteral("All")});
        req.query.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("All"));
    }
    req.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    d->core->send(req, [p](Response r) { fulfil(p, r.status); });
    return p->future();
}

namespace {

const QByteArray kAggregatedAccept =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
    "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
    "application/json";

void parseAggregated(const QJsonObject& list, QList<ApiResourceInfo>& out)
{
    for (const QJsonValue& g : list.value(QStringLiteral("items")).toArray()) {
        const QJsonObject group = g.toObject();
        const QString groupName = objectMeta(group).value(QStringLiteral("name")).toString();
        for (const QJsonValue& v : group.value(QStringLiteral("versions")).toArray()) {
            const QJsonObject version = v.toObject();
            const QString versionName = version.value(QStringLiteral("version")).toString();
            for (const QJsonValue& r : version.value(QStringLiteral("resources")).toArray()) {
                const QJsonObject res = r.toObject();
                ApiResourceInfo info;
                info.group = groupName;
                info.version = versionName;
                info.resource = res.value(QStringLiteral("resource")).toString();
                info.kind = res.value(QStringLiteral("responseKind"))
                                .toObject()
                                .value(QStringLiteral("kind"))
                                .toString();
                info.namespaced =
                    res.value(QStringLiteral("scope")).toString() == QLatin1String("Namespaced");
                for (const QJsonValue& verb : res.value(QStringLiteral("verbs")).toArray())
                    info.verbs << verb.toString();
                out.append(info);
            }
        }
    }
}

void parseLegacyResources(const QString& group, const QString& version, const QJsonObject& list,
                          QList<ApiResourceInfo>& out)
{
    for (const QJsonValue& r : list.value(QStringLiteral("resources")).toArray()) {
        const QJsonObject res = r.toObject();
        const QString name = res.value(QStringLiteral("name")).toString();
        if (name.contains(QLatin1Char('/')))
            continue; // subresources
        ApiResourceInfo info;
        info.group = group;
        info.version = version;
        info.resource = name;
        info.kind = res.value(QStringLiteral("kind")).toString();
        info.namespaced = res.value(QStringLiteral("namespaced")).toBool();
        for (const QJsonValue& verb : res.value(QStringLiteral("verbs")).toArray())
            info.verbs << verb.toString();
        out.append(info);
    }
}

bool isAggregated(const Response& r)
{
    for (const auto& [k, v] : r.headers)
        if (k == "content-type" && v.contains("apidiscovery.k8s.io"))
            return true;
    return false;
}

struct DiscoveryRun
{
    std::mutex mutex;
    Discovery result;
    Status error;
    int pending = 0;
    std::function<void(Result<Discovery>)> done;

    void add(const QList<ApiResourceInfo>& infos, const Status& s = {})
    {
        bool finished = false;
        {
            std::lock_guard lock(mutex);
            result.resources.append(infos);
            if (!s.ok() && error.ok())
                error = s;
            finished = --pending == 0;
        }
        if (finished)
            done(error.ok() ? Result<Discovery>::success(result)
                            : Result<Discovery>::failure(error));
    }
};

} // namespace

QFuture<Result<Discovery>> Client::discovery(bool refresh)
{
    auto p = newPromise<Result<Discovery>>();
    std::shared_ptr<ClientCore> core = d->core;
    {
        std::lock_guard lock(core->discoveryMutex);
        if (!refresh && core->discoveryCache) {
            fulfil(p, Result<Discovery>::success(*core->discoveryCache));
            return p->future();
        }
    }
    auto run = std::make_shared<DiscoveryRun>();
    std::weak_ptr<ClientCore> weak = core;
    run->done = [p, weak](Result<Discovery> r) {
        if (r) {
            if (auto c = weak.lock()) {
                std::lock_guard lock(c->discoveryMutex);
                c->discoveryCache = r.value;
            }
        }
        fulfil(p, std::move(r));
    };
    // Three roots: /version, /api, /apis. Each root that answers in the aggregated format
    // (Kubernetes 1.30+) is complete; otherwise each group version is fetched on its own.
    run->pending = 3;
    Request version;
    version.path = QStringLiteral("/version");
    version.object = QStringLiteral("server version");
    core->send(version, [run](Response r) {
        if (r.status) {
            std::lock_guard lock(run->mutex);
            run->result.serverVersion = r.json().value(QStringLiteral("gitVersion")).toString();
        }
        run->add({}, r.status);
    });
    for (const bool legacyCore : {true, false}) {
        Request root;
        root.path = legacyCore ? QStringLiteral("/api") : QStringLiteral("/apis");
        root.accept = kAggregatedAccept;
        root.object = QStringLiteral("API discovery");
        core->send(root, [run, weak, legacyCore](Response r) {
            if (!r.status)
                return run->add({}, r.status);
            QList<ApiResourceInfo> infos;
            if (isAggregated(r)) {
                parseAggregated(r.json(), infos);
                return run->add(infos);
            }
            std::shared_ptr<ClientCore> c = weak.lock();
            if (!c)
                return run->add(
                    {}, Status::error(Status::Kind::Cancelled, tx("kube", "client closed")));
            QList<QPair<QString, QString>> groupVersions; // group, version
            const QJsonObject o = r.json();
            if (legacyCore) {
                for (const QJsonValue& v : o.value(QStringLiteral("versions")).toArray())
                    groupVersions.append({QString(), v.toString()});
            } else {
                for (const QJsonValue& g : o.value(QStringLiteral("groups")).toArray())
                    for (const QJsonValue& v :
                         g.toObject().value(QStringLiteral("versions")).toArray())
                        groupVersions.append(
                            {g.toObject().value(QStringLiteral("name")).toString(),
                             v.toObject().value(QStringLiteral("version")).toString()});
            }
            {
                std::lock_guard lock(run->mutex);
                run->pending += int(groupVersions.size());
            }
            for (const auto& groupVersion : groupVersions) {
                // Named copies: clang 14 cannot capture structured bindings.
                const QString group = groupVersion.first;
                const QString ver = groupVersion.second;
                Request gv;
                gv.path = group.isEmpty() ? QStringLiteral("/api/") + ver
                                          : QStringLiteral("/apis/%1/%2").arg(group, ver);
                gv.object = QStringLiteral("API discovery");
                c->send(gv, [run, group, ver](Response rr) {
                    QList<ApiResourceInfo> more;
                    // An unavailable aggregated API (503) must not hide the rest.
                    if (rr.status)
                        parseLegacyResources(group, ver, rr.json(), more);
                    run->add(more);
                });
            }
            run->add({});
        });
    }
    return p->future();
}

Watch* Client::watch(const ResourceType& type, const QString& ns, ListOptions options,
                     QObject* parent)
{
    return new Watch(d->core, type, ns, std::move(options), parent);
}

std::shared_ptr<detail::ClientCore> Client::core() const
{
    return d->core;
}

void Client::cancelAll()
{
    d->core->cancelGroup(d->core->group);
}

Result<std::shared_ptr<Client>> connect(const KubeConfigOptions& options)
{
    Result<KubeConfig> config = KubeConfig::load(options);
    if (!config)
        return Result<std::shared_ptr<Client>>::failure(config.status);
    Result<ClusterConnection> connection = config.value.connection();
    if (!connection)
        return Result<std::shared_ptr<Client>>::failure(connection.status);
    return Client::create(connection.value);
}

} // namespace kube
