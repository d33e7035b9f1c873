#include "kube/rollout/diff.h"

#include "kube/yamljson.h"

#include <QStringList>
#include <algorithm>
#include <vector>

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

// Longest common subsequence edit script; objects are small (hundreds of lines).
QList<Edit> editScript(const QStringList& a, const QStringList& b)
{
    const int n = int(a.size()), m = int(b.size());
    std::vector<std::vector<int>> lcs(size_t(n) + 1, std::vector<int>(size_t(m) + 1, 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i) + 1][size_t(j) + 1] + 1
                                                     : std::max(lcs[size_t(i) + 1][size_t(j)],
                                                                lcs[size_t(i)][size_t(j) + 1]);
    QList<Edit> out;
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            out << Edit{' ', a[i], i, j};
            ++i;
            ++j;
        } else if (i < n &&
                   (j == m || lcs[size_t(i) + 1][size_t(j)] >= lcs[size_t(i)][size_t(j) + 1])) {
            out << Edit{'-', a[i], i, j}; // deletions first, as diff -u prints them
            ++i;
        } else {
            out << Edit{'+', b[j], i, j};
            ++j;
        }
    }
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
    const QStringList a = splitLines(before), b = splitLines(after);
    const QList<Edit> edits = editScript(a, b);
    QString out = QStringLiteral("--- ") + beforeName + QStringLiteral("\n+++ ") + afterName +
                  QLatin1Char('\n');
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
