#pragma once
// Internal to kube/: the decoder of a watch stream (one JSON event per line, as the API
// server sends them). Bounded: a line longer than maxLineBytes is an error, and so is a line
// that is not a watch event; the caller (Watch) then lists again instead of losing the event.

#include "kube/status.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace kube::detail {

// The longest watch event line accepted: far above the largest object the API server
// stores (etcd's 1.5 MiB request limit), far below what would strain memory.
inline constexpr qsizetype kMaxWatchLineBytes = 16 * 1024 * 1024;

struct DecodedWatchEvent
{
    enum class Type
    {
        Added,
        Modified,
        Deleted,
        Bookmark,
        Error // `object` is a Status (410 Gone: the resourceVersion is too old)
    };
    Type type = Type::Added;
    QJsonObject object;
};

class WatchLineDecoder
{
public:
    explicit WatchLineDecoder(qsizetype maxLineBytes = kMaxWatchLineBytes)
        : m_maxLineBytes(maxLineBytes)
    {
    }

    // Appends a chunk of the stream and decodes every complete line into `out`, in order.
    // On a malformed or overlong line it stops there and returns an error (reason
    // "MalformedWatchEvent" or "WatchEventTooLarge"); the events before it are in `out`.
    // After an error the decoder is empty again.
    Status feed(const QByteArray& chunk, QList<DecodedWatchEvent>* out);
    void reset() { m_buffer.clear(); }
    qsizetype buffered() const { return m_buffer.size(); }

    // Decodes one line (without its newline).
    static Status decodeLine(const QByteArray& line, DecodedWatchEvent* event);

private:
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
};

} // namespace kube::detail
