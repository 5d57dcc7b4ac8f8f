// .devzero.yml, the inline ignore comment, generated pages, severities and
// the order of flags.

#include "sessions/analysis/docsconfig.h"
#include "sessions/analysis/rules.h"

#include <QTest>

using namespace devzero;
using namespace devzero::analysis;

namespace {

struct Page
{
    const char *path;
    QByteArray content;
};

QList<Flag> lint(const QList<Page> &pages, const DocsConfig &config = {})
{
    QList<RulePage> rulePages;
    for (const Page &page : pages)
        rulePages << makeRulePage(QString::fromUtf8(page.path), page.content,
                                  QStringLiteral("blob-") + QString::fromUtf8(page.path));
    return runRules(rulePages, config, {});
}

QList<Flag> ofRule(const QList<Flag> &flags, const QString &rule)
{
    QList<Flag> out;
    for (const Flag &f : flags)
        if (f.ruleId == rule)
            out << f;
    return out;
}

DocsConfig config(const char *yaml)
{
    auto parsed = parseDocsConfig(QByteArray(yaml));
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().toString()));
    return *parsed;
}

} // namespace

using namespace Qt::StringLiterals;

class TestRulesConfig : public QObject
{
    Q_OBJECT

private slots:
    void severityNames()
    {
        QCOMPARE(toString(Severity::Info), QStringLiteral("info"));
        QCOMPARE(toString(Severity::Warning), QStringLiteral("warning"));
        QCOMPARE(toString(Severity::Error), QStringLiteral("error"));
        for (Severity s : {Severity::Info, Severity::Warning, Severity::Error})
            QVERIFY(severityFromString(toString(s)) == s);
        QVERIFY(severityFromString(QStringLiteral(" ERROR ")) == Severity::Error);
        QVERIFY(!severityFromString(QStringLiteral("fatal")));
        QVERIFY(!severityFromString(QString()));
    }

    void parsesTheDemoFormat()
    {
        const DocsConfig c = config("# comment\n"
                                    "internal_hosts:            # trailing comment\n"
                                    "  - \"*.corp.example\"\n"
                                    "  - wiki.example.internal\n"
                                    "  - '10.20.0.0/16'\n"
                                    "generated:\n"
                                    "  - \"docs/reference/**\"\n"
                                    "ignore:\n"
                                    "  missing-prerequisites:\n"
                                    "    - \"docs/reference/**\"\n"
                                    "  minimising-word: [\"docs/blog/*.md\", docs/legal.md]\n"
                                    "known_tools: [kubectl, helm]\n"
                                    "known_acronyms:\n"
                                    "  - SLA\n"
                                    "known_env_vars:\n"
                                    "  - KUBECONFIG\n"
                                    "severity:\n"
                                    "  undefined-acronym: warning\n"
                                    "  minimising-word: off\n");
        QCOMPARE(c.internalHosts, (QStringList{u"*.corp.example"_s, u"wiki.example.internal"_s, u"10.20.0.0/16"_s}));
        QCOMPARE(c.generated, QStringList{u"docs/reference/**"_s});
        QCOMPARE(c.ignore.value(QStringLiteral("missing-prerequisites")), QStringList{u"docs/reference/**"_s});
        QCOMPARE(c.ignore.value(QStringLiteral("minimising-word")), (QStringList{u"docs/blog/*.md"_s, u"docs/legal.md"_s}));
        QVERIFY(c.knownTools.contains(QStringLiteral("helm")));
        QVERIFY(c.knownAcronyms.contains(QStringLiteral("SLA")));
        QVERIFY(c.knownEnvVars.contains(QStringLiteral("KUBECONFIG")));
        QVERIFY(c.severityOf(QStringLiteral("undefined-acronym")) == Severity::Warning);
        bool off = false;
        QVERIFY(!c.severityOf(QStringLiteral("minimising-word"), &off));
        QVERIFY(off);
        QVERIFY(c.warnings.isEmpty());

        QVERIFY(c.isGenerated(QStringLiteral("docs/reference/api/payments.md")));
        QVERIFY(!c.isGenerated(QStringLiteral("docs/guide.md")));
        QVERIFY(c.isIgnored(QStringLiteral("missing-prerequisites"), QStringLiteral("docs/reference/x.md")));
        QVERIFY(!c.isIgnored(QStringLiteral("broken-link"), QStringLiteral("docs/reference/x.md")));
        QVERIFY(c.isIgnored(QStringLiteral("minimising-word"), QStringLiteral("docs/blog/post.md")));
        QVERIFY(!c.isIgnored(QStringLiteral("minimising-word"), QStringLiteral("docs/blog/2024/post.md")));
    }

    void unknownKeysAreWarnings()
    {
        const DocsConfig c = config("internl_hosts:\n  - x.example\nignore:\n  no-such-rule:\n    - \"**\"\n");
        QCOMPARE(c.warnings.size(), 2);
        QVERIFY(c.warnings[0].contains(QStringLiteral(":1: unknown key 'internl_hosts'")));
        QVERIFY(c.warnings[1].contains(QStringLiteral(":4: unknown rule 'no-such-rule'")));
        QVERIFY(c.internalHosts.isEmpty());
    }

    void badConfigs_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");

        QTest::newRow("tab indent") << QByteArray("generated:\n\t- x\n") << ".devzero.yml:2" << "tab";
        QTest::newRow("no colon") << QByteArray("generated\n") << ".devzero.yml:1" << "expected \"key:\"";
        QTest::newRow("indented first") << QByteArray("  - x\n") << ".devzero.yml:1" << "before any key";
        QTest::newRow("scalar for list") << QByteArray("generated: docs/**\n") << ".devzero.yml:1" << "takes a list";
        QTest::newRow("map entry in list") << QByteArray("generated:\n  a: b\n") << ".devzero.yml:2" << "expected \"- value\"";
        QTest::newRow("list item without rule") << QByteArray("ignore:\n  - docs/**\n") << ".devzero.yml:2" << "rule-id";
        QTest::newRow("open quote") << QByteArray("generated:\n  - \"docs/**\n") << ".devzero.yml:2" << "never closed";
        QTest::newRow("bad severity") << QByteArray("severity:\n  broken-link: loud\n") << ".devzero.yml:2" << "must be error";
    }

    void badConfigs()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, where);
        QFETCH(QString, what);
        auto parsed = parseDocsConfig(yaml);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().where, where);
        QVERIFY2(parsed.error().message.contains(what), qPrintable(parsed.error().message));
    }

    void globs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("match");

        QTest::newRow("double star") << "docs/reference/**" << "docs/reference/api/payments.md" << true;
        QTest::newRow("double star, folder itself") << "docs/reference/**" << "docs/reference" << true;
        QTest::newRow("double star elsewhere") << "docs/reference/**" << "docs/guide.md" << false;
        QTest::newRow("star stays in a segment") << "docs/*.md" << "docs/a/b.md" << false;
        QTest::newRow("star") << "docs/*.md" << "docs/b.md" << true;
        QTest::newRow("leading double star") << "**/CHANGELOG.md" << "CHANGELOG.md" << true;
        QTest::newRow("leading double star deep") << "**/CHANGELOG.md" << "a/b/CHANGELOG.md" << true;
        QTest::newRow("question mark") << "docs/v?.md" << "docs/v2.md" << true;
        QTest::newRow("trailing slash is a folder") << "docs/gen/" << "docs/gen/x.md" << true;
        QTest::newRow("leading ./") << "./docs/x.md" << "docs/x.md" << true;
        QTest::newRow("case-sensitive") << "Docs/**" << "docs/x.md" << false;
    }

    void globs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, match);
        QCOMPARE(globMatch(glob, path), match);
    }

    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("internal");

        QTest::newRow("localhost") << "localhost" << true;
        QTest::newRow("loopback") << "127.0.0.1" << true;
        QTest::newRow("10/8") << "10.0.3.7" << true;
        QTest::newRow("172.16/12 low") << "172.16.0.1" << true;
        QTest::newRow("172.16/12 high") << "172.31.255.255" << true;
        QTest::newRow("172.32 is public") << "172.32.0.1" << false;
        QTest::newRow("192.168/16") << "192.168.1.20" << true;
        QTest::newRow("ipv6 loopback") << "::1" << true;
        QTest::newRow("bracketed ipv6") << "[::1]" << true;
        QTest::newRow(".internal") << "build.internal" << true;
        QTest::newRow(".local") << "printer.local" << true;
        QTest::newRow(".corp") << "jira.corp" << true;
        QTest::newRow("wildcard, one label") << "wiki.corp.example" << true;
        QTest::newRow("wildcard, two labels") << "a.b.corp.example" << true;
        QTest::newRow("wildcard needs a label") << "corp.example" << false;
        QTest::newRow("exact") << "grafana.ops.example" << true;
        QTest::newRow("exact, other case") << "Grafana.OPS.example" << true;
        QTest::newRow("exact, not a suffix") << "x.grafana.ops.example" << false;
        QTest::newRow("configured cidr") << "100.64.1.1" << true;
        QTest::newRow("public") << "docs.example.com" << false;
        QTest::newRow("not an address") << "10.0.0.300" << false;
    }

    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, internal);
        const DocsConfig c = config("internal_hosts:\n  - \"*.corp.example\"\n  - grafana.ops.example\n  - 100.64.0.0/10\n");
        QCOMPARE(c.isInternalHost(host), internal);
    }

    void configIgnoresARuleForPaths()
    {
        const QByteArray page = "# A\n\nSimply run it.\n";
        const QList<Page> pages = {{"docs/blog/a.md", page}, {"docs/guide/a.md", page}};
        QCOMPARE(ofRule(lint(pages), QStringLiteral("minimising-word")).size(), 2);
        const QList<Flag> flags = ofRule(lint(pages, config("ignore:\n  minimising-word:\n    - \"docs/blog/**\"\n")),
                                         QStringLiteral("minimising-word"));
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags.first().path, QStringLiteral("docs/guide/a.md"));
        // "*" switches every rule off there.
        QCOMPARE(lint(pages, config("ignore:\n  \"*\": [\"docs/**\"]\n")).size(), 0);
    }

    void inlineIgnoreSilencesTheNextBlockOnly()
    {
        const QByteArray page = "# A\n"
                                "\n"
                                "<!-- devzero-ignore minimising-word undefined-acronym -->\n"
                                "Simply ask the SRE.\n"
                                "\n"
                                "Simply ask the SRE again.\n"
                                "\n"
                                "<!-- devzero-ignore broken-link -->\n"
                                "Obviously, read [this](missing.md).\n";
        const QList<Flag> flags = lint({{"docs/a.md", page}});
        const QList<Flag> words = ofRule(flags, QStringLiteral("minimising-word"));
        QCOMPARE(words.size(), 2);
        QCOMPARE(words[0].startLine, 6); // the first use is silenced: the next one carries the flag
        QCOMPARE(words[1].startLine, 9); // another rule's ignore does not silence this one
        QCOMPARE(ofRule(flags, QStringLiteral("undefined-acronym")).size(), 1);
        QCOMPARE(ofRule(flags, QStringLiteral("undefined-acronym")).first().startLine, 6);
        QVERIFY(ofRule(flags, QStringLiteral("broken-link")).isEmpty());
    }

    void oneFlagPerTermAtTheFirstUse()
    {
        const QByteArray page = "# A\n\nThe QPS is high. The QPS stays high.\n\nLower the QPS.\n\nThe RTO is long.\n";
        const QList<Flag> flags = ofRule(lint({{"docs/a.md", page}}), QStringLiteral("undefined-acronym"));
        QCOMPARE(flags.size(), 2);
        QCOMPARE(flags[0].term, QStringLiteral("QPS"));
        QCOMPARE(flags[0].startLine, 3);
        QCOMPARE(flags[0].column, 5);
        QCOMPARE(flags[1].term, QStringLiteral("RTO"));
    }

    void generatedPagesRankLower()
    {
        const QByteArray marked = "<!-- generated by refgen; do not edit -->\n# Ref\n\nSee [x](gone.md).\n";
        const QByteArray byGlob = "# Ref\n\nSee [x](gone.md).\n";
        const QByteArray normal = "# Guide\n\nSee [x](gone.md). Simply.\n";
        const QList<Flag> flags = lint({{"docs/ref/a.md", marked}, {"docs/api/b.md", byGlob}, {"docs/guide.md", normal}},
                                       config("generated:\n  - docs/api/**\n"));
        const QList<Flag> links = ofRule(flags, QStringLiteral("broken-link"));
        QCOMPARE(links.size(), 3);
        QCOMPARE(links[0].path, QStringLiteral("docs/guide.md"));
        QCOMPARE(toString(links[0].severity), toString(Severity::Error));
        QCOMPARE(links[0].staticScore, 3.0);
        QVERIFY(!links[0].generated);
        for (int i = 1; i < 3; ++i) {
            QVERIFY(links[i].generated);
            QCOMPARE(toString(links[i].severity), toString(Severity::Warning));   // one step lower
            QCOMPARE(links[i].staticScore, 2.0 * 0.3);
        }
        QCOMPARE(links[1].path, QStringLiteral("docs/api/b.md")); // same score: by path
        // Ranked below even an info flag on a normal page.
        QCOMPARE(flags.last().generated, true);
        QCOMPARE(flags.first().ruleId, QStringLiteral("broken-link"));
        QCOMPARE(flags.first().blobId, QStringLiteral("blob-docs/guide.md"));
    }

    void sortedByScoreThenPathThenLine()
    {
        const QList<Flag> flags = lint({{"docs/b.md", "# B\n\nSimply go. [x](nope.md)\n\nObviously.\n"},
                                        {"docs/a.md", "# A\n\nJust a matter of time, it is easy.\n"}});
        for (int i = 1; i < flags.size(); ++i) {
            const Flag &p = flags[i - 1];
            const Flag &f = flags[i];
            QVERIFY(p.staticScore > f.staticScore
                    || (p.staticScore == f.staticScore && (p.path < f.path || (p.path == f.path && p.startLine <= f.startLine))));
        }
        QCOMPARE(flags.first().ruleId, QStringLiteral("broken-link"));
    }

    void configuredSeverity()
    {
        const QByteArray page = "# A\n\nThe QPS is high. Simply lower it.\n";
        const QList<Flag> flags = lint({{"docs/a.md", page}},
                                       config("severity:\n  undefined-acronym: error\n  minimising-word: off\n"));
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags.first().ruleId, QStringLiteral("undefined-acronym"));
        QCOMPARE(toString(flags.first().severity), toString(Severity::Error));
        QCOMPARE(flags.first().staticScore, 3.0);
    }

    void knownListsExtendTheBuiltIns()
    {
        const QByteArray page = "# A\n\nThe SLA applies.\n\n```bash\nkubectl get pods --kubeconfig \"$KUBECONFIG\"\n```\n";
        QCOMPARE(lint({{"docs/a.md", page}}).size(), 3);
        const DocsConfig c = config("known_tools: [kubectl]\nknown_acronyms: [SLA]\nknown_env_vars: [KUBECONFIG]\n");
        QCOMPARE(lint({{"docs/a.md", page}}, c).size(), 0);
    }

    void rulesAreDescribed()
    {
        QCOMPARE(rules().size(), 9);
        QSet<QString> ids;
        for (const RuleInfo &rule : rules()) {
            ids.insert(rule.id);
            QVERIFY(!rule.title.isEmpty());
            QVERIFY(rule.explanation.endsWith(QLatin1Char('.')));
            QCOMPARE(findRule(rule.id), &rule);
        }
        QCOMPARE(ids.size(), 9);
        QVERIFY(!findRule(QStringLiteral("no-such-rule")));
    }
};

QTEST_GUILESS_MAIN(TestRulesConfig)
#include "test_rules_config.moc"
