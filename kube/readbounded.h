#pragma once
// Reading a file with a bound on its size.

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

namespace kube {

// At most `limit` + 1 bytes of `device`, so that a caller sees when there was more than
// `limit` (and a huge file or /dev/zero is never loaded). Unlike QIODevice::read(limit + 1),
// which allocates limit + 1 bytes up front and keeps that capacity in the returned array, the
// result holds about what was read.
inline QByteArray readBounded(QIODevice& device, qint64 limit)
{
    QByteArray out;
    if (const qint64 size = device.size(); !device.isSequential() && size >= 0)
        out.reserve(qsizetype(std::min(size, limit) + 1));
    char chunk[64 * 1024];
    while (out.size() <= limit) {
        const qint64 n =
            device.read(chunk, std::min<qint64>(qint64(sizeof chunk), limit + 1 - out.size()));
        if (n <= 0)
            break;
        out.append(chunk, qsizetype(n));
    }
    return out;
}

} // namespace kube
