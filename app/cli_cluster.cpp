// Commands that talk to a cluster. Work in progress: waiting for kube/client.cpp.
#include "app/cli.h"

namespace veladesk::cli {

namespace {
int notYet(const char* what)
{
    printError(QStringLiteral("%1: not implemented yet in this build").arg(QLatin1String(what)));
    return exitFailure;
}
} // namespace

int runSetup(const Options&)
{
    return notYet("setup");
}
int runAppApply(const Options&)
{
    return notYet("app apply");
}
int runRevisions(const Options&)
{
    return notYet("revisions");
}
int runDiff(const Options&)
{
    return notYet("diff");
}
int runApply(const Options&)
{
    return notYet("apply");
}
int runStatus(const Options&)
{
    return notYet("status");
}

} // namespace veladesk::cli
