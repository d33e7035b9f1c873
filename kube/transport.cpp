#include "kube/transport.h"

#include <curl/curl.h>

#include <QHash>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace kube::detail {

namespace {

std::once_flag curlInitOnce;

// The longest poll while a request (not a stream) is in flight; see State::run().
constexpr long long kRequestPollMs = 10;

struct Active
{
    quint64 id = 0;
    std::shared_ptr<HttpJob> job;
    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    RawResult result;
    bool headersDelivered = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

} // namespace

struct Transport::State
{
    std::mutex mutex;
    // Guarded by mutex:
    QList<QPair<quint64, std::shared_ptr<HttpJob>>> incoming;
    QList<quint64> cancelIds;
    QList<quint64> cancelGroups;
    bool stopping = false;
    quint64 nextId = 1;

    // Worker thread only:
    CURLM* multi = nullptr;
    QList<QPair<quint64, std::shared_ptr<HttpJob>>> waiting; // notBefore in the future
    QHash<CURL*, Active*> active;
    QHash<CURL*, curl_slist*> connectToLists;
    std::thread thread;

    // The multi handle outlives the worker loop: other threads may still call
    // curl_multi_wakeup() on it until the last owner lets go.
    ~State()
    {
        if (multi)
            curl_multi_cleanup(multi);
    }

    void run();
    void startJob(quint64 id, std::shared_ptr<HttpJob> job);
    void finish(Active* a, RawResult result);
};

namespace {

size_t onHeaderLine(char* data, size_t size, size_t n, void* user)
{
    auto* a = static_cast<Active*>(user);
    const size_t len = size * n;
    const QByteArray line = QByteArray(data, qsizetype(len)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response starts (after 100 Continue or a redirect): forget earlier headers.
        a->result.headers.clear();
        const QList<QByteArray> parts = line.split(' ');
        a->result.httpCode = parts.size() > 1 ? parts.at(1).toInt() : 0;
    } else if (line.isEmpty()) {
        // End of a header block; 1xx blocks are followed by the real response.
        if (a->result.httpCode >= 200 && !a->headersDelivered) {
            a->headersDelivered = true;
            if (a->job->onHeaders)
                a->job->onHeaders(a->result.httpCode, a->result.headers);
        }
    } else {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            a->result.headers.append(
                {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return len;
}

size_t onBody(char* data, size_t size, size_t n, void* user)
{
    auto* a = static_cast<Active*>(user);
    const size_t len = size * n;
    if (a->job->onData) {
        a->job->onData(QByteArray(data, qsizetype(len)));
    } else {
        if (a->result.body.size() + qint64(len) > a->job->maxBodyBytes) {
            a->result.tooLarge = true;
            a->result.body.clear();
            return 0; // curl ends the transfer (CURLE_WRITE_ERROR)
        }
        a->result.body.append(data, qsizetype(len));
    }
    return len;
}

void setBlob(CURL* easy, CURLoption option, const QByteArray& data)
{
    curl_blob blob;
    blob.data = const_cast<char*>(data.constData());
    blob.len = size_t(data.size());
    blob.flags = CURL_BLOB_COPY;
    curl_easy_setopt(easy, option, &blob);
}

} // namespace

Transport::Transport() : m_state(std::make_shared<State>())
{
    std::call_once(curlInitOnce, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_state->multi = curl_multi_init();
    curl_multi_setopt(m_state->multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    // The worker keeps the state alive on its own, so that destroying the Transport from one
    // of its own callbacks cannot join the thread from itself.
    std::shared_ptr<State> state = m_state;
    m_state->thread = std::thread([state] { state->run(); });
}

Transport::~Transport()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    curl_multi_wakeup(m_state->multi);
    if (m_state->thread.get_id() == std::this_thread::get_id())
        m_state->thread.detach();
    else
        m_state->thread.join();
}

quint64 Transport::submit(std::shared_ptr<HttpJob> job)
{
    quint64 id;
    bool rejected = false;
    {
        std::lock_guard lock(m_state->mutex);
        id = m_state->nextId++;
        if (m_state->stopping)
            rejected = true;
        else
            m_state->incoming.append({id, std::move(job)});
    }
    if (rejected) {
        RawResult r;
        r.cancelled = true;
        if (job->onDone)
            job->onDone(r);
        return id;
    }
    curl_multi_wakeup(m_state->multi);
    return id;
}

void Transport::cancel(quint64 id)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->cancelIds.append(id);
    }
    curl_multi_wakeup(m_state->multi);
}

void Transport::cancelGroup(quint64 group)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->cancelGroups.append(group);
    }
    curl_multi_wakeup(m_state->multi);
}

void Transport::State::startJob(quint64 id, std::shared_ptr<HttpJob> job)
{
    auto* a = new Active;
    a->id = id;
    a->job = std::move(job);
    const HttpJob& j = *a->job;
    CURL* e = curl_easy_init();
    a->easy = e;
    curl_easy_setopt(e, CURLOPT_PRIVATE, a);
    curl_easy_setopt(e, CURLOPT_URL, j.url.constData());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, a->errorBuffer);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPINTVL, 15L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 15000L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    if (j.timeoutMs > 0)
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, j.timeoutMs);

    if (j.method == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, j.method.constData());
        if (!j.body.isEmpty() || j.method == "POST" || j.method == "PUT" || j.method == "PATCH") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(j.body.size()));
            curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, j.body.constData());
        }
    }
    curl_slist* list = nullptr;
    list = curl_slist_append(list, "Expect:");
    for (const QByteArray& h : j.headers)
        list = curl_slist_append(list, h.constData());
    a->headerList = list;
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);

    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &onHeaderLine);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, a);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, a);

    if (j.tls) {
        const TlsSettings& t = *j.tls;
        if (t.insecureSkipVerify) {
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
        } else {
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
            if (!t.caPem.isEmpty()) {
                // Only the kubeconfig's authority is trusted, as with client-go.
                setBlob(e, CURLOPT_CAINFO_BLOB, t.caPem);
                curl_easy_setopt(e, CURLOPT_CAPATH, nullptr);
            }
        }
        const QByteArray& cert = j.clientCertPem.isEmpty() ? t.clientCertPem : j.clientCertPem;
        const QByteArray& key = j.clientCertPem.isEmpty() ? t.clientKeyPem : j.clientKeyPem;
        if (!cert.isEmpty()) {
            setBlob(e, CURLOPT_SSLCERT_BLOB, cert);
            curl_easy_setopt(e, CURLOPT_SSLCERTTYPE, "PEM");
            setBlob(e, CURLOPT_SSLKEY_BLOB, key);
            curl_easy_setopt(e, CURLOPT_SSLKEYTYPE, "PEM");
        }
        if (!t.connectTo.isEmpty()) {
            // curl reads this list for as long as the transfer runs; freed in finish().
            curl_slist* ct = curl_slist_append(nullptr, t.connectTo.constData());
            curl_easy_setopt(e, CURLOPT_CONNECT_TO, ct);
            connectToLists.insert(e, ct);
        }
        if (!t.proxyUrl.isEmpty())
            curl_easy_setopt(e, CURLOPT_PROXY, t.proxyUrl.constData());
    }
    if (!j.basicUser.isEmpty()) {
        curl_easy_setopt(e, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC));
        curl_easy_setopt(e, CURLOPT_USERNAME, j.basicUser.constData());
        curl_easy_setopt(e, CURLOPT_PASSWORD, j.basicPassword.constData());
    }
    active.insert(e, a);
    curl_multi_add_handle(multi, e);
}

void Transport::State::finish(Active* a, RawResult result)
{
    curl_multi_remove_handle(multi, a->easy);
    active.remove(a->easy);
    if (curl_slist* ct = connectToLists.take(a->easy))
        curl_slist_free_all(ct);
    curl_easy_cleanup(a->easy);
    curl_slist_free_all(a->headerList);
    std::shared_ptr<HttpJob> job = std::move(a->job);
    delete a;
    if (job->onDone)
        job->onDone(std::move(result));
}

void Transport::State::run()
{
    for (;;) {
        QList<QPair<quint64, std::shared_ptr<HttpJob>>> newJobs;
        QList<quint64> cancels;
        QList<quint64> groups;
        bool stop;
        {
            std::lock_guard lock(mutex);
            newJobs.swap(incoming);
            cancels.swap(cancelIds);
            groups.swap(cancelGroups);
            stop = stopping;
        }
        waiting.append(newJobs);

        // Cancellation: queued jobs and running transfers alike finish with cancelled set.
        auto isCancelled = [&](quint64 id, const HttpJob& job) {
            return stop || cancels.contains(id) || groups.contains(job.group);
        };
        for (qsizetype i = 0; i < waiting.size();) {
            if (isCancelled(waiting.at(i).first, *waiting.at(i).second)) {
                auto job = waiting.takeAt(i).second;
                RawResult r;
                r.cancelled = true;
                if (job->onDone)
                    job->onDone(r);
            } else {
                ++i;
            }
        }
        const QList<Active*> running = active.values();
        for (Active* a : running) {
            if (isCancelled(a->id, *a->job)) {
                RawResult r = a->result;
                r.cancelled = true;
                finish(a, r);
            }
        }
        if (stop) {
            // Jobs that arrived meanwhile: submit() refuses any that come after this swap.
            QList<QPair<quint64, std::shared_ptr<HttpJob>>> late;
            {
                std::lock_guard lock(mutex);
                late.swap(incoming);
            }
            for (auto& [id, job] : late) {
                RawResult r;
                r.cancelled = true;
                if (job->onDone)
                    job->onDone(r);
            }
            break;
        }

        const auto now = std::chrono::steady_clock::now();
        auto nextWake = now + std::chrono::seconds(1);
        for (qsizetype i = 0; i < waiting.size();) {
            if (waiting.at(i).second->notBefore <= now) {
                auto [id, job] = waiting.takeAt(i);
                startJob(id, std::move(job));
            } else {
                nextWake = std::min(nextWake, waiting.at(i).second->notBefore);
                ++i;
            }
        }

        int runningCount = 0;
        curl_multi_perform(multi, &runningCount);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Active* a = active.value(msg->easy_handle);
            if (!a)
                continue;
            RawResult r = std::move(a->result);
            r.curlCode = int(msg->data.result);
            if (msg->data.result != CURLE_OK) {
                r.curlError = QString::fromUtf8(a->errorBuffer);
                if (r.curlError.isEmpty())
                    r.curlError = QString::fromUtf8(curl_easy_strerror(msg->data.result));
            }
            long code = 0;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &code);
            if (code > 0)
                r.httpCode = int(code);
            long version = 0;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_HTTP_VERSION, &version);
            r.httpVersion = version == CURL_HTTP_VERSION_2_0   ? 20
                            : version == CURL_HTTP_VERSION_1_1 ? 11
                            : version == CURL_HTTP_VERSION_1_0 ? 10
                                                               : 0;
            long connects = 0;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_NUM_CONNECTS, &connects);
            r.newConnections = int(connects);
            finish(a, std::move(r));
        }

        const auto waitMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                nextWake - std::chrono::steady_clock::now())
                                .count();
        // libcurl 7.88 can leave an HTTP/2 response that arrived together with another
        // stream's data unprocessed until the socket is readable again: a request answered
        // in 5 ms then waited for this poll's timeout (1 s; seen in `veladesk apply` with
        // several requests in flight). While a request (not a stream) is in flight, look
        // again after a few milliseconds at the latest.
        long long maxWait = 1000;
        for (const Active* a : std::as_const(active))
            if (!a->job->onData) {
                maxWait = kRequestPollMs;
                break;
            }
        curl_multi_poll(multi, nullptr, 0, int(std::clamp<long long>(waitMs, 0, maxWait)), nullptr);
    }
}

} // namespace kube::detail
