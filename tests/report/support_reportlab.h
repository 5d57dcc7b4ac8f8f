#pragma once

// The lab the report suites read: a docs repository built with libgit2 and
// indexed into a real docs index, and three sessions recorded with the
// session engine on a ManualClock, so every figure can be worked out by
// hand and every renderer's output is the same on every run.
//
// Docs (source "paylark", one commit by Ana Ruiz, then webhooks.md by Priya
// Natarajan): docs/getting-started.md (#install-the-cli: brew),
// docs/authentication.md (#api-keys: export, paylark; #rotating-keys),
// docs/first-payment.md (#create-a-payment: curl, jq; #confirm-it),
// docs/webhooks.md (#register-an-endpoint, #verify-signatures: HMAC).
// CODEOWNERS: * @paylark/docs; /docs/webhooks.md @paylark/webhooks.
//
// Plan "Paylark onboarding": journey pay (1.1 get-keys, 1.2 take-payment),
// journey hooks (2.1 register-webhook).
//
// S1 ana, novice, docs aaaa1111, 2026-01-05 09:00 UTC, ended, SUS 70 (C)
//   1.1: reads getting-started#install-the-cli (40 s); `paylark login` exits
//        127; reads authentication#api-keys (90 s); note (3,
//        missing-prerequisite, authentication#api-keys); search "secret key"
//        finds nothing; reads authentication#api-keys again (30 s); a command
//        exits 0; success (SEQ 3).
//   1.2: reads first-payment (120 s, no anchor); `curl ... | jq .id` exits
//        127; note (2, unclear-step, no page) "jq is not installed ...";
//        failure (SEQ 2).
//   2.1: reads webhooks#register-an-endpoint (60 s); search "Webhook  Secret"
//        finds nothing; gave up.
// S2 ben, expert, docs bbbb2222, 2026-01-06 10:00, ended, SUS 100 (A+)
//   1.1: reads authentication#api-keys (45 s); `paylark login` exits 0;
//        success (SEQ 6).
//   1.2: reads first-payment#create-a-payment (80 s); curl exits 0; success (SEQ 5).
//   2.1: reads webhooks#register-an-endpoint (100 s); search "webhook secret"
//        finds nothing; note (4, broken-link, webhooks#register-an-endpoint);
//        `paylark webhooks add ...` exits 1; failure (SEQ 1).
//   Between tasks: search "signing secret" finds 3.
// S3 cleo, intermediate, docs bbbb2222, 2026-01-07 14:00, still running
//   1.1: reads getting-started#install-the-cli (30 s); brew exits 0; success.
//   1.2: reads first-payment (50 s); note (1, other, no page); still open.

#include "sessions/analysis/flag.h"
#include "sessions/docindex/docindex.h"
#include "sessions/report/reportmodel.h"
#include "sessions/store/labdatabase.h"

#include <memory>

namespace devzero::test {

struct ReportLab
{
    std::unique_ptr<LabDatabase> lab;
    std::unique_ptr<docindex::DocIndex> docs;
    qint64 planId = 0;
    QList<qint64> sessionIds;  // S1..S3
    QStringList uuids;         // S1..S3
    QString docsCommit;
};

// Builds the docs repository, its index and the lab under `dir` (the lab
// and the index at the paths given, else dir/lab.sqlite and
// dir/docs-index.sqlite). An empty string on success, else what failed.
QString buildReportLab(const QString &dir, ReportLab &out, const QString &labPath = {}, const QString &indexPath = {});

// Only the lab (no docs), for suites that need no owners.
QString buildLabOnly(const QString &labPath, ReportLab &out);

// Seven flags as the rules would report them on those pages (see
// test_flag_ranking.cpp for their scores worked out by hand).
QList<analysis::Flag> handFlags();

// A report options object with a fixed generation time.
report::ReportOptions fixedOptions();

// Replaces each session uuid by "session-uuid-N" (N from 1), so that
// output compares across runs.
QString normaliseUuids(QString text, const QStringList &uuids);

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> parseCsv(const QString &text);

} // namespace devzero::test

#define REQUIRE_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))
