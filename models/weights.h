#pragma once
// Traffic-weight arithmetic for the rollout editor, in the manner of Kiali's traffic-shifting
// wizard: integer percentages, moving one weight redistributes the difference over the other
// unlocked rows so the total stays exactly 100, locked rows never move.

#include <QList>

namespace veladesk {

inline constexpr int kTotalWeight = 100;

// Splits `total` into `count` integers that differ by at most one, larger shares first.
QList<int> evenSplit(int total, int count);

// Scales `weights` so they add up to `target`, proportionally to their current values
// (evenly when they are all zero), rounding by largest remainder so the sum is exact.
// Ties go to the earlier entry. Every result lies in [0, target].
QList<int> scaleTo(const QList<int>& weights, int target);

// Sets weights[index] to `requested` and moves the difference onto the other unlocked rows
// (proportionally to their weights, evenly when they are all zero).
// - a locked row does not move: returns its weight unchanged and changes nothing;
// - the request is clamped to [0, 100 - sum of the other locked rows];
// - with no other unlocked row, the row takes exactly 100 - sum of the locked rows
//   (clamped to [0, 100]);
// - afterwards the weights add up to 100 whenever the locked rows leave room for it,
//   even when they did not before (a plan loaded with 30/30 becomes consistent on the
//   first edit).
// Returns the weight the row received.
int setWeight(QList<int>& weights, const QList<bool>& locked, int index, int requested);

// Distributes the weight of a row that is about to be removed over the remaining unlocked
// rows (or, when none is unlocked, over all remaining rows). Returns the new weights with
// that row removed.
QList<int> removeRow(const QList<int>& weights, const QList<bool>& locked, int index);

} // namespace veladesk
