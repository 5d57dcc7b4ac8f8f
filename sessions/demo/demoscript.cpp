#include "sessions/demo/demoscript.h"

#include <QSet>

namespace devzero::demo {

namespace {

using K = DemoStep::Kind;

const QString kGettingStarted = QStringLiteral("docs/getting-started.md");
const QString kAuth = QStringLiteral("docs/authentication.md");
const QString kCli = QStringLiteral("docs/cli.md");
const QString kFirstPayment = QStringLiteral("docs/first-payment.md");
const QString kTestCards = QStringLiteral("docs/test-cards.md");
const QString kWebhooks = QStringLiteral("docs/webhooks.md");
const QString kRefunds = QStringLiteral("docs/refunds.md");
const QString kTroubleshooting = QStringLiteral("docs/troubleshooting.md");
const QString kGlossary = QStringLiteral("docs/glossary.md");
const QString kNode = QStringLiteral("docs/sdks/node.md");
const QString kIndex = QStringLiteral("docs/index.md");

DemoStep read(const QString &page, const QString &anchor, int seconds)
{
    return {K::Read, seconds, page, anchor, {}, {}, 0};
}
// `clicked`: the page the tester opens from the results, when the real
// index finds any.
DemoStep search(const QString &query, const QString &clicked = {})
{
    return {K::Search, 20, query, clicked, {}, {}, 0};
}
DemoStep run(const QString &command, int exitStatus, int seconds = 4)
{
    return {K::Run, seconds, command, {}, {}, {}, exitStatus};
}
DemoStep note(int severity, const char *category, const QString &text, const QString &page = {},
              const QString &anchor = {})
{
    return {K::Note, 40, text, anchor, page, QString::fromLatin1(category), severity};
}
DemoStep think(int seconds)
{
    return {K::Think, seconds, {}, {}, {}, {}, 0};
}

QList<DemoEpisode> buildEpisodes()
{
    const QString curlCreate = QStringLiteral(
        "curl -sf https://api.paylark.example/v1/payments -u \"$PAYLARK_SECRET_KEY:\" -d amount=1250 -d currency=eur");
    return {
        // 1.1 Get test API keys
        {QStringLiteral("1.1"), false,
         {read(kIndex, {}, 45), read(kGettingStarted, QStringLiteral("create-a-test-account"), 150),
          read(kAuth, QStringLiteral("find-your-test-keys"), 110),
          read(kAuth, QStringLiteral("store-your-key-in-an-environment-variable"), 70),
          run(QStringLiteral("export PAYLARK_SECRET_KEY=sk_test_51PaylarkDemoNotARealKey00"), 0, 10),
          read(kCli, QStringLiteral("on-debian-and-ubuntu"), 90),
          run(QStringLiteral("sudo apt-get install paylark"), 0, 35), run(QStringLiteral("paylark whoami"), 0, 3)}},
        {QStringLiteral("1.1"), true,
         {read(kIndex, {}, 60), read(kAuth, QStringLiteral("kinds-of-keys"), 140),
          read(kAuth, QStringLiteral("restricted-keys"), 95),
          note(2, "broken-link", QStringLiteral("The link to restricted API keys jumps nowhere; the heading is called Restricted keys."),
               kAuth, QStringLiteral("kinds-of-keys")),
          read(kAuth, QStringLiteral("find-your-test-keys"), 120), think(90),
          run(QStringLiteral("paylark whoami"), 127, 1),
          note(3, "missing-prerequisite", QStringLiteral("The task says paylark whoami but nothing on the keys page says the CLI must be installed first."),
               kAuth, QStringLiteral("find-your-test-keys")),
          search(QStringLiteral("install paylark cli"), kCli), read(kCli, QStringLiteral("install"), 80),
          read(kCli, QStringLiteral("on-debian-and-ubuntu"), 130),
          run(QStringLiteral("curl -fsSL https://packages.paylark.example/gpg | sudo gpg --dearmor -o /usr/share/keyrings/paylark.gpg"), 0, 6),
          run(QStringLiteral("sudo apt-get install paylark"), 0, 40), run(QStringLiteral("paylark whoami"), 1, 2),
          read(kCli, QStringLiteral("sign-in"), 75), run(QStringLiteral("paylark login"), 0, 50),
          run(QStringLiteral("paylark whoami"), 0, 2)}},

        // 1.2 Take a payment with a test card
        {QStringLiteral("1.2"), false,
         {read(kFirstPayment, QStringLiteral("how-a-payment-works"), 120),
          read(kFirstPayment, QStringLiteral("step-1-create-the-payment"), 150), run(curlCreate, 0, 25),
          read(kFirstPayment, QStringLiteral("step-2-confirm-the-payment"), 110),
          read(kTestCards, QStringLiteral("cards-that-succeed"), 60),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/payments/pay_3Qk9/confirm -u \"$PAYLARK_SECRET_KEY:\" -d card=4000000000000077"), 0, 20),
          read(kFirstPayment, QStringLiteral("step-3-find-the-payment-in-the-dashboard"), 70)}},
        {QStringLiteral("1.2"), true,
         {read(kFirstPayment, {}, 90), read(kGlossary, {}, 45),
          note(1, "undefined-term", QStringLiteral("SCA is used at the top of the page and explained nowhere near it."), kFirstPayment),
          read(kFirstPayment, QStringLiteral("step-1-create-the-payment"), 200),
          note(2, "unclear-step", QStringLiteral("What is <order-reference>? Any string, or something from my shop?"), kFirstPayment,
               QStringLiteral("step-1-create-the-payment")),
          run(curlCreate + QStringLiteral(" -d reference=<order-reference>"), 22, 8),
          search(QStringLiteral("order reference format"), kFirstPayment), think(120), run(curlCreate, 0, 25),
          read(kFirstPayment, QStringLiteral("step-2-confirm-the-payment"), 160), read(kTestCards, {}, 80),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/payments/pay_3Qk9/confirm -u \"$PAYLARK_SECRET_KEY:\" -d card=4000000000000077"), 0, 20),
          read(kFirstPayment, QStringLiteral("step-3-find-the-payment-in-the-dashboard"), 90)}},

        // 1.3 Handle a declined card
        {QStringLiteral("1.3"), false,
         {read(kFirstPayment, QStringLiteral("try-a-declined-card"), 80), read(kTestCards, QStringLiteral("declines"), 100),
          run(QStringLiteral("curl -s https://api.paylark.example/v1/payments/pay_7Lm2/confirm -u \"$PAYLARK_SECRET_KEY:\" -d card=4000000000000002 | jq .decline_code"), 0, 20)}},
        {QStringLiteral("1.3"), true,
         {read(kFirstPayment, QStringLiteral("try-a-declined-card"), 90),
          search(QStringLiteral("decline reason codes"), kTestCards), read(kTestCards, QStringLiteral("declines"), 150),
          read(kTroubleshooting, QStringLiteral("card-declined"), 120),
          note(1, "undefined-term", QStringLiteral("AVS in the decline table: had to guess it is the address check."), kTroubleshooting,
               QStringLiteral("card-declined")),
          run(QStringLiteral("curl -s https://api.paylark.example/v1/payments/pay_7Lm2/confirm -u \"$PAYLARK_SECRET_KEY:\" -d card=4000000000000002 | jq .decline_code"), 0, 20)}},

        // 2.1 Register a webhook endpoint
        {QStringLiteral("2.1"), false,
         {read(kWebhooks, QStringLiteral("events-you-can-receive"), 90),
          read(kWebhooks, QStringLiteral("step-1-make-your-server-reachable"), 140),
          run(QStringLiteral("ngrok http 4242"), 0, 180), read(kWebhooks, QStringLiteral("step-2-register-the-endpoint"), 120),
          run(QStringLiteral("paylark webhooks create --url https://4f2a-203-0-113-7.ngrok.example/webhooks --events payment.succeeded,refund.succeeded"), 0, 6),
          run(QStringLiteral("paylark webhooks list --enabled"), 0, 3)}},
        {QStringLiteral("2.1"), true,
         {read(kWebhooks, QStringLiteral("step-1-make-your-server-reachable"), 210), run(QStringLiteral("ngrok http 4242"), 127, 1),
          search(QStringLiteral("install ngrok")), search(QStringLiteral("expose localhost tunnel")),
          note(3, "missing-prerequisite", QStringLiteral("The webhooks page assumes ngrok is installed and that I have an ngrok token; neither is explained."),
               kWebhooks, QStringLiteral("step-1-make-your-server-reachable")),
          read(kCli, QStringLiteral("forward-events-to-your-machine"), 150), think(240),
          run(QStringLiteral("paylark listen --forward-to localhost:4242/webhooks"), 1, 5),
          read(kTroubleshooting, QStringLiteral("webhooks-do-not-arrive"), 160), run(QStringLiteral("dig api.paylark.example"), 127, 1),
          note(2, "environment", QStringLiteral("Troubleshooting tells me to run dig, which my machine does not have."),
               kTroubleshooting, QStringLiteral("webhooks-do-not-arrive")),
          read(kWebhooks, QStringLiteral("step-2-register-the-endpoint"), 180),
          run(QStringLiteral("paylark webhooks list --enabled"), 0, 3)}},

        // 2.2 Verify a webhook signature
        {QStringLiteral("2.2"), false,
         {read(kWebhooks, QStringLiteral("verify-the-signature"), 260), read(kNode, QStringLiteral("verify-a-webhook"), 180),
          think(420), run(QStringLiteral("node server.js"), 0, 600),
          run(QStringLiteral("paylark trigger payment.succeeded"), 0, 4),
          note(1, "other", QStringLiteral("The Node page explains the signature check better than the webhooks page."), kNode,
               QStringLiteral("verify-a-webhook"))}},
        {QStringLiteral("2.2"), true,
         {read(kWebhooks, QStringLiteral("verify-the-signature"), 330),
          note(2, "undefined-term", QStringLiteral("HMAC is never spelled out; which hash, which key?"), kWebhooks,
               QStringLiteral("verify-the-signature")),
          search(QStringLiteral("webhook signing secret")), search(QStringLiteral("whsec")),
          run(QStringLiteral("echo -n \"$BODY\" | openssl dgst -sha256 -hmac \"$PAYLARK_WEBHOOK_SECRET\""), 0, 3),
          note(3, "missing-prerequisite", QStringLiteral("Where does PAYLARK_WEBHOOK_SECRET come from? The page uses it but never says where to find it."),
               kWebhooks, QStringLiteral("verify-the-signature")),
          read(kTroubleshooting, QStringLiteral("webhook-signature-does-not-match"), 200), think(300),
          run(QStringLiteral("node server.js"), 1, 20), run(QStringLiteral("paylark trigger payment.succeeded"), 0, 4),
          read(kWebhooks, QStringLiteral("verify-the-signature"), 240), think(420),
          note(4, "unclear-step", QStringLiteral("Every event is rejected and nothing says whether to sign the raw body or the parsed JSON."),
               kWebhooks, QStringLiteral("verify-the-signature"))}},

        // 3.1 Refund a payment in full
        {QStringLiteral("3.1"), false,
         {read(kRefunds, QStringLiteral("how-refunds-work"), 90), read(kRefunds, QStringLiteral("refund-a-payment-in-full"), 150),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/refunds -u \"$PAYLARK_SECRET_KEY:\" -d payment=pay_3Qk9"), 0, 12),
          run(QStringLiteral("paylark events list --type refund.succeeded"), 0, 4)}},
        {QStringLiteral("3.1"), true,
         {read(kRefunds, QStringLiteral("how-refunds-work"), 120), search(QStringLiteral("ARN refund")),
          note(1, "undefined-term", QStringLiteral("ARN? Not in the glossary either."), kRefunds, QStringLiteral("how-refunds-work")),
          read(kRefunds, QStringLiteral("refund-a-payment-in-full"), 200),
          note(2, "unclear-step", QStringLiteral("\"the payment you created earlier\": I did that in another terminal an hour ago; where do I find its id?"),
               kRefunds, QStringLiteral("refund-a-payment-in-full")),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/refunds -u \"$PAYLARK_SECRET_KEY:\" -d payment=$PAYMENT_ID"), 22, 6),
          search(QStringLiteral("list payments"), QStringLiteral("docs/reference/api/payments.md")),
          read(QStringLiteral("docs/reference/api/payments.md"), QStringLiteral("list-payments"), 140),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/payments -u \"$PAYLARK_SECRET_KEY:\" | jq '.data[0].id'"), 0, 8),
          run(QStringLiteral("curl -sf https://api.paylark.example/v1/refunds -u \"$PAYLARK_SECRET_KEY:\" -d payment=pay_3Qk9"), 0, 12),
          read(kTroubleshooting, QStringLiteral("a-refund-failed"), 100)}},

        // 3.2 Refund part of a payment
        {QStringLiteral("3.2"), false,
         {read(kRefunds, QStringLiteral("refund-part-of-a-payment"), 120),
          run(QStringLiteral("paylark refunds create --payment pay_8Rt1 --amount 250"), 0, 5)}},
        {QStringLiteral("3.2"), true,
         {read(kRefunds, QStringLiteral("refund-part-of-a-payment"), 160),
          run(QStringLiteral("paylark refunds create --payment pay_8Rt1 --amount 2.50"), 2, 3), think(150),
          note(2, "misleading-error", QStringLiteral("\"invalid amount\" without saying amounts are in cents."), kRefunds,
               QStringLiteral("refund-part-of-a-payment")),
          read(kRefunds, QStringLiteral("when-a-refund-fails"), 90),
          run(QStringLiteral("paylark refunds create --payment pay_8Rt1 --amount 250"), 0, 5)}},
    };
}

DemoTaskRun t(const char *task, char outcome, bool trouble, int seq)
{
    return {QString::fromLatin1(task), outcome, trouble, seq};
}

QList<DemoTester> buildTesters()
{
    const QString ubuntu = QStringLiteral("Ubuntu 22.04.4 LTS");
    const QString macos = QStringLiteral("macOS 14.4");
    const QString debian = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    const QStringList basic = {QStringLiteral("git"), QStringLiteral("curl")};
    const QStringList withJq = basic + QStringList{QStringLiteral("jq"), QStringLiteral("openssl")};
    return {
        {QStringLiteral("Amber"), QStringLiteral("intermediate"), ubuntu, QStringLiteral("bash"), withJq, 0, 9 * 60 + 30,
         {t("1.1", 'S', true, 4), t("1.2", 'S', false, 6), t("1.3", 'S', false, 6), t("2.1", 'S', true, 3),
          t("2.2", 'F', true, 2), t("3.1", 'S', false, 5), t("3.2", 'S', false, 6)},
         {4, 2, 4, 2, 4, 3, 4, 2, 3, 2}, false},
        {QStringLiteral("Birch"), QStringLiteral("novice"), macos, QStringLiteral("zsh"), basic, 0, 14 * 60,
         {t("1.1", 'S', true, 3), t("1.2", 'F', true, 2), t("1.3", 'K', false, 0), t("2.1", 'G', true, 1),
          t("2.2", 'G', true, 1), t("3.1", 'K', false, 0), t("3.2", 'K', false, 0)},
         {2, 4, 2, 4, 3, 4, 2, 4, 2, 4}, true},
        {QStringLiteral("Cedar"), QStringLiteral("expert"), debian, QStringLiteral("bash"),
         withJq + QStringList{QStringLiteral("ngrok")}, 1, 10 * 60,
         {t("1.1", 'S', false, 7), t("1.2", 'S', false, 6), t("1.3", 'S', false, 7), t("2.1", 'S', false, 6),
          t("2.2", 'S', false, 4), t("3.1", 'S', false, 6), t("3.2", 'S', false, 6)},
         {5, 1, 5, 1, 4, 2, 5, 1, 4, 2}, false},
        {QStringLiteral("Dune"), QStringLiteral("intermediate"), macos, QStringLiteral("zsh"), withJq, 2, 9 * 60,
         {t("1.1", 'S', false, 6), t("1.2", 'S', true, 4), t("1.3", 'S', true, 5), t("2.1", 'S', true, 3),
          t("2.2", 'F', true, 2), t("3.1", 'F', true, 2), t("3.2", 'S', true, 4)},
         {3, 3, 3, 3, 3, 4, 3, 3, 3, 3}, false},
        {QStringLiteral("Ember"), QStringLiteral("novice"), ubuntu, QStringLiteral("bash"), basic, 3, 13 * 60 + 30,
         {t("1.1", 'S', true, 3), t("1.2", 'S', true, 3), t("1.3", 'S', false, 5), t("2.1", 'F', true, 2),
          t("2.2", 'G', true, 1), t("3.1", 'F', true, 2), t("3.2", 'K', false, 0)},
         {2, 4, 2, 3, 2, 4, 3, 4, 2, 4}, true},
        {QStringLiteral("Fjord"), QStringLiteral("expert"), debian, QStringLiteral("zsh"),
         withJq + QStringList{QStringLiteral("paylark")}, 7, 9 * 60 + 15,
         {t("1.1", 'S', false, 7), t("1.2", 'S', false, 7), t("1.3", 'S', false, 6), t("2.1", 'S', false, 5),
          t("2.2", 'S', true, 3), t("3.1", 'S', false, 6), t("3.2", 'S', false, 7)},
         {5, 2, 4, 1, 4, 2, 4, 2, 5, 1}, false},
        {QStringLiteral("Grove"), QStringLiteral("intermediate"), ubuntu, QStringLiteral("bash"), withJq, 8, 15 * 60,
         {t("1.1", 'S', false, 6), t("1.2", 'S', false, 5), t("1.3", 'S', true, 5), t("2.1", 'G', true, 2),
          t("2.2", 'F', true, 2), t("3.1", 'S', true, 4), t("3.2", 'F', true, 3)},
         {3, 3, 4, 2, 3, 3, 4, 3, 3, 2}, false},
        {QStringLiteral("Heath"), QStringLiteral("novice"), macos, QStringLiteral("zsh"), basic, 9, 10 * 60 + 45,
         {t("1.1", 'S', true, 4), t("1.2", 'S', false, 5), t("1.3", 'S', false, 6), t("2.1", 'S', true, 3),
          t("2.2", 'S', false, 4), t("3.1", 'K', false, 0), t("3.2", 'S', true, 4)},
         {4, 2, 4, 3, 4, 2, 4, 2, 4, 3}, false},
    };
}

} // namespace

const QList<DemoEpisode> &demoEpisodes()
{
    static const QList<DemoEpisode> episodes = buildEpisodes();
    return episodes;
}

const QList<DemoTester> &demoTesters()
{
    static const QList<DemoTester> testers = buildTesters();
    return testers;
}

QList<QPair<QString, QString>> demoSectionsRead()
{
    QList<QPair<QString, QString>> sections;
    QSet<QString> seen;
    for (const DemoEpisode &episode : demoEpisodes()) {
        for (const DemoStep &step : episode.steps) {
            QString page;
            QString anchor;
            if (step.kind == DemoStep::Kind::Read) {
                page = step.text;
                anchor = step.anchor;
            } else if (step.kind == DemoStep::Kind::Note && !step.page.isEmpty()) {
                page = step.page;
                anchor = step.anchor;
            } else {
                continue;
            }
            const QString key = page + QLatin1Char('#') + anchor;
            if (!seen.contains(key)) {
                seen.insert(key);
                sections.append({page, anchor});
            }
        }
    }
    return sections;
}

} // namespace devzero::demo
