#include "app/cli.h"

#include <QTextStream>

namespace veladesk {

bool isCliCommand(const QStringList& args)
{
    Q_UNUSED(args);
    return false;
}

int runCli(const QStringList& args)
{
    Q_UNUSED(args);
    QTextStream(stderr) << "veladesk: no commands yet\n";
    return 2;
}

} // namespace veladesk
