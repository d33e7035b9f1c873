#pragma once
// How often some engine entry points ran in this process. Tests and benchmarks read them to
// show what one GUI edit costs (one validation per slider step, no JSON round trip).

#include <atomic>

namespace kube::rollout::counters {

inline std::atomic<int> validateCalls{0};
inline std::atomic<int> planFromJsonCalls{0};
inline std::atomic<int> planToJsonCalls{0};

} // namespace kube::rollout::counters
