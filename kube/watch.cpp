#include "kube/watch.h"

#include "kube/clientcore.h"
#include "kube/watchdecoder.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <mutex>

namespace kube {

using namespace detail;

namespace {

// Hands results from the transport's thread to the Watch's thread. The Watch clears `watch`
// under the mutex before it dies; events already posted to it are dropped by Qt with it.
struct Sink
{
    std::mutex mutex;
    Watch* watch = nullptr;

    template <typename F> void post(F f)
    {
        std::lock_guard lock(mutex);
        if (watch)
            QMetaObject::invokeMethod(
                watch, [w = watch, f = std::move(f)]() mutable { f(w); }, Qt::QueuedConnection);
    }
};

QString uidOf(const QJsonObject& o)
{
    const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    const QString uid = meta.value(QStringLiteral("uid")).toString();
    if (!uid.isEmpty())
        return uid;
    return meta.value(QStringLiteral("namespace")).toString() + QLatin1Char('/') +
           meta.value(QStringLiteral("name")).toString();
}

QString rvOf(const QJsonObject& o)
{
    return o.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("resourceVersion"))
        .toString();
}

// What the watch keeps of an object: the object itself, or (Watch::setCacheIdentityOnly) only
// what tells it apart, about 150 bytes instead of a QJsonObject's 1 KB or more.
struct Known
{
    QString resourceVersion;
    QJsonObject object; // empty when only the identity is kept
    QString name;       // identity only
    QString ns;         // identity only

    static Known of(const QJsonObject& o, bool identityOnly, const QString& sharedNs = {})
    {
        Known k;
        const QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        k.resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
        if (!identityOnly) {
            k.object = o;
            return k;
        }
        k.name = meta.value(QLatin1String("name")).toString();
        k.ns = meta.value(QLatin1String("namespace")).toString();
        if (k.ns == sharedNs)
            k.ns = sharedNs; // one string for the namespace of every object
        return k;
    }

    // The object, or its identity: apiVersion, kind, metadata name, namespace, uid and
    // resourceVersion.
    QJsonObject toObject(const QString& uid, const ResourceType& type) const
    {
        if (!object.isEmpty())
            return object;
        QJsonObject meta{{QLatin1String("name"), name},
                         {QLatin1String("uid"), uid},
                         {QLatin1String("resourceVersion"), resourceVersion}};
        if (!ns.isEmpty())
            meta.insert(QLatin1String("namespace"), ns);
        QJsonObject out{{QLatin1String("apiVersion"), type.apiVersion()},
                        {QLatin1String("metadata"), meta}};
        if (!type.kind.isEmpty())
            out.insert(QLatin1String("kind"), type.kind);
        return out;
    }
};

// A stream's event as the owner's thread gets it: what can be read from the object alone
// (kind and apiVersion filled in, uid, resourceVersion, what the cache keeps) is done on the
// transport's thread, so 20,000 events cost the owner only their cache lookups.
struct PreparedEvent
{
    DecodedWatchEvent::Type type = DecodedWatchEvent::Type::Added;
    QJsonObject object;
    QString uid;
    QString resourceVersion;
    Known known; // Added and Modified
};

bool looksPermanent(const Status& s)
{
    return s.kind == Status::Kind::Config || s.kind == Status::Kind::Tls ||
           s.kind == Status::Kind::Invalid || s.httpCode == 401 || s.httpCode == 403 ||
           s.httpCode == 404;
}

} // namespace

struct Watch::Private
{
    Watch* q = nullptr;
    std::shared_ptr<ClientCore> core;
    ResourceType type;
    QString ns;
    ListOptions options;
    quint64 group = newGroup();
    std::shared_ptr<Sink> sink = std::make_shared<Sink>();

    QHash<QString, Known> cache; // uid -> what was last delivered
    QString resourceVersion;
    WatchHealth health = WatchHealth::Connecting;
    QString healthMessage;
    bool running = false;
    bool synced = false;
    int relists = 0;
    int failures = 0;
    // Every list or stream started carries the generation it belongs to; answers of an
    // older generation (after stop(), a relist, ...) are ignored.
    quint64 generation = 0;
    std::shared_ptr<Call> stream;
    QElapsedTimer streamAge;
    std::shared_ptr<const Watch::Transform> transform; // null: objects as the server sent them
    bool firstListAsTable = false;
    bool identityOnly = false; // setCacheIdentityOnly
    // 410 Gone answers in a row, each within 10 s of its stream opening: after the first,
    // listing again waits with backoff (a server that answers 410 to every watch must not
    // cause a relist loop).
    int gonesInARow = 0;
    QTimer retryTimer;

    void setHealth(WatchHealth h, const QString& message)
    {
        if (h == health && message == healthMessage)
            return;
        health = h;
        healthMessage = message;
        Q_EMIT q->healthChanged(h, message);
    }

    void cancelStream()
    {
        if (stream) {
            core->cancel(stream);
            stream.reset();
        }
    }

    void list()
    {
        cancelStream();
        retryTimer.stop();
        const quint64 gen = ++generation;
        ListOptions o = options;
        o.resourceVersion.clear(); // a consistent read: the newest state
        o.resourceVersionMatch.clear();
        o.asTable = firstListAsTable && !synced;
        if (o.limit <= 0)
            o.limit = 500;
        // A Table row is about 3.5 KB (its metadata): ten times fewer round trips for the same
        // bytes per page as 500 whole pods (bench/run.sh: 10,000 pods listed in 2.7 s instead
        // of 3.9-4.3 s).
        if (o.asTable && o.limit == 500)
            o.limit = 5000;
        std::shared_ptr<Sink> s = sink;
        core->listAll(
            type, ns, o,
            [s, gen, identity = identityOnly, ns = ns](Result<ObjectList> r) {
                // The uid index of a large list is built here, on the transport's thread, not
                // on the owner's (10,000 lookups were a stall of their own).
                QHash<QString, Known> fresh;
                if (r) {
                    fresh.reserve(r.value.items.size());
                    for (const QJsonObject& o : r.value.items)
                        fresh.insert(uidOf(o), Known::of(o, identity, ns));
                }
                s->post([gen, r = std::move(r), fresh = std::move(fresh)](Watch* w) mutable {
                    w->d->onListed(gen, r, std::move(fresh));
                });
            },
            group, transform ? *transform : Watch::Transform());
    }

    void onListed(quint64 gen, const Result<ObjectList>& r, QHash<QString, Known> fresh)
    {
        if (gen != generation || !running)
            return;
        if (!r) {
            retryLater(r.status, true);
            return;
        }
        resourceVersion = r.value.resourceVersion;
        if (!synced) {
            synced = true;
            cache = std::move(fresh);
            Q_EMIT q->synced(r.value.items);
        } else {
            // The difference between what was delivered and what is there now.
            QList<WatchEvent> batch;
            for (const QJsonObject& o : r.value.items) {
                const QString uid = uidOf(o);
                auto old = cache.constFind(uid);
                if (old == cache.constEnd())
                    batch.append({WatchEvent::Type::Added, o});
                else if (old->resourceVersion != rvOf(o))
                    batch.append({WatchEvent::Type::Modified, o});
            }
            for (auto it = cache.constBegin(); it != cache.constEnd(); ++it)
                if (!fresh.contains(it.key()))
                    batch.append({WatchEvent::Type::Deleted, it->toObject(it.key(), type)});
            cache = std::move(fresh);
            if (!batch.isEmpty())
                Q_EMIT q->events(batch);
        }
        openStream();
    }

    void openStream()
    {
        cancelStream();
        const quint64 gen = ++generation;
        auto call = std::make_shared<Call>();
        Request& req = call->request;
        req.path = type.collectionPath(ns);
        req.query.addQueryItem(QStringLiteral("watch"), QStringLiteral("true"));
        req.query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
        if (!resourceVersion.isEmpty())
            req.query.addQueryItem(QStringLiteral("resourceVersion"), resourceVersion);
        // The server ends the stream after this; the watch then resumes from the last version
        // without listing again. Randomised (5 to 10 minutes, as client-go does) so that the
        // watches of one client do not all reconnect at the same moment.
        req.query.addQueryItem(QStringLiteral("timeoutSeconds"),
                               QString::number(300 + QRandomGenerator::global()->bounded(300)));
        if (!options.labelSelector.isEmpty())
            req.query.addQueryItem(QStringLiteral("labelSelector"), options.labelSelector);
        if (!options.fieldSelector.isEmpty())
            req.query.addQueryItem(QStringLiteral("fieldSelector"), options.fieldSelector);
        req.object = (type.kind.isEmpty() ? type.resource : type.kind) + QStringLiteral(" watch") +
                     (ns.isEmpty() ? QString() : QStringLiteral(" in ") + ns);
        req.timeoutMs = 0;
        call->group = group;
        std::shared_ptr<Sink> s = sink;
        call->onHeaders = [s, gen](int code, const HeaderList&) {
            s->post([gen, code](Watch* w) { w->d->onStreamHeaders(gen, code); });
        };
        // The stream's lines are decoded (JSON parsed) on the transport's thread, so the
        // owner's thread only gets typed events: one decoder per stream, fed in order by that
        // one thread; after a decode error it decodes nothing more (the owner drops the stream).
        struct StreamDecoder
        {
            WatchLineDecoder decoder;
            bool failed = false;
        };
        auto decoding = std::make_shared<StreamDecoder>();
        call->onData = [s, gen, decoding, tf = transform, t = type, n = ns,
                        identity = identityOnly](const QByteArray& chunk) {
            if (decoding->failed)
                return;
            QList<DecodedWatchEvent> decoded;
            Status decodeError = decoding->decoder.feed(chunk, &decoded);
            decoding->failed = !decodeError;
            QList<PreparedEvent> prepared;
            prepared.reserve(decoded.size());
            for (DecodedWatchEvent& ev : decoded) {
                PreparedEvent p{ev.type, std::move(ev.object), {}, {}, {}};
                if (p.type == DecodedWatchEvent::Type::Error) {
                    prepared.append(std::move(p));
                    continue;
                }
                if (tf && p.type != DecodedWatchEvent::Type::Bookmark)
                    p.object = (*tf)(p.object);
                if (!p.object.contains(QLatin1String("kind")) && !t.kind.isEmpty())
                    p.object.insert(QLatin1String("kind"), t.kind);
                if (!p.object.contains(QLatin1String("apiVersion")))
                    p.object.insert(QLatin1String("apiVersion"), t.apiVersion());
                p.resourceVersion = rvOf(p.object);
                if (p.type != DecodedWatchEvent::Type::Bookmark)
                    p.uid = uidOf(p.object);
                if (p.type == DecodedWatchEvent::Type::Added ||
                    p.type == DecodedWatchEvent::Type::Modified)
                    p.known = Known::of(p.object, identity, n);
                prepared.append(std::move(p));
            }
            s->post([gen, prepared = std::move(prepared), decodeError](Watch* w) mutable {
                w->d->onDecoded(gen, prepared, decodeError);
            });
        };
        call->done = [s, gen](Response r) {
            s->post([gen, r = std::move(r)](Watch* w) { w->d->onStreamEnded(gen, r); });
        };
        stream = call;
        streamAge.start();
        core->start(call);
    }

    void onStreamHeaders(quint64 gen, int code)
    {
        if (gen != generation || !running)
            return;
        // Failures are counted on until the stream proves healthy (an event, or a while
        // open): a server that accepts every watch and then fails it must still see the
        // backoff grow.
        if (code == 200)
            setHealth(WatchHealth::Connected, {});
    }

    // A malformed or overlong line is not skipped: the event it carried would be lost until
    // some later relist. The stream is dropped and the watch lists again.
    void onDecoded(quint64 gen, QList<PreparedEvent>& decoded, const Status& decodeError)
    {
        if (gen != generation || !running)
            return;
        QList<WatchEvent> batch;
        batch.reserve(decoded.size());
        bool gone = false;
        Status streamError;
        for (PreparedEvent& ev : decoded) {
            const QJsonObject& obj = ev.object;
            if (ev.type == DecodedWatchEvent::Type::Error) {
                // A Status object; 410 means our resourceVersion is no longer available.
                streamError.kind = Status::Kind::Http;
                streamError.httpCode = obj.value(QStringLiteral("code")).toInt();
                streamError.reason = obj.value(QStringLiteral("reason")).toString();
                streamError.message = obj.value(QStringLiteral("message")).toString();
                gone = true;
                break;
            }
            const QString& rv = ev.resourceVersion;
            if (!rv.isEmpty())
                resourceVersion = rv;
            if (ev.type == DecodedWatchEvent::Type::Bookmark)
                continue;
            const QString& uid = ev.uid;
            if (ev.type == DecodedWatchEvent::Type::Added ||
                ev.type == DecodedWatchEvent::Type::Modified) {
                auto old = cache.find(uid);
                if (old != cache.end() && old->resourceVersion == rv)
                    continue; // already delivered (by a relist)
                const bool known = old != cache.end();
                if (known)
                    *old = std::move(ev.known);
                else
                    cache.insert(uid, std::move(ev.known));
                batch.append({known ? WatchEvent::Type::Modified : WatchEvent::Type::Added,
                              std::move(ev.object)});
            } else if (cache.remove(uid)) {
                batch.append({WatchEvent::Type::Deleted, std::move(ev.object)});
            }
        }
        if (!batch.isEmpty())
            Q_EMIT q->events(batch);
        if (!decoded.isEmpty() && decoded.first().type != DecodedWatchEvent::Type::Error)
            failures = 0;
        if (gone) {
            cancelStream();
            if (streamError.httpCode == 410) {
                onGone(streamError.message);
            } else {
                retryLater(streamError, true);
            }
        } else if (!decodeError) {
            cancelStream();
            Status s = decodeError;
            s.object = (type.kind.isEmpty() ? type.resource : type.kind) +
                       QStringLiteral(" watch") +
                       (ns.isEmpty() ? QString() : QStringLiteral(" in ") + ns);
            retryLater(s, true);
        }
    }

    // 410 Gone: the resourceVersion is too old. The first one lists again at once; more in a
    // row (each within 10 s of its stream opening) wait with backoff like any failure.
    void onGone(const QString& serverMessage)
    {
        if (streamAge.isValid() && streamAge.elapsed() > 10000)
            gonesInARow = 0;
        ++gonesInARow;
        const QString why =
            serverMessage.isEmpty()
                ? ktr("kube", "resourceVersion expired (410 Gone)")
                : ktr("kube", "resourceVersion expired (410 Gone: %1)").arg(serverMessage);
        if (gonesInARow > 1) {
            Status s = Status::error(Status::Kind::Http, why, {}, QStringLiteral("Expired"));
            s.httpCode = 410;
            retryLater(s, true);
            return;
        }
        ++relists;
        setHealth(WatchHealth::Reconnecting, ktr("kube", "%1; listing again").arg(why));
        list();
    }

    void onStreamEnded(quint64 gen, const Response& r)
    {
        if (gen != generation || !running)
            return;
        stream.reset();
        if (streamAge.elapsed() > 30000)
            failures = 0; // it served for a while: this is a new trouble, not the same one
        if (r.status.ok()) {
            // The server's timeoutSeconds ran out: carry on from where we are. A stream that
            // ends as soon as it starts (a proxy in the way) must not become a busy loop.
            if (streamAge.elapsed() < 1000) {
                retryLater(Status::error(Status::Kind::Transport,
                                         ktr("kube", "the watch stream ended right away")),
                           false);
                return;
            }
            openStream();
            return;
        }
        if (r.status.httpCode == 410) {
            onGone({});
            return;
        }
        retryLater(r.status, true);
    }

    // A failed list or a dropped stream: relist after a backoff, 0.25 s doubling up to 5 s;
    // up to 30 s for errors that do not go away by themselves (403 until someone fixes
    // RBAC). Those start quickly too: an API server that is starting answers 403 and 401
    // until its caches are filled. Each delay is jittered (between half and all of it), so
    // that the watches of many clients that lost the same server do not return in step.
    void retryLater(const Status& status, bool relist)
    {
        failures = std::min(failures + 1, 1000);
        const int cap = looksPermanent(status) ? 30000 : 5000;
        const int base = std::min(cap, 250 << std::min(failures - 1, 7));
        const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
        const QString why = status.toString();
        // Failed only when it persists: a restarting API server says 403 for a moment.
        setHealth(looksPermanent(status) && failures >= 3 ? WatchHealth::Failed
                                                          : WatchHealth::Reconnecting,
                  ktr("kube", "%1 (retrying in %2 s)").arg(why, QString::number(delay / 1000.0)));
        ++generation; // late answers of the failed attempt are ignored
        retryTimer.stop();
        retryTimer.disconnect();
        QObject::connect(&retryTimer, &QTimer::timeout, q, [this, relist] {
            if (!running)
                return;
            if (relist && synced)
                ++relists;
            relist || !synced ? list() : openStream();
        });
        retryTimer.setSingleShot(true);
        retryTimer.start(delay);
    }
};

Watch::Watch(std::shared_ptr<detail::ClientCore> core, ResourceType type, QString ns,
             ListOptions options, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<kube::WatchEvent>();
    qRegisterMetaType<QList<kube::WatchEvent>>();
    qRegisterMetaType<kube::WatchHealth>();
    d->q = this;
    d->core = std::move(core);
    d->type = std::move(type);
    d->ns = std::move(ns);
    d->options = std::move(options);
    d->sink->watch = this;
}

Watch::~Watch()
{
    {
        std::lock_guard lock(d->sink->mutex);
        d->sink->watch = nullptr;
    }
    d->running = false;
    d->retryTimer.stop();
    d->core->cancelGroup(d->group);
}

void Watch::setTransform(Transform transform)
{
    d->transform = transform ? std::make_shared<const Transform>(std::move(transform)) : nullptr;
}

void Watch::setFirstListAsTable(bool table)
{
    d->firstListAsTable = table;
}

void Watch::setCacheIdentityOnly(bool identityOnly)
{
    d->identityOnly = identityOnly;
}

void Watch::start()
{
    d->running = true;
    d->failures = 0;
    d->setHealth(WatchHealth::Connecting, {});
    if (d->synced)
        ++d->relists;
    d->list();
}

void Watch::stop()
{
    d->running = false;
    ++d->generation;
    d->retryTimer.stop();
    d->cancelStream();
}

void Watch::resume(const QString& fromResourceVersion)
{
    if (!d->synced) {
        start();
        return;
    }
    d->running = true;
    d->retryTimer.stop();
    if (!fromResourceVersion.isEmpty())
        d->resourceVersion = fromResourceVersion;
    d->setHealth(WatchHealth::Connecting, {});
    d->openStream();
}

int Watch::relistCount() const
{
    return d->relists;
}

WatchHealth Watch::health() const
{
    return d->health;
}

QString Watch::healthMessage() const
{
    return d->healthMessage;
}

QHash<QString, QJsonObject> Watch::snapshot() const
{
    QHash<QString, QJsonObject> out;
    out.reserve(d->cache.size());
    for (auto it = d->cache.cbegin(); it != d->cache.cend(); ++it)
        out.insert(it.key(), it->toObject(it.key(), d->type));
    return out;
}

QString Watch::resourceVersion() const
{
    return d->resourceVersion;
}

} // namespace kube
