#include "models/weights.h"

#include <algorithm>
#include <numeric>

namespace veladesk {

QList<int> evenSplit(int total, int count)
{
    QList<int> out;
    if (count <= 0)
        return out;
    total = std::max(total, 0);
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out.append(total / count + (i < total % count ? 1 : 0));
    return out;
}

QList<int> scaleTo(const QList<int>& weights, int target)
{
    const qsizetype n = weights.size();
    if (n == 0)
        return {};
    target = std::max(target, 0);
    qint64 sum = 0;
    for (int w : weights)
        sum += std::max(w, 0);
    if (sum == 0)
        return evenSplit(target, int(n));

    QList<int> out(n);
    QList<qint64> remainder(n);
    qint64 given = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const qint64 exact = qint64(std::max(weights[i], 0)) * target; // share * sum
        out[i] = int(exact / sum);
        remainder[i] = exact % sum;
        given += out[i];
    }
    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainder[a] > remainder[b]; });
    for (qsizetype k = 0; given < target; ++k, ++given)
        ++out[order[k % n]];
    return out;
}

int setWeight(QList<int>& weights, const QList<bool>& locked, int index, int requested)
{
    const qsizetype n = weights.size();
    if (index < 0 || index >= n)
        return 0;
    auto isLocked = [&](qsizetype i) { return i < locked.size() && locked[i]; };
    if (isLocked(index))
        return weights[index];

    int lockedSum = 0;
    QList<qsizetype> others;
    for (qsizetype i = 0; i < n; ++i) {
        if (i == index)
            continue;
        if (isLocked(i))
            lockedSum += weights[i];
        else
            others.append(i);
    }
    const int room = std::clamp(kTotalWeight - lockedSum, 0, kTotalWeight);
    if (others.isEmpty()) {
        weights[index] = room;
        return room;
    }
    const int value = std::clamp(requested, 0, room);
    QList<int> current;
    for (qsizetype i : others)
        current.append(weights[i]);
    const QList<int> scaled = scaleTo(current, room - value);
    for (qsizetype k = 0; k < others.size(); ++k)
        weights[others[k]] = scaled[k];
    weights[index] = value;
    return value;
}

QList<int> removeRow(const QList<int>& weights, const QList<bool>& locked, int index)
{
    if (index < 0 || index >= weights.size())
        return weights;
    QList<int> rest = weights;
    QList<bool> restLocked = locked;
    restLocked.resize(weights.size());
    const int freed = rest.takeAt(index);
    restLocked.removeAt(index);
    if (rest.isEmpty())
        return rest;

    QList<qsizetype> targets;
    for (qsizetype i = 0; i < rest.size(); ++i)
        if (!restLocked[i])
            targets.append(i);
    if (targets.isEmpty())
        for (qsizetype i = 0; i < rest.size(); ++i)
            targets.append(i);

    QList<int> current;
    int currentSum = 0;
    for (qsizetype i : targets) {
        current.append(rest[i]);
        currentSum += rest[i];
    }
    const QList<int> scaled = scaleTo(current, currentSum + freed);
    for (qsizetype k = 0; k < targets.size(); ++k)
        rest[targets[k]] = scaled[k];
    return rest;
}

} // namespace veladesk
