#pragma once
// What the object tree's tests share.

#include "kube/rollout/objecttree.h"

namespace treetest {

// A node of the tree by kind and name (depth first; objects unless `role` says otherwise), or
// nullptr.
inline const kube::rollout::TreeNode*
findNode(const kube::rollout::TreeNode& n, const QString& kind, const QString& name,
         kube::rollout::TreeNode::Role role = kube::rollout::TreeNode::Role::Object)
{
    if (n.kind == kind && n.name == name && n.role == role)
        return &n;
    for (const kube::rollout::TreeNode& c : n.children)
        if (const kube::rollout::TreeNode* f = findNode(c, kind, name, role))
            return f;
    return nullptr;
}

} // namespace treetest
