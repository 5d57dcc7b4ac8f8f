#include "app/cli/help.h"

namespace devzero::cli {

QString mainHelp()
{
    return QStringLiteral(
        "Usage: devzero [--lab PATH] [--json] [COMMAND ...]\n"
        "\n"
        "Developer Zero Lab: run outsiders through onboarding sessions against a platform,\n"
        "record what happens, and tell the platform team which docs pages to fix first.\n"
        "With no command, opens the desktop app.\n"
        "\n"
        "Global options:\n"
        "  --lab PATH        the lab database (default: $DEVZERO_LAB, else the user's data dir)\n"
        "  --json            machine-readable output where a command has any\n"
        "  -h, --help        this help; `devzero COMMAND --help` for one command\n"
        "  -v, --version     print the version\n"
        "\n"
        "Plans:\n"
        "  plan check FILE...              check plan files; errors with line numbers\n"
        "  plan import FILE                import a plan into the lab\n"
        "  plan list | plan show ID        the lab's plans and their tasks\n"
        "\n"
        "Sessions:\n"
        "  session start --plan ID|FILE --participant NAME --consent [--experience LEVEL]\n"
        "  session task start TASK | session task end OUTCOME [--seq N]\n"
        "  session note TEXT [--severity 1-4] [--category C] [--page P] [--anchor A]\n"
        "  session lookup PAGE [--anchor A] [--dwell SECONDS]\n"
        "  session search QUERY --results N [--clicked PAGE]\n"
        "  session command TEXT [--exit N] [--duration-ms N] [--cwd DIR]\n"
        "  session marker TEXT | session seq N | session sus A1 ... A10\n"
        "  session pause | resume | end [--force]\n"
        "  session list | show [ID] | use ID | status | recover [--resume ID | --abandon ID]\n"
        "\n"
        "Short forms for the current session (typed from the tester's terminal):\n"
        "  note TEXT   task TASK   done   fail   giveup   skip   pause   resume\n"
        "  mark TEXT   seq N   status   ran --exit N -- COMMAND...\n"
        "\n"
        "Docs:\n"
        "  docs add NAME --repo URL|PATH [--ref REF] [--subdir DIR] [--site-url URL]\n"
        "  docs update NAME | list | remove NAME\n"
        "  docs search QUERY | resolve URL | show PAGE\n"
        "\n"
        "Reports:\n"
        "  report --format html|md|pdf|csv|json -o PATH [--plan ID] [--since|--until DATE] [--source NAME]\n"
        "  lint-docs [PATH|--source NAME] [--format text|json|sarif] [--fail-on SEVERITY] [--config FILE]\n"
        "\n"
        "Lab:\n"
        "  lab path | lab check | lab backup PATH\n"
        "  demo [--force] [--seed N]       create a demo lab: Paylark docs, plan, eight sessions\n"
        "\n"
        "Shell capture:\n"
        "  shell-hook bash|zsh             print a snippet that records this terminal's commands\n"
        "\n"
        "Exit codes: 0 ok, 1 the command failed, 2 wrong arguments, 3 the lab cannot be\n"
        "opened (newer schema, damaged, unwritable), 4 not found (session, plan, task, page).\n");
}

QString planHelp()
{
    return QStringLiteral(
        "Usage: devzero plan check FILE...\n"
        "       devzero plan import FILE\n"
        "       devzero plan list\n"
        "       devzero plan show ID\n"
        "\n"
        "Plans are Markdown files; see resources/docs/plan-format.md for the format.\n"
        "`check` prints every problem as FILE:LINE:COL: error: message and exits 1 on errors.\n");
}

QString sessionHelp()
{
    return QStringLiteral(
        "Usage: devzero session SUBCOMMAND ...\n"
        "\n"
        "  start --plan ID|FILE --participant NAME --consent [--experience novice|intermediate|expert]\n"
        "        [--docs-rev COMMIT] [--tools git,kubectl] [--no-snapshot]\n"
        "  task start TASK               TASK is a key (install-the-cli), a number (1.2) or a title\n"
        "  task end success|failure|gave-up|skipped [--seq 1-7]\n"
        "  note TEXT [--severity 1-4] [--category CATEGORY] [--page PATH] [--anchor ANCHOR]\n"
        "        categories: missing-prerequisite unclear-step undefined-term broken-link\n"
        "                    misleading-error environment other\n"
        "        severity: 1 cosmetic, 2 slowed me down, 3 blocked for a while, 4 could not continue\n"
        "  lookup PAGE [--anchor A] [--dwell SECONDS] [--how HOW]\n"
        "  search QUERY --results N [--clicked PAGE]\n"
        "  command TEXT [--exit N] [--duration-ms N] [--cwd DIR]\n"
        "  marker TEXT\n"
        "  seq N                          ease of the last ended task, 1 (very difficult) to 7 (very easy)\n"
        "  sus A1 A2 ... A10              the ten System Usability Scale answers, 1 to 5\n"
        "  pause | resume | end [--force]\n"
        "  list | show [ID] | use ID | status\n"
        "  recover [--resume ID | --abandon ID]   sessions whose recording process died\n"
        "\n"
        "Every recording command works on the lab's current session unless --session ID is given.\n");
}

QString labHelp()
{
    return QStringLiteral(
        "Usage: devzero lab path     print the lab file in use\n"
        "       devzero lab check    run SQLite's full integrity check on the lab\n"
        "       devzero lab backup PATH\n"
        "                            copy the lab with SQLite's online backup (safe while a\n"
        "                            session records); PATH must not exist; the copy is checked\n");
}

} // namespace devzero::cli
