#pragma once
// Internal to kube/rollout: blocking on Client futures from worker threads / the CLI.

#include <QFuture>

namespace kube::rollout::detail {

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace kube::rollout::detail
