#include "kube/watchdecoder.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace kube::detail {

namespace {

// `what`: the whole message, "the API server sent a watch event that ..."
Status malformed(const QString& what)
{
    return Status::error(Status::Kind::Transport, what, {}, QStringLiteral("MalformedWatchEvent"));
}

} // namespace

Status WatchLineDecoder::decodeLine(const QByteArray& line, DecodedWatchEvent* event)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError)
        return malformed(
            ktr("kube", "the API server sent a watch event that is not JSON (%1 at byte %2 of %3)")
                .arg(err.errorString())
                .arg(err.offset)
                .arg(line.size()));
    if (!doc.isObject())
        return malformed(
            ktr("kube", "the API server sent a watch event that is not a JSON object"));
    const QJsonObject ev = doc.object();
    const QJsonValue type = ev.value(QLatin1String("type"));
    const QJsonValue object = ev.value(QLatin1String("object"));
    if (!object.isObject())
        return malformed(ktr("kube", "the API server sent a watch event that has no object"));
    const QString t = type.toString();
    if (t == QLatin1String("ADDED"))
        event->type = DecodedWatchEvent::Type::Added;
    else if (t == QLatin1String("MODIFIED"))
        event->type = DecodedWatchEvent::Type::Modified;
    else if (t == QLatin1String("DELETED"))
        event->type = DecodedWatchEvent::Type::Deleted;
    else if (t == QLatin1String("BOOKMARK"))
        event->type = DecodedWatchEvent::Type::Bookmark;
    else if (t == QLatin1String("ERROR"))
        event->type = DecodedWatchEvent::Type::Error;
    else
        return malformed(
            type.isString()
                ? ktr("kube", "the API server sent a watch event that has an unknown type \"%1\"")
                      .arg(t.left(40))
                : ktr("kube", "the API server sent a watch event that has no type"));
    event->object = object.toObject();
    return Status::success();
}

Status WatchLineDecoder::feed(const QByteArray& chunk, QList<DecodedWatchEvent>* out)
{
    m_buffer += chunk;
    qsizetype start = 0;
    Status result;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0) {
            if (m_buffer.size() - start > m_maxLineBytes)
                result = Status::error(
                    Status::Kind::Transport,
                    ktr("kube", "the API server sent a watch event longer than %1 bytes, "
                                "the most VelaDesk reads")
                        .arg(m_maxLineBytes),
                    {}, QStringLiteral("WatchEventTooLarge"));
            break;
        }
        if (nl - start > m_maxLineBytes) {
            result = Status::error(Status::Kind::Transport,
                                   ktr("kube", "the API server sent a watch event of %1 bytes, "
                                               "more than the %2 VelaDesk reads")
                                       .arg(nl - start)
                                       .arg(m_maxLineBytes),
                                   {}, QStringLiteral("WatchEventTooLarge"));
            break;
        }
        const QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        DecodedWatchEvent ev;
        result = decodeLine(line, &ev);
        if (!result)
            break;
        out->append(std::move(ev));
    }
    if (!result)
        m_buffer.clear();
    else
        m_buffer.remove(0, start);
    return result;
}

} // namespace kube::detail
