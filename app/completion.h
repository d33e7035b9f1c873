#pragma once
// Shell completion (app/completion.cpp): `veladesk completion bash|zsh|fish` prints a script
// that calls the hidden `veladesk __complete WORDS...` (as cobra's scripts do), which answers
// from the command table (app/cli_help.cpp) and, for AppDeployment and Application names,
// from the cluster with a short timeout.

#include <QString>
#include <QStringList>

namespace veladesk::cli {

// cobra's ShellCompDirective values, printed as ":N" after the candidates.
inline constexpr int kDirectiveDefault = 0; // also complete file names
inline constexpr int kDirectiveError = 1;
inline constexpr int kDirectiveNoSpace = 2;
inline constexpr int kDirectiveNoFileComp = 4;

// The longest the cluster is asked for names while completing.
inline constexpr int kCompletionTimeoutMs = 3000;

} // namespace veladesk::cli
