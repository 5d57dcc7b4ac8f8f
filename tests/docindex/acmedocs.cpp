#include "tests/docindex/acmedocs.h"

#include "tests/docindex/fixturerepo.h"

namespace devzero::test {

namespace {

const char kIndex[] = R"md(# Acme Platform Docs

Welcome to the Acme platform. Start with [Getting started](getting-started.md)
or jump to [the CLI install](getting-started.md#install-the-cli).

Some links do not work: [a missing page](missing-page.md),
[a missing section](getting-started.md#no-such-section),
[a folder page](guide/) and [an escape](../../../etc/passwd).

![Acme logo](assets/logo.png)
)md";

const char kGettingStarted[] = R"md(---
title: Getting Started with Acme
owner: platform
---

# Getting started

This page explains how deployment pipelines reach production.

## Install the CLI

Install the client and log in:

```bash
$ export ACME_TOKEN=<your-token>
$ acme login --token $ACME_TOKEN
$ kubectl get pods
```

## Configure

Set `ACME_HOME` before you continue. The Service Level Agreement (SLA) covers uptime.

## Configure

The second configure section has a duplicate heading.

## Überblick über Größen

Ein Abschnitt mit Umlauten im Titel.

See [the first configure section](#configure) and [the Unicode one](#überblick-über-größen).
)md";

const char kGettingStartedV2[] = R"md(---
title: Getting Started with Acme
owner: platform
---

# Getting started

This page explains how deployment pipelines reach production, now with canaries.

## Install the CLI

Install the client and log in:

```bash
$ export ACME_TOKEN=<your-token>
$ acme login --token $ACME_TOKEN
$ kubectl get pods
```

## Configure

Set `ACME_HOME` before you continue. The Service Level Agreement (SLA) covers uptime.

## Configure

The second configure section has a duplicate heading.

## Überblick über Größen

Ein Abschnitt mit Umlauten im Titel.

See [the first configure section](#configure) and [the Unicode one](#überblick-über-größen).
)md";

const char kSyncWaves[] = R"md(# Rollout waves

Order resources with annotations. Each group is applied after the previous one is healthy.

## Hooks

Hooks run before and after a group.
)md";

const char kBodyOnly[] = R"md(# Resource ordering

Operators sometimes ask how the controller orders resources. The short answer is that
resources are grouped, and the groups are applied one after another, a little like waves
arriving on a beach, each waiting for the previous one to settle before it starts. This
paragraph is deliberately long so that the single mention above is diluted by many other
words about controllers, reconciliation, health checks and retries.
)md";

const char kMdx[] = R"md(import { Tabs } from '@site/components';
export const meta = { sidebar: true };

# Component gallery

<Tabs items={['one', 'two']}>
  <Tab>Tabbed content lives here.</Tab>
</Tabs>

Plain prose about the gallery of widgets.
)md";

const char kRussian[] = "# Установка\n\nУстановите клиент и настройте доступ к кластеру.\n";
const char kArabic[] = "# التثبيت\n\nقم بتثبيت العميل ثم سجّل الدخول إلى المنصة.\n";
const char kHindi[] = "# स्थापना\n\nक्लाइंट स्थापित करें और प्लेटफ़ॉर्म में लॉग इन करें।\n";
const char kJapanese[] = "# インストール\n\nクライアント を インストール して ください。\n";

const char kCodeOwners[] = "# Owners of the Acme docs\n"
                           "*                 @acme/all\n"
                           "/docs/            @acme/docs\n"
                           "/docs/guide/      @acme/guides @grace\n"
                           "/docs/generated/\n";

const char kMkDocs[] = "site_name: Acme Platform\n"
                       "nav:\n"
                       "- Home: index.md\n"
                       "- getting-started.md\n"
                       "- Guides:\n"
                       "  - Waves: guide/waves.md\n"
                       "  - guide/index.md\n"
                       "- Gone: removed-long-ago.md\n";

} // namespace

AcmeDocs buildAcmeDocs(FixtureRepo &repo)
{
    AcmeDocs docs;
    repo.write(QStringLiteral("docs/index.md"), kIndex)
        .write(QStringLiteral("docs/getting-started.md"), kGettingStarted)
        .write(QStringLiteral("CODEOWNERS"), kCodeOwners)
        .write(QStringLiteral("mkdocs.yml"), kMkDocs)
        .write(QStringLiteral("docs/assets/logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))
        .write(QStringLiteral("README.md"), "# Acme repository\n\nNot part of the docs folder.\n");
    docs.commits << repo.commit(QStringLiteral("Start the docs"), QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.com"));

    repo.write(QStringLiteral("docs/guide/sync-waves.md"), kSyncWaves)
        .write(QStringLiteral("docs/guide/index.md"), "# Guides\n\nTask-oriented guides.\n")
        .write(QStringLiteral("docs/reference/ordering.md"), kBodyOnly)
        .write(QStringLiteral("docs/gallery.mdx"), kMdx);
    docs.commits << repo.commit(QStringLiteral("Add guides"), QStringLiteral("Grace Hopper"), QStringLiteral("grace@example.com"));

    repo.write(QStringLiteral("docs/i18n/ru.md"), kRussian)
        .write(QStringLiteral("docs/i18n/ar.md"), kArabic)
        .write(QStringLiteral("docs/i18n/hi.md"), kHindi)
        .write(QStringLiteral("docs/i18n/ja.md"), kJapanese)
        .write(QStringLiteral("docs/generated/cli.md"), "# acme CLI\n\nGenerated reference.\n");
    docs.commits << repo.commit(QStringLiteral("Translations"), QStringLiteral("Linus Torvalds"), QStringLiteral("linus@example.com"));

    repo.rename(QStringLiteral("docs/guide/sync-waves.md"), QStringLiteral("docs/guide/waves.md"))
        .write(QStringLiteral("docs/getting-started.md"), kGettingStartedV2);
    docs.commits << repo.commit(QStringLiteral("Rename the waves guide"), QStringLiteral("Margaret Hamilton"),
                                QStringLiteral("margaret@example.com"));
    docs.pageCount = 11;
    return docs;
}

} // namespace devzero::test
