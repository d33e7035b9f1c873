#include "kube/rollout/diff.h"

#include "kube/yamljson.h"

#include <QHash>
#include <QStringList>
#include <algorithm>
#include <vector>

#include <dtl/dtl.hpp>

namespace kube::rollout {

QString ObjectDiff::displayName() const
{
    return type.kind + QLatin1Char('/') + name;
}

QJsonObject normalizeForDiff(QJsonObject object)
{
    if (object.isEmpty())
        return object;
    object.remove(QStringLiteral("status"));
    QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    for (const char* k :
         {"managedFields", "resourceVersion", "generation", "creationTimestamp", "uid", "selfLink"})
        meta.remove(QLatin1String(k));
    QJsonObject ann = meta.value(QLatin1String("annotations")).toObject();
    ann.remove(QStringLiteral("deployment.kubernetes.io/revision"));
    ann.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
    if (ann.isEmpty())
        meta.remove(QStringLiteral("annotations"));
    else
        meta.insert(QStringLiteral("annotations"), ann);
    object.insert(QStringLiteral("metadata"), meta);
    return object;
}

namespace {

QStringList splitLines(const QByteArray& text)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

struct Edit
{
    char op; // ' ', '-', '+'
    QString line;
    int a; // index in before (for ' ' and '-')
    int b; // index in after (for ' ' and '+')
};

// Shortest edit script. The common head and tail are matched directly; the middle goes to
// dtl's O(NP) algorithm (Wu, Manber, Myers), which needs space linear in the input (and at
// most dtl's bounded table of path coordinates), never an n x m table. Lines are compared
// as integers (one per distinct line). Within a run of changes, deletions come first, as
// diff -u prints them.
QList<Edit> editScript(const QStringList& a, const QStringList& b)
{
    const int n = int(a.size()), m = int(b.size());
    int head = 0;
    while (head < n && head < m && a[head] == b[head])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        ++tail;

    // The middle's operations, in order.
    std::vector<char> ops;
    const int an = n - head - tail, bm = m - head - tail;
    if (an == 0 || bm == 0) {
        ops.assign(size_t(an), '-');
        ops.insert(ops.end(), size_t(bm), '+');
    } else {
        QHash<QString, int> ids;
        auto idOf = [&ids](const QString& line) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            return it.value();
        };
        std::vector<int> x, y;
        x.reserve(size_t(an));
        y.reserve(size_t(bm));
        for (int i = head; i < n - tail; ++i)
            x.push_back(idOf(a[i]));
        for (int j = head; j < m - tail; ++j)
            y.push_back(idOf(b[j]));
        dtl::Diff<int, std::vector<int>> d(x, y);
        d.compose();
        for (const auto& e : d.getSes().getSequence())
            ops.push_back(e.second.type == dtl::SES_DELETE ? '-'
                          : e.second.type == dtl::SES_ADD  ? '+'
                                                           : ' ');
    }

    QList<Edit> out;
    out.reserve(head + tail + qsizetype(ops.size()));
    for (int i = 0; i < head; ++i)
        out << Edit{' ', a[i], i, i};
    int i = head, j = head;
    for (size_t k = 0; k < ops.size();) {
        if (ops[k] == ' ') {
            out << Edit{' ', a[i], i, j};
            ++i;
            ++j;
            ++k;
            continue;
        }
        size_t end = k;
        while (end < ops.size() && ops[end] != ' ')
            ++end;
        for (size_t q = k; q < end; ++q) {
            if (ops[q] == '-') {
                out << Edit{'-', a[i], i, j};
                ++i;
            }
        }
        for (size_t q = k; q < end; ++q) {
            if (ops[q] == '+') {
                out << Edit{'+', b[j], i, j};
                ++j;
            }
        }
        k = end;
    }
    for (int t = 0; t < tail; ++t)
        out << Edit{' ', a[i + t], i + t, j + t};
    return out;
}

QString range(int start, int count)
{
    // diff -u: "start,count", start 1-based; an empty range names the line before it.
    if (count == 0)
        return QStringLiteral("%1,0").arg(start);
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

} // namespace

QString unifiedDiff(const QByteArray& before, const QByteArray& after, const QString& beforeName,
                    const QString& afterName, int context)
{
    if (before == after)
        return {};
    const QString header = QStringLiteral("--- ") + beforeName + QStringLiteral("\n+++ ") +
                           afterName + QLatin1Char('\n');
    // Past a limit: the header and one line that says which side and which limit.
    auto notShown = [&](qsizetype sizeBefore, qsizetype sizeAfter, const char* unit,
                        qsizetype limit) {
        return header + QStringLiteral("# diff not shown: %1 has %2 %3, more than the %4 "
                                       "VelaDesk compares line by line\n")
                            .arg(sizeBefore > limit ? beforeName : afterName)
                            .arg(std::max(sizeBefore, sizeAfter))
                            .arg(QLatin1String(unit))
                            .arg(limit);
    };
    if (before.size() > kMaxDiffBytes || after.size() > kMaxDiffBytes)
        return notShown(before.size(), after.size(), "bytes", kMaxDiffBytes);
    const QStringList a = splitLines(before), b = splitLines(after);
    if (a.size() > kMaxDiffLines || b.size() > kMaxDiffLines)
        return notShown(a.size(), b.size(), "lines", kMaxDiffLines);
    const QList<Edit> edits = editScript(a, b);
    QString out = header;
    const int total = int(edits.size());
    QList<int> changes;
    for (int x = 0; x < total; ++x)
        if (edits[x].op != ' ')
            changes << x;
    qsizetype c = 0;
    while (c < changes.size()) {
        // A hunk holds changes closer than 2*context lines to each other.
        qsizetype last = c;
        while (last + 1 < changes.size() && changes[last + 1] - changes[last] <= 2 * context + 1)
            ++last;
        const int start = std::max(0, changes[c] - context);
        const int end = std::min(total, changes[last] + context + 1);
        int aStart = -1, bStart = -1, aCount = 0, bCount = 0;
        for (int x = start; x < end; ++x) {
            const Edit& e = edits[x];
            if (e.op != '+') {
                if (aStart < 0)
                    aStart = e.a;
                ++aCount;
            }
            if (e.op != '-') {
                if (bStart < 0)
                    bStart = e.b;
                ++bCount;
            }
        }
        if (aStart < 0)
            aStart = edits[start].a;
        if (bStart < 0)
            bStart = edits[start].b;
        out += QStringLiteral("@@ -") + range(aStart, aCount) + QStringLiteral(" +") +
               range(bStart, bCount) + QStringLiteral(" @@\n");
        for (int x = start; x < end; ++x)
            out += QLatin1Char(edits[x].op) + edits[x].line + QLatin1Char('\n');
        c = last + 1;
    }
    return out;
}

ObjectDiff diffObjects(const ResourceType& type, const QJsonObject& live,
                       const QJsonObject& planned)
{
    ObjectDiff d;
    d.type = type;
    const QJsonObject& any = planned.isEmpty() ? live : planned;
    const QJsonObject meta = any.value(QLatin1String("metadata")).toObject();
    d.name = meta.value(QLatin1String("name")).toString();
    d.namespaceName = meta.value(QLatin1String("namespace")).toString();
    d.live = normalizeForDiff(live);
    d.planned = normalizeForDiff(planned);
    if (live.isEmpty() && planned.isEmpty())
        return d;
    if (live.isEmpty())
        d.change = ObjectDiff::Change::Create;
    else if (planned.isEmpty())
        d.change = ObjectDiff::Change::Delete;
    else
        d.change = d.live == d.planned ? ObjectDiff::Change::Unchanged : ObjectDiff::Change::Update;
    if (d.change == ObjectDiff::Change::Unchanged)
        return d;
    const QByteArray a = d.live.isEmpty() ? QByteArray() : toYaml(QJsonValue(d.live));
    const QByteArray b = d.planned.isEmpty() ? QByteArray() : toYaml(QJsonValue(d.planned));
    const QString label = d.displayName();
    d.unifiedDiff =
        unifiedDiff(a, b, QStringLiteral("live/") + label, QStringLiteral("planned/") + label);
    return d;
}

int countChanges(const QList<ObjectDiff>& diffs)
{
    return int(std::count_if(diffs.begin(), diffs.end(), [](const ObjectDiff& d) {
        return d.change != ObjectDiff::Change::Unchanged;
    }));
}

} // namespace kube::rollout
