#include "kube/rollout/probe.h"

#include "kube/rollout/render.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

#include <curl/curl.h>

#include <atomic>
#include <cmath>
#include <mutex>

namespace kube::rollout {

namespace {

constexpr qint64 kMaxHeaderBytes = 64 * 1024;
constexpr int kMaxSamples = 5;

std::once_flag curlInitOnce;

// One request in flight.
struct Transfer
{
    CURL* easy = nullptr;
    QByteArray headers; // of the current response, lower-cased names
    QByteArray body;    // first maxBodyBytes
    qint64 bodyLimit = 0;
    char error[CURL_ERROR_SIZE] = {};
    bool busy = false;
};

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const QByteArray line(data, qsizetype(n));
    if (line.startsWith("HTTP/"))
        t->headers.clear(); // a new response (after 1xx)
    else if (t->headers.size() + qint64(n) <= kMaxHeaderBytes)
        t->headers.append(line);
    return n;
}

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const qint64 room = t->bodyLimit - t->body.size();
    if (room > 0)
        t->body.append(data, qsizetype(std::min<qint64>(room, qint64(n))));
    return n;
}

// The first value of header `name` (case-insensitive), trimmed; empty when absent.
QString headerValue(const QByteArray& headers, const QString& name)
{
    if (name.isEmpty())
        return {};
    const QByteArray want = name.toLatin1().toLower() + ':';
    for (const QByteArray& raw : headers.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.toLower().startsWith(want))
            return QString::fromUtf8(line.mid(want.size()).trimmed());
    }
    return {};
}

QString failureKind(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        return QStringLiteral("connection refused");
    case CURLE_OPERATION_TIMEDOUT:
        return QStringLiteral("timeout");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return QStringLiteral("name not resolved");
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
        return QStringLiteral("TLS");
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return QStringLiteral("connection closed");
    default:
        return QStringLiteral("other");
    }
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

ShareInterval wilsonInterval(qint64 successes, qint64 trials, double z)
{
    if (trials <= 0)
        return {};
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double denom = 1.0 + z2 / n;
    const double center = (p + z2 / (2.0 * n)) / denom;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom;
    return ShareInterval{std::max(0.0, center - half), std::min(1.0, center + half)};
}

Status validateProbeOptions(const ProbeOptions& o)
{
    auto invalid = [](const QString& m) { return Status::error(Status::Kind::Invalid, m); };
    const QUrl url(o.url, QUrl::StrictMode);
    if (o.url.isEmpty())
        return invalid(
            ktr("kube::rollout", "the gateway URL is required (--url http://HOST:PORT/)"));
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return invalid(
            ktr("kube::rollout", "--url %1 is not an http:// or https:// URL with a host")
                .arg(o.url));
    if (o.requests < 1 || o.requests > 100000)
        return invalid(
            ktr("kube::rollout", "--requests must be between 1 and 100000, is %1").arg(o.requests));
    if (o.concurrency < 1 || o.concurrency > 256)
        return invalid(ktr("kube::rollout", "--concurrency must be between 1 and 256, is %1")
                           .arg(o.concurrency));
    if (o.requestTimeout < std::chrono::milliseconds(100) ||
        o.requestTimeout > std::chrono::minutes(10))
        return invalid(ktr("kube::rollout", "--timeout must be between 100 ms and 10 min, is %1 ms")
                           .arg(o.requestTimeout.count()));
    if (!o.host.isEmpty()) {
        const QUrl probe(QStringLiteral("http://") + o.host + QLatin1Char('/'), QUrl::StrictMode);
        if (!probe.isValid() || probe.host().isEmpty() || probe.port() != -1 ||
            o.host.contains(QLatin1Char('/')) || o.host.contains(QLatin1Char('@')))
            return invalid(ktr("kube::rollout", "--host %1 is not a host name (no port, no path)")
                               .arg(o.host));
    }
    for (const BodyFingerprint& f : o.fingerprints)
        if (f.revision.isEmpty() || f.text.isEmpty())
            return invalid(ktr("kube::rollout", "a body fingerprint needs a revision and a text "
                                                "(--fingerprint REVISION=TEXT)"));
    if (o.maxBodyBytes < 0 || o.maxBodyBytes > 16 * 1024 * 1024)
        return invalid(ktr("kube::rollout", "the body limit must be between 0 and 16 MiB"));
    return Status::success();
}

const RevisionShare* ProbeResult::revision(const QString& name) const
{
    for (const RevisionShare& r : revisions)
        if (r.revision == name)
            return &r;
    return nullptr;
}

bool ProbeResult::splitMatches() const
{
    if (attributed == 0)
        return false;
    for (const RevisionShare& r : revisions)
        if (r.outside)
            return false;
    return true;
}

bool ProbeResult::clean() const
{
    return !cancelled && !stoppedEarly && completed == requested && failed == 0 && non2xx == 0 &&
           unattributed == 0;
}

QString ProbeResult::summary() const
{
    QStringList lines;
    lines << ktr("kube::rollout",
                 "%1 of %2 requests sent, %3 answered (%4 2xx, %5 non-2xx), %6 without "
                 "an answer; %7 attributed to a revision, %8 2xx unattributable; "
                 "%9 ms")
                 .arg(sent)
                 .arg(requested)
                 .arg(answered)
                 .arg(ok2xx)
                 .arg(non2xx)
                 .arg(failed)
                 .arg(attributed)
                 .arg(unattributed)
                 .arg(elapsedMs);
    if (non2xx > 0) {
        QStringList codes;
        for (auto it = statusCodes.begin(); it != statusCodes.end(); ++it)
            if (it.key() < 200 || it.key() > 299)
                codes << QStringLiteral("%1 x %2").arg(it.value()).arg(it.key());
        lines << ktr("kube::rollout", "non-2xx answers: %1").arg(codes.join(QStringLiteral(", ")));
    }
    if (failed > 0) {
        QStringList kinds;
        for (auto it = failures.begin(); it != failures.end(); ++it)
            kinds << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        lines << ktr("kube::rollout", "without an answer: %1")
                     .arg(kinds.join(QStringLiteral(", ")) +
                          (failureSamples.isEmpty()
                               ? QString()
                               : QStringLiteral(" (") + failureSamples.join(QStringLiteral("; ")) +
                                     QLatin1Char(')')));
    }
    if (stoppedEarly)
        lines << ktr("kube::rollout", "stopped early: %1").arg(stopReason);
    if (cancelled)
        lines << ktr("kube::rollout", "cancelled after %1 of %2 requests")
                     .arg(completed)
                     .arg(requested);
    QStringList outside;
    for (const RevisionShare& r : revisions)
        if (r.outside)
            outside << ktr("kube::rollout", "%1 (configured %2, observed %3, 95 % interval %4-%5)")
                           .arg(r.revision, percent(r.configured), percent(r.observed),
                                percent(r.interval.low), percent(r.interval.high));
    if (attributed == 0)
        lines << ktr("kube::rollout", "no response could be attributed to a revision: the split "
                                      "cannot be judged");
    else if (!outside.isEmpty())
        lines << ktr("kube::rollout", "the observed split differs from the configured one: %1")
                     .arg(outside.join(QStringLiteral(", ")));
    else
        lines << ktr("kube::rollout", "the observed split matches the configured weights (each "
                                      "configured share lies within its 95 % interval)");
    return lines.join(QLatin1Char('\n'));
}

QJsonObject ProbeResult::toJson() const
{
    QJsonArray revs;
    for (const RevisionShare& r : revisions)
        revs.append(QJsonObject{{QStringLiteral("revision"), r.revision},
                                {QStringLiteral("responses"), r.responses},
                                {QStringLiteral("observed"), r.observed},
                                {QStringLiteral("intervalLow"), r.interval.low},
                                {QStringLiteral("intervalHigh"), r.interval.high},
                                {QStringLiteral("configured"), r.configured},
                                {QStringLiteral("isConfigured"), r.isConfigured},
                                {QStringLiteral("outside"), r.outside}});
    QJsonObject codes;
    for (auto it = statusCodes.begin(); it != statusCodes.end(); ++it)
        codes.insert(QString::number(it.key()), it.value());
    QJsonObject fails;
    for (auto it = failures.begin(); it != failures.end(); ++it)
        fails.insert(it.key(), it.value());
    QJsonObject by;
    for (auto it = attributedBy.begin(); it != attributedBy.end(); ++it)
        by.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("url"), url},
        {QStringLiteral("host"), host},
        {QStringLiteral("requested"), requested},
        {QStringLiteral("sent"), sent},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("answered"), answered},
        {QStringLiteral("ok2xx"), ok2xx},
        {QStringLiteral("non2xx"), non2xx},
        {QStringLiteral("attributed"), attributed},
        {QStringLiteral("unattributed"), unattributed},
        {QStringLiteral("failed"), failed},
        {QStringLiteral("statusCodes"), codes},
        {QStringLiteral("failures"), fails},
        {QStringLiteral("failureSamples"), QJsonArray::fromStringList(failureSamples)},
        {QStringLiteral("attributedBy"), by},
        {QStringLiteral("revisions"), revs},
        {QStringLiteral("stoppedEarly"), stoppedEarly},
        {QStringLiteral("stopReason"), stopReason},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("elapsedMs"), elapsedMs},
        {QStringLiteral("splitMatches"), splitMatches()},
        {QStringLiteral("ok"), ok()}};
}

struct ProbeJob::Private
{
    ProbeOptions options;
    ProbeJob* q = nullptr;
    std::atomic<bool> cancelled{false};
    std::atomic<bool> running{false};
    std::unique_ptr<QThread> worker;
    mutable QMutex mutex;
    ProbeResult last;

    // Counts of one run, turned into a ProbeResult by snapshot().
    ProbeResult counts;
    QMap<QString, qint64> perRevision;

    ProbeResult execute();
    ProbeResult snapshot() const;
    void record(Transfer& t, CURLcode code);
};

ProbeResult ProbeJob::Private::snapshot() const
{
    ProbeResult r = counts;
    QStringList order = options.configured.keys();
    for (auto it = perRevision.begin(); it != perRevision.end(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    for (const QString& rev : order) {
        RevisionShare s;
        s.revision = rev;
        s.responses = perRevision.value(rev);
        s.isConfigured = options.configured.contains(rev);
        s.configured = options.configured.value(rev) / 100.0;
        if (r.attributed > 0) {
            s.observed = double(s.responses) / r.attributed;
            s.interval = wilsonInterval(s.responses, r.attributed);
            s.outside = !s.interval.contains(s.configured);
        }
        r.revisions << s;
    }
    return r;
}

void ProbeJob::Private::record(Transfer& t, CURLcode code)
{
    ++counts.completed;
    if (code != CURLE_OK) {
        ++counts.failed;
        ++counts.failures[failureKind(code)];
        QString message = QString::fromUtf8(t.error);
        if (message.isEmpty())
            message = QString::fromUtf8(curl_easy_strerror(code));
        if (counts.failureSamples.size() < kMaxSamples && !counts.failureSamples.contains(message))
            counts.failureSamples << message;
        return;
    }
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    ++counts.answered;
    ++counts.statusCodes[int(status)];
    if (status < 200 || status > 299) {
        ++counts.non2xx;
        return;
    }
    ++counts.ok2xx;
    QString revision = headerValue(t.headers, options.revisionHeader);
    QString by = QStringLiteral("header ") + options.revisionHeader;
    if (revision.isEmpty() && !options.fallbackHeader.isEmpty()) {
        revision = headerValue(t.headers, options.fallbackHeader);
        by = QStringLiteral("header ") + options.fallbackHeader;
    }
    if (revision.isEmpty()) {
        for (const BodyFingerprint& f : options.fingerprints)
            if (t.body.contains(f.text.toUtf8())) {
                revision = f.revision;
                by = QStringLiteral("body fingerprint");
                break;
            }
    }
    if (revision.isEmpty()) {
        ++counts.unattributed;
        return;
    }
    ++counts.attributed;
    ++counts.attributedBy[by];
    ++perRevision[revision];
}

ProbeResult ProbeJob::Private::execute()
{
    counts = ProbeResult{};
    perRevision.clear();
    counts.url = options.url;
    counts.requested = options.requests;
    QElapsedTimer clock;
    clock.start();
    if (const Status st = validateProbeOptions(options); !st.ok()) {
        counts.stoppedEarly = true;
        counts.stopReason = st.message;
        return snapshot();
    }
    std::call_once(curlInitOnce, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    // With another Host: ask for that host and connect to the URL's address (curl's
    // --connect-to), so Host, TLS server name and certificate check all use it.
    QUrl url(options.url);
    const QString urlHost = url.host();
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    QByteArray connectTo;
    counts.host = options.host.isEmpty() ? urlHost : options.host;
    if (!options.host.isEmpty() && options.host != urlHost) {
        const QString target = urlHost.contains(QLatin1Char(':'))
                                   ? QLatin1Char('[') + urlHost + QLatin1Char(']')
                                   : urlHost;
        connectTo = QStringLiteral("%1:%2:%3:%2").arg(options.host).arg(port).arg(target).toUtf8();
        url.setHost(options.host);
    }
    const QByteArray urlBytes = url.toEncoded();
    curl_slist* connectList = connectTo.isEmpty() ? nullptr : curl_slist_append(nullptr, connectTo);
    // As `curl -H 'Host: ...'` sends it: without the port, which gateways match hostnames on.
    curl_slist* headerList =
        curl_slist_append(nullptr, QByteArray("Host: " + counts.host.toUtf8()).constData());
    const QByteArray userAgent = QByteArrayLiteral("veladesk-probe/") + VELADESK_VERSION;
    const QByteArray caFile = options.caFile.toLocal8Bit();
    const int giveUpAfter =
        options.giveUpAfter > 0 ? options.giveUpAfter : std::max(10, 2 * options.concurrency);

    CURLM* multi = curl_multi_init();
    QList<Transfer*> transfers;
    for (int i = 0; i < std::min(options.concurrency, options.requests); ++i) {
        auto* t = new Transfer;
        t->easy = curl_easy_init();
        t->bodyLimit = options.fingerprints.isEmpty() ? 0 : options.maxBodyBytes;
        CURL* e = t->easy;
        curl_easy_setopt(e, CURLOPT_URL, urlBytes.constData());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, long(options.requestTimeout.count()));
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, long(options.requestTimeout.count()));
        curl_easy_setopt(e, CURLOPT_USERAGENT, userAgent.constData());
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
        curl_easy_setopt(e, CURLOPT_PRIVATE, t);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!caFile.isEmpty())
            curl_easy_setopt(e, CURLOPT_CAINFO, caFile.constData());
        if (connectList)
            curl_easy_setopt(e, CURLOPT_CONNECT_TO, connectList);
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headerList);
        transfers << t;
    }

    int inFlight = 0;
    int noAnswerInARow = 0;
    bool stopping = false;
    qint64 lastProgress = 0;
    auto launch = [&](Transfer* t) {
        t->headers.clear();
        t->body.clear();
        t->error[0] = '\0';
        t->busy = true;
        curl_multi_add_handle(multi, t->easy);
        ++inFlight;
        ++counts.sent;
    };
    for (Transfer* t : transfers)
        launch(t);
    while (inFlight > 0) {
        if (cancelled.load()) {
            counts.cancelled = true;
            break;
        }
        int running = 0;
        curl_multi_perform(multi, &running);
        int queued = 0;
        while (CURLMsg* m = curl_multi_info_read(multi, &queued)) {
            if (m->msg != CURLMSG_DONE)
                continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
            const CURLcode code = m->data.result;
            curl_multi_remove_handle(multi, t->easy);
            t->busy = false;
            --inFlight;
            record(*t, code);
            noAnswerInARow = code == CURLE_OK ? 0 : noAnswerInARow + 1;
            if (!stopping && noAnswerInARow >= giveUpAfter) {
                stopping = true;
                counts.stoppedEarly = true;
                QStringList kinds;
                for (auto it = counts.failures.begin(); it != counts.failures.end(); ++it)
                    kinds << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
                counts.stopReason =
                    ktr("kube::rollout", "%1 requests in a row got no answer from %2 (%3): the "
                                         "gateway is unreachable or does not answer")
                        .arg(noAnswerInARow)
                        .arg(options.url, kinds.join(QStringLiteral(", ")));
            }
            if (!stopping && counts.sent < options.requests)
                launch(t);
        }
        if (stopping)
            break;
        const qint64 now = clock.elapsed();
        if (now - lastProgress >= 100) {
            lastProgress = now;
            counts.elapsedMs = now;
            Q_EMIT q->progress(snapshot());
        }
        if (inFlight > 0)
            curl_multi_poll(multi, nullptr, 0, 50, nullptr);
    }
    for (Transfer* t : transfers) {
        if (t->busy)
            curl_multi_remove_handle(multi, t->easy);
        curl_easy_cleanup(t->easy);
        delete t;
    }
    curl_multi_cleanup(multi);
    curl_slist_free_all(connectList);
    curl_slist_free_all(headerList);
    counts.elapsedMs = clock.elapsed();
    return snapshot();
}

ProbeJob::ProbeJob(ProbeOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<kube::rollout::ProbeResult>();
    d->options = std::move(options);
    d->q = this;
}

ProbeJob::~ProbeJob()
{
    if (d->worker) {
        d->cancelled = true;
        d->worker->wait();
    }
}

void ProbeJob::start()
{
    if (d->running.exchange(true))
        return;
    d->cancelled = false;
    if (d->worker)
        d->worker->wait();
    d->worker.reset(QThread::create([this]() {
        const ProbeResult r = d->execute();
        {
            QMutexLocker lock(&d->mutex);
            d->last = r;
        }
        d->running = false;
        Q_EMIT finished(r);
    }));
    d->worker->setObjectName(QStringLiteral("veladesk-probe"));
    d->worker->start();
}

ProbeResult ProbeJob::run()
{
    if (d->running.exchange(true))
        return result();
    d->cancelled = false;
    const ProbeResult r = d->execute();
    {
        QMutexLocker lock(&d->mutex);
        d->last = r;
    }
    d->running = false;
    Q_EMIT finished(r);
    return r;
}

void ProbeJob::cancel()
{
    d->cancelled = true;
}

bool ProbeJob::isRunning() const
{
    return d->running.load();
}

ProbeResult ProbeJob::result() const
{
    QMutexLocker lock(&d->mutex);
    return d->last;
}

namespace {

// Whether a GET of `path` without particular headers, query or method satisfies one Istio
// HTTPMatchRequest, as `api` reads it; `rank` is its precedence for an HTTPRoute.
bool pathMatches(const QJsonObject& match, const QString& path, RoutingApi api, int* rank)
{
    *rank = 1; // the default "/" prefix
    for (auto it = match.begin(); it != match.end(); ++it) {
        if (it.key() == QLatin1String("name"))
            continue;
        if (it.key() == QLatin1String("method")) {
            if (it.value().toObject().value(QLatin1String("exact")).toString() !=
                QLatin1String("GET"))
                return false;
            continue;
        }
        if (it.key() != QLatin1String("uri"))
            return false; // headers, query parameters, ...: a plain GET does not carry them
        const QJsonObject uri = it.value().toObject();
        if (uri.contains(QLatin1String("exact"))) {
            if (uri.value(QLatin1String("exact")).toString() != path)
                return false;
            *rank = 1000000;
        } else if (uri.contains(QLatin1String("prefix"))) {
            QString prefix = uri.value(QLatin1String("prefix")).toString();
            *rank = int(prefix.size());
            if (api == RoutingApi::VirtualService) {
                if (!path.startsWith(prefix))
                    return false;
            } else {
                while (prefix.size() > 1 && prefix.endsWith(QLatin1Char('/')))
                    prefix.chop(1);
                if (prefix != QLatin1String("/") && path != prefix &&
                    !path.startsWith(prefix + QLatin1Char('/')))
                    return false;
            }
        } else if (uri.contains(QLatin1String("regex"))) {
            const QRegularExpression re(
                QStringLiteral("^(?:%1)$").arg(uri.value(QLatin1String("regex")).toString()));
            if (!re.isValid() || !re.match(path).hasMatch())
                return false;
            *rank = 0;
        }
    }
    return true;
}

} // namespace

ConfiguredSplit configuredSplit(const AppDeploymentPlan& plan, const QString& pathIn)
{
    ConfiguredSplit out;
    if (!plan.traffic || plan.traffic->http.isEmpty()) {
        out.problem = ktr("kube::rollout", "AppDeployment %1 routes no traffic (no spec.traffic)")
                          .arg(plan.name);
        return out;
    }
    const QString path = pathIn.isEmpty() ? QStringLiteral("/") : pathIn;
    const RoutingApi api = effectiveRouting(plan);
    int bestRank = -1;
    for (int i = 0; i < plan.traffic->http.size(); ++i) {
        const HttpRule& rule = plan.traffic->http.at(i);
        int ruleRank = -1;
        if (rule.match.isEmpty()) {
            ruleRank = 1;
        } else {
            for (const QJsonValue& m : rule.match) {
                int rank = 0;
                if (pathMatches(m.toObject(), path, api, &rank))
                    ruleRank = std::max(ruleRank, rank);
            }
        }
        if (ruleRank < 0)
            continue;
        if (api == RoutingApi::VirtualService) {
            out.rule = i;
            break;
        }
        if (ruleRank > bestRank) {
            bestRank = ruleRank;
            out.rule = i;
        }
    }
    if (out.rule < 0) {
        out.problem = ktr("kube::rollout", "no http rule of AppDeployment %1 matches a GET of %2")
                          .arg(plan.name, path);
        return out;
    }
    for (const WeightedTarget& t : plan.traffic->http.at(out.rule).weightedTargets)
        out.weights[t.revisionName] += t.weight;
    const QString first = plan.traffic->hosts.value(0).trimmed();
    if (first.isEmpty() || first.contains(QLatin1Char('*')))
        out.hostProblem =
            ktr("kube::rollout", "the route's first host is \"%1\": give the Host to send "
                                 "with --host")
                .arg(first);
    else
        out.host = first;
    return out;
}

} // namespace kube::rollout
