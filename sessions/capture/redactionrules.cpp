#include "sessions/capture/redactionrules.h"

// The redactor's rule table; what each rule's span function decides is in
// redactor.cpp. Vendor prefixes are matched with a word boundary on both
// sides where the format has a fixed length, so a token glued into a longer
// identifier is not half-redacted. Every example in
// tests/fixtures/secrets/secrets.tsv names the rule that must catch it.

namespace devzero::capture::detail {

namespace {

// Specific formats first: when two rules find the same secret the earlier
// rule names it. UUID = the 8-4-4-4-12 hex layout.
#define DZ_UUID u"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
const RuleSpec kRules[] = {
    {u"private-key", u"PEM private key block (RSA, EC, OpenSSH, PGP), BEGIN through END",
     u"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----", false, privateKeySpan},
    {u"private-key-base64", u"base64 of a PEM private key (kubeconfig client-key-data, Kubernetes secret tls.key)",
     u"(?<![A-Za-z0-9+/])LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,40}?(?:UFJJVkFURSBLRV|BSSVZBVEUgS0VZ|UklWQVRFIEtFW)"
     u"[A-Za-z0-9+/]*+={0,2}+",
     false, nullptr},
    {u"jwt", u"JSON Web Token (eyJ...eyJ...signature)",
     u"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}+\\.eyJ[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]*+", false, nullptr},
    {u"aws-access-key-id", u"AWS access key id (AKIA..., ASIA...)",
     u"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", false, nullptr},
    {u"aws-secret-access-key", u"AWS secret access key after aws_secret_access_key / SecretAccessKey",
     u"(?<![A-Za-z0-9])(?:aws_?)?secret_?access_?key[\"']?[ \\t]*+[:=]?[ \\t]*+[\"']?"
     u"(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
     true, nullptr},
    {u"aws-session-token", u"AWS STS session token (IQoJb3JpZ2luX2Vj..., FwoGZXIvYXdzE...)",
     u"(?<![A-Za-z0-9+/])(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9+/]{100,}+={0,2}+", false, nullptr},
    {u"github-token", u"GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)",
     u"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}+|github_pat_[A-Za-z0-9_]{22,}+)", false, nullptr},
    {u"gitlab-token", u"GitLab token (glpat-, glptt-, gldt-, glrt-, glcbt-, glft-, glsoat-, gloas-, GR1348941...)",
     u"(?<![A-Za-z0-9_-])(?:gl(?:pat|ptt|dt|rt|cbt|ft|soat|oas|imt|agent)-[A-Za-z0-9_-]{20,}+"
     u"|GR1348941[A-Za-z0-9_-]{20,}+)",
     false, nullptr},
    {u"slack-token", u"Slack token (xoxb-, xoxp-, xoxa-, xapp- ...)",
     u"(?<![A-Za-z0-9_-])(?:xox[abposre]|xapp)-[A-Za-z0-9-]{10,}+", false, nullptr},
    {u"slack-webhook", u"Slack incoming webhook URL (the path after hooks.slack.com)",
     u"https://hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_/-]{8,}+)", false,
     nullptr},
    {u"discord-webhook", u"Discord webhook URL (the token after /api/webhooks/ID/)",
     u"https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{5,20}+/(?<secret>[A-Za-z0-9_-]{30,}+)",
     false, nullptr},
    {u"stripe-key", u"Stripe secret or restricted key (sk_live_, sk_test_, rk_...) and webhook secret",
     u"(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}+|whsec_[A-Za-z0-9+/=]{20,}+)", false,
     nullptr},
    {u"google-api-key",
     u"Google API key (AIza...), OAuth client secret (GOCSPX-), access token (ya29.) or refresh token (1//0...)",
     u"(?<![A-Za-z0-9_-])(?:AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])|GOCSPX-[A-Za-z0-9_-]{24,}+"
     u"|ya29\\.[A-Za-z0-9_-]{20,}+|(?<!/)1//0[A-Za-z0-9_-]{30,}+)",
     false, nullptr},
    {u"npm-token", u"npm access token (npm_...)", u"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", false,
     nullptr},
    {u"pypi-token", u"PyPI / TestPyPI upload token (pypi-AgE...)",
     u"(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,}+", false, nullptr},
    {u"dockerhub-token", u"Docker Hub personal or organisation access token (dckr_pat_, dckr_oat_)",
     u"(?<![A-Za-z0-9_-])dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}+", false, nullptr},
    {u"sendgrid-key", u"SendGrid API key (SG.xxx.yyy)",
     u"(?<![A-Za-z0-9_.-])SG\\.[A-Za-z0-9_-]{16,}+\\.[A-Za-z0-9_-]{16,}+", false, nullptr},
    {u"twilio-api-key", u"Twilio API key (SK + 32 hex digits)", u"(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])",
     false, nullptr},
    {u"mailgun-key", u"Mailgun API key (key- + 32 hex digits)",
     u"(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9])", false, nullptr},
    {u"mailchimp-key", u"Mailchimp API key (32 hex digits + -us + data centre)",
     u"(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])", false, nullptr},
    {u"heroku-api-key", u"Heroku API key: a UUID after HEROKU_API_KEY, or an HRKU- token",
     u"(?|(?<![A-Za-z0-9])heroku[_-]?api[_-]?key[\"']?[ \\t]*+[:=][ \\t]*+[\"']?(?<secret>" DZ_UUID u")"
     u"|(?<![A-Za-z0-9_-])(?<secret>HRKU-[A-Za-z0-9_-]{20,}+))",
     true, nullptr},
    {u"digitalocean-token", u"DigitalOcean personal, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_)",
     u"(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9])", false, nullptr},
    {u"shopify-token", u"Shopify access token or shared secret (shpat_, shpca_, shppa_, shpss_)",
     u"(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])", false, nullptr},
    {u"anthropic-key", u"Anthropic API or admin key (sk-ant-api03-..., sk-ant-admin01-...)",
     u"(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat|ort|sid)[0-9]{2}-[A-Za-z0-9_-]{32,}+", false, nullptr},
    {u"openai-key", u"OpenAI-style secret key (sk-, sk-proj-, sk-svcacct-, sk-admin- + 32 or more, with a digit)",
     u"(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{32,}+", false, withDigitSpan},
    {u"huggingface-token", u"Hugging Face access token (hf_...)",
     u"(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}+", false, nullptr},
    {u"databricks-token", u"Databricks personal access token (dapi + 32 hex digits)",
     u"(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])", false, nullptr},
    {u"vault-token", u"HashiCorp Vault service, batch or recovery token (hvs., hvb., hvr.)",
     u"(?<![A-Za-z0-9_.-])hv[sbr]\\.[A-Za-z0-9_-]{24,}+", false, nullptr},
    {u"terraform-cloud-token", u"Terraform Cloud / Enterprise API token (xxxxxxxxxxxxxx.atlasv1.xxx)",
     u"(?<![A-Za-z0-9])[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_-]{60,}+", false, nullptr},
    {u"pulumi-token", u"Pulumi access token (pul- + 40 hex digits)",
     u"(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}(?![A-Za-z0-9])", false, nullptr},
    {u"grafana-token", u"Grafana service account or Cloud token (glsa_, glc_)",
     u"(?<![A-Za-z0-9_])(?:glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])|glc_[A-Za-z0-9+/]{32,}+={0,2}+)",
     false, nullptr},
    {u"atlassian-token", u"Atlassian API token (ATATT3...)",
     u"(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{100,}+", false, nullptr},
    {u"new-relic-key", u"New Relic user API key (NRAK-)",
     u"(?<![A-Za-z0-9_-])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])", false, nullptr},
    {u"square-token", u"Square access token or OAuth secret (sq0atp-, sq0csp-)",
     u"(?<![A-Za-z0-9_-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}+", false, nullptr},
    {u"age-secret-key", u"age encryption secret key (AGE-SECRET-KEY-1...)",
     u"(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[0-9A-Z]{58}(?![A-Za-z0-9])", false, nullptr},
    {u"azure-ad-client-secret", u"Microsoft Entra ID (Azure AD) client secret (xxx8Q~...)",
     u"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}+(?![A-Za-z0-9_~.-])", false, nullptr},
    {u"azure-storage-key", u"Azure storage / service bus key (AccountKey=, SharedAccessKey=)",
     u"(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)[ \\t]*+=[ \\t]*+(?<secret>[A-Za-z0-9+/]{20,}+={0,2}+)", true,
     nullptr},
    {u"azure-sas-signature", u"Azure shared access signature in a URL query (sig=)",
     u"[?&]sig=(?<secret>[A-Za-z0-9%+/=]{16,}+)", false, nullptr},
    {u"url-password", u"password in a URL or connection URI (scheme://user:password@host)",
     u"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}+://[^\\s/?#@:\"'<>]*+:(?<secret>[^\\s/?#\"'<>]+)@", false,
     nullptr},
    {u"connection-string-password", u"Password=/Pwd= inside an ADO-style connection string (up to ';')",
     u"(?<=;)[ \\t]*+(?:password|pwd)[ \\t]*+=[ \\t]*+(?<secret>[^;\\r\\n\"']++)", true, connectionStringSpan},
    {u"authorization-header", u"Authorization header credentials; the scheme (Bearer, Basic ...) stays",
     u"(?<![A-Za-z0-9_-])(?:proxy-)?authorization[\"']?[ \\t]*+[:=][ \\t]*+[\"']?"
     u"(?:(?:bearer|basic|token|bot|negotiate|ntlm|apikey|sso-key)[ \\t]++)?(?<secret>[^\\s\"'`,;]++)",
     true, authorizationSpan},
    {u"bearer-token", u"a token after the word Bearer (16+ token characters with a digit)",
     u"(?<![A-Za-z0-9_-])bearer[ \\t]++(?<secret>[A-Za-z0-9._~+/-]{16,}+=*+)", true, bearerSpan},
    {u"registry-login-password", u"-p PASSWORD of docker/podman/nerdctl/buildah/skopeo/oras/helm registry login",
     u"(?<![A-Za-z0-9_-])(?:docker|podman|nerdctl|buildah|skopeo|oras|helm[ \\t]++registry)[ \\t]++login"
     u"(?![A-Za-z0-9_-])[^\\r\\n]{0,1000}?[ \\t]-p(?:[ \\t]++|=)",
     false, valueAfterSpan},
    {u"cli-user-password", u"the password of curl -u/--user/-U/--proxy-user and HTTPie -a/--auth user:password",
     u"(?<![A-Za-z0-9_-])(?:curl(?![A-Za-z0-9_-])[^\\r\\n]{0,2000}?[ \\t]"
     u"(?:--(?:proxy-)?user(?:[ \\t]++|=)|-[uU][ \\t]*+)"
     u"|(?:https?|xhs?)(?=[ \\t])[^\\r\\n]{0,2000}?[ \\t](?:--auth(?:[ \\t]++|=)|-a[ \\t]*+))",
     false, userPasswordSpan},
    {u"cookie-header", u"the value of a Cookie or Set-Cookie header (session credentials)",
     u"(?<![A-Za-z0-9_-])(?:set-)?cookie[\"']?[ \\t]*+:[ \\t]*+[\"']?(?<secret>[^\\r\\n\"']++)", true, nullptr},
    {u"config-set-secret", u"value of npm/yarn/pnpm config set and aws configure set for a secret-named setting",
     u"(?<![A-Za-z0-9_-])(?:(?:npm|yarn|pnpm)[ \\t]++config|aws[ \\t]++configure)[ \\t]++set[ \\t]++"
     u"(?<key>[^\\s=]{1,200}+)(?:[ \\t]++|=)",
     false, configSetSpan},
    {u"secret-literal", u"values put into a secret: kubectl --from-literal=KEY=VALUE, gh secret set --body VALUE",
     u"(?<![A-Za-z0-9_-])(?:--from-literal(?:[ \\t]++|=)[\"']?[A-Za-z0-9_.-]{1,253}+="
     u"|gh[ \\t]++secret[ \\t]++set(?![A-Za-z0-9_-])[^\\r\\n]{0,500}?[ \\t](?:--body|-b)(?:[ \\t]++|=))",
     false, secretLiteralSpan},
    {u"secret-flag", u"value of --password, --token, --secret, --api-key ... (one or two dashes)",
     u"(?<![A-Za-z0-9_-])--?(?<name>[A-Za-z][A-Za-z0-9_-]{0,47}+)(?<sep>=|[ \\t]++)", false, secretFlagSpan},
    {u"secret-assignment", u"NAME=value / name: value where the name says secret (TOKEN, PASSWORD, API_KEY ...)",
     u"(?<![A-Za-z0-9_.$-])(?<q>[\"']?)(?<key>[A-Za-z_][A-Za-z0-9_.-]{0,63}+)\\k<q>(?<pre>[ \\t]*+)"
     u"(?<sep>=>|[:=])(?![=:])(?<post>[ \\t]*+)",
     false, assignmentSpan},
};
#undef DZ_UUID

} // namespace

std::span<const RuleSpec> redactionRuleSpecs()
{
    return kRules;
}

} // namespace devzero::capture::detail
