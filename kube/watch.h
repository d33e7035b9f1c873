#pragma once
// An informer-like watch: list, then watch with bookmarks from that resourceVersion;
// on 410 Gone, a dropped connection or a malformed event line it relists (with jittered
// backoff; a second 410 in a row waits too) and reports the difference as events, so no
// change is missed. Event lines are capped (kube/watchdecoder.h). Signals arrive on the thread the
// Watch lives in (the thread that called Client::watch).

#include "kube/client.h"

#include <functional>
#include <memory>

#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace kube {

struct WatchEvent
{
    enum class Type
    {
        Added,
        Modified,
        Deleted
    };
    Type type = Type::Added;
    QJsonObject object;
};

enum class WatchHealth
{
    Connecting,   // listing or opening the stream after start()/resume()
    Connected,    // the stream is open
    Reconnecting, // the stream dropped or a list failed; retrying with backoff (why: message)
    Failed        // an error that does not clear by itself (401, 403, 404, TLS, kubeconfig)
                  // three times in a row; the watch still retries, every 30 s at most
};

namespace detail {
class ClientCore;
}

class Watch : public QObject
{
    Q_OBJECT
public:
    // Usually made by Client::watch(). Built on the client core's request API (start, cancel,
    // listAll, cancelGroup; kube/clientcore.h); it keeps the core alive, so a Watch may
    // outlive its Client.
    Watch(std::shared_ptr<detail::ClientCore> core, ResourceType type, QString ns,
          ListOptions options = {}, QObject* parent = nullptr);
    ~Watch() override;
    // Applied to every object (list items and stream events) on the transport's thread,
    // before the Watch keeps or delivers it: an owner that shows a few fields keeps only those,
    // so neither its memory nor its thread pay for the rest (managedFields, spec, ...). It
    // must keep apiVersion, kind, metadata.name, .namespace, .uid and .resourceVersion, and be
    // safe to call from another thread (a pure function). Set it before start().
    using Transform = std::function<QJsonObject(const QJsonObject&)>;
    void setTransform(Transform transform);
    // The first list asks for a server-side Table (ListOptions::asTable): each object the first
    // synced() delivers (and the snapshot keeps until it changes) is then metadata plus the
    // row's cells under kube::tableRowKey(), not the whole object. The stream and every later
    // list (after a 410 or a dropped stream) carry whole objects. For an owner that shows the
    // columns kubectl prints and reads the rest from events. Set it before start().
    void setFirstListAsTable(bool table);
    // The watch keeps of each object only what it needs to tell changes apart: apiVersion,
    // kind, metadata.name, .namespace, .uid and .resourceVersion. snapshot() then holds these
    // identities, and a Deleted event found by a relist carries the identity, not the last
    // state. For an owner that keeps its own copy of what it shows (10,000 pods: 30 MB less).
    // Set it before start().
    void setCacheIdentityOnly(bool identityOnly);
    // Lists (the first time: synced(); later: the difference as events), then streams.
    void start();
    // Ends the stream; snapshot() and resourceVersion() are kept.
    void stop();
    // Streams again from `fromResourceVersion` (default: the last one seen) without listing
    // first, e.g. after stop(). A version the server no longer has answers 410 Gone, which
    // the watch handles like any other: relist and report the difference as events.
    void resume(const QString& fromResourceVersion = {});
    // How many times the watch listed again after the first list (410s and dropped streams).
    int relistCount() const;
    WatchHealth health() const;
    QString healthMessage() const; // why, when Reconnecting or Failed
    // Current state of every object (uid -> object), as last delivered (its identity only
    // after setCacheIdentityOnly).
    QHash<QString, QJsonObject> snapshot() const;
    QString resourceVersion() const;

Q_SIGNALS:
    // The first full list after start(); later relists are delivered as events.
    void synced(const QList<QJsonObject>& objects);
    // Batched events, in order.
    void events(const QList<kube::WatchEvent>& events);
    void healthChanged(kube::WatchHealth health, const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::WatchEvent)
