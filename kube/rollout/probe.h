#pragma once
// The observed split (issue 12): N requests to a gateway URL with the route's Host header, each
// response attributed to a revision, and the observed share of each revision set against the
// configured weight with a 95 % interval. UI-free: `veladesk probe` runs it blocking, the GUI's
// "Verify split" on a thread of its own with progress.
//
// Attribution of a response, in order: the x-veladesk-revision response header (the rendered
// routes set it per destination), else a configurable header (e.g. X-Pod-Revision), else the
// first body fingerprint (revision, text) whose text the body contains. Only 2xx responses are
// attributed; non-2xx answers, requests without an answer (refused, timed out, TLS failure) and
// 2xx answers nothing attributes are counted and reported apart.
//
// Bounds: at most `concurrency` requests in flight (one libcurl multi handle), each ended after
// `requestTimeout`; a body is read up to `maxBodyBytes` for fingerprints (the rest is
// discarded) and headers up to 64 KiB per response. When `giveUpAfter` requests in a row get no
// HTTP answer, the probe stops (an unreachable or black-holed gateway is reported in seconds,
// not after N timeouts). TLS is always verified (the system store, or `caFile`); the host is
// the TLS server name too (curl's --connect-to keeps the connection on the URL's address), so
// the certificate is checked for the route's host.
//
// Threading: ProbeJob::start() runs on a thread of its own and returns at once; progress()
// (a partial result, at most every 100 ms) and finished() (exactly once) are emitted from that
// thread. run() works in the calling thread (command line, tests). cancel() is honoured within
// 50 ms; the result then says cancelled.

#include "kube/rollout/plan.h"
#include "kube/status.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <optional>

namespace kube::rollout {

// A share's confidence interval, as fractions.
struct ShareInterval
{
    double low = 0;
    double high = 1;
    bool contains(double share) const { return share >= low - 1e-12 && share <= high + 1e-12; }
};
// The Wilson score interval of `successes` in `trials` (95 % with the default z); [0, 1] when
// there are no trials.
ShareInterval wilsonInterval(qint64 successes, qint64 trials, double z = 1.959963984540054);

struct BodyFingerprint
{
    QString revision;
    QString text; // a response whose body contains it is this revision's
};

struct ProbeOptions
{
    QString url;  // http:// or https://, path included
    QString host; // Host header (and TLS server name); empty: the URL's host
    int requests = 200;
    int concurrency = 8;
    std::chrono::milliseconds requestTimeout{std::chrono::seconds(5)};
    QString revisionHeader = QStringLiteral("x-veladesk-revision");
    QString fallbackHeader; // tried when revisionHeader is absent; empty: none
    QList<BodyFingerprint> fingerprints;
    // Configured weights per revision (percent of the rule the URL reaches); revisions that
    // answer without being here count as configured 0.
    QMap<QString, int> configured;
    QString caFile;                  // PEM bundle to trust instead of the system store
    qint64 maxBodyBytes = 64 * 1024; // read for fingerprints only
    int giveUpAfter = 0;             // 0: max(10, 2 x concurrency)
};
// Invalid (naming the option) for an URL that is not http(s), requests outside 1..100000,
// concurrency outside 1..256, a timeout outside 100 ms..10 min, a host with a port or a path,
// a fingerprint without revision or text.
Status validateProbeOptions(const ProbeOptions& options);

struct RevisionShare
{
    QString revision;
    qint64 responses = 0;
    double observed = 0; // share of the attributed responses
    ShareInterval interval;
    double configured = 0;     // configured share (0 when not configured)
    bool isConfigured = false; // the revision is in ProbeOptions::configured
    bool outside = false;      // the configured share lies outside the interval
};

struct ProbeResult
{
    QString url;
    QString host;
    int requested = 0;
    int sent = 0;
    int completed = 0;    // ended, in any way
    int answered = 0;     // got an HTTP answer
    int ok2xx = 0;        // of them 2xx
    int attributed = 0;   // 2xx attributed to a revision
    int unattributed = 0; // 2xx nothing attributes
    int non2xx = 0;
    int failed = 0;                  // no HTTP answer
    QMap<int, int> statusCodes;      // every HTTP status answered -> count
    QMap<QString, int> failures;     // "connection refused", "timeout", "TLS", ... -> count
    QStringList failureSamples;      // first distinct error messages (at most 5)
    QMap<QString, int> attributedBy; // "header x-veladesk-revision", "body fingerprint" -> count
    QList<RevisionShare> revisions;  // configured ones (by name), then the others that answered
    bool stoppedEarly = false;
    QString stopReason;
    bool cancelled = false;
    qint64 elapsedMs = 0;

    const RevisionShare* revision(const QString& name) const;
    // Some response was attributed and every revision's configured share lies in its interval.
    bool splitMatches() const;
    // Every request got a 2xx answer that was attributed, and the probe ran to the end.
    bool clean() const;
    bool ok() const { return splitMatches() && clean(); }
    QString summary() const; // one paragraph: counts, failures, verdict
    QJsonObject toJson() const;
};

class ProbeJob : public QObject
{
    Q_OBJECT
public:
    explicit ProbeJob(ProbeOptions options, QObject* parent = nullptr);
    ~ProbeJob() override; // cancels and waits for a running job

    void start();      // on a thread of its own; finished() follows exactly once
    ProbeResult run(); // in the calling thread (never the GUI thread)
    void cancel();
    bool isRunning() const;
    ProbeResult result() const; // the last finished result

Q_SIGNALS:
    void progress(const kube::rollout::ProbeResult& partial);
    void finished(const kube::rollout::ProbeResult& result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// What a plan configures for requests to `path` (GET, no particular headers): the http rule
// such a request reaches (VirtualService: the first that matches, in order; HTTPRoute: the most
// specific match) with its weights per revision, and the Host to send (the first host).
struct ConfiguredSplit
{
    int rule = -1; // index in spec.traffic.http
    QMap<QString, int> weights;
    QString host;
    QString problem;     // why no rule applies (no traffic, no rule matches the path)
    QString hostProblem; // why `host` is empty (a wildcard first host: give --host)
};
ConfiguredSplit configuredSplit(const AppDeploymentPlan& plan, const QString& path);

} // namespace kube::rollout

Q_DECLARE_METATYPE(kube::rollout::ProbeResult)
