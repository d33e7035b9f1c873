// Fuzz target: the watch stream decoder, fed the input in chunks whose sizes the first byte
// chooses, with a small line cap so that the cap is reached too.

#include "kube/watchdecoder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype step = 1 + data[0] % 64;
    const QByteArray stream(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    kube::detail::WatchLineDecoder decoder(4096);
    QList<kube::detail::DecodedWatchEvent> events;
    for (qsizetype at = 0; at < stream.size(); at += step) {
        const kube::Status s = decoder.feed(stream.mid(at, step), &events);
        if (!s.ok() && decoder.buffered() != 0)
            __builtin_trap(); // after an error the decoder starts afresh
        if (decoder.buffered() > 4096 + step)
            __builtin_trap(); // the line buffer stays bounded
    }
    return 0;
}
