#pragma once
// The command line's help, as data: one row per command (usage, summary, flags, examples,
// what its arguments complete to). `veladesk COMMAND --help`, `veladesk help COMMAND`, the
// overview of `veladesk help`, the shell completion scripts and `__complete` all read it.
// A new command adds its row to commandTable() in app/cli_help.cpp.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace veladesk::cli {

// The command line's texts for the user (help, errors) go through Cli::tr() (context "Cli" of
// resources/translations/*.ts); the help table's are marked QT_TRANSLATE_NOOP("Cli", ...) and
// translated when printed. Names, flags, usages and machine-read output stay as they are.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};
// A QT_TRANSLATE_NOOP("Cli", ...) text of the help table in the user's language ("" for null).
QString helpText(const char* text);

struct FlagHelp
{
    const char* shortName = nullptr; // "-f", or nullptr
    const char* longName = nullptr;  // "--filename"
    const char* value = nullptr;     // "FILE"; nullptr for a switch
    const char* help = nullptr;
    const char* choices = nullptr; // space-separated values completed for it ("yaml json")
    bool file = false;             // its value is a file (completed as a path)
};

// What a command's positional arguments complete to.
enum class ArgCompletion
{
    None,
    AppDeployment,
    Application,
    File,
    Command,
    Shell,
    Fixed
};

struct CommandHelp
{
    const char* name = nullptr;    // "apply"
    const char* usage = nullptr;   // "apply -f PLAN.yaml [flags]"
    const char* summary = nullptr; // one line for the overview
    const char* description = nullptr;
    std::vector<FlagHelp> flags;    // its own flags; the global ones are added to every command
    const char* examples = nullptr; // lines, "# comment" lines allowed
    ArgCompletion args = ArgCompletion::None;
    const char* fixedArgs = nullptr; // ArgCompletion::Fixed: space-separated words
    bool hidden = false;             // not listed (__complete)
};

const std::vector<CommandHelp>& commandTable();
const std::vector<FlagHelp>& globalFlags();
const CommandHelp* findCommand(const QString& name);

// The overview (veladesk help) and one command's help text.
QString overviewHelp();
QString commandHelpText(const CommandHelp& command);
// `veladesk help [COMMAND]`: prints it to stdout; exit 0, or 1 for an unknown command.
int runHelp(const QString& command);

// kubectl's "error: unknown flag: --x" and "See 'veladesk CMD --help' for usage." (with a
// "did you mean" when a flag of the command is close); the exit code (1, as kubectl).
int unknownFlag(const QString& command, const QString& flag);
// The closest command to a mistyped one, or "".
QString closestCommand(const QString& word);

// Flags of every command that the parsers strip first: -v N, -vN, --v=N, --v N, -v=N and
// --no-color. Returns an error message for a malformed level, else "".
QString takeGlobalFlags(QStringList* args);
// Whether a stream may be coloured: a terminal, no --no-color, no NO_COLOR (any value),
// TERM not "dumb".
bool useColor(int fd);
bool isTerminal(int fd);

} // namespace veladesk::cli
