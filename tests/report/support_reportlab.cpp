#include "tests/report/support_reportlab.h"

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/planstore.h"
#include "tests/docindex/fixturerepo.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace devzero::test {

using namespace devzero::capture;
using namespace devzero::store;

namespace {

const QByteArray kPlan = R"(# Paylark onboarding

## Take a payment {#pay}

Outcome: Can a new developer take a card payment?

### Get test API keys {#get-keys}

Goal: Have a test key in your shell.
Done when: `paylark whoami` names your account.

### Take a payment {#take-payment}

Goal: Charge 12.50 EUR to a test card.
Done when: the payment succeeded.

## Receive webhooks {#hooks}

Outcome: Can a new developer receive a webhook?

### Register a webhook {#register-webhook}

Goal: Have events sent to your machine.
Done when: the endpoint is enabled.
)";

const QByteArray kGettingStarted = R"(# Getting started

Welcome to Paylark.

## Install the CLI

```bash
brew install paylark
```

Then read [Authentication](authentication.md).
)";

const QByteArray kAuthentication = R"(# Authentication

Every call to the Paylark API needs a secret key.

## API keys

Export your key before you call the API:

```bash
export PAYLARK_SECRET_KEY=<your-secret-key>
paylark login
```

## Rotating keys

Rotate keys from the dashboard every 90 days.
)";

const QByteArray kFirstPayment = R"(# Your first payment

## Create a payment

```bash
curl -s -u "$PAYLARK_SECRET_KEY:" https://api.paylark.example/v1/payments -d amount=1250 -o payment.json
jq .id payment.json
```

## Confirm it

Simply open the dashboard and check the payment.
)";

const QByteArray kWebhooks = R"(# Webhooks

## Register an endpoint

Run `paylark webhooks add https://example.com/hook` and copy the signing secret from [the secrets page](secrets.md).

## Verify signatures

Compute the HMAC of the body with your signing secret.
)";

const QByteArray kCodeowners = R"(*                  @paylark/docs
/docs/webhooks.md  @paylark/webhooks
)";

void advanceTo(ManualClock &clock, const QString &isoUtc)
{
    clock.advanceMs(QDateTime::fromString(isoUtc, Qt::ISODate).toMSecsSinceEpoch() - clock.wallMs());
}

StartRequest startRequest(qint64 planId, const QString &pseudonym, Experience experience, const QString &revision)
{
    StartRequest r;
    r.planId = planId;
    r.pseudonym = pseudonym;
    r.experience = experience;
    r.consent = true;
    r.docsRevision = revision;
    return r;
}

// Records the three sessions; the first error, or an empty string.
QString recordSessions(LabDatabase &lab, ReportLab &out)
{
    const plan::ParseResult parsed = plan::parsePlan(kPlan);
    if (!parsed.ok())
        return QStringLiteral("the test plan does not parse");
    Result<PlanStore::Imported> imported = PlanStore(lab).importPlan(*parsed.plan, kPlan, QStringLiteral("plan.md"), 1);
    if (!imported)
        return imported.error().toString();
    out.planId = imported->planId;

    ManualClock clock;
    SessionEngine engine(lab, clock);
    QString failed;
    const auto ok = [&](const auto &result) {
        if (!result && failed.isEmpty())
            failed = result.error().toString();
    };
    const auto wait = [&](int seconds) { clock.advanceMs(seconds * 1000LL); };
    const auto read = [&](const QString &page, const QString &anchor, int seconds) {
        wait(seconds);
        ok(engine.lookup(page, anchor, QStringLiteral("panel"), seconds * 1000LL));
    };
    const auto note = [&](int severity, const QString &category, const QString &text, const QString &page = {},
                          const QString &anchor = {}) {
        NoteInput n;
        n.severity = severity;
        n.category = category;
        n.text = text;
        n.page = page;
        n.anchor = anchor;
        ok(engine.note(n));
    };
    const auto started = [&](const Result<SessionRow> &s) {
        if (!s)
            return false;
        out.sessionIds << s->id;
        out.uuids << s->uuid;
        return true;
    };

    advanceTo(clock, QStringLiteral("2026-01-05T09:00:00Z"));
    if (!started(engine.start(startRequest(out.planId, QStringLiteral("ana"), Experience::Novice, QStringLiteral("aaaa1111")))))
        return QStringLiteral("S1 did not start");
    wait(10);
    ok(engine.startTask(QStringLiteral("1.1")));
    read(QStringLiteral("docs/getting-started.md"), QStringLiteral("install-the-cli"), 40);
    wait(5);
    ok(engine.command(QStringLiteral("paylark login"), 127, 50, QStringLiteral("/home/ana")));
    read(QStringLiteral("docs/authentication.md"), QStringLiteral("api-keys"), 90);
    wait(20);
    note(3, QStringLiteral("missing-prerequisite"), QStringLiteral("Where do I get PAYLARK_SECRET_KEY? The page never says."),
         QStringLiteral("docs/authentication.md"), QStringLiteral("api-keys"));
    wait(10);
    ok(engine.search(QStringLiteral("secret key"), 0));
    read(QStringLiteral("docs/authentication.md"), QStringLiteral("api-keys"), 30);
    wait(15);
    ok(engine.command(QStringLiteral("export PAYLARK_SECRET_KEY=\"$(cat key.txt)\""), 0, 5, QStringLiteral("/home/ana")));
    wait(30);
    ok(engine.endTask(Outcome::Success));
    ok(engine.answerSeq(3));
    wait(10);
    ok(engine.startTask(QStringLiteral("1.2")));
    read(QStringLiteral("docs/first-payment.md"), QString(), 120);
    wait(10);
    ok(engine.command(QStringLiteral("curl -s https://api.paylark.example/v1/payments | jq .id"), 127, 800, QStringLiteral("/home/ana")));
    wait(20);
    note(2, QStringLiteral("unclear-step"), QStringLiteral("jq is not installed and nothing says to install it"));
    wait(60);
    ok(engine.endTask(Outcome::Failure));
    ok(engine.answerSeq(2));
    wait(10);
    ok(engine.startTask(QStringLiteral("2.1")));
    read(QStringLiteral("docs/webhooks.md"), QStringLiteral("register-an-endpoint"), 60);
    wait(10);
    ok(engine.search(QStringLiteral("Webhook  Secret"), 0));
    wait(30);
    ok(engine.endTask(Outcome::GaveUp));
    ok(engine.answerSus({4, 2, 4, 2, 3, 3, 4, 2, 4, 2}));
    ok(engine.end());

    advanceTo(clock, QStringLiteral("2026-01-06T10:00:00Z"));
    if (!started(engine.start(startRequest(out.planId, QStringLiteral("ben"), Experience::Expert, QStringLiteral("bbbb2222")))))
        return QStringLiteral("S2 did not start");
    wait(10);
    ok(engine.startTask(QStringLiteral("1.1")));
    read(QStringLiteral("docs/authentication.md"), QStringLiteral("api-keys"), 45);
    wait(10);
    ok(engine.command(QStringLiteral("paylark login"), 0, 900, QStringLiteral("/home/ben")));
    wait(20);
    ok(engine.endTask(Outcome::Success));
    ok(engine.answerSeq(6));
    wait(10);
    ok(engine.startTask(QStringLiteral("1.2")));
    read(QStringLiteral("docs/first-payment.md"), QStringLiteral("create-a-payment"), 80);
    wait(10);
    ok(engine.command(QStringLiteral("curl -s https://api.paylark.example/v1/payments -o payment.json"), 0, 700, QStringLiteral("/home/ben")));
    wait(30);
    ok(engine.endTask(Outcome::Success));
    ok(engine.answerSeq(5));
    wait(10);
    ok(engine.startTask(QStringLiteral("2.1")));
    read(QStringLiteral("docs/webhooks.md"), QStringLiteral("register-an-endpoint"), 100);
    wait(10);
    ok(engine.search(QStringLiteral("webhook secret"), 0));
    wait(15);
    note(4, QStringLiteral("broken-link"), QStringLiteral("The link to the signing secret goes nowhere"),
         QStringLiteral("docs/webhooks.md"), QStringLiteral("register-an-endpoint"));
    wait(5);
    ok(engine.command(QStringLiteral("paylark webhooks add https://example.com/hook"), 1, 300, QStringLiteral("/home/ben")));
    wait(40);
    ok(engine.endTask(Outcome::Failure));
    ok(engine.answerSeq(1));
    wait(10);
    ok(engine.search(QStringLiteral("signing secret"), 3, QStringLiteral("docs/webhooks.md")));
    ok(engine.answerSus({5, 1, 5, 1, 5, 1, 5, 1, 5, 1}));
    ok(engine.end());

    advanceTo(clock, QStringLiteral("2026-01-07T14:00:00Z"));
    if (!started(engine.start(startRequest(out.planId, QStringLiteral("cleo"), Experience::Intermediate, QStringLiteral("bbbb2222")))))
        return QStringLiteral("S3 did not start");
    wait(10);
    ok(engine.startTask(QStringLiteral("1.1")));
    read(QStringLiteral("docs/getting-started.md"), QStringLiteral("install-the-cli"), 30);
    wait(5);
    ok(engine.command(QStringLiteral("brew install paylark"), 0, 20000, QStringLiteral("/home/cleo")));
    wait(20);
    ok(engine.endTask(Outcome::Success));
    wait(10);
    ok(engine.startTask(QStringLiteral("1.2")));
    read(QStringLiteral("docs/first-payment.md"), QString(), 50);
    wait(5);
    note(1, QStringLiteral("other"), QStringLiteral("The amount is in cents, that surprised me"));
    wait(60);
    return failed;
}

analysis::Flag flag(const QString &rule, analysis::Severity severity, const QString &path, const QString &anchor, int line,
                    const QString &term, const QString &message, const QString &excerpt, bool generated = false)
{
    analysis::Flag f;
    f.ruleId = rule;
    f.severity = severity;
    f.path = path;
    f.anchor = anchor;
    f.startLine = line;
    f.endLine = line;
    f.term = term;
    f.message = message;
    f.excerpt = excerpt;
    f.generated = generated;
    f.explanation = QStringLiteral("Explanation of ") + rule + QLatin1Char('.');
    return f;
}

} // namespace

QString buildLabOnly(const QString &labPath, ReportLab &out)
{
    Result<std::unique_ptr<LabDatabase>> lab = LabDatabase::open(labPath);
    if (!lab)
        return lab.error().toString();
    out.lab = std::move(*lab);
    return recordSessions(*out.lab, out);
}

QString buildReportLab(const QString &dir, ReportLab &out, const QString &labPath, const QString &indexPath)
{
    const QString repoPath = dir + QStringLiteral("/paylark-docs");
    {
        FixtureRepo repo(repoPath);
        repo.write(QStringLiteral("CODEOWNERS"), kCodeowners)
            .write(QStringLiteral("docs/getting-started.md"), kGettingStarted)
            .write(QStringLiteral("docs/authentication.md"), kAuthentication)
            .write(QStringLiteral("docs/first-payment.md"), kFirstPayment);
        repo.commit(QStringLiteral("Guide pages"), QStringLiteral("Ana Ruiz"), QStringLiteral("ana@paylark.example"));
        repo.write(QStringLiteral("docs/webhooks.md"), kWebhooks);
        out.docsCommit = repo.commit(QStringLiteral("Webhooks page"), QStringLiteral("Priya Natarajan"),
                                     QStringLiteral("priya@paylark.example"));
        if (!repo.ok())
            return repo.error();
    }
    const QString indexFile = indexPath.isEmpty() ? dir + QStringLiteral("/docs-index.sqlite") : indexPath;
    QDir().mkpath(QFileInfo(indexFile).absolutePath());
    Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexFile);
    if (!index)
        return index.error().toString();
    out.docs = std::move(*index);
    docindex::SourceSpec spec;
    spec.name = QStringLiteral("paylark");
    spec.repo = repoPath;
    if (auto added = out.docs->addSource(spec); !added)
        return added.error().toString();
    return buildLabOnly(labPath.isEmpty() ? dir + QStringLiteral("/lab.sqlite") : labPath, out);
}

QList<analysis::Flag> handFlags()
{
    using analysis::Severity;
    return {
        flag(QStringLiteral("minimising-word"), Severity::Info, QStringLiteral("docs/first-payment.md"), QStringLiteral("confirm-it"),
             12, QStringLiteral("Simply"), QStringLiteral("\u201cSimply\u201d plays down a step"),
             QStringLiteral("Simply open the dashboard and check the payment.")),
        flag(QStringLiteral("undeclared-tool"), Severity::Warning, QStringLiteral("docs/first-payment.md"),
             QStringLiteral("create-a-payment"), 7, QStringLiteral("jq"), QStringLiteral("`jq` is used but never introduced"),
             QStringLiteral("jq .id payment.json")),
        flag(QStringLiteral("broken-link"), Severity::Error, QStringLiteral("docs/webhooks.md"), QStringLiteral("register-an-endpoint"),
             5, QStringLiteral("secrets.md"), QStringLiteral("link to secrets.md: no such page"),
             QStringLiteral("Run `paylark webhooks add https://example.com/hook` and copy the signing secret from [the secrets page](secrets.md).")),
        flag(QStringLiteral("undefined-acronym"), Severity::Warning, QStringLiteral("docs/webhooks.md"),
             QStringLiteral("verify-signatures"), 9, QStringLiteral("HMAC"), QStringLiteral("HMAC is never defined"),
             QStringLiteral("Compute the HMAC of the body with your signing secret.")),
        flag(QStringLiteral("unexplained-placeholder"), Severity::Warning, QStringLiteral("docs/authentication.md"),
             QStringLiteral("api-keys"), 10, QStringLiteral("<your-secret-key>"),
             QStringLiteral("<your-secret-key>: nothing says where its value comes from"),
             QStringLiteral("export PAYLARK_SECRET_KEY=<your-secret-key>")),
        flag(QStringLiteral("undeclared-tool"), Severity::Warning, QStringLiteral("docs/getting-started.md"),
             QStringLiteral("install-the-cli"), 8, QStringLiteral("brew"), QStringLiteral("`brew` is used but never introduced"),
             QStringLiteral("brew install paylark")),
        flag(QStringLiteral("broken-link"), Severity::Error, QStringLiteral("docs/reference/api.md"), QString(), 3,
             QStringLiteral("old.md"), QStringLiteral("link to old.md: no such page"), QStringLiteral("See [the old API](old.md)."),
             true),
    };
}

report::ReportOptions fixedOptions()
{
    report::ReportOptions options;
    options.generatedAt = QDateTime::fromString(QStringLiteral("2026-01-08T12:00:00Z"), Qt::ISODate);
    return options;
}

QString normaliseUuids(QString text, const QStringList &uuids)
{
    for (qsizetype i = 0; i < uuids.size(); ++i)
        text.replace(uuids.at(i), QStringLiteral("session-uuid-%1").arg(i + 1));
    return text;
}

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

} // namespace devzero::test
