#include "sessions/common/logging.h"
#include "sessions/markdown/markdowndocument.h"
#include "sessions/plan/plan.h"
#include "sessions/plan/planfieldnames.h"
#include "sessions/plan/planfields.h"
#include "sessions/plan/plansource.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

// The structure of a plan: one '#' title, '##' journeys, '###' tasks, and
// the fields under each (see resources/docs/plan-format.md).

namespace devzero::plan {

namespace {

using namespace detail;
using markdown::Node;
using Type = markdown::Node::Type;

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString placeOf(Level level)
{
    switch (level) {
    case Level::Plan: return QStringLiteral("right under the plan title (#)");
    case Level::Journey: return QStringLiteral("right under a journey heading (##)");
    case Level::Task: return QStringLiteral("under a task heading (###)");
    }
    return {};
}

QString levelName(Level level)
{
    switch (level) {
    case Level::Plan: return QStringLiteral("plan");
    case Level::Journey: return QStringLiteral("journey");
    case Level::Task: return QStringLiteral("task");
    }
    return {};
}

struct HeadingText
{
    QString title;
    QString key;
    bool explicitKey = false;
};

struct KeyOwner
{
    QString title;
    int line = 0;
};

class PlanBuilder
{
public:
    PlanBuilder(const PlanSource &source, QList<Diagnostic> &diagnostics)
        : m_source(source), m_diagnostics(diagnostics)
    {
    }

    void run(const Node &root)
    {
        for (Node block = root.firstChild(); !block.isNull(); block = block.next()) {
            if (m_firstBlockLine == 0 && block.type() != Type::HtmlBlock)
                m_firstBlockLine = block.startLine();
            if (block.type() == Type::Heading)
                heading(block);
            else
                m_blocks.append(block);
        }
        closeSection();
        closeJourney();
        finishPlan();
    }

    Plan takePlan() { return std::move(m_plan); }

private:
    enum class Section { BeforeTitle, Preamble, Journey, Task };

    void report(Diagnostic::Severity severity, int line, int column, QString message)
    {
        m_diagnostics.append(Diagnostic{severity, line, column, std::move(message)});
    }
    void error(int line, int column, QString message)
    {
        report(Diagnostic::Severity::Error, line, column, std::move(message));
    }
    void warning(int line, int column, QString message)
    {
        report(Diagnostic::Severity::Warning, line, column, std::move(message));
    }

    void heading(const Node &node)
    {
        warnIfFieldBecameHeading(node);
        const int level = node.headingLevel();
        if (level == 1)
            titleHeading(node);
        else if (level == 2)
            journeyHeading(node);
        else if (level == 3)
            taskHeading(node);
        else
            deepHeading(node);
    }

    // "Check: `x`" followed by a "---" line is a setext heading in Markdown,
    // which silently turns a field into a journey.
    void warnIfFieldBecameHeading(const Node &node)
    {
        const QByteArrayView raw = m_source.line(node.startLine()).trimmed();
        if (raw.startsWith('#'))
            return;
        const QString text = node.plainText();
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon <= 0 || !findField(normalizeKey(text.left(colon))))
            return;
        warning(node.startLine(), node.startColumn(),
                QStringLiteral("the lines from %1 on became a heading because of the '---' or '===' "
                               "line under them; put a blank line between them")
                    .arg(quoted(text.left(colon + 1).simplified())));
    }

    void titleHeading(const Node &node)
    {
        if (m_hasTitle) {
            error(node.startLine(), node.startColumn(),
                  QStringLiteral("a plan has one title, but this is a second '#' heading "
                                 "(the title is at line %1); use '##' for a journey")
                      .arg(m_titleLine));
            return;
        }
        m_hasTitle = true;
        m_titleLine = node.startLine();
        m_plan.title = node.plainText().simplified();
        if (m_plan.title.isEmpty())
            error(node.startLine(), node.startColumn(), QStringLiteral("the plan title is empty"));
        if (m_sawJourneyOrTask) {
            error(node.startLine(), node.startColumn(),
                  QStringLiteral("the title must come before the first journey or task; "
                                 "move this '#' heading to the top"));
            return; // what follows still belongs to the current section
        }
        closeSection();
        m_section = Section::Preamble;
    }

    void journeyHeading(const Node &node)
    {
        closeSection();
        closeJourney();
        m_sawJourneyOrTask = true;
        const HeadingText text = headingText(node, QStringLiteral("journey"));
        Journey journey;
        journey.title = text.title;
        journey.key = text.key;
        journey.line = node.startLine();
        claimKey(m_journeyKeys, journey.key, journey.title, journey.line, node, QStringLiteral("journey"));
        m_journey = journey;
        m_section = Section::Journey;
    }

    void taskHeading(const Node &node)
    {
        closeSection();
        m_sawJourneyOrTask = true;
        const HeadingText text = headingText(node, QStringLiteral("task"));
        Task task;
        task.title = text.title;
        task.key = text.key;
        task.line = node.startLine();
        if (!m_journey) {
            error(node.startLine(), node.startColumn(),
                  QStringLiteral("task %1 comes before any journey; put a '## Journey' heading above it")
                      .arg(quoted(task.title)));
        }
        claimKey(m_taskKeys, task.key, task.title, task.line, node, QStringLiteral("task"));
        m_task = task;
        m_section = Section::Task;
    }

    void deepHeading(const Node &node)
    {
        warning(node.startLine(), node.startColumn(),
                QStringLiteral("heading %1 is level %2, deeper than a task (###); it is read as text of the %3")
                    .arg(quoted(node.plainText().simplified()))
                    .arg(node.headingLevel())
                    .arg(m_section == Section::Task      ? QStringLiteral("task")
                         : m_section == Section::Journey ? QStringLiteral("journey")
                                                         : QStringLiteral("plan")));
        m_blocks.append(node);
    }

    // "Get test API keys {#api-keys}" -> title and key; the key is checked here.
    HeadingText headingText(const Node &node, const QString &what)
    {
        static const QRegularExpression explicitKey(QStringLiteral("\\{#([^{}]*)\\}\\s*$"));
        HeadingText result;
        QString text = node.plainText().simplified();
        const QRegularExpressionMatch m = explicitKey.match(text);
        if (m.hasMatch()) {
            text = text.left(m.capturedStart(0)).trimmed();
            const QString key = m.captured(1).trimmed().toLower();
            const bool valid = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
                return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_');
            });
            if (valid) {
                result.key = key;
                result.explicitKey = true;
            } else {
                const qsizetype at = m_source.line(node.startLine()).indexOf("{#");
                error(node.startLine(), at >= 0 ? int(at) + 1 : node.startColumn(),
                      QStringLiteral("invalid %1 key %2: use letters, digits, '-' and '_'")
                          .arg(what, quoted(m.captured(0).trimmed())));
            }
        }
        result.title = text;
        if (text.isEmpty()) {
            error(node.startLine(), node.startColumn(), QStringLiteral("the %1 heading is empty").arg(what));
            return result;
        }
        if (!result.explicitKey)
            result.key = slugify(text);
        if (result.key.isEmpty()) {
            error(node.startLine(), node.startColumn(),
                  QStringLiteral("cannot make a %1 key from %2: add one, as in '%3 {#my-key}'")
                      .arg(what, quoted(text), text));
        }
        return result;
    }

    void claimKey(QHash<QString, KeyOwner> &keys, const QString &key, const QString &title, int line,
                  const Node &node, const QString &what)
    {
        if (key.isEmpty())
            return;
        const auto it = keys.constFind(key);
        if (it == keys.constEnd()) {
            keys.insert(key, KeyOwner{title, line});
            return;
        }
        error(node.startLine(), node.startColumn(),
              QStringLiteral("%1 key %2 is already used by %1 %3 at line %4; "
                             "rename one or give it an explicit {#key}")
                  .arg(what, quoted(key), quoted(it->title))
                  .arg(it->line));
    }

    void closeSection()
    {
        const QList<Node> blocks = std::exchange(m_blocks, {});
        switch (m_section) {
        case Section::BeforeTitle:
            for (const Node &block : blocks) {
                if (block.type() != Type::HtmlBlock && m_contentBeforeTitleLine == 0)
                    m_contentBeforeTitleLine = block.startLine();
            }
            break;
        case Section::Preamble:
            readPreamble(readSection(blocks, m_source));
            break;
        case Section::Journey:
            readJourneyIntro(readSection(blocks, m_source));
            break;
        case Section::Task:
            readTask(readSection(blocks, m_source));
            break;
        }
    }

    // Applies the known fields of `level`; reports unknown, misplaced and
    // repeated ones. Returns the fields to use by name.
    QHash<QString, Field> acceptFields(const SectionContent &content, Level level, const QString &where,
                                       QList<Prose> *unknownAsProse)
    {
        QHash<QString, Field> accepted;
        for (const Field &field : content.fields) {
            const KnownField *known = findField(field.name);
            if (!known) {
                const KnownField *guess = suggestField(field.name);
                warning(field.line, field.column,
                        QStringLiteral("unknown field %1 in %2 (%3)")
                            .arg(quoted(field.key), where,
                                 guess ? QStringLiteral("did you mean %1?").arg(quoted(guess->display))
                                       : QStringLiteral("known here: %1; write '%2\\:' to keep the line as text")
                                             .arg(fieldList(level), field.key)));
                if (unknownAsProse) {
                    unknownAsProse->append(Prose{Node(), field.key + QStringLiteral(": ") + field.value,
                                                 field.line, field.column});
                }
                continue;
            }
            if (known->level != level) {
                error(field.line, field.column,
                      QStringLiteral("%1 is a %2 field, but it is in %3; put it %4")
                          .arg(quoted(known->display), levelName(known->level), where, placeOf(known->level)));
                continue;
            }
            if (const auto it = accepted.constFind(field.name); it != accepted.constEnd()) {
                error(field.line, field.column,
                      QStringLiteral("%1 is given twice in %2 (first at line %3)")
                          .arg(quoted(known->display), where)
                          .arg(it->line));
                continue;
            }
            accepted.insert(field.name, field);
        }
        return accepted;
    }

    void readPreamble(const SectionContent &content)
    {
        QList<Prose> prose = content.prose;
        const QHash<QString, Field> fields = acceptFields(content, Level::Plan,
                                                          QStringLiteral("the plan summary"), &prose);
        std::stable_sort(prose.begin(), prose.end(), [](const Prose &a, const Prose &b) {
            return a.line < b.line;
        });
        QStringList paragraphs;
        for (const Prose &p : prose) {
            if (p.block.type() != Type::CodeBlock && !p.text.trimmed().isEmpty())
                paragraphs.append(p.text.trimmed());
        }
        m_plan.summary = paragraphs.join(QStringLiteral("\n\n"));

        const auto tools = fields.constFind(QStringLiteral("tools"));
        if (tools == fields.constEnd())
            return;
        if (tools->value.isEmpty()) {
            warning(tools->line, tools->column, QStringLiteral("'Tools' is empty; list tools such as 'git, curl'"));
            return;
        }
        static const QRegularExpression separators(QStringLiteral("[,\\n]"));
        for (const QString &part : tools->value.split(separators, Qt::SkipEmptyParts)) {
            const QString tool = part.trimmed(); // code spans already lost their backticks
            if (tool.isEmpty() || m_plan.tools.contains(tool))
                continue;
            if (std::any_of(tool.begin(), tool.end(), [](QChar c) { return c.isSpace(); })) {
                warning(tools->valueLine, tools->valueColumn,
                        QStringLiteral("tool %1 has a space in its name; separate tools with commas")
                            .arg(quoted(tool)));
            }
            m_plan.tools.append(tool);
        }
    }

    void readJourneyIntro(const SectionContent &content)
    {
        if (!m_journey)
            return;
        const QString where = QStringLiteral("journey %1 before its first task").arg(quoted(m_journey->title));
        const QHash<QString, Field> fields = acceptFields(content, Level::Journey, where, nullptr);
        const auto outcome = fields.constFind(QStringLiteral("outcome"));
        if (outcome == fields.constEnd())
            return;
        if (outcome->value.isEmpty()) {
            error(outcome->line, outcome->column,
                  QStringLiteral("'Outcome' of journey %1 is empty").arg(quoted(m_journey->title)));
        }
        m_journey->outcome = outcome->value;
    }

    void readTask(const SectionContent &content)
    {
        if (!m_task)
            return;
        Task task = *std::exchange(m_task, std::nullopt);
        const QString where = QStringLiteral("task %1").arg(quoted(task.title));
        const QHash<QString, Field> fields = acceptFields(content, Level::Task, where, nullptr);

        for (const Prose &p : content.prose) {
            const bool numbered = p.block.type() == Type::List && p.block.isOrderedList();
            if (numbered || p.block.type() == Type::CodeBlock) {
                warning(p.line, p.column,
                        QStringLiteral("task %1 holds a %2: plans give goals, not steps; "
                                       "leave the how to the docs under test")
                            .arg(quoted(task.title),
                                 numbered ? QStringLiteral("numbered list") : QStringLiteral("code block")));
            }
        }

        task.goal = requiredText(fields, QStringLiteral("goal"), QStringLiteral("Goal"), task,
                                 QStringLiteral("what the tester must achieve"));
        task.doneWhen = requiredText(fields, QStringLiteral("done when"), QStringLiteral("Done when"), task,
                                     QStringLiteral("how the tester knows the goal is reached"));
        if (const auto budget = fields.constFind(QStringLiteral("budget")); budget != fields.constEnd())
            task.budgetSeconds = readBudget(*budget, task);
        if (const auto check = fields.constFind(QStringLiteral("check")); check != fields.constEnd())
            task.check = readCheck(*check, task);

        if (m_journey)
            m_journey->tasks.append(task);
    }

    QString requiredText(const QHash<QString, Field> &fields, const QString &name, const QString &display,
                         const Task &task, const QString &purpose)
    {
        const auto it = fields.constFind(name);
        if (it == fields.constEnd()) {
            error(task.line, 1,
                  QStringLiteral("task %1 has no '%2:' line (%3)").arg(quoted(task.title), display, purpose));
            return {};
        }
        if (it->value.isEmpty()) {
            error(it->line, it->column,
                  QStringLiteral("'%1' of task %2 is empty (%3)").arg(display, quoted(task.title), purpose));
        }
        return it->value;
    }

    std::optional<int> readBudget(const Field &field, const Task &task)
    {
        if (field.value.isEmpty()) {
            error(field.line, field.column,
                  QStringLiteral("'Budget' of task %1 is empty; write a duration such as '10 min' "
                                 "or remove the line")
                      .arg(quoted(task.title)));
            return std::nullopt;
        }
        const std::optional<int> seconds = parseDuration(field.value);
        if (!seconds) {
            error(field.valueLine, field.valueColumn,
                  QStringLiteral("cannot read the budget %1 of task %2; write a duration such as "
                                 "'10 min', '1h30m', '90s' or '1:30'")
                      .arg(quoted(field.value), quoted(task.title)));
        } else if (*seconds == 0) {
            error(field.valueLine, field.valueColumn,
                  QStringLiteral("the budget of task %1 is zero").arg(quoted(task.title)));
            return std::nullopt;
        }
        return seconds;
    }

    QString readCheck(const Field &field, const Task &task)
    {
        if (field.value.isEmpty()) {
            error(field.line, field.column,
                  QStringLiteral("'Check' of task %1 is empty; give a command whose exit status 0 "
                                 "means done, or remove the line")
                      .arg(quoted(task.title)));
            return {};
        }
        if (field.commands.size() > 1) {
            error(field.valueLine, field.valueColumn,
                  QStringLiteral("'Check' of task %1 holds %2 commands; give one command "
                                 "(join several with &&)")
                      .arg(quoted(task.title))
                      .arg(field.commands.size()));
            return {};
        }
        if (field.commands.size() == 1) {
            if (field.textOutsideCode) {
                warning(field.valueLine, field.valueColumn,
                        QStringLiteral("'Check' of task %1 runs only %2; the words around it are ignored")
                            .arg(quoted(task.title), quoted(field.commands.first())));
            }
            return field.commands.first().trimmed();
        }
        return field.value;
    }

    void closeJourney()
    {
        if (!m_journey)
            return;
        Journey journey = *std::exchange(m_journey, std::nullopt);
        if (journey.tasks.isEmpty()) {
            error(journey.line, 1,
                  QStringLiteral("journey %1 has no tasks; add '### Task' headings under it")
                      .arg(quoted(journey.title)));
        }
        if (journey.outcome.isEmpty() && !journey.tasks.isEmpty()) {
            warning(journey.line, 1,
                    QStringLiteral("journey %1 has no 'Outcome:' line (the business question it answers, "
                                   "e.g. 'Can a new developer take a card payment?')")
                        .arg(quoted(journey.title)));
        }
        m_plan.journeys.append(journey);
    }

    void finishPlan()
    {
        if (!m_hasTitle) {
            error(m_firstBlockLine > 0 ? m_firstBlockLine : 1, 1,
                  QStringLiteral("the plan has no title: start it with a line such as "
                                 "'# Onboarding onto Example Pay'"));
        } else if (m_contentBeforeTitleLine > 0) {
            warning(m_contentBeforeTitleLine, 1, QStringLiteral("text before the plan title is ignored"));
        }
        if (!m_sawJourneyOrTask) {
            error(m_hasTitle ? m_titleLine : 1, 1,
                  QStringLiteral("the plan has no journeys: add a '## Journey' heading with "
                                 "'### Task' headings under it"));
        }
    }

    const PlanSource &m_source;
    QList<Diagnostic> &m_diagnostics;
    Plan m_plan;
    Section m_section = Section::BeforeTitle;
    QList<Node> m_blocks;
    std::optional<Journey> m_journey;
    std::optional<Task> m_task;
    QHash<QString, KeyOwner> m_journeyKeys;
    QHash<QString, KeyOwner> m_taskKeys;
    bool m_hasTitle = false;
    bool m_sawJourneyOrTask = false;
    int m_titleLine = 0;
    int m_firstBlockLine = 0;
    int m_contentBeforeTitleLine = 0;
};

} // namespace

ParseResult parsePlan(QByteArrayView markdown)
{
    ParseResult result;
    PlanSource source;
    if (preparePlanSource(markdown, source, result.diagnostics)) {
        const markdown::Document document = markdown::Document::parse(source.utf8);
        PlanBuilder builder(source, result.diagnostics);
        builder.run(document.root());
        if (result.errorCount() == 0)
            result.plan = builder.takePlan();
    }
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    qCDebug(lcPlan) << "parsed plan:" << result.diagnostics.size() << "diagnostics," << result.errorCount()
                    << "errors";
    return result;
}

ParseResult parsePlanFile(const QString &path)
{
    ParseResult result;
    const auto fail = [&](const QString &message) {
        result.diagnostics.append(Diagnostic{Diagnostic::Severity::Error, 0, 0, message});
        return result;
    };
    const QFileInfo info(path);
    if (info.isDir())
        return fail(QStringLiteral("%1 is a folder, not a plan file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the plan %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxPlanBytes) {
        return fail(QStringLiteral("the plan is %1 bytes; a plan may be at most %2 bytes")
                        .arg(file.size())
                        .arg(MaxPlanBytes));
    }
    // One byte past the limit is enough to tell a file that grew while we read.
    const QByteArray bytes = file.read(MaxPlanBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read the plan %1: %2").arg(path, file.errorString()));
    return parsePlan(bytes);
}

} // namespace devzero::plan
