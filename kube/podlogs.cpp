#include "kube/podlogs.h"

#include "kube/podstate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <mutex>
#include <utility>

namespace kube {

// ---------------------------------------------------------------------------------------------
// Timestamps

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(QByteArrayView t, qsizetype at, int n, int* out)
{
    if (at + n > t.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = t[at + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

} // namespace

bool parseRfc3339Nanos(QByteArrayView t, qint64* nanos)
{
    int y, mo, d, h, mi, s;
    if (!digits(t, 0, 4, &y) || t.size() < 20 || t[4] != '-' || !digits(t, 5, 2, &mo) ||
        t[7] != '-' || !digits(t, 8, 2, &d) || (t[10] != 'T' && t[10] != 't') ||
        !digits(t, 11, 2, &h) || t[13] != ':' || !digits(t, 14, 2, &mi) || t[16] != ':' ||
        !digits(t, 17, 2, &s))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return false;
    qsizetype at = 19;
    qint64 fraction = 0;
    if (at < t.size() && t[at] == '.') {
        ++at;
        int n = 0;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9') {
            if (n < 9) {
                fraction = fraction * 10 + (t[at] - '0');
                ++n;
            }
            ++at;
        }
        if (n == 0)
            return false;
        for (; n < 9; ++n)
            fraction *= 10;
    }
    qint64 offsetSeconds = 0;
    if (at < t.size() && (t[at] == 'Z' || t[at] == 'z')) {
        ++at;
    } else if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
        int oh, om;
        if (!digits(t, at + 1, 2, &oh) || at + 3 >= t.size() || t[at + 3] != ':' ||
            !digits(t, at + 4, 2, &om))
            return false;
        offsetSeconds = (oh * 3600 + om * 60) * (t[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return false;
    }
    if (at != t.size())
        return false;
    const qint64 secs = daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 +
                        s - offsetSeconds;
    *nanos = secs * 1000000000 + fraction;
    return true;
}

QByteArray formatRfc3339Nanos(qint64 nanos)
{
    qint64 secs = nanos / 1000000000;
    qint64 frac = nanos % 1000000000;
    if (frac < 0) {
        frac += 1000000000;
        --secs;
    }
    const QDateTime t = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + '.' +
           QByteArray::number(frac).rightJustified(9, '0') + 'Z';
}

QDateTime LogLine::time() const
{
    if (timeNs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(timeNs / 1000000, Qt::UTC);
}

// ---------------------------------------------------------------------------------------------
// PodLogStream

namespace {

qint64 costOf(const LogLine& l)
{
    return qint64(l.text.size()) * qint64(sizeof(QChar)) + l.timestamp.size() +
           qint64(sizeof(LogLine));
}

// Cuts UTF-8 text to at most n bytes without splitting a character.
qsizetype utf8Cut(const QByteArray& b, qsizetype n)
{
    if (b.size() <= n)
        return b.size();
    while (n > 0 && (uchar(b.at(n)) & 0xC0) == 0x80)
        --n;
    return n;
}

// DNS-1123 subdomain (pod, Deployment names) and label (namespaces, containers), and a label
// value (revision names in a selector), as the API server checks them. A name is checked
// before it goes into a request path, so "../x" never reaches one.
bool isSubdomain(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return s.size() <= 253 && re.match(s).hasMatch();
}

bool isLabel(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return s.size() <= 63 && re.match(s).hasMatch();
}

bool isLabelValue(const QString& s)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"));
    return s.size() <= 63 && re.match(s).hasMatch();
}

Status invalidName(const QString& what, const QString& name, const QString& rule)
{
    return Status::error(Status::Kind::Invalid,
                         ktr("kube", "\"%1\" is not a valid %2 name (%3)").arg(name, what, rule),
                         QStringLiteral("%1 %2").arg(what, name), QStringLiteral("InvalidName"));
}

const QString kSubdomainRule = QStringLiteral(
    "lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at "
    "most 253 characters");
const QString kLabelRule = QStringLiteral("lower-case letters, digits and '-', starting and "
                                          "ending with a letter or digit, at most 63 characters");

} // namespace

// Turns one raw line ("<timestamp> <text>", newline removed) into a LogLine, cut at
// maxLineBytes (plus the bytes already dropped while receiving it).
static LogLine parseLine(QByteArray body, qint64 cutBytes, int maxLineBytes)
{
    LogLine line;
    if (body.endsWith('\r'))
        body.chop(1);
    const qsizetype space = body.indexOf(' ');
    qint64 ns = 0;
    if (space > 0 && parseRfc3339Nanos(QByteArrayView(body).first(space), &ns)) {
        line.timeNs = ns;
        line.timestamp = body.left(space);
        body.remove(0, space + 1);
    }
    const qsizetype keep = utf8Cut(body, maxLineBytes);
    if (keep < body.size()) {
        cutBytes += body.size() - keep;
        body.truncate(keep);
    }
    line.text = QString::fromUtf8(body);
    line.cutBytes = cutBytes;
    return line;
}

// What the transport's thread and the owner's thread share. The transport's thread splits
// chunks into lines and parses them without the lock (the line under way is its own), then,
// under `mutex`, drops the boundary lines a resumed connection repeats and queues the rest
// (bounded); the owner's thread takes the queue in batches. The lock is held only for cheap
// steps, so the owner's thread never waits on parsing.
struct LogShared
{
    PodLogLimits limits; // set before the first connection, then read only

    // The transport's thread only: the line being received (bounded), for connection
    // `partialGeneration`.
    quint64 partialGeneration = 0;
    QByteArray partial;
    qint64 partialCut = 0;

    std::mutex mutex;              // guards everything below
    PodLogStream* owner = nullptr; // cleared by the owner's destructor
    quint64 generation = 0;        // of the connection whose data is accepted

    // Resume: the last timestamp delivered and the texts delivered with exactly that time.
    qint64 lastNs = 0;
    QStringList boundary;
    QStringList skip;      // boundary lines a resumed connection has yet to repeat
    bool resuming = false; // until the first line past the boundary

    QList<LogLine> pending;
    qint64 pendingCost = 0;
    qint64 pendingDropped = 0;
    qint64 cut = 0;
    bool flushPosted = false;
    bool startedPosted = false;

    template <typename F> void post(F f);

    // Splits a chunk of connection `gen` into complete lines (transport's thread, no lock).
    QList<LogLine> split(quint64 gen, const QByteArray& chunk)
    {
        if (gen != partialGeneration) {
            partialGeneration = gen;
            partial.clear();
            partialCut = 0;
        }
        QList<LogLine> lines;
        const qsizetype bound = qsizetype(limits.maxLineBytes) + 64; // room for the timestamp
        qsizetype at = 0;
        while (at < chunk.size()) {
            const qsizetype nl = chunk.indexOf('\n', at);
            const qsizetype end = nl < 0 ? chunk.size() : nl;
            const qsizetype room = std::max<qsizetype>(0, bound - partial.size());
            const qsizetype take = std::min(room, end - at);
            partial.append(chunk.constData() + at, take);
            partialCut += (end - at) - take;
            if (nl < 0)
                break;
            lines.append(parseLine(std::exchange(partial, {}), partialCut, limits.maxLineBytes));
            partialCut = 0;
            at = nl + 1;
        }
        return lines;
    }

    // The rest of connection `gen` when it ended complete: its last line may lack a newline.
    QList<LogLine> rest(quint64 gen)
    {
        QList<LogLine> lines;
        if (gen != partialGeneration)
            return lines; // no data of that connection, or a newer one's line under way
        if (!partial.isEmpty())
            lines.append(parseLine(partial, partialCut, limits.maxLineBytes));
        partial.clear();
        partialCut = 0;
        return lines;
    }

    // Under the lock.
    void accept(LogLine line)
    {
        if (resuming && line.timeNs != 0) {
            if (line.timeNs < lastNs)
                return;
            if (line.timeNs == lastNs) {
                const qsizetype i = skip.indexOf(line.text);
                if (i >= 0) {
                    skip.removeAt(i);
                    return;
                }
            }
            resuming = false;
            skip.clear();
        }
        if (line.timeNs != 0) {
            if (line.timeNs == lastNs) {
                if (boundary.size() < limits.maxLines)
                    boundary.append(line.text);
            } else {
                lastNs = line.timeNs;
                boundary = {line.text};
            }
        }
        if (line.cutBytes > 0)
            ++cut;
        pendingCost += costOf(line);
        pending.append(std::move(line));
        while (!pending.isEmpty() &&
               (pending.size() > limits.maxLines || pendingCost > limits.maxBytes)) {
            pendingCost -= costOf(pending.first());
            pending.removeFirst();
            ++pendingDropped;
        }
    }
};

struct PodLogStream::Private
{
    PodLogStream* q = nullptr;
    std::shared_ptr<Client> client;
    QString ns, pod;
    PodLogOptions options;
    PodLogLimits limits;
    std::shared_ptr<LogShared> shared = std::make_shared<LogShared>();

    LogStreamState state = LogStreamState::Idle;
    QString stateMessage;
    Status finalStatus;

    std::deque<LogLine> ring;
    qint64 ringCost = 0;
    qint64 dropped = 0;
    qint64 undelivered = 0;
    qint64 delivered = 0;
    qint64 cut = 0;
    int resumes = 0;
    int failures = 0;
    bool haveLine = false; // a line was delivered: resume from its timestamp

    quint64 generation = 0;
    std::function<void()> cancel;
    QElapsedTimer connectionAge;
    QTimer batchTimer;
    QTimer retryTimer;

    void setState(LogStreamState s, const QString& message)
    {
        if (s == state && message == stateMessage)
            return;
        state = s;
        stateMessage = message;
        Q_EMIT q->stateChanged(s, message);
    }

    QString object() const
    {
        QString o = QStringLiteral("pod %1/%2").arg(ns, pod);
        if (!options.container.isEmpty())
            o += QStringLiteral(" container %1").arg(options.container);
        return o;
    }

    void cancelConnection()
    {
        if (cancel) {
            cancel();
            cancel = {};
        }
    }

    Status checkNames() const
    {
        if (!isLabel(ns))
            return invalidName(QStringLiteral("namespace"), ns, kLabelRule);
        if (!isSubdomain(pod))
            return invalidName(QStringLiteral("pod"), pod, kSubdomainRule);
        if (!options.container.isEmpty() && !isLabel(options.container))
            return invalidName(QStringLiteral("container"), options.container, kLabelRule);
        return {};
    }

    void connect()
    {
        cancelConnection();
        const quint64 gen = ++generation;
        Request req;
        req.path = ResourceType::pods().objectPath(ns, pod) + QStringLiteral("/log");
        if (!options.container.isEmpty())
            req.query.addQueryItem(QStringLiteral("container"), options.container);
        if (options.previous)
            req.query.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
        if (options.follow)
            req.query.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
        // Always: they locate each line, for resuming; stripped unless asked for.
        req.query.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
        {
            std::lock_guard lock(shared->mutex);
            shared->generation = gen;
            shared->startedPosted = false;
            shared->resuming = haveLine;
            shared->skip = haveLine ? shared->boundary : QStringList();
            if (haveLine) {
                req.query.addQueryItem(QStringLiteral("sinceTime"),
                                       QString::fromLatin1(formatRfc3339Nanos(shared->lastNs)));
            }
        }
        if (!haveLine) {
            if (options.tailLines >= 0)
                req.query.addQueryItem(QStringLiteral("tailLines"),
                                       QString::number(options.tailLines));
            if (options.sinceTime.isValid())
                req.query.addQueryItem(QStringLiteral("sinceTime"),
                                       options.sinceTime.toUTC().toString(Qt::ISODateWithMs));
        }
        req.accept = "text/plain, */*";
        req.object = object();
        req.retryReads = false;
        req.timeoutMs = 0; // a log may be long and a follow endless; the stream is cancellable
        std::shared_ptr<LogShared> s = shared;
        connectionAge.start();
        cancel = client->stream(
            req,
            [s, gen](const QByteArray& chunk) {
                QList<LogLine> lines = s->split(gen, chunk);
                if (lines.isEmpty())
                    return;
                std::lock_guard lock(s->mutex);
                if (gen != s->generation)
                    return;
                for (LogLine& l : lines)
                    s->accept(std::move(l));
                if (!s->pending.isEmpty() && !s->flushPosted) {
                    s->flushPosted = true;
                    s->post([](PodLogStream* o) { o->d->scheduleFlush(); });
                }
            },
            [s, gen](Response r) {
                // A complete answer's last line may lack its newline; a cut one's is dropped.
                QList<LogLine> last = s->rest(gen);
                {
                    std::lock_guard lock(s->mutex);
                    if (gen != s->generation)
                        return;
                    if (r.status.ok())
                        for (LogLine& l : last)
                            s->accept(std::move(l));
                }
                s->post([gen, r = std::move(r)](PodLogStream* o) { o->d->onEnded(gen, r); });
            },
            [s, gen](int code) {
                if (code < 200 || code >= 300)
                    return;
                std::lock_guard lock(s->mutex);
                if (gen != s->generation || s->startedPosted)
                    return;
                s->startedPosted = true;
                s->post([gen](PodLogStream* o) { o->d->onStarted(gen); });
            });
    }

    void onStarted(quint64 gen)
    {
        if (gen != generation || state == LogStreamState::Finished ||
            state == LogStreamState::Failed)
            return;
        setState(LogStreamState::Streaming, {});
    }

    void scheduleFlush()
    {
        if (!batchTimer.isActive())
            batchTimer.start(limits.batchMs);
    }

    void flush()
    {
        batchTimer.stop();
        QList<LogLine> batch;
        qint64 lost = 0;
        {
            std::lock_guard lock(shared->mutex);
            batch.swap(shared->pending);
            shared->pendingCost = 0;
            lost = shared->pendingDropped;
            shared->pendingDropped = 0;
            cut = shared->cut;
            shared->flushPosted = false;
        }
        dropped += lost;
        undelivered += lost;
        if (batch.isEmpty())
            return;
        haveLine = true;
        failures = 0; // lines arrive: whatever went wrong before is over
        qint64 leftRing = 0;
        for (const LogLine& l : batch) {
            ringCost += costOf(l);
            ring.push_back(l);
        }
        while (!ring.empty() &&
               (qsizetype(ring.size()) > limits.maxLines || ringCost > limits.maxBytes)) {
            ringCost -= costOf(ring.front());
            ring.pop_front();
            ++leftRing;
        }
        dropped += leftRing;
        delivered += batch.size();
        Q_EMIT q->linesAdded(batch, leftRing);
    }

    void finish(const Status& status)
    {
        cancelConnection();
        retryTimer.stop();
        finalStatus = status;
        if (status.ok())
            setState(LogStreamState::Finished, {});
        else
            setState(LogStreamState::Failed, status.toString());
        Q_EMIT q->finished(status);
    }

    // Worth resuming: the connection failed or the server could not answer for now. An API
    // server that is restarting refuses connections, or accepts and drops them during the
    // TLS handshake; 4xx answers, untrusted certificates and bad credentials are final.
    static bool transient(const Status& s)
    {
        switch (s.kind) {
        case Status::Kind::Transport:
            return true;
        case Status::Kind::Tls:
            return s.reason == QLatin1String("TLSHandshakeFailed");
        case Status::Kind::Http:
            return s.httpCode >= 500 || s.httpCode == 429;
        default:
            return false;
        }
    }

    void onEnded(quint64 gen, const Response& r)
    {
        if (gen != generation)
            return;
        cancel = {};
        flush();
        if (state == LogStreamState::Finished || state == LogStreamState::Failed)
            return;
        if (r.status.kind == Status::Kind::Cancelled)
            return; // stop() or the client went away
        if (r.status.ok()) {
            if (!options.follow || options.previous) {
                finish(Status::success());
                return;
            }
            // The server ended a follow: the container stopped, or the connection was closed
            // on the server's side (an API server shutting down). Ask the pod which it was.
            checkContainerRunning(gen);
            return;
        }
        if (!transient(r.status)) {
            finish(r.status);
            return;
        }
        if (!options.follow && failures + 1 >= limits.nonFollowAttempts) {
            finish(r.status);
            return;
        }
        retryLater(r.status.toString());
    }

    void checkContainerRunning(quint64 gen)
    {
        QPointer<PodLogStream> self = q;
        client->get(ResourceType::pods(), ns, pod)
            .then(q, [this, self, gen](Result<QJsonObject> r) {
                if (!self || gen != generation || state == LogStreamState::Finished ||
                    state == LogStreamState::Failed)
                    return;
                if (!r) {
                    if (r.status.isNotFound())
                        finish(Status::success()); // the pod is gone: so is its log
                    else
                        retryLater(ktr("kube", "the log stream ended and the pod could not "
                                               "be read: %1")
                                       .arg(r.status.toString()));
                    return;
                }
                const QString container =
                    options.container.isEmpty() ? defaultContainer(r.value) : options.container;
                bool running = false;
                const QJsonArray statuses = r.value.value(QStringLiteral("status"))
                                                .toObject()
                                                .value(QStringLiteral("containerStatuses"))
                                                .toArray();
                for (const QJsonValue& v : statuses) {
                    const QJsonObject cs = v.toObject();
                    if (cs.value(QStringLiteral("name")).toString() == container)
                        running = cs.value(QStringLiteral("state"))
                                      .toObject()
                                      .contains(QStringLiteral("running"));
                }
                if (!running || beingDeleted(r.value))
                    finish(Status::success());
                else
                    retryLater(ktr("kube", "the server closed the log stream while the "
                                           "container still runs"));
            });
    }

    void retryLater(const QString& why)
    {
        ++failures;
        // A connection that lived a while and then dropped is resumed quickly; repeated
        // failures back off: 0.5 s doubling up to maxBackoffMs, each jittered by +-25 %.
        const int base = std::min(limits.maxBackoffMs, 500 << std::min(failures - 1, 10));
        const double jitter = 0.75 + QRandomGenerator::global()->generateDouble() * 0.5;
        const int delay = std::max(50, int(base * jitter));
        setState(
            LogStreamState::Reconnecting,
            ktr("kube", "%1 (resuming in %2 s)").arg(why, QString::number(delay / 1000.0, 'f', 1)));
        retryTimer.start(delay);
    }

    void resume()
    {
        if (state != LogStreamState::Reconnecting)
            return;
        ++resumes;
        connect();
    }
};

template <typename F> void LogShared::post(F f)
{
    if (owner)
        QMetaObject::invokeMethod(
            owner, [o = owner, f = std::move(f)]() mutable { f(o); }, Qt::QueuedConnection);
}

PodLogStream::PodLogStream(std::shared_ptr<Client> client, QString namespaceName, QString podName,
                           PodLogOptions options, PodLogLimits limits, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<kube::LogLine>();
    qRegisterMetaType<QList<kube::LogLine>>();
    qRegisterMetaType<kube::LogStreamState>();
    qRegisterMetaType<kube::Status>();
    d->q = this;
    d->client = std::move(client);
    d->ns = std::move(namespaceName);
    d->pod = std::move(podName);
    d->options = std::move(options);
    limits.maxLines = std::max(1, limits.maxLines);
    limits.maxLineBytes = std::max(1, limits.maxLineBytes);
    limits.maxBytes = std::max<qint64>(4096, limits.maxBytes);
    limits.batchMs = std::max(0, limits.batchMs);
    d->limits = limits;
    d->shared->owner = this;
    d->shared->limits = limits;
    d->batchTimer.setSingleShot(true);
    d->retryTimer.setSingleShot(true);
    QObject::connect(&d->batchTimer, &QTimer::timeout, this, [this] { d->flush(); });
    QObject::connect(&d->retryTimer, &QTimer::timeout, this, [this] { d->resume(); });
}

PodLogStream::~PodLogStream()
{
    {
        std::lock_guard lock(d->shared->mutex);
        d->shared->owner = nullptr;
    }
    d->cancelConnection();
}

void PodLogStream::start()
{
    d->cancelConnection();
    d->retryTimer.stop();
    d->batchTimer.stop();
    {
        std::lock_guard lock(d->shared->mutex);
        d->shared->pending.clear();
        d->shared->pendingCost = 0;
        d->shared->pendingDropped = 0;
        d->shared->cut = 0;
        d->shared->flushPosted = false;
        d->shared->lastNs = 0;
        d->shared->boundary.clear();
    }
    d->ring.clear();
    d->ringCost = 0;
    d->dropped = d->undelivered = d->delivered = d->cut = 0;
    d->resumes = d->failures = 0;
    d->haveLine = false;
    d->finalStatus = {};
    d->setState(LogStreamState::Connecting, {});
    if (Status bad = d->checkNames(); !bad.ok()) {
        // Said on the owner's next turn, like any other outcome: finished() is never
        // emitted from within start().
        QMetaObject::invokeMethod(
            this, [this, bad] { d->finish(bad); }, Qt::QueuedConnection);
        return;
    }
    d->connect();
}

void PodLogStream::stop()
{
    if (d->state == LogStreamState::Finished || d->state == LogStreamState::Failed ||
        d->state == LogStreamState::Idle)
        return;
    ++d->generation;
    {
        std::lock_guard lock(d->shared->mutex);
        d->shared->generation = d->generation; // late data of the cancelled one is ignored
    }
    d->cancelConnection();
    d->retryTimer.stop();
    d->flush();
    d->finalStatus = {};
    d->setState(LogStreamState::Finished, {});
}

const QString& PodLogStream::namespaceName() const
{
    return d->ns;
}
const QString& PodLogStream::podName() const
{
    return d->pod;
}
const PodLogOptions& PodLogStream::options() const
{
    return d->options;
}
const PodLogLimits& PodLogStream::limits() const
{
    return d->limits;
}
LogStreamState PodLogStream::state() const
{
    return d->state;
}
QString PodLogStream::stateMessage() const
{
    return d->stateMessage;
}
Status PodLogStream::finalStatus() const
{
    return d->finalStatus;
}
qsizetype PodLogStream::lineCount() const
{
    return qsizetype(d->ring.size());
}
const LogLine& PodLogStream::lineAt(qsizetype i) const
{
    return d->ring.at(size_t(i));
}
QList<LogLine> PodLogStream::lines() const
{
    return QList<LogLine>(d->ring.begin(), d->ring.end());
}
qint64 PodLogStream::droppedLines() const
{
    return d->dropped;
}
qint64 PodLogStream::undeliveredLines() const
{
    return d->undelivered;
}
qint64 PodLogStream::deliveredLines() const
{
    return d->delivered;
}
qint64 PodLogStream::cutLines() const
{
    return d->cut;
}
int PodLogStream::resumes() const
{
    return d->resumes;
}

// ---------------------------------------------------------------------------------------------
// Containers and targets

QStringList containerNames(const QJsonObject& pod)
{
    QStringList names;
    const QJsonArray cs =
        pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray();
    for (const QJsonValue& c : cs)
        names << c.toObject().value(QStringLiteral("name")).toString();
    return names;
}

QString defaultContainer(const QJsonObject& pod)
{
    const QStringList names = containerNames(pod);
    const QString annotated = pod.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("annotations"))
                                  .toObject()
                                  .value(QStringLiteral("kubectl.kubernetes.io/default-container"))
                                  .toString();
    if (!annotated.isEmpty() && names.contains(annotated))
        return annotated;
    return names.value(0);
}

QString labelSelectorString(const QJsonObject& selector)
{
    QStringList parts;
    const QJsonObject labels = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    const QJsonArray exprs = selector.value(QStringLiteral("matchExpressions")).toArray();
    for (const QJsonValue& v : exprs) {
        const QJsonObject e = v.toObject();
        const QString key = e.value(QStringLiteral("key")).toString();
        const QString op = e.value(QStringLiteral("operator")).toString();
        QStringList values;
        for (const QJsonValue& x : e.value(QStringLiteral("values")).toArray())
            values << x.toString();
        if (op == QLatin1String("In"))
            parts << QStringLiteral("%1 in (%2)").arg(key, values.join(QLatin1Char(',')));
        else if (op == QLatin1String("NotIn"))
            parts << QStringLiteral("%1 notin (%2)").arg(key, values.join(QLatin1Char(',')));
        else if (op == QLatin1String("Exists"))
            parts << key;
        else if (op == QLatin1String("DoesNotExist"))
            parts << QLatin1Char('!') + key;
    }
    return parts.join(QLatin1Char(','));
}

namespace {

QString podName(const QJsonObject& pod)
{
    return pod.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

QString created(const QJsonObject& pod)
{
    return pod.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("creationTimestamp"))
        .toString();
}

using TargetPromise = std::shared_ptr<QPromise<Result<LogTargetPods>>>;

void settle(const TargetPromise& p, Result<LogTargetPods> r)
{
    p->addResult(std::move(r));
    p->finish();
}

void fail(const TargetPromise& p, Status s)
{
    settle(p, Result<LogTargetPods>::failure(std::move(s)));
}

void listPodsFor(const std::shared_ptr<Client>& client, const QString& ns, const QString& selector,
                 LogTargetPods target, bool pickOne, const TargetPromise& p)
{
    ListOptions o;
    o.labelSelector = selector;
    client->list(ResourceType::pods(), ns, o)
        .then([p, target, pickOne, ns, selector](Result<ObjectList> r) mutable {
            if (!r) {
                fail(p, r.status);
                return;
            }
            QList<QJsonObject> pods = r.value.items;
            if (pods.isEmpty()) {
                fail(p, Status::error(Status::Kind::Invalid,
                                      ktr("kube", "%1 has no pods in namespace %2 (selector %3)")
                                          .arg(target.description, ns, selector),
                                      target.description, QStringLiteral("NoPods")));
                return;
            }
            if (pickOne) {
                // kubectl's pick: a running, ready pod that is not terminating first, then the
                // oldest.
                std::stable_sort(pods.begin(), pods.end(),
                                 [](const QJsonObject& a, const QJsonObject& b) {
                                     const bool ra = podServing(a), rb = podServing(b);
                                     if (ra != rb)
                                         return ra;
                                     return created(a) < created(b);
                                 });
                pods = {pods.first()};
            } else {
                std::sort(pods.begin(), pods.end(), [](const QJsonObject& a, const QJsonObject& b) {
                    return podName(a) < podName(b);
                });
            }
            target.pods = pods;
            target.multiple = !pickOne;
            settle(p, Result<LogTargetPods>::success(target));
        });
}

} // namespace

QFuture<Result<LogTargetPods>> resolveLogTarget(const std::shared_ptr<Client>& client,
                                                const QString& ns, const QString& target,
                                                bool allPods)
{
    auto p = std::make_shared<QPromise<Result<LogTargetPods>>>();
    p->start();
    QFuture<Result<LogTargetPods>> future = p->future();
    QString kind = QStringLiteral("pod");
    QString name = target;
    if (target.contains(QLatin1Char('/'))) {
        kind = target.section(QLatin1Char('/'), 0, 0).toLower();
        name = target.section(QLatin1Char('/'), 1);
    }
    if (name.isEmpty()) {
        fail(p,
             Status::error(Status::Kind::Invalid,
                           ktr("kube", "\"%1\": a name is missing after the slash").arg(target)));
        return future;
    }
    const bool revision = kind == QLatin1String("revision") || kind == QLatin1String("revisions") ||
                          kind == QLatin1String("applicationrevision") ||
                          kind == QLatin1String("rev");
    if (!isLabel(ns)) {
        fail(p, invalidName(QStringLiteral("namespace"), ns, kLabelRule));
        return future;
    }
    if (revision ? !isLabelValue(name) : !isSubdomain(name)) {
        fail(p, revision ? invalidName(QStringLiteral("revision"), name,
                                       ktr("kube", "letters, digits, '-', '_' and '.', "
                                                   "starting and ending with a letter or "
                                                   "digit, at most 63 characters"))
                         : invalidName(kind, name, kSubdomainRule));
        return future;
    }
    LogTargetPods t;
    if (kind == QLatin1String("pod") || kind == QLatin1String("pods") ||
        kind == QLatin1String("po")) {
        t.description = QStringLiteral("pod %1").arg(name);
        client->get(ResourceType::pods(), ns, name).then([p, t](Result<QJsonObject> r) mutable {
            if (!r) {
                fail(p, r.status);
                return;
            }
            t.pods = {r.value};
            settle(p, Result<LogTargetPods>::success(t));
        });
    } else if (kind == QLatin1String("deployment") || kind == QLatin1String("deployments") ||
               kind == QLatin1String("deploy")) {
        t.description = QStringLiteral("deployment %1").arg(name);
        std::shared_ptr<Client> c = client;
        client->get(ResourceType::deployments(), ns, name)
            .then([p, t, c, ns, allPods](Result<QJsonObject> r) {
                if (!r) {
                    fail(p, r.status);
                    return;
                }
                const QString selector = labelSelectorString(r.value.value(QStringLiteral("spec"))
                                                                 .toObject()
                                                                 .value(QStringLiteral("selector"))
                                                                 .toObject());
                if (selector.isEmpty()) {
                    fail(p,
                         Status::error(Status::Kind::Invalid,
                                       ktr("kube", "%1 has no pod selector").arg(t.description)));
                    return;
                }
                listPodsFor(c, ns, selector, t, !allPods, p);
            });
    } else if (revision) {
        t.description = QStringLiteral("revision %1").arg(name);
        listPodsFor(client, ns, QStringLiteral("app.oam.dev/appRevision=%1").arg(name), t, false,
                    p);
    } else {
        fail(p, Status::error(Status::Kind::Invalid,
                              ktr("kube", "cannot show logs of \"%1\": the kind \"%2\" is not "
                                          "one of pod, deployment, revision")
                                  .arg(target, kind)));
    }
    return future;
}

} // namespace kube
