#pragma once

// What the bench suites share (header-only): a plan file, a docs repository
// built with libgit2 (Quillstack, a made-up platform written for these
// tests), screenshots, and waiting for worker threads.

#include "sessions/capture/sessionengine.h"
#include "sessions/plan/plan.h"
#include "sessions/store/labdatabase.h"
#include "sessions/store/planstore.h"
#include "tests/common/testsupport.h"
#include "tests/docindex/fixturerepo.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QWidget>

namespace devzero::test {

inline const char kBenchPlan[] = R"md(# Quillstack onboarding

A short plan that the bench suites drive a whole session through.

Tools: bash, devzero-no-such-tool

## Publish a first document {#publish}

Outcome: Can a new developer publish a document through the Quillstack API?

### Get an API token {#api-token}

Goal: Have a Quillstack API token available in your shell.
Done when: a request to the account endpoint with your token answers 200.
Budget: 10 min

### Publish a draft {#publish-draft}

Goal: Publish a one-page draft with the API.
Done when: the draft is listed as published.
)md";

inline QString writeBenchPlan(const QString &dir)
{
    const QString path = dir + QStringLiteral("/quillstack-plan.md");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(kBenchPlan);
    return path;
}

// Imports the bench plan into the lab and starts a session of it owned by
// this process, as the wizard does; the session id, or 0.
inline qint64 startBenchPlanSession(const QString &labPath, const QString &pseudonym, const QString &docsRevision = {})
{
    auto lab = LabDatabase::open(labPath);
    const plan::ParseResult parsed = plan::parsePlan(kBenchPlan);
    if (!lab || !parsed.ok())
        return 0;
    auto imported = store::PlanStore(**lab).importPlan(*parsed.plan, kBenchPlan, {}, 0);
    if (!imported)
        return 0;
    capture::SessionEngine engine(**lab);
    capture::StartRequest request;
    request.planId = imported->planId;
    request.pseudonym = pseudonym;
    request.consent = true;
    request.docsRevision = docsRevision;
    request.ownedByThisProcess = true;
    auto session = engine.start(request);
    return session ? session->id : 0;
}

inline QByteArray pngBytes(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QPainter painter(&image);
    painter.setPen(Qt::white);
    painter.drawRect(4, 4, width - 9, height - 9);
    painter.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("API -> Drafts -> Published"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// docs/ holds three pages: an index with an image and a broken link, a
// getting-started page with front matter and sections, a publishing page.
inline QString buildQuillstackDocs(const QString &path, QString *commit)
{
    FixtureRepo repo(path);
    QByteArray gettingStarted = R"md(---
title: Getting started with Quillstack
---

# Getting started

Quillstack stores documents and publishes them through an HTTP API. This page
takes you from nothing to an API token.

## Install the CLI

Download the `quill` binary for your system and put it on your PATH.

```bash
quill --version
```

)md";
    // Enough text that the sections below start off screen.
    for (int i = 1; i <= 12; ++i)
        gettingStarted += "Paragraph " + QByteArray::number(i) + " about installing: the CLI talks to the API on port 8443.\n\n";
    gettingStarted += R"md(## Get a token

Create a token in the console under Settings, then export it:

```bash
export QUILL_TOKEN=<your-token>
quill whoami
```

Next: [publish your first draft](publishing.md#publish-a-draft).

## Troubleshooting

If `quill whoami` answers 401, the token has expired.

)md";
    for (int i = 1; i <= 12; ++i)
        gettingStarted += "Troubleshooting note " + QByteArray::number(i) + ": check the clock of your machine.\n\n";
    repo.write(QStringLiteral("docs/index.md"), R"md(# Quillstack docs

Start with [Getting started](getting-started.md), or jump to
[tokens](getting-started.md#get-a-token).

![How a document travels](img/flow.png)

Some pages are still missing: [the API reference](reference.md).
)md")
        .write(QStringLiteral("docs/getting-started.md"), gettingStarted)
        .write(QStringLiteral("docs/publishing.md"), R"md(# Publishing

## Publish a draft

Send the draft to the drafts endpoint with your token, then publish it.

```bash
curl -H "Authorization: Bearer $QUILL_TOKEN" https://api.quillstack.test/drafts
```

Back to [getting started](getting-started.md).
)md")
        .write(QStringLiteral("docs/img/flow.png"), pngBytes(900, 240, QColor(0x2b, 0x59, 0x8c)));
    *commit = repo.commit(QStringLiteral("Quillstack docs"));
    return repo.ok() ? QString() : repo.error();
}

inline QString benchScreenshotPath(const QString &name)
{
    return screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png");
}

inline bool saveBenchScreenshot(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    return widget->window()->grab().save(benchScreenshotPath(name));
}

} // namespace devzero::test
