// Fuzz target: the line diff. The input is two texts separated by a NUL byte. Oracle: with
// context larger than both texts, the diff's ' ' and '-' lines are the first text and its
// ' ' and '+' lines the second.

#include "kube/rollout/diff.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>

namespace {

QStringList lines(const QByteArray& text)
{
    QStringList l = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!l.isEmpty() && l.last().isEmpty())
        l.removeLast();
    return l;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype nul = input.indexOf('\0');
    const QByteArray a = nul < 0 ? input : input.left(nul);
    const QByteArray b = nul < 0 ? QByteArray() : input.mid(nul + 1);
    const QString d =
        kube::rollout::unifiedDiff(a, b, QStringLiteral("a"), QStringLiteral("b"), 1000000);
    if (a == b) {
        if (!d.isEmpty())
            __builtin_trap();
        return 0;
    }
    const QStringList la = lines(a), lb = lines(b);
    if (la == lb)
        return 0; // same lines (a differs in a trailing newline only): nothing to check
    QStringList body = d.split(QLatin1Char('\n'));
    if (body.size() < 3 || !body.at(0).startsWith(QLatin1String("--- a")) ||
        !body.at(1).startsWith(QLatin1String("+++ b")))
        __builtin_trap();
    QStringList ra, rb;
    for (qsizetype i = 2; i < body.size(); ++i) {
        const QString& l = body.at(i);
        if (l.startsWith(QLatin1String("@@")) || (l.isEmpty() && i == body.size() - 1))
            continue;
        const QString text = l.mid(1);
        if (l.startsWith(QLatin1Char(' ')) || l.startsWith(QLatin1Char('-')))
            ra << text;
        if (l.startsWith(QLatin1Char(' ')) || l.startsWith(QLatin1Char('+')))
            rb << text;
    }
    // A line containing '\n' cannot exist; other splitting differences (e.g. '\r') are kept.
    if (ra != la || rb != lb)
        __builtin_trap();
    return 0;
}
