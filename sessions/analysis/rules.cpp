#include "sessions/analysis/rules.h"

#include "sessions/analysis/rulecontext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

const QList<RuleInfo> &rules()
{
    static const QList<RuleInfo> all = {
        {u"broken-link"_s, u"Broken link"_s,
         u"A link points to a page, file or heading that does not exist, or outside the repository."_s,
         Severity::Error},
        {u"internal-link"_s, u"Internal link"_s,
         u"A link points to a host readers outside the company cannot reach (intranet, localhost, private address)."_s,
         Severity::Warning},
        {u"undeclared-tool"_s, u"Undeclared tool"_s,
         u"A command uses a tool that neither this page nor its prerequisites introduce or link for installation."_s,
         Severity::Warning},
        {u"unexplained-env-var"_s, u"Unexplained environment variable"_s,
         u"A command reads an environment variable that this page and its prerequisites never set or explain."_s,
         Severity::Warning},
        {u"unexplained-placeholder"_s, u"Unexplained placeholder"_s,
         u"A command holds a placeholder, but no sentence says where the reader gets the value to put there."_s,
         Severity::Warning},
        {u"missing-prerequisites"_s, u"Missing prerequisites"_s,
         u"The page walks through steps with commands but has no prerequisites section saying what to have first."_s,
         Severity::Warning},
        {u"dangling-reference"_s, u"Dangling reference"_s,
         u"A step refers to something the reader supposedly created before, but this page never creates it and "
         u"links no prerequisite page."_s,
         Severity::Warning},
        {u"undefined-acronym"_s, u"Undefined acronym"_s,
         u"An acronym is used before it is spelled out, or never spelled out, on this page, its prerequisites "
         u"or a linked glossary."_s,
         Severity::Info},
        {u"minimising-word"_s, u"Minimising word"_s,
         u"Words such as \"simply\", \"just\" or \"easy\" tell a reader who is stuck that the problem is them."_s,
         Severity::Info},
    };
    return all;
}

const RuleInfo *findRule(const QString &id)
{
    for (const RuleInfo &rule : rules())
        if (rule.id == id)
            return &rule;
    return nullptr;
}

RulePage makeRulePage(const QString &path, const QByteArray &content, const QString &blobId)
{
    return RulePage{docindex::parsePage(path, content), content, blobId};
}

QList<Flag> runRules(const QList<RulePage> &pages, const DocsConfig &config, const QSet<QString> &existingPaths)
{
    RuleContext context(pages, config, existingPaths);
    checkLinks(context);
    checkTools(context);
    checkEnvVars(context);
    checkPlaceholders(context);
    checkProcedures(context);
    checkAcronyms(context);
    checkMinimisingWords(context);
    return context.flags();
}

double severityWeight(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return 3;
    case Severity::Warning:
        return 2;
    case Severity::Info:
        return 1;
    }
    return 1;
}

void sortFlags(QList<Flag> &flags)
{
    std::stable_sort(flags.begin(), flags.end(), [](const Flag &a, const Flag &b) {
        if (a.staticScore != b.staticScore)
            return a.staticScore > b.staticScore;
        if (a.path != b.path)
            return a.path < b.path;
        if (a.startLine != b.startLine)
            return a.startLine < b.startLine;
        return a.ruleId < b.ruleId;
    });
}

} // namespace devzero::analysis
