// missing-prerequisites and dangling-reference: procedures that start in the
// middle, assuming the reader has things the page never gives them.

#include "sessions/analysis/rulecontext.h"
#include "sessions/analysis/rulesshell.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

int commandsIn(const docindex::ParsedPage &page, int first, int last)
{
    int n = 0;
    for (const docindex::Command &command : page.commands)
        n += command.line >= first && command.line <= last;
    return n;
}

// Does a command in the lines run a program the reader may not have? A
// procedure of only shell basics ("ssh -V", "cat x") needs no prerequisites.
bool needsTools(const docindex::ParsedPage &page, int first, int last)
{
    for (const docindex::Command &command : page.commands) {
        if (command.line < first || command.line > last || !looksLikeCommandLine(command.text))
            continue;
        for (const ProgramUse &use : programsIn(command.text))
            if (!isUniversalProgram(use.program))
                return true;
    }
    return false;
}

void checkMissingPrerequisites(RuleContext &context, qsizetype i)
{
    const PageFacts &facts = context.facts(i);
    if (facts.hasPrerequisites)
        return;
    const docindex::ParsedPage &page = context.parsed(i);
    if (page.commands.isEmpty())
        return;
    // A procedure: an ordered list whose steps run commands, or three or more
    // blocks of commands under numbered step headings ("Step 1: ...", "2. ...").
    // A FAQ or a reference page with many examples is not one.
    QList<LineRange> procedures;
    for (const OrderedListSpan &list : facts.prose.orderedLists)
        if (commandsIn(page, list.startLine, list.endLine) > 0)
            procedures.append({list.startLine, list.endLine});
    const bool orderedSteps = !procedures.isEmpty();

    static const QRegularExpression stepHeading(u"^(step\\s*\\d+|\\d+[.):]\\s)"_s, QRegularExpression::CaseInsensitiveOption);
    QList<LineRange> stepSections;
    const QList<docindex::Section> &sections = page.sections;
    for (qsizetype s = 0; s < sections.size(); ++s) {
        if (sections[s].level == 0 || !stepHeading.match(sections[s].heading.trimmed()).hasMatch())
            continue;
        LineRange range{sections[s].startLine, sections[s].endLine};
        for (qsizetype t = s + 1; t < sections.size() && sections[t].level > sections[s].level; ++t)
            range.last = sections[t].endLine;
        stepSections.append(range);
    }
    QList<LineRange> stepBlocks;
    for (const docindex::CodeBlock &block : page.codeBlocks) {
        if (!block.isShell() || commandsIn(page, block.startLine, block.endLine) == 0)
            continue;
        for (const LineRange &section : std::as_const(stepSections))
            if (section.contains(block.startLine)) {
                stepBlocks.append({block.startLine, block.endLine});
                break;
            }
    }
    if (stepBlocks.size() >= 3)
        procedures << stepBlocks;

    int first = 0;
    int last = 0;
    bool tools = false;
    for (const LineRange &procedure : std::as_const(procedures)) {
        first = first == 0 ? procedure.first : qMin(first, procedure.first);
        last = qMax(last, procedure.last);
        tools = tools || needsTools(page, procedure.first, procedure.last);
    }
    if (first == 0 || !tools)
        return;
    const QString what = orderedSteps ? u"step-by-step commands"_s : u"numbered steps with commands"_s;
    context.report(i, u"missing-prerequisites"_s, first, QString(),
                   u"the page has %1 but no \"Prerequisites\" or \"Before you begin\" section saying what the "
                   u"reader needs first"_s.arg(what),
                   last, 0);
}

// The stem of a past participle: "created" -> "creat", "set up" -> "set up", "saved" -> "sav".
QString verbStem(const QString &verb)
{
    QString v = verb.toLower().simplified();
    if (v.contains(u' '))
        return v;
    if (v.endsWith(u"ied"))
        return v.left(v.size() - 3);
    if (v.endsWith(u"eed"))
        return v.chopped(1);
    if (v.endsWith(u"ed"))
        return v.chopped(2);
    return v;
}

// Did a step before `line` do the same action ("Save your Client ID" before
// "the values you saved")? Then the reference points back into this page.
bool sameActionEarlier(const PageFacts &facts, int line, const QString &verb)
{
    const QString stem = verbStem(verb);
    if (stem.size() < 3)
        return false;
    const QRegularExpression action(u"\\b"_s + QRegularExpression::escape(stem).replace(u"\\ "_s, u"\\s+"_s) + u"\\w*"_s,
                                    QRegularExpression::CaseInsensitiveOption);
    for (const ProseBlock &block : facts.prose.blocks) {
        if (block.startLine >= line)
            break;
        if (action.match(block.text.join(u' ')).hasMatch())
            return true;
    }
    return false;
}

// Did a block before `line` create the thing ("Create a live restricted key")?
bool createdEarlier(const PageFacts &facts, int line, const QString &noun)
{
    static const QRegularExpression creating(
        u"\\b(create|creates|created|creating|register|registers|registered|set\\s+up|sets\\s+up|add|adds|added|"
        u"generate|generates|generated|make|makes|made|configure|configured|deploy|deployed|install|installed|"
        u"provision|provisioned|request|requested|sign\\s+up|signed\\s+up|build|built|define|defined|"
        u"write|wrote|save|saved|download|downloaded|copy|copied)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QString singular = noun.toLower();
    if (singular.endsWith(u's') && singular.size() > 3)
        singular.chop(1);
    for (const ProseBlock &block : facts.prose.blocks) {
        if (block.startLine >= line)
            break;
        const QString text = block.text.join(u' ').toLower();
        if ((findWord(text, singular) >= 0 || findWord(text, QString(singular + u's')) >= 0) && creating.match(text).hasMatch())
            return true;
    }
    return false;
}

void checkDanglingReferences(RuleContext &context, qsizetype i)
{
    const PageFacts &facts = context.facts(i);
    if (!facts.prerequisitePages.isEmpty())
        return;
    // "the payment you created earlier", "the webhook endpoint you registered",
    // "the secret manager you set up for staging", "the sandbox account you were given".
    static const QRegularExpression reference(
        u"\\b(?:the|that|those|these)\\s+((?:(?!(?:the|that|a|an|this)\\s)[\\p{L}\\p{N}-]+\\s+){0,3}?[\\p{L}\\p{N}-]+)\\s+"
        u"(?:that\\s+|which\\s+)?"
        u"you(?:'ve|\\s+have|\\s+had)?\\s+(created|registered|set\\s+up|configured|deployed|installed|generated|"
        u"provisioned|were\\s+given|received|obtained|prepared|requested|noted\\s+down|wrote\\s+down|saved)\\b"
        u"((?:\\s+[\\p{L}\\p{N}]+){0,4})"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression fromBefore(
        u"\\b(?:your|the)\\s+((?:[\\p{L}\\p{N}-]+\\s+){0,2}?[\\p{L}\\p{N}-]+)\\s+from\\s+the\\s+previous\\s+"
        u"(?:page|guide|tutorial|chapter|lesson)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    // What follows that points inside this page ("in step 1", "above").
    static const QRegularExpression samePage(
        u"^\\s+(?:in|during|at)\\s+(?:step|the\\s+(?:previous|last|first)\\s+step|this\\s+(?:guide|page|tutorial))|"
        u"^\\s+(?:above|below|earlier\\s+on\\s+this\\s+page|in\\s+the\\s+(?:previous|last)\\s+step)"_s,
        QRegularExpression::CaseInsensitiveOption);

    for (const ProseBlock &block : facts.prose.blocks) {
        const QString text = block.prose.join(u'\n');
        for (const auto *re : {&reference, &fromBefore}) {
            auto it = re->globalMatch(text);
            while (it.hasNext()) {
                const auto match = it.next();
                if (re == &reference && samePage.match(match.captured(3)).hasMatch())
                    continue;
                const QString nounPhrase = match.captured(1).simplified();
                const QString noun = nounPhrase.section(u' ', -1);
                const int line = block.startLine + int(text.left(match.capturedStart()).count(u'\n'));
                if (createdEarlier(facts, line, noun)
                    || (re == &reference && sameActionEarlier(facts, line, match.captured(2))))
                    continue;
                QString phrase = match.captured(0).simplified();
                if (re == &reference)
                    phrase = text.mid(match.capturedStart(), match.capturedEnd(2) - match.capturedStart()).simplified();
                const QString fileLine = facts.prose.lines.value(line - 1);
                const qsizetype at = fileLine.indexOf(phrase.section(u' ', 0, 1), 0, Qt::CaseInsensitive);
                context.report(i, u"dangling-reference"_s, line, phrase.toLower(),
                               u"\"%1\" relies on something this page never creates, and no prerequisite page "
                               u"is linked"_s.arg(phrase),
                               0, at >= 0 ? int(at) + 1 : 0);
            }
        }
    }
}

} // namespace

void checkProcedures(RuleContext &context)
{
    for (qsizetype i = 0; i < context.size(); ++i) {
        checkMissingPrerequisites(context, i);
        checkDanglingReferences(context, i);
    }
}

} // namespace devzero::analysis
