#pragma once
// Pod logs: GET /api/v1/namespaces/NS/pods/NAME/log as a stream of lines.
//
// PodLogStream reads one container's log (options as kubectl logs: container, previous,
// follow, tailLines, sinceTime) and delivers it in batches of lines on the thread it lives
// in, never blocking that thread. Memory is bounded: the stream keeps a ring of the newest
// lines (oldest dropped, counted), every line is cut at a maximum length, and lines that
// arrive faster than the owning thread takes them are bounded the same way. Timestamps are
// always requested (and split off each line), so when a connection drops the stream resumes
// from the last timestamp it delivered (sinceTime) after a jittered backoff, skipping the
// lines of that boundary it already delivered: no duplicates, no gap. The API server sends
// sinceTime to the kubelet with whole seconds, so the boundary can span up to a second.

#include "kube/client.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <deque>
#include <memory>

namespace kube {

struct PodLogOptions
{
    QString container; // empty: the server's choice (only valid for one-container pods)
    bool previous = false;
    bool follow = false;
    qint64 tailLines = -1; // < 0: all lines
    QDateTime sinceTime;   // invalid: from the start
};

struct PodLogLimits
{
    int maxLines = 10000;               // lines kept in the ring (and waiting to be delivered)
    qint64 maxBytes = 32 * 1024 * 1024; // text bytes kept in the ring (and waiting)
    int maxLineBytes = 16 * 1024;       // longer lines are cut (LogLine::cutBytes)
    int batchMs = 50;                   // a batch is delivered at most this often
    int maxBackoffMs = 10000;           // resume backoff: 0.5 s doubling up to this, jittered
    int nonFollowAttempts = 5;          // resumes of a dropped stream without follow
};

struct LogLine
{
    qint64 timeNs = 0;    // server timestamp in nanoseconds since the epoch; 0: none
    QByteArray timestamp; // the server's text of it (RFC 3339 with nanoseconds), or empty
    QString text;         // without the timestamp and the newline
    qint64 cutBytes = 0;  // > 0: the line was longer than maxLineBytes by this many bytes
    QDateTime time() const;
};

enum class LogStreamState
{
    Idle,         // not started
    Connecting,   // first request under way
    Streaming,    // the server is sending
    Reconnecting, // the connection dropped; resuming after a backoff (message says why)
    Finished,     // the log ended (no follow; container stopped; stop() called)
    Failed        // the server refused (pod or container not found, ...); message says why
};

class PodLogStream : public QObject
{
    Q_OBJECT
public:
    PodLogStream(std::shared_ptr<Client> client, QString namespaceName, QString podName,
                 PodLogOptions options = {}, PodLogLimits limits = {}, QObject* parent = nullptr);
    ~PodLogStream() override;

    void start(); // again after Finished/Failed: reads anew (the ring is cleared)
    void stop();  // ends the stream: Finished; the ring is kept

    const QString& namespaceName() const;
    const QString& podName() const;
    const PodLogOptions& options() const;
    const PodLogLimits& limits() const;

    LogStreamState state() const;
    QString stateMessage() const;
    Status finalStatus() const; // of the last Finished/Failed

    // The ring, oldest first. Index i here is line number droppedLines() + i of the stream.
    qsizetype lineCount() const;
    const LogLine& lineAt(qsizetype i) const;
    QList<LogLine> lines() const;
    qint64 droppedLines() const;     // left the ring (or never reached it) because of the bounds
    qint64 undeliveredLines() const; // of those, never delivered: the owner's thread was busy
    qint64 deliveredLines() const;   // every line delivered since start()
    qint64 cutLines() const;         // lines cut at maxLineBytes
    int resumes() const;             // connections opened again after a drop

Q_SIGNALS:
    // A batch, in order; the ring already holds it. `dropped`: how many of the oldest lines
    // left the ring to make room (a model removes its first `dropped` rows, then appends).
    void linesAdded(const QList<kube::LogLine>& lines, qint64 dropped);
    void stateChanged(kube::LogStreamState state, const QString& message);
    // Once per start(): Ok when the log ended, the error when it Failed. Not after stop().
    void finished(const kube::Status& status);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// RFC 3339 (any fraction, Z or +hh:mm) to nanoseconds since the epoch; false if malformed.
bool parseRfc3339Nanos(QByteArrayView text, qint64* nanos);
// Nanoseconds since the epoch to "2006-01-02T15:04:05.999999999Z" (always 9 digits).
QByteArray formatRfc3339Nanos(qint64 nanos);

// The container kubectl picks when none is given: the kubectl.kubernetes.io/default-container
// annotation if it names one, else the first container. Empty for a pod without containers.
QString defaultContainer(const QJsonObject& pod);
QStringList containerNames(const QJsonObject& pod); // spec.containers, in order

// The pods whose logs `veladesk logs TARGET` shows, kubectl style:
//   NAME or pod/NAME              that pod
//   deployment/NAME (deploy/...)  the pods of its selector: one (kubectl's pick: running and
//                                 ready first, then the oldest) unless allPods
//   revision/REV                  every pod labelled app.oam.dev/appRevision=REV
// Sorted by name except for the single pick. Fails with a clear message for an unknown kind,
// a missing object, or no pods.
struct LogTargetPods
{
    QString description;   // "pod example-app-v1-abc", "revision example-app-v1", ...
    bool multiple = false; // lines are prefixed with the pod name
    QList<QJsonObject> pods;
};
QFuture<Result<LogTargetPods>> resolveLogTarget(const std::shared_ptr<Client>& client,
                                                const QString& namespaceName, const QString& target,
                                                bool allPods = false);

// A Deployment's spec.selector as a label selector string (matchLabels and matchExpressions).
QString labelSelectorString(const QJsonObject& selector);

} // namespace kube

Q_DECLARE_METATYPE(kube::LogLine)
