#pragma once

// The lab the review and triage suites open (header-only): "Larkpay", a
// made-up payments platform written for these tests. A real git docs
// repository built with libgit2, indexed by the real docs index, and a real
// lab recorded with the session engine on a ManualClock.
//
// docs/payments.md (owned by @alice, @larkpay/docs) uses grpcurl and jq
// without introducing them and never defines PSP; docs/install.md is clean.
// Revision 1 sessions (2026-01-05 ...):
//   dz-ana novice:  1.1 success 120 s (SEQ 6); 1.2 reads payments#create-a-payment,
//                   grpcurl exits 127, note (sev 3) on that section, search
//                   "install grpcurl" finds nothing, fails after 300 s (SEQ 2); SUS
//   dz-ben expert:  1.1 success 60 s (SEQ 7); 1.2 note "What is a PSP key?" (sev 2),
//                   success 200 s (SEQ 4)
//   dz-cy  novice:  1.1 success 90 s (SEQ 5); 1.2 gave up after 400 s (SEQ 1)

#include "sessions/capture/clock.h"
#include "sessions/capture/sessionengine.h"
#include "sessions/docindex/docindex.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/docindex/fixturerepo.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace devzero::test {

inline const char kLarkPlan[] = R"md(# Larkpay onboarding

A plan for outsiders trying the Larkpay payments API.

## Take a card payment {#pay}

Outcome: Can a new developer take a card payment?

### Install the CLI {#install-cli}

Goal: Have the larkpay CLI on your machine.
Done when: `larkpay --version` prints a version.

### Charge a test card {#charge}

Goal: Charge the test card 4242 for 10 EUR.
Done when: the payment shows as captured.
)md";

inline const QByteArray kInstallPage = R"md(# Install the CLI

Download the larkpay CLI from the releases page and put it on your PATH.

## Check the install

Run `larkpay --version` and check that it prints a version.
)md";

inline const QByteArray kPaymentsPageV1 = R"md(# Take a card payment

Charge a card with the Larkpay API.

## Create a payment

Send the request with your PSP key:

```bash
grpcurl -d '{"amount": 1000}' api.larkpay.example:443 larkpay.Payments/Create
```

## Read the payment id

```bash
jq '.id' payment.json
```
)md";

// Revision 2: the page introduces grpcurl and jq and defines PSP.
inline const QByteArray kPaymentsPageV2 = R"md(# Take a card payment

Charge a card with the Larkpay API.

## Prerequisites

- Install grpcurl (https://github.com/fullstorydev/grpcurl) and jq with your package manager.

## Create a payment

Send the request with your payment service provider (PSP) key from the dashboard:

```bash
grpcurl -d '{"amount": 1000}' api.larkpay.example:443 larkpay.Payments/Create
```

## Read the payment id

```bash
jq '.id' payment.json
```
)md";

struct ReviewLab
{
    QTemporaryDir dir;
    QString labPath;
    QString indexPath;
    QString repoPath;
    QString commit1;
    QString commit2;
    qint64 planId = 0;
    std::unique_ptr<FixtureRepo> repo;
    std::unique_ptr<LabDatabase> lab;

    QString fail(const QString &what) { return what; }

    // Builds the repository, the index and the revision 1 sessions. Empty on success.
    QString build()
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary folder");
        labPath = dir.filePath(QStringLiteral("lab.sqlite"));
        indexPath = dir.filePath(QStringLiteral("lab.data/docs-index.sqlite"));
        repoPath = dir.filePath(QStringLiteral("larkpay-docs"));
        QDir().mkpath(dir.filePath(QStringLiteral("lab.data")));
        repo = std::make_unique<FixtureRepo>(repoPath);
        repo->write(QStringLiteral("docs/install.md"), kInstallPage)
            .write(QStringLiteral("docs/payments.md"), kPaymentsPageV1)
            .write(QStringLiteral("CODEOWNERS"), "/docs/ @larkpay/docs\n/docs/payments.md @alice @larkpay/docs\n");
        commit1 = repo->commit(QStringLiteral("Payments guide"), QStringLiteral("Alice Smith"), QStringLiteral("alice@larkpay.example"));
        if (!repo->ok() || commit1.isEmpty())
            return QStringLiteral("fixture repo: ") + repo->error();
        Result<std::unique_ptr<docindex::DocIndex>> index = docindex::DocIndex::open(indexPath);
        if (!index)
            return index.error().toString();
        docindex::SourceSpec spec;
        spec.name = QStringLiteral("larkpay");
        spec.repo = repoPath;
        if (Result<docindex::IndexStats> s = (*index)->addSource(spec); !s)
            return s.error().toString();

        Result<std::unique_ptr<LabDatabase>> opened = LabDatabase::open(labPath);
        if (!opened)
            return opened.error().toString();
        lab = std::move(opened.value());
        const plan::ParseResult parsed = plan::parsePlan(QByteArrayView(kLarkPlan, qstrlen(kLarkPlan)));
        if (!parsed.ok())
            return QStringLiteral("the Larkpay plan does not parse");
        Result<store::PlanStore::Imported> imported =
            store::PlanStore(*lab).importPlan(*parsed.plan, QByteArray(kLarkPlan), QStringLiteral("larkpay.md"), 1);
        if (!imported)
            return imported.error().toString();
        planId = imported->planId;

        capture::ManualClock clock(1'767'600'000'000); // 2026-01-05 08:00 UTC
        QString error = recordSession(clock, QStringLiteral("dz-ana"), store::Experience::Novice, commit1, 0);
        if (error.isEmpty())
            error = recordSession(clock, QStringLiteral("dz-ben"), store::Experience::Expert, commit1, 1);
        if (error.isEmpty())
            error = recordSession(clock, QStringLiteral("dz-cy"), store::Experience::Novice, commit1, 2);
        return error;
    }

    // Commits revision 2 of the payments page (not indexed yet).
    QString changePaymentsPage()
    {
        repo->write(QStringLiteral("docs/payments.md"), kPaymentsPageV2);
        commit2 = repo->commit(QStringLiteral("Introduce the tools"), QStringLiteral("Bob Jones"), QStringLiteral("bob@larkpay.example"));
        return repo->ok() && !commit2.isEmpty() ? QString() : repo->error();
    }

    // kind 0: fails 1.2 with evidence on payments; 1: notes a PSP question,
    // succeeds; 2: gives up; 3: a clean, fast success at revision 2 (no evidence).
    QString recordSession(capture::ManualClock &clock, const QString &who, store::Experience experience,
                          const QString &revision, int kind)
    {
        capture::SessionEngine engine(*lab, clock);
        capture::StartRequest start;
        start.planId = planId;
        start.pseudonym = who;
        start.experience = experience;
        start.consent = true;
        start.docsRevision = revision;
        QString error;
        auto check = [&](const auto &r) {
            if (error.isEmpty() && !r.ok())
                error = who + QStringLiteral(": ") + r.error().toString();
        };
        check(engine.start(start));
        const QString payments = QStringLiteral("docs/payments.md");
        const QString create = QStringLiteral("create-a-payment");
        check(engine.startTask(QStringLiteral("1.1")));
        check(engine.lookup(QStringLiteral("docs/install.md"), {}, QStringLiteral("panel"), 20'000, revision));
        clock.advanceMs(kind == 0 ? 120'000 : kind == 1 ? 60'000 : kind == 2 ? 90'000 : 45'000);
        check(engine.endTask(store::Outcome::Success));
        check(engine.answerSeq(kind == 0 ? 6 : kind == 1 ? 7 : kind == 2 ? 5 : 7));
        clock.advanceMs(10'000);
        check(engine.startTask(QStringLiteral("1.2")));
        check(engine.lookup(payments, create, QStringLiteral("panel"), 60'000, revision));
        clock.advanceMs(30'000);
        if (kind == 0) {
            check(engine.command(QStringLiteral("grpcurl -d '{}' api.larkpay.example:443 larkpay.Payments/Create"), 127, 40, QStringLiteral("/home/ana")));
            capture::NoteInput note;
            note.text = QStringLiteral("grpcurl is not installed and the page never says where to get it");
            note.severity = 3;
            note.category = QStringLiteral("missing-prerequisite");
            note.page = payments;
            note.anchor = create;
            check(engine.note(note));
            check(engine.search(QStringLiteral("install grpcurl"), 0));
            clock.advanceMs(270'000);
            check(engine.endTask(store::Outcome::Failure));
            check(engine.answerSeq(2));
            check(engine.answerSus({4, 2, 4, 2, 4, 2, 4, 2, 4, 2}));
        } else if (kind == 1) {
            capture::NoteInput note;
            note.text = QStringLiteral("What is a PSP key? Nothing on the page defines it");
            note.severity = 2;
            note.category = QStringLiteral("undefined-term");
            note.page = payments;
            note.anchor = create;
            check(engine.note(note));
            clock.advanceMs(170'000);
            check(engine.endTask(store::Outcome::Success));
            check(engine.answerSeq(4));
            check(engine.answerSus({5, 1, 5, 1, 5, 1, 5, 2, 5, 1}));
        } else if (kind == 2) {
            capture::NoteInput note;
            note.text = QStringLiteral("jq: command not found, gave up reading the payment id");
            note.severity = 4;
            note.category = QStringLiteral("environment");
            check(engine.note(note));
            clock.advanceMs(370'000);
            check(engine.endTask(store::Outcome::GaveUp));
            check(engine.answerSeq(1));
        } else {
            clock.advanceMs(40'000 + qint64(who.size()) * 1000);
            check(engine.endTask(store::Outcome::Success));
            check(engine.answerSeq(6));
        }
        check(engine.end());
        clock.advanceMs(3'600'000);
        return error;
    }
};

// Saves a widget's picture into the build tree (screenshots/review), for a
// person to look at; returns the path.
inline QString saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("DEVZERO_BINARY_DIR", QDir::currentPath()) + QStringLiteral("/screenshots/review");
    QDir().mkpath(folder);
    // Layouts settle in posted events: let them run so the picture is what a user sees.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    const QString path = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    widget->grab().save(path);
    return path;
}

} // namespace devzero::test
