#pragma once
// Shell completion (app/completion.cpp): `veladesk completion bash|zsh|fish` prints a script
// that calls the hidden `veladesk __complete WORDS...` (as cobra's scripts do), which answers
// from the command table (app/cli_help.cpp) and, for AppDeployment and Application names,
// from the cluster with a short timeout.

#include <QString>
#include <QStringList>

namespace veladesk::cli {

// The flags of version, completion and __complete (app/cli_version.cpp).
struct ParsedArgs
{
    QString command;
    QStringList positional;
    QString kubeconfig;
    QString context;
    QString namespaceName;
    QString output;
    bool clientOnly = false;
    bool help = false;
    QString error;
    QString unknownFlag;
};
ParsedArgs parseSimpleArgs(const QString& command, const QStringList& words);

// cobra's ShellCompDirective values, printed as ":N" after the candidates.
inline constexpr int kDirectiveDefault = 0; // also complete file names
inline constexpr int kDirectiveError = 1;
inline constexpr int kDirectiveNoSpace = 2;
inline constexpr int kDirectiveNoFileComp = 4;

// The longest the cluster is asked for names while completing.
inline constexpr int kCompletionTimeoutMs = 3000;

int runCompletion(const ParsedArgs& args);
int runComplete(const ParsedArgs& args);

} // namespace veladesk::cli
